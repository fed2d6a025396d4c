"""Property tests: the parser never fails other than with a positioned error, and no
recommendation over generated answer sets lacks a level or a citation."""

from __future__ import annotations

import datetime
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from triage.data.tomlpos import locate
from triage.rules.conditions import ConditionError, parse
from triage.rules.model import Knowledge
from triage.rules.recommendation import recommend

TOKENS = [
    "age",
    "caller",
    "substances",
    "and",
    "or",
    "not",
    "in",
    "==",
    "!=",
    "<",
    "<=",
    ">",
    ">=",
    "(",
    ")",
    "[",
    "]",
    ",",
    "'self'",
    '"x"',
    "18",
    "-3",
    "true",
    "false",
    "'",
    "@",
    " ",
]


def _parses_or_positioned(source: str) -> None:
    try:
        parse(source)
    except ConditionError as err:
        assert 1 <= err.column <= len(source) + 1


@settings(max_examples=400, deadline=None)
@given(st.text())
def test_parser_arbitrary_text(source: str) -> None:
    _parses_or_positioned(source)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=25).map(" ".join))
def test_parser_token_soup(source: str) -> None:
    _parses_or_positioned(source)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_tomlpos_never_raises(text: str) -> None:
    locate(text)


def answer_sets(knowledge: Knowledge) -> st.SearchStrategy[dict[str, Any]]:
    parts: dict[str, st.SearchStrategy[Any]] = {}
    for q in knowledge.flow.questions:
        if q.kind == "bool":
            parts[q.id] = st.booleans()
        elif q.kind == "int":
            parts[q.id] = st.integers(q.minimum or 0, q.maximum or 0)
        elif q.kind == "choice":
            parts[q.id] = st.sampled_from([o.value for o in q.options])
        else:
            parts[q.id] = st.lists(st.sampled_from([o.value for o in q.options]), min_size=1, unique=True).map(tuple)
    return st.fixed_dictionaries(parts)


def test_every_recommendation_is_cited(knowledge: Knowledge) -> None:
    @settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(answer_sets(knowledge), st.sampled_from(sorted(knowledge.municipalities)))
    def check(answers: dict[str, Any], municipality: str) -> None:
        rec = recommend(knowledge, municipality, answers, datetime.date(2026, 11, 24))
        assert rec.cited("service_level")
        items = [f"offer:{o.id}" for o in rec.offers] + [f"notification:{n.to}" for n in rec.notifications]
        items += [f"next_step:{s.id}" for s in rec.steps] + [f"deadline:{d}" for d in rec.deadlines]
        for item in items:
            assert rec.cited(item), item
        if answers["acute_danger"]:
            assert rec.level.id == "emergency"

    check()
