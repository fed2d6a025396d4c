"""Why the right answer is right, for each item the trainee got wrong: the rule, its answers, the case.

A section title ("Ungebehandling") does not teach. For an item of the right result this
finds the rule that decided it (its text is a sentence written for people), the answers that
rule read (the engine's ``because``), and, for those answers, the words of the vignette
(the scenario's clues). Pure: the screen renders it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from triage.rules.model import Rule, Text
from triage.rules.outcome import Because
from triage.rules.recommendation import Recommendation
from triage.training.scenarios import Scenario

KINDS = {"service_level": "level", "notification": "notification", "offer": "offer", "deadline": "deadline"}


@dataclass(frozen=True)
class Lesson:
    item: str  # "service_level", "notification:parents", "offer:…", "deadline:…"
    rule: Rule | None  # the rule that decided it in the right result
    because: Because | None  # the answers that rule read
    clues: tuple[tuple[str, Text], ...]  # (answer key, the vignette's words) for those answers


def deciding_rule(rec: Recommendation, item: str) -> Rule | None:
    """The rule behind one item of ``rec``: the winning level rule, the first rule that yields an
    offer or a notification, the rule that gives a deadline its (shortest) day count."""
    kind, _, target = item.partition(":")
    rule_kind = KINDS.get(kind)
    if kind == "service_level":
        target = rec.level.id
    rules = [r for r in rec.fired if r.kind == rule_kind and r.target == target]
    if kind == "deadline":
        return min(rules, key=lambda r: r.days or 0, default=None)
    return rules[0] if rules else None


def lesson(scenario: Scenario, rec: Recommendation, item: str) -> Lesson:
    why = rec.why(item)
    read = [r.name for r in why.decided] if why is not None else []
    clues = tuple((k, scenario.clues[k]) for k in read if k in scenario.clues)
    return Lesson(item, deciding_rule(rec, item), why, clues)


def items_of(field: str, right: Recommendation, theirs: Recommendation | None) -> list[str]:
    """The items of the right result that one debrief difference is about (none for an item
    that is only in the trainee's result: no rule of the right one decided it)."""
    kind = field.removeprefix("outcome:")
    if kind == "service_level":
        return ["service_level"]
    if kind.startswith("notification:"):
        target = kind.partition(":")[2]
        return [kind] if target in {n.to for n in right.notifications} else []
    other: Iterable[str] = ()
    if kind == "notifications":
        mine = [n.to for n in right.notifications]
        other = [n.to for n in theirs.notifications] if theirs is not None else []
        return [f"notification:{k}" for k in mine if k not in other]
    if kind == "offers":
        mine = [o.id for o in right.offers]
        other = [o.id for o in theirs.offers] if theirs is not None else []
        return [f"offer:{k}" for k in mine if k not in other]
    if kind == "deadlines":
        theirs_due = dict(theirs.deadlines) if theirs is not None else {}
        return [f"deadline:{k}" for k, v in right.deadlines.items() if theirs_due.get(k) != v]
    return []
