"""``triage diff``: what an edit of the data changes, over the answer classes of the proof.

The two versions are compared on the classes that the conditions of both tell apart (the
proof's classes, ``check.classes``, cut by the thresholds of the old and the new rules
together), so that every conversation is covered, as in ``triage check``. Each class is
one complete conversation; where the flow differs, the conversation is walked through
both flows at once: a question either version asks is asked. A question only one version
has is compared at its default where it has one, else at each of its values (stated in
``FlowNote``).

The classes whose outcome differs are then merged: classes with the same change that
differ in one answer only become one, with that answer's values as a set, so that the
report reads "age 26–27, ..." rather than listing each class.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

from triage.rules.conditions import Condition
from triage.rules.engine import decide_level, firing
from triage.rules.model import UNKNOWN, Answer, Flow, Knowledge, Municipality, Question, Rule
from triage.verify.bounds import bound_classes
from triage.verify.check import classes


class Outcome(NamedTuple):
    """What a conversation ends in, as far as a change of the data can matter to the caller."""

    level: str | None  # None: no level applies (a gap, which ``triage check`` reports)
    offers: tuple[str, ...]
    notifications: tuple[tuple[str, str, bool], ...]  # (to, recipient, tell the citizen first)
    deadlines: tuple[tuple[str, int], ...]  # (deadline, days from the contact date)
    steps: tuple[str, ...]
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class FlowNote:
    """A question that only one version asks, and how the comparison answered it."""

    question: str
    change: str  # "added" or "removed"
    compared_at: str  # "default" or "each value"
    values: tuple[Answer, ...]


# One item that differs: (item, before, after); None where the item is not in that result.
# Items are named as in ``citations``: service_level, offer:ID, notification:TO (its value
# the recipient), deadline:ID (its value the days from the contact date), next_step:ID, warning:ID.
Item = tuple[str, str | int | None, str | int | None]


def differences(before: Outcome, after: Outcome) -> tuple[Item, ...]:
    out: list[Item] = []
    if before.level != after.level:
        out.append(("service_level", before.level, after.level))

    def compare(kind: str, old: Mapping[str, str | int], new: Mapping[str, str | int]) -> None:
        for key in dict.fromkeys([*old, *new]):
            if old.get(key) != new.get(key):
                out.append((f"{kind}:{key}", old.get(key), new.get(key)))

    compare("offer", {o: o for o in before.offers}, {o: o for o in after.offers})
    compare(
        "notification",
        {to: recipient + (" (!)" if first else "") for to, recipient, first in before.notifications},
        {to: recipient + (" (!)" if first else "") for to, recipient, first in after.notifications},
    )
    compare("deadline", dict(before.deadlines), dict(after.deadlines))
    compare("next_step", {s: s for s in before.steps}, {s: s for s in after.steps})
    compare("warning", {w: w for w in before.warnings}, {w: w for w in after.warnings})
    return tuple(out)


@dataclass
class Change:
    """Classes with the same change: ``answers`` maps each answer asked to the values it may have.

    A notification's value is its recipient, with `` (!)`` where the citizen is told first.
    """

    answers: dict[str, tuple[Answer, ...]]
    differences: tuple[Item, ...]
    classes: int

    def example(self) -> dict[str, Answer]:
        """One conversation of these classes (the first value of each answer)."""
        return {k: v[0] for k, v in self.answers.items()}


@dataclass
class MunicipalityDiff:
    id: str
    status: str  # "changed", "same", "added", "removed"
    classes: int = 0  # classes compared (0 where the rules are the same and nothing was compared)
    changed: int = 0  # classes whose outcome differs
    changes: list[Change] = field(default_factory=list)
    compared: bool = True  # False: the rules, the flow and the law are the same; nothing can change
    domains: dict[str, list[Answer]] = field(default_factory=dict)


@dataclass
class DiffReport:
    municipalities: list[MunicipalityDiff]
    flow: list[FlowNote]
    seconds: float = 0.0

    @property
    def changed(self) -> bool:
        return any(m.status != "same" for m in self.municipalities)


def outcome(flow: Flow, muni: Municipality, others: list[Rule], env: dict[str, Answer]) -> Outcome:
    levels = decide_level(flow, muni, env)
    if not levels:
        return Outcome(None, (), (), (), (), ())
    env["level"] = levels[0].target
    fired = firing(others, env)
    offers: set[str] = set()
    notes: dict[str, tuple[list[str], bool]] = {}
    deadlines: dict[str, int] = {}
    steps: list[str] = []
    warnings: list[str] = []
    for r in fired:
        if r.kind == "offer":
            offers.add(r.target)
        elif r.kind == "notification":
            recipients, first = notes.get(r.target, ([], False))
            recipient = r.recipient or muni.recipients.get(r.target, "")
            if recipient not in recipients:
                recipients.append(recipient)
            notes[r.target] = (recipients, first or r.inform_citizen_first)
        elif r.kind == "deadline":
            deadlines[r.target] = min(r.days or 0, deadlines.get(r.target, r.days or 0))
        elif r.kind == "step":
            steps.append(r.id)
        elif r.kind == "warning":
            warnings.append(r.id)
    return Outcome(
        levels[0].target,
        tuple(t.id for t in flow.offers if t.id in offers),
        tuple((t.id, " / ".join(notes[t.id][0]), notes[t.id][1]) for t in flow.notifications if t.id in notes),
        tuple((t.id, deadlines[t.id]) for t in flow.deadlines if t.id in deadlines),
        tuple(sorted(steps)),
        tuple(sorted(warnings)),
    )


def _rule_key(r: Rule) -> tuple[object, ...]:
    """What of a rule can change an outcome (not its place in the file, its wording or its citations)."""
    return (r.id, r.kind, r.target, r.when.source, r.recipient, r.inform_citizen_first, r.days)


def _question_key(q: Question) -> tuple[object, ...]:
    return (q.id, q.kind, q.when.source, tuple(o.value for o in q.options), q.minimum, q.maximum, q.default,
            q.allow_unknown.source if q.allow_unknown else None)  # fmt: skip


def _same_flow(old: Flow, new: Flow) -> bool:
    return [_question_key(q) for q in old.questions] == [_question_key(q) for q in new.questions] and [
        t.id for t in old.levels
    ] == [t.id for t in new.levels]


def _order(old: Flow, new: Flow) -> list[str]:
    """Both flows' questions in one order that keeps each flow's own (old-only ones after their predecessor)."""
    order = [q.id for q in new.questions]
    previous: str | None = None
    for q in old.questions:
        if q.id not in order:
            order.insert(order.index(previous) + 1 if previous else 0, q.id)
        previous = q.id
    return order


def flow_notes(old: Flow, new: Flow) -> list[FlowNote]:
    notes = []
    for flow, other, change in ((new, old, "added"), (old, new, "removed")):
        for q in flow.questions:
            if other.question(q.id) is None:
                if q.default is not None:
                    notes.append(FlowNote(q.id, change, "default", (q.default,)))
                else:
                    notes.append(FlowNote(q.id, change, "each value", ()))
    return notes


def _conditions(knowledge: Knowledge, muni: Municipality | None) -> list[Condition]:
    return [
        *(q.when for q in knowledge.flow.questions),
        *(t.when for t in knowledge.law.to_check),
        *(r.when for r in (muni.rules if muni else ())),
    ]


def joint_conversations(
    old: Flow, new: Flow, order: list[str], domains: Mapping[str, list[Answer]]
) -> Iterator[tuple[dict[str, Answer], dict[str, Answer]]]:
    """Every class, as the conversation in the old flow and the same one in the new flow."""
    pairs = [(old.question(qid), new.question(qid)) for qid in order]
    old_given: dict[str, Answer] = {}
    new_given: dict[str, Answer] = {}

    def go(i: int) -> Iterator[tuple[dict[str, Answer], dict[str, Answer]]]:
        if i == len(order):
            yield old_given, new_given
            return
        qo, qn = pairs[i]
        in_old = qo is not None and qo.when.evaluate(old_given) is True
        in_new = qn is not None and qn.when.evaluate(new_given) is True
        if not (in_old or in_new):
            yield from go(i + 1)
            return
        qid = order[i]
        is_int = (qn or qo).kind == "int"  # type: ignore[union-attr]  # one of them asks it
        for value in domains[qid]:
            if (
                value == UNKNOWN
                and is_int
                and not (
                    (in_old and qo is not None and qo.unknown_allowed(old_given))
                    or (in_new and qn is not None and qn.unknown_allowed(new_given))
                )
            ):
                continue
            if in_old:
                old_given[qid] = value
            if in_new:
                new_given[qid] = value
            yield from go(i + 1)
            old_given.pop(qid, None)
            new_given.pop(qid, None)

    yield from go(0)


def compare_municipality(old: Knowledge, new: Knowledge, mid: str, *, skip_unchanged: bool = True) -> MunicipalityDiff:
    mo, mn = old.municipalities.get(mid), new.municipalities.get(mid)
    if mo is None or mn is None:
        return MunicipalityDiff(mid, "added" if mo is None else "removed", compared=False)
    same_flow = _same_flow(old.flow, new.flow)
    if (
        skip_unchanged
        and same_flow
        and [_rule_key(r) for r in mo.rules] == [_rule_key(r) for r in mn.rules]
        and dict(mo.recipients) == dict(mn.recipients)
    ):
        return MunicipalityDiff(mid, "same", compared=False)
    order = _order(old.flow, new.flow)
    conds = _conditions(old, mo) + _conditions(new, mn)
    domains: dict[str, list[Answer]] = {}
    for qid in order:
        qn, qo = new.flow.question(qid), old.flow.question(qid)
        q = qn or qo
        assert q is not None
        if (qn is None or qo is None) and q.default is not None:
            domains[qid] = [q.default]
        else:
            domains[qid] = classes(q, conds)
    bound_classes(domains, mid)  # issue 22: before any conversation is walked
    others_old = [r for r in mo.rules if r.kind != "level"]
    others_new = [r for r in mn.rules if r.kind != "level"]
    report = MunicipalityDiff(mid, "same", domains=domains)
    changed: dict[tuple[Item, ...], list[dict[str, Answer]]] = {}
    for old_answers, new_answers in joint_conversations(old.flow, new.flow, order, domains):
        report.classes += 1
        before = outcome(old.flow, mo, others_old, {**old_answers, "municipality": mid})
        after = outcome(new.flow, mn, others_new, {**new_answers, "municipality": mid})
        if before != after:
            report.changed += 1
            union = {qid: v for qid in order if (v := new_answers.get(qid, old_answers.get(qid))) is not None}
            changed.setdefault(differences(before, after), []).append(union)
    if changed:
        report.status = "changed"
    for items, conversations in changed.items():
        for answers, count in merge(order, conversations, domains):
            report.changes.append(Change(answers, items, count))
    return report


Row = tuple[tuple[Answer, ...] | None, ...]  # per question of the joint order: the values, or None (not asked)


def merge(
    order: list[str], conversations: Iterable[Mapping[str, Answer]], domains: Mapping[str, list[Answer]]
) -> list[tuple[dict[str, tuple[Answer, ...]], int]]:
    """Classes that differ in one answer only, merged into one with that answer's values as a set.

    Exact: a merged entry stands for the product of its value sets, and every class of that
    product was in ``conversations``. Returns the entries with the number of classes in each.
    """
    index = {qid: i for i, qid in enumerate(order)}
    entries: list[Row] = []
    for c in conversations:
        row: list[tuple[Answer, ...] | None] = [None] * len(order)
        for k, v in c.items():
            row[index[k]] = (v,)
        entries.append(tuple(row))
    changed = True
    while changed:
        changed = False
        for j in reversed(range(len(order))):
            buckets: dict[tuple[Row, bool], list[tuple[Answer, ...]]] = {}
            for e in entries:
                buckets.setdefault((e[:j] + e[j + 1 :], e[j] is None), []).append(e[j] or ())
            if len(buckets) == len(entries):
                continue
            changed = True
            merged: list[Row] = []
            rank = domains[order[j]]
            for (rest, none), values in buckets.items():
                cell = None if none else tuple(sorted({v for vs in values for v in vs}, key=rank.index))
                merged.append((*rest[:j], cell, *rest[j:]))
            entries = merged
    out = []
    for e in entries:
        answers = {order[i]: vs for i, vs in enumerate(e) if vs is not None}
        count = 1
        for vs in answers.values():
            count *= len(vs)
        out.append((answers, count))
    return out


def diff(
    old: Knowledge, new: Knowledge, municipalities: Iterable[str] | None = None, *, skip_unchanged: bool = True
) -> DiffReport:
    start = time.perf_counter()
    ids = (
        list(municipalities)
        if municipalities is not None
        else list(dict.fromkeys([*new.municipalities, *old.municipalities]))
    )
    report = DiffReport(
        [compare_municipality(old, new, mid, skip_unchanged=skip_unchanged) for mid in ids],
        flow_notes(old.flow, new.flow),
    )
    report.seconds = time.perf_counter() - start
    return report
