"""The proof behind ``triage check``: prove a data folder complete and consistent, or show a counterexample.

Enumerating raw answers is hopeless (ages x substance subsets x every flag), but the
rules can only tell apart what their conditions test. So each answer's domain is cut
into the classes the conditions distinguish (ages at the thresholds used, substance
sets by the substances named), and the flow is walked over one representative of each
class. Every reachable conversation is covered: a proof, not a sample.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

from triage.data.loader import key_string, resolve
from triage.data.paths import FLOW_FILE, MUNICIPALITIES_FILE
from triage.rules.conditions import Compare, Condition, ListLiteral, Literal, Name, parse
from triage.rules.derived import DERIVED, boundaries, possible
from triage.rules.engine import decide
from triage.rules.errors import Problem
from triage.rules.model import UNKNOWN, Answer, Flow, Knowledge, Law, Location, Municipality, Question
from triage.verify.bounds import bound_classes, bound_named_options


@dataclass
class Report:
    municipality: str
    classes: int = 0
    rules: int = 0
    fired: set[str] = field(default_factory=set)
    dead: list[str] = field(default_factory=list)
    findings: list[Problem] = field(default_factory=list)
    counterexample: dict[str, Answer] | None = None
    seconds: float = 0.0
    asked: set[str] = field(default_factory=set)  # questions asked in some conversation


class Invariant(NamedTuple):
    """A promise of the contract that every conversation must keep, whatever the rules say."""

    answer: str  # the answer it reads directly (so every value class of it is always tried)
    applies: Callable[[Answer | None, Mapping[str, Answer]], bool]  # (that answer, all answers)
    holds: Callable[[str, set[str], set[str]], bool]  # (the level, the notifications, the deadlines) -> kept?
    message: str


def _identifiable(answers: Mapping[str, Answer]) -> bool:
    """The centre can identify the family: every call but a professional's without the citizen's consent."""
    return not (answers.get("caller") == "professional" and answers.get("citizen_consents") is False)


INVARIANTS = (
    Invariant("acute_danger", lambda a, _: a is True, lambda level, _n, _d: level == "emergency",
              "acute danger without the emergency level"),
    Invariant("pregnancy", lambda a, given: a in ("self", "partner") and _identifiable(given),
              lambda _, notified, _d: "child_welfare" in notified,
              "a pregnancy without a notification"),
    Invariant("children_at_home", lambda a, given: a is True and _identifiable(given),
              lambda _, notified, _d: "child_welfare" in notified,
              "children at home without a child-welfare notification"),
    Invariant("caller_under_18", lambda a, _: a is True, lambda _, notified, _d: "child_welfare" in notified,
              "a child calling about a family member without a child-welfare notification"),
    Invariant("citizen_consents", lambda a, given: a is False and given.get("caller") == "professional",
              lambda _, notified, _d: not notified,
              "a notification the centre cannot make (the citizen has not agreed to be named)"),
    Invariant("wants_treatment", lambda a, _: a is False, lambda _, _n, deadlines: "treatment_start" not in deadlines,
              "a treatment guarantee without a request for treatment"),
)  # fmt: skip
INVARIANT_ANSWERS = frozenset(i.answer for i in INVARIANTS)


def classes(q: Question, conds: Iterable[Condition]) -> list[Answer]:
    """One representative answer for each class of ``q``'s domain that the conditions tell apart.

    An answer that no condition and no invariant reads is a single class: whatever it is,
    nothing that is asked or recommended can change.
    """
    conds = list(conds)
    if q.id not in INVARIANT_ANSWERS and not any(q.id in c.names() for c in conds):
        return [_any_value(q)]
    if q.kind == "bool":  # "ved ikke" (contract v3) is a class of its own where it is allowed
        return [False, True, *([UNKNOWN] if q.allow_unknown is not None else [])]
    if q.kind == "choice":
        return [o.value for o in q.options]
    compares = [c for cond in conds for c in cond.comparisons() if q.id in _names(c)]
    if q.kind == "int":
        return _number_classes(q, compares)
    return _set_classes(q, compares)


def _any_value(q: Question) -> Answer:
    if q.kind == "bool":
        return False
    if q.kind == "int":
        return q.minimum if q.minimum is not None else 0
    first = q.options[0].value
    return (first,) if q.kind == "multi" else first


def _number_classes(q: Question, compares: list[Compare]) -> list[Answer]:
    """The first value of each range between the values where a comparison changes its truth.

    ``in [..]`` and ``not in [..]`` change it at each value they list (issue 22: a value left
    out of a list is a class of its own)."""
    lo = q.minimum if q.minimum is not None else 0
    hi = q.maximum if q.maximum is not None else lo
    starts = {lo}
    for c in compares:
        for op, k in _thresholds(c, q.id):
            for b in {"<": [k], ">=": [k], "<=": [k + 1], ">": [k + 1]}.get(op, [k, k + 1]):
                if lo < b <= hi:
                    starts.add(b)
    unknown: list[Answer] = [UNKNOWN] if q.allow_unknown is not None else []
    return [*sorted(starts), *unknown]


def _set_classes(q: Question, compares: list[Compare]) -> list[Answer]:
    """Sets differ only in the options the conditions name, and whether any other is present."""
    named: list[str] = []
    for c in compares:
        for side in (c.left, c.right):
            if isinstance(side, Literal) and isinstance(side.value, str):
                named.append(side.value)
            elif isinstance(side, ListLiteral):
                named += [v for v in side.items if isinstance(v, str)]
    options = [o.value for o in q.options]
    relevant = [v for v in options if v in named]
    others = [v for v in options if v not in named]
    bound_named_options(q.id, len(relevant))  # before 2**n sets are made
    reps: list[Answer] = []
    for mask in range(1 << len(relevant)):
        chosen = tuple(v for i, v in enumerate(relevant) if mask >> i & 1)
        for extra in [()] + ([(others[0],)] if others else []):
            value = chosen + extra
            if len(value) >= max(q.min_selected, 1 if q.min_selected else 0):
                reps.append(value)
    return reps


def _names(c: Compare) -> set[str]:
    return {s.name for s in (c.left, c.right) if isinstance(s, Name)}


def _thresholds(c: Compare, name: str) -> list[tuple[str, int]]:
    """Where ``c`` can change its truth for the number ``name``: (operator, value) pairs."""
    if c.op in ("in", "not in") and isinstance(c.left, Name) and c.left.name == name:
        if isinstance(c.right, ListLiteral):
            return [("==", v) for v in c.right.items if isinstance(v, int) and not isinstance(v, bool)]
        return []
    op, k = _threshold(c, name)
    return [] if k is None else [(op, k)]


def _threshold(c: Compare, name: str) -> tuple[str, int | None]:
    flip = {"<": ">", ">": "<", "<=": ">=", ">=": "<=", "==": "==", "!=": "!="}
    if isinstance(c.left, Name) and c.left.name == name and isinstance(c.right, Literal):
        v = c.right.value
        return c.op, v if isinstance(v, int) and not isinstance(v, bool) else None
    if isinstance(c.right, Name) and c.right.name == name and isinstance(c.left, Literal):
        v = c.left.value
        return flip.get(c.op, c.op), v if isinstance(v, int) and not isinstance(v, bool) else None
    return c.op, None


def conversations(
    flow: Flow, domains: Mapping[str, list[Answer]], law: Law | None = None
) -> Iterator[dict[str, Answer]]:
    """Every reachable complete conversation, one per combination of classes.

    Derived facts (``rules.derived``) that a rule reads are tried, after the questions, with
    every value they can take for those answers on some contact date: the proof does not fix
    the date.
    """
    derived = [name for name in DERIVED if name in domains] if law is not None else []

    def facts(j: int, given: dict[str, Answer]) -> Iterator[dict[str, Answer]]:
        if j == len(derived):
            yield dict(given)
            return
        name = derived[j]
        assert law is not None
        for value in possible(law, name, given):
            if value is None:
                yield from facts(j + 1, given)
                continue
            given[name] = value
            yield from facts(j + 1, given)
            del given[name]

    def go(i: int, given: dict[str, Answer]) -> Iterator[dict[str, Answer]]:
        if i == len(flow.questions):
            yield from facts(0, given)
            return
        q = flow.questions[i]
        if q.when.evaluate(given) is not True:
            yield from go(i + 1, given)
            return
        for value in domains[q.id]:
            if value == UNKNOWN and q.allow_unknown is not None and not q.unknown_allowed(given):
                continue
            given[q.id] = value
            yield from go(i + 1, given)
            del given[q.id]

    yield from go(0, {})


def located(
    knowledge: Knowledge, file: str, path: tuple[str | int, ...], message: str, municipality: str | None = None
) -> Problem:
    """A finding about the value at ``path``, located ``file:line:col: key.path``."""
    return _where(knowledge, Location(file, key_string(path), path=path), message, municipality)


def _where(
    knowledge: Knowledge, location: Location, message: str, municipality: str | None = None, rule: str | None = None
) -> Problem:
    """The line is looked up only here, when there is a finding to show."""
    loc = resolve(knowledge.root, location)
    return Problem(loc.file, loc.key, message, loc.line, loc.column, municipality=municipality, rule=rule)


def flow_findings(knowledge: Knowledge, asked: set[str]) -> list[Problem]:
    """Conditions that read an answer not asked before them, and questions never asked."""
    out = []
    earlier: set[str] = set()
    for i, q in enumerate(knowledge.flow.questions):
        late = sorted(q.when.names() - earlier)
        if late:
            out.append(
                located(
                    knowledge,
                    FLOW_FILE,
                    ("questions", i, "when"),
                    f"reads {', '.join(late)}, which the flow does not ask before this question",
                )
            )
        elif q.id not in asked:
            out.append(
                located(
                    knowledge,
                    FLOW_FILE,
                    ("questions", i, "when"),
                    f"question '{q.id}' is never asked (its condition is false for every conversation)",
                )
            )
        earlier.add(q.id)
    return out


def prove(knowledge: Knowledge, muni: Municipality, domains: Mapping[str, list[Answer]]) -> Report:
    """Walk every class of conversation through the first stage of the evaluation
    (``engine.decide``), and report what breaks a promise; then the rules that never applied."""
    start = time.perf_counter()
    report = Report(muni.id, rules=len(muni.rules))
    for answers in conversations(knowledge.flow, domains, knowledge.law):
        report.classes += 1
        report.asked.update(answers)
        for p in _problems(knowledge.flow, muni, answers, report.fired):
            if report.counterexample is None or len(answers) < len(report.counterexample):
                report.counterexample = answers
            message = located(knowledge, MUNICIPALITIES_FILE, (muni.id,), p, muni.id)  # looked up only now
            if message not in report.findings:
                report.findings.append(message)
    report.dead = [r.id for r in muni.rules if r.id not in report.fired]
    report.findings += _rule_findings(knowledge, muni, report)
    report.seconds = time.perf_counter() - start
    return report


def _problems(flow: Flow, muni: Municipality, answers: Mapping[str, Answer], fired: set[str]) -> list[str]:
    """What one conversation breaks: no level, a broken invariant, an item without a citation.
    ``fired`` gets the rules that applied."""
    decision = decide(flow, muni, {**answers, "municipality": muni.id})
    if decision.level is None:
        return ["no service level applies"]
    fired.update(r.id for r in decision.level_rules if r.target == decision.level)
    fired.update(r.id for r in decision.others)
    notified = {r.target for r in decision.others if r.kind == "notification"}
    due = {r.target for r in decision.others if r.kind == "deadline"}
    problems = [
        i.message
        for i in INVARIANTS
        if i.applies(answers.get(i.answer), answers) and not i.holds(decision.level, notified, due)
    ]
    if any(not r.cites for r in decision.level_rules + decision.others):
        problems.append("an item without a citation")
    return problems


def _rule_findings(knowledge: Knowledge, muni: Municipality, report: Report) -> list[Problem]:
    out = []
    for r in muni.rules:
        if r.id in report.dead:
            out.append(_where(knowledge, r.location, f"rule '{r.id}' never applies (dead rule)", muni.id, r.id))
        for name in sorted(r.when.names() - report.asked - {"level", "municipality"}):
            out.append(_where(knowledge, r.location, f"reads '{name}', which the flow never asks", muni.id, r.id))
    return out


def domains_for(knowledge: Knowledge, muni: Municipality) -> dict[str, list[Answer]]:
    """The answer classes that this municipality's rules (with the flow and the law) tell apart."""
    conds = [
        *(q.when for q in knowledge.flow.questions),
        *(t.when for t in knowledge.law.to_check),
        *(r.when for r in muni.rules),
    ]
    read = [name for name in DERIVED if any(name in c.names() for c in conds)]
    for name in read:  # cut the answers where a derived fact's possible values change
        for answer, values in boundaries(knowledge.law, name).items():
            conds += [parse(f"{answer} < {v}") for v in values]
    domains: dict[str, list[Answer]] = {q.id: classes(q, conds) for q in knowledge.flow.questions}
    bound_classes(domains, muni.id)  # before any conversation is walked
    for name in read:
        domains[name] = []  # its values come from ``possible``, per conversation
    return domains


def verify(knowledge: Knowledge) -> tuple[list[Problem], list[Report]]:
    reports = [prove(knowledge, m, domains_for(knowledge, m)) for m in knowledge.municipalities.values()]
    asked = set().union(*(r.asked for r in reports))
    return flow_findings(knowledge, asked), reports
