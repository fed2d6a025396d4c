"""What a condition means: three-valued logic over the answers given so far.

An answer that was never asked is unknown (None); a condition that needs it is neither
true nor false, and `not` of unknown stays unknown. Lists compare as sets. A comparison
of values of different kinds is unknown, never an error.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from triage.rules.conditions import AnswerType, check, parse

ANSWERS: dict[str, Any] = {
    "age": 17,
    "caller": "self",
    "resident": True,
    "anonymous": False,
    "substances": ("cannabis", "alcohol"),
}

TABLE = [
    # comparisons
    ("age < 18", True),
    ("age >= 18", False),
    ("age <= 17 and age > 16", True),
    ("18 > age", True),
    ("caller == 'self'", True),
    ('caller != "relative"', True),
    ("caller in ['self', 'professional']", True),
    ("caller not in ['self']", False),
    ("'alcohol' in substances", True),
    ("'opioids' not in substances", True),
    ("substances == ['alcohol', 'cannabis']", True),  # as sets
    ("substances == ['alcohol']", False),
    ("substances != ['alcohol']", True),
    ("resident", True),
    ("not anonymous", True),
    ("resident == true", True),
    ("true", True),
    ("false", False),
    # unknown answers
    ("pregnancy == 'self'", None),
    ("not pregnancy == 'self'", None),
    ("children_at_home", None),
    ("not children_at_home", None),
    ("age < 18 and children_at_home", None),
    ("age > 18 and children_at_home", False),  # false wins over unknown in `and`
    ("age < 18 or children_at_home", True),  # true wins over unknown in `or`
    ("age > 18 or children_at_home", None),
    # kinds that do not compare
    ("age == 'seventeen'", None),
    ("caller < 3", None),
    ("age in ['17']", False),  # membership is plain: not found (the loader refuses such a list)
    ("substances in ['alcohol']", None),
    ("caller == ['self']", None),
    ("age", None),  # a number is not a truth value
    # grouping
    ("not (age < 18 and resident)", False),
    ("(age > 20 or resident) and not anonymous", True),
]


@pytest.mark.parametrize(("source", "expected"), TABLE, ids=[s for s, _ in TABLE])
def test_truth_table(source: str, expected: bool | None) -> None:
    assert parse(source).evaluate(ANSWERS) is expected


def test_nothing_answered_yet() -> None:
    assert parse("not acute_danger").evaluate({}) is None
    assert parse("true").evaluate({}) is True


ATOMS = ["age < 18", "age >= 18", "resident", "children_at_home", "caller == 'self'", "'alcohol' in substances"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(ATOMS), min_size=1, max_size=4), st.sampled_from(["and", "or"]))
def test_not_is_negation_and_de_morgan_holds(atoms: list[str], op: str) -> None:
    """`not (a and b)` is `not a or not b` in three-valued logic, whatever is unknown."""
    other = "or" if op == "and" else "and"
    left = parse(f"not ({f' {op} '.join(atoms)})").evaluate(ANSWERS)
    right = parse(f" {other} ".join(f"not ({a})" for a in atoms)).evaluate(ANSWERS)
    assert left is right


# --- "not known" (issue 19): `age == 'unknown'` ---------------------------------------
# The answer "ved ikke" to a number question is the text 'unknown' (model.UNKNOWN). A rule
# may test for it; a known number or yes/no is never it, and an unanswered question is
# neither it nor not it. Both ways of writing the test must agree: the name on the left
# (the compiled fast path) and the literal on the left (the general comparison).

UNKNOWN_TESTS = [
    ("{name} == 'unknown'", False),
    ("'unknown' == {name}", False),
    ("{name} != 'unknown'", True),
    ("'unknown' != {name}", True),
    ("not {name} == 'unknown'", True),
]


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.integers(min_value=-5, max_value=200), st.booleans()), st.sampled_from(UNKNOWN_TESTS))
def test_a_known_number_or_yes_no_is_never_unknown(value: int | bool, test: tuple[str, bool]) -> None:
    source, expected = test
    for name in ("age", "under_pension_age"):
        assert parse(source.format(name=name)).evaluate({name: value}) is expected


@settings(max_examples=50, deadline=None)
@given(st.sampled_from(UNKNOWN_TESTS), st.dictionaries(st.sampled_from(["caller", "resident"]), st.just("self")))
def test_an_unanswered_question_is_neither_unknown_nor_known(test: tuple[str, bool], others: dict[str, Any]) -> None:
    source, _ = test
    assert parse(source.format(name="age")).evaluate(others) is None


@pytest.mark.parametrize(("source", "expected"), UNKNOWN_TESTS, ids=[s for s, _ in UNKNOWN_TESTS])
def test_the_answer_not_known_is_unknown(source: str, expected: bool) -> None:
    assert parse(source.format(name="age")).evaluate({"age": "unknown"}) is (not expected)


def test_unknown_decides_nothing_it_does_not_name() -> None:
    """Comparing a not-known age with a number stays unknown: only `== 'unknown'` reads it."""
    assert parse("age < 18").evaluate({"age": "unknown"}) is None
    assert parse("age < 18 or age == 'unknown'").evaluate({"age": "unknown"}) is True
    assert parse("age >= 18 and age != 'unknown'").evaluate({"age": "unknown"}) is False


def test_the_loader_accepts_unknown_only_where_it_can_be_an_answer() -> None:
    types = {
        "age": AnswerType("int"),
        "under_pension_age": AnswerType("bool"),
        "caller": AnswerType("choice", ("self", "relative", "professional")),
    }
    assert check(parse("age == 'unknown' or under_pension_age != 'unknown'"), types) == []
    assert check(parse("age < 'unknown'"), types) != []  # an order needs a number
    assert check(parse("caller == 'unknown'"), types) != []  # not one of the options
