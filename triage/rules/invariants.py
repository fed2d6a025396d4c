"""What an invariant of ``flows/law.toml`` reads about a result, and whether one holds.

An invariant (``[[invariants]]``) is a promise that every conversation keeps whatever a
municipality's rules say: acute danger gets the emergency level, a named family's children
get a notification, a request for treatment gets the guarantee unless a cited rule states the
exception. Its ``when`` reads the answers; its ``holds`` also reads the result through the
names below, so the promises live in data and no module names a level or a deadline.
"""

from __future__ import annotations

from triage.rules.conditions import AnswerType
from triage.rules.model import Answer, Flow, Invariant
from triage.rules.outcome import Decision

ROLES = ("emergency", "treatment", "counselling", "referral", "outside")
RESULT_NAMES = frozenset({"level", "role", "notifications", "deadlines", "waived"})  # see ``result_types``


def result_types(flow: Flow) -> dict[str, AnswerType]:
    """The names ``holds`` may read besides the answers, with the values each can take."""
    deadlines = tuple(t.id for t in flow.deadlines)
    return {
        "level": AnswerType("choice", tuple(t.id for t in flow.levels)),
        "role": AnswerType("choice", ROLES),
        "notifications": AnswerType("multi", tuple(t.id for t in flow.notifications)),
        "deadlines": AnswerType("multi", deadlines),
        "waived": AnswerType("multi", deadlines),
    }


def result_facts(flow: Flow, decision: Decision) -> dict[str, Answer]:
    """The result as ``holds`` reads it (``decision`` has a level)."""
    assert decision.level is not None
    others = decision.others
    return {
        "level": decision.level,
        "role": flow.role(decision.level) or "",
        "notifications": tuple(dict.fromkeys(r.target for r in others if r.kind == "notification")),
        "deadlines": tuple(dict.fromkeys(r.target for r in others if r.kind == "deadline")),
        "waived": tuple(dict.fromkeys(w for r in (*decision.level_rules, *others) for w in r.waives)),
    }


def failing(flow: Flow, applying: list[Invariant], env: dict[str, Answer], decision: Decision) -> list[Invariant]:
    """Of the invariants that apply (``applying``), those that do not hold for ``decision``;
    ``env`` (the answers, the proof's own copy) gets the result's facts."""
    if not applying:
        return []
    env.update(result_facts(flow, decision))
    return [i for i in applying if i.holds.evaluate(env) is not True]
