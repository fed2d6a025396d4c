"""``engine.Staged`` (the proof's two-stage ``decide``) gives ``decide``'s decision, rule for rule.

The proof evaluates the rules that read no late answer once per group of conversations; if
that ever differed from ``decide``, `triage check` would prove something other than what
`recommend` does. Every municipality of the shipped data, every 5th conversation.
"""

from __future__ import annotations

import pytest

from tests.conftest import ROOT
from triage.data.loader import load
from triage.rules.engine import Staged, decide
from triage.verify import check

KNOWLEDGE = load(ROOT)


@pytest.mark.parametrize("municipality", sorted(KNOWLEDGE.municipalities))
def test_staged_is_decide(municipality: str) -> None:
    flow, muni = KNOWLEDGE.flow, KNOWLEDGE.municipalities[municipality]
    late = check._late(flow, muni)
    assert late, "nothing late: the test would not test the staging"
    staged = Staged(flow, muni, late)
    early_names = [q.id for q in flow.questions if q.id not in late]
    group, early, compared = None, None, 0
    for n, answers in enumerate(check.conversations(flow, check.domains_for(KNOWLEDGE, muni), KNOWLEDGE.law)):
        env = {**answers, "municipality": muni.id}
        key = tuple(map(answers.get, early_names))
        if key != group:
            group, early = key, staged.early(dict(env))
        if n % 5:
            continue
        assert early is not None
        got = staged.finish(early, dict(env))
        want = decide(flow, muni, dict(env))
        assert (got.level, got.level_rules, got.others) == (want.level, want.level_rules, want.others), answers
        compared += 1
    assert compared > 100


def test_a_late_level_rule_is_staged_too() -> None:
    """Where a level rule reads a late answer, the level is decided per conversation."""
    flow = KNOWLEDGE.flow
    muni = next(iter(KNOWLEDGE.municipalities.values()))
    late = frozenset({"age"} | {q.id for q in flow.questions[flow.questions.index(flow.question("age")) :]})  # type: ignore[arg-type]
    staged = Staged(flow, muni, late)
    assert staged.late_levels
    for answers in list(check.conversations(flow, check.domains_for(KNOWLEDGE, muni), KNOWLEDGE.law))[::50]:
        env = {**answers, "municipality": muni.id}
        got = staged.finish(staged.early(dict(env)), dict(env))
        want = decide(flow, muni, dict(env))
        assert (got.level, got.level_rules, got.others) == (want.level, want.level_rules, want.others)
