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

import datetime
import time
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from triage.rules.because import FAILS, HOLDS
from triage.rules.conditions import Condition, explain, parse
from triage.rules.derived import DERIVED, boundaries
from triage.rules.engine import FlowState, cite, decide, evaluate, facts, settle
from triage.rules.model import UNKNOWN, Answer, Flow, Knowledge, Municipality, Question, Rule
from triage.rules.outcome import Decision, Difference, ItemKey, Outcome, differences, facets
from triage.verify.bounds import bound_classes
from triage.verify.check import classes


@dataclass(frozen=True)
class FlowNote:
    """A question that only one version asks, and how the comparison answered it."""

    question: str
    change: str  # "added", "removed", or "range" (its min or max changed: values are old min, max, new min, max)
    compared_at: str  # "default" or "each value"
    values: tuple[Answer, ...]


@dataclass
class Change:
    """Classes with the same change: ``answers`` maps each answer asked to the values it may have."""

    answers: dict[str, tuple[Answer, ...]]
    differences: tuple[Difference, ...]
    classes: int
    # Where what is decided changes: the wording that changes too in some of these classes.
    reworded: tuple[Difference, ...] = ()

    @property
    def wording_only(self) -> bool:
        """Nothing decided differs: only texts, citations or the reasons given."""
        return all(d.wording for d in self.differences)

    def example(self) -> dict[str, Answer]:
        """One conversation of these classes (the first value of each answer)."""
        return {k: v[0] for k, v in self.answers.items()}


@dataclass
class MunicipalityDiff:
    id: str
    status: str  # "changed", "same", "added", "removed"
    classes: int = 0  # classes compared (0 where the rules are the same and nothing was compared)
    changed: int = 0  # classes whose outcome differs (in what is decided, or only in its wording)
    reworded: int = 0  # of those, the classes where only the wording differs
    changes: list[Change] = field(default_factory=list)
    compared: bool = True  # False: the rules, the flow and the law are the same; nothing can change
    domains: dict[str, list[Answer]] = field(default_factory=dict)


@dataclass
class DiffReport:
    municipalities: list[MunicipalityDiff]
    flow: list[FlowNote]
    seconds: float = 0.0
    wording: list[str] = field(default_factory=list)  # data shown in every result that changed (see ``_wording``)

    @property
    def changed(self) -> bool:
        ranges = any(n.change == "range" for n in self.flow)
        return ranges or bool(self.wording) or any(m.status != "same" for m in self.municipalities)


def _rule_key(r: Rule) -> tuple[object, ...]:
    """Everything of a rule that can change a result or its words (not its place in the file)."""
    return (r.id, r.kind, r.target, r.when.source, r.text, r.cites, r.provided_by, r.recipient,
            r.inform_citizen_first, r.days, r.due, r.due_days)  # fmt: skip


def _question_key(q: Question) -> tuple[object, ...]:
    return (q.id, q.kind, q.when.source, tuple(o.value for o in q.options), q.minimum, q.maximum, q.default,
            q.allow_unknown.source if q.allow_unknown else None, q.min_selected,
            q.unknown_if_missing.source if q.unknown_if_missing else None)  # fmt: skip


def _same_flow(old: Flow, new: Flow) -> bool:
    """The same questions and conditions, and the same level order: the same decisions."""
    return [_question_key(q) for q in old.questions] == [_question_key(q) for q in new.questions] and [
        t.id for t in old.levels
    ] == [t.id for t in new.levels]


def _same_law(old: Knowledge, new: Knowledge) -> bool:
    """The law that decides or cites (superseded paragraphs, cases to re-check, the pension ages)."""
    lo, ln = old.law, new.law
    return (
        [(s.cited, s.current, s.since) for s in lo.superseded] == [(s.cited, s.current, s.since) for s in ln.superseded]
        and [(t.law, t.when.source) for t in lo.to_check] == [(t.law, t.when.source) for t in ln.to_check]
        and lo.pension_ages == ln.pension_ages
    )


def _same_order(old: Municipality, new: Municipality) -> bool:
    """The rules both versions have stand in the same order (texts are joined in rule order)."""
    common = {r.id for r in old.rules} & {r.id for r in new.rules}
    return [r.id for r in old.rules if r.id in common] == [r.id for r in new.rules if r.id in common]


def _wording(old: Knowledge, new: Knowledge) -> list[str]:
    """What every result may show and that an edit changed without changing a decision: the
    flow's labels and texts, the law's notes, a municipality's name, centre and sources. Each
    is reported once, not for every class of conversation that shows it."""
    out = []
    if _same_flow(old.flow, new.flow) and old.flow != new.flow:
        out.append("flow: labels or texts")
    if _same_law(old, new) and old.law != new.law:
        out.append("law: notes")
    for mid in new.municipalities:
        mo, mn = old.municipalities.get(mid), new.municipalities.get(mid)
        if mo is not None and mn is not None and (mo.name, mo.centre) != (mn.name, mn.centre):
            out.append(f"{mid}: name or centre")
    return out


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
    for q in new.questions:
        o = old.question(q.id)
        if o is not None and (o.minimum, o.maximum) != (q.minimum, q.maximum):
            # Answers the old data took may be refused now (or the other way round): a change
            # whatever the rules say (issue 22).
            bounds = (o.minimum, o.maximum, q.minimum, q.maximum)
            notes.append(FlowNote(q.id, "range", "", tuple(b if b is not None else "-" for b in bounds)))
    return notes


def _conditions(knowledge: Knowledge, muni: Municipality | None) -> list[Condition]:
    conds = [
        *(q.when for q in knowledge.flow.questions),
        *(t.when for t in knowledge.law.to_check),
        *(r.when for r in (muni.rules if muni else ())),
    ]
    # A derived fact varies with an answer (the pension age with the age): cut there too, at
    # every value, so that each class has one value of it on the diff's contact date.
    for name in DERIVED:
        if any(name in c.names() for c in conds):
            for answer, (lo, hi) in boundaries(knowledge.law, name).items():
                conds += [parse(f"{answer} == {v}") for v in range(lo, hi + 1)]
    return conds


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
        for value in domains[qid]:
            if value == UNKNOWN and not (
                (in_old and _unknown_allowed(qo, old_given)) or (in_new and _unknown_allowed(qn, new_given))
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


def _unknown_allowed(q: Question | None, given: Mapping[str, Answer]) -> bool:
    return q is not None and (q.allow_unknown is None or q.unknown_allowed(given))


_NO_STATE = FlowState({}, (), None, 0, ())  # the answers are not part of what is compared


class _Side:
    """One version of one municipality, for the class-by-class comparison."""

    def __init__(self, knowledge: Knowledge, muni: Municipality, day: datetime.date) -> None:
        self.knowledge, self.muni, self.day = knowledge, muni, day
        self.rules = {r.id: _rule_key(r) for r in muni.rules}
        self.by_id = {r.id: r for r in muni.rules}
        self._settled: dict[tuple[object, ...], tuple[Outcome, dict[ItemKey, dict[str, object]]]] = {}
        self.reads = {r.id: _closure(knowledge.flow, r.when.names()) for r in muni.rules}
        self._relevant: dict[tuple[object, ...], set[str]] = {}
        self.compared: dict[tuple[int, int], tuple[Difference, ...]] = {}  # see ``_class_differences``
        self._roles: dict[int, dict[str, tuple[ItemKey, frozenset[bool | None]]]] = {}

    def decision(self, answers: Mapping[str, Answer]) -> Decision:
        return decide(self.knowledge.flow, self.muni, facts(self.knowledge, self.muni.id, answers, self.day))

    def relevant(self, decision: Decision) -> set[str]:
        """The rules whose edit could change this class's result or its words: those that
        applied, the level rules that rank above the winner (their conditions are in the level's
        ``because``), and every rule of a deadline that applied (the shorter ones are too)."""
        signature = (decision.level, tuple(map(id, decision.level_rules + decision.others)))
        found = self._relevant.get(signature)
        if found is None:
            found = self._relevant[signature] = self._find_relevant(decision)
        return found

    def _find_relevant(self, decision: Decision) -> set[str]:
        flow, level = self.knowledge.flow, decision.level
        out = {r.id for r in decision.level_rules + decision.others}
        deadlines = {r.target for r in decision.others if r.kind == "deadline"}
        for r in self.muni.rules:
            if (r.kind == "level" and (level is None or flow.rank(r.target) < flow.rank(level))) or (
                r.kind == "deadline" and r.target in deadlines
            ):
                out.add(r.id)
        return out

    def settled(self, decision: Decision) -> tuple[Outcome, dict[ItemKey, dict[str, object]]]:
        """The outcome up to its citations, and its facets (``because`` is compared apart, see
        ``_reasons_moved``). It depends only on the rules that applied and on the law's cases to
        re-check, which many classes share: each is worked out once."""
        env = decision.facts
        signature = (
            decision.level,
            tuple(map(id, decision.level_rules)),
            tuple(map(id, decision.others)),
            tuple(t.when.evaluate(env) for t in self.knowledge.law.to_check),
        )
        found = self._settled.get(signature)
        if found is None:
            outcome = cite(self.knowledge, settle(self.knowledge.flow, self.muni, decision, _NO_STATE, self.day))
            found = self._settled[signature] = (outcome, facets(outcome))
        return found

    def roles(self, outcome: Outcome) -> dict[str, tuple[ItemKey, frozenset[bool | None]]]:
        """The rules whose condition a ``because`` reads, with the item and what it shows of it
        (``HOLDS``: what made it apply; ``FAILS``: what kept it from applying)."""
        found = self._roles.get(id(outcome))  # outcomes are kept in ``_settled``
        if found is None:
            found = self._roles[id(outcome)] = self._find_roles(outcome)
        return found

    def _find_roles(self, outcome: Outcome) -> dict[str, tuple[ItemKey, frozenset[bool | None]]]:
        flow, level = self.knowledge.flow, outcome.level.id
        key = ItemKey("service_level", level)
        out: dict[str, tuple[ItemKey, frozenset[bool | None]]] = {outcome.level.rules[0].id: (key, HOLDS)}
        for r in self.muni.rules:
            if r.kind == "level" and flow.rank(r.target) < flow.rank(level):
                out.setdefault(r.id, (key, FAILS))
        for o in outcome.offers:
            out.setdefault(o.rules[0].id, (ItemKey("offer", o.id), HOLDS))
        for n in outcome.notifications:
            out.setdefault(n.rules[0].id, (ItemKey("notification", n.to), HOLDS))
        for d in outcome.deadlines:
            first = min(d.rules, key=lambda r: r.days or 0)
            out.setdefault(first.id, (ItemKey("deadline", d.id), HOLDS))
            for r in self.muni.rules:
                if r.kind == "deadline" and r.target == d.id and (r.days or 0) < (first.days or 0):
                    out.setdefault(r.id, (ItemKey("deadline", d.id), FAILS))
        return out


def _closure(flow: Flow, names: Iterable[str]) -> frozenset[str]:
    """The answers a ``because`` can show for a condition that reads ``names``: those, and
    what made each of their questions asked, and so on (as ``because._closed``)."""
    seen: set[str] = set()
    todo = list(names)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        q = flow.question(name)
        if q is not None:
            todo += q.when.names()
    return frozenset(seen)


def compare_municipality(
    old: Knowledge, new: Knowledge, mid: str, *, skip_unchanged: bool = True, day: datetime.date | None = None
) -> MunicipalityDiff:
    """Compare one municipality class by class (``_class_differences``), then group the classes
    that change alike (``_grouped``)."""
    mo, mn = old.municipalities.get(mid), new.municipalities.get(mid)
    if mo is None or mn is None:
        return MunicipalityDiff(mid, "added" if mo is None else "removed", compared=False)
    before, after = _Side(old, mo, day or datetime.date.today()), _Side(new, mn, day or datetime.date.today())
    edited = {rid for rid in {*before.rules, *after.rules} if before.rules.get(rid) != after.rules.get(rid)}
    context_same = _same_context(old, new, mo, mn)
    if skip_unchanged and context_same and not edited:
        return MunicipalityDiff(mid, "same", compared=False)
    order = _order(old.flow, new.flow)
    domains = _domains(old, new, mo, mn, order)
    bound_classes(domains, mid)  # issue 22: before any conversation is walked
    edited |= _reading_changed_questions(old.flow, new.flow, order, (before, after))
    levels_same = [t.id for t in old.flow.levels] == [t.id for t in new.flow.levels]
    report = MunicipalityDiff(mid, "same", domains=domains)
    found_in: list[tuple[tuple[Difference, ...], dict[str, Answer]]] = []
    for old_answers, new_answers in joint_conversations(old.flow, new.flow, order, domains):
        report.classes += 1
        found = _class_differences(before, after, old_answers, new_answers, edited, context_same, levels_same)
        if found:
            union = {qid: v for qid in order if (v := new_answers.get(qid, old_answers.get(qid))) is not None}
            found_in.append((found, union))
    report.changed = len(found_in)
    report.reworded = sum(all(d.wording for d in found) for found, _ in found_in)
    report.status = "changed" if found_in else "same"
    report.changes = _grouped(found_in, order, domains)
    return report


def _same_context(old: Knowledge, new: Knowledge, mo: Municipality, mn: Municipality) -> bool:
    """Everything but the rules that a result of this municipality depends on is the same."""
    return (
        _same_flow(old.flow, new.flow)
        and old.flow.levels == new.flow.levels
        and _same_law(old, new)
        and (dict(mo.recipients), dict(mo.sources), mo.standard) == (dict(mn.recipients), dict(mn.sources), mn.standard)
        and _same_order(mo, mn)
    )


def _reading_changed_questions(old: Flow, new: Flow, order: list[str], sides: Iterable[_Side]) -> set[str]:
    """The rules whose reasons can show a question whose definition changed."""
    changed = {
        qid for qid in order
        if (qo := old.question(qid)) is None or (qn := new.question(qid)) is None
        or _question_key(qo) != _question_key(qn)
    }  # fmt: skip
    return {rid for side in sides for rid, names in side.reads.items() if names & changed}


def _grouped(
    found_in: list[tuple[tuple[Difference, ...], dict[str, Answer]]],
    order: list[str],
    domains: Mapping[str, list[Answer]],
) -> list[Change]:
    """Classes grouped by what is decided differently (where nothing is: by the wording), each
    group merged into as few lines as it takes; what is decided first, then the wording."""
    changed: dict[tuple[Difference, ...], list[dict[str, Answer]]] = {}
    reworded: dict[tuple[Difference, ...], dict[Difference, None]] = {}
    for found, union in found_in:
        decided = tuple(d for d in found if not d.wording)
        changed.setdefault(decided or found, []).append(union)
        if decided:
            reworded.setdefault(decided, {}).update(dict.fromkeys(d for d in found if d.wording))
    out = [
        Change(answers, items, count, tuple(reworded.get(items, ())))
        for items, conversations in changed.items()
        for answers, count in merge(order, conversations, domains)
    ]
    return sorted(out, key=lambda c: c.wording_only)


def _domains(
    old: Knowledge, new: Knowledge, mo: Municipality, mn: Municipality, order: list[str]
) -> dict[str, list[Answer]]:
    conds = _conditions(old, mo) + _conditions(new, mn)
    domains: dict[str, list[Answer]] = {}
    for qid in order:
        qn, qo = new.flow.question(qid), old.flow.question(qid)
        q = qn or qo
        if q is None:  # pragma: no cover - the order is made of both flows' questions
            continue
        if (qn is None or qo is None) and q.default is not None:
            domains[qid] = [q.default]
        elif qn is not None and qo is not None and qn.kind == "int":
            # Both versions' bounds: a changed min or max is a class of its own.
            domains[qid] = sorted({*classes(qo, conds), *classes(qn, conds)}, key=_class_order)
        else:
            domains[qid] = classes(q, conds)
    return domains


def _class_order(v: Answer) -> tuple[int, int]:
    return (1, 0) if not isinstance(v, int) else (0, v)


def _class_differences(
    before: _Side,
    after: _Side,
    old_answers: Mapping[str, Answer],
    new_answers: Mapping[str, Answer],
    edited: set[str],
    context_same: bool,
    levels_same: bool,
) -> tuple[Difference, ...]:
    """The differences of one class, with no more of the evaluation than it takes.

    Both versions decide (``engine.decide``). Where nothing that could matter changed (no
    edited rule is relevant, same answers, same context) the class is the same. Else the two
    outcomes up to their citations are compared (worked out once per set of rules that apply,
    ``_Side.settled``), and the reasons (``because``) through the conditions of the edited
    rules that a reason reads: the same conditions reading the same answers give the same
    reasons. Where the order of the levels changed, both outcomes are evaluated in full.
    """
    a, b = before.decision(old_answers), after.decision(new_answers)
    if a.level is None or b.level is None:
        return () if a.level == b.level else (_gap(a, b),)
    if not levels_same:
        found = differences(_outcome(before, old_answers), _outcome(after, new_answers))
    else:
        touched = edited & (before.relevant(a) | after.relevant(b))
        changed = {k for k in {*old_answers, *new_answers} if old_answers.get(k) != new_answers.get(k)}
        if context_same and not touched and not changed:
            return ()  # only unedited rules decide and word this class, in the same context
        (old, old_facets), (new, new_facets) = before.settled(a), after.settled(b)
        pair = (id(old_facets), id(new_facets))  # both kept alive by the sides' ``_settled``
        if pair not in after.compared:
            after.compared[pair] = differences(old_facets, new_facets)
        found = after.compared[pair]
        seen = {(d.key, d.field) for d in found}
        moved = _reasons_moved(before, after, old, new, touched, changed)
        found += tuple(Difference(k, "because", None, None) for k in moved if (k, "because") not in seen)
    # A changed text or reason is reported as such, not with its words: classes with the same
    # kind of change then merge into one line, whatever their answers.
    return tuple(d._replace(before=None, after=None) if d.wording else d for d in found)


def _reasons_moved(
    before: _Side, after: _Side, old: Outcome, new: Outcome, touched: set[str], changed: set[str]
) -> list[ItemKey]:
    """The items whose ``because`` changes: where a ``touched`` rule's condition reads
    otherwise, where an answer that differs between the two flows (``changed``) can be shown,
    and an item whose rule reads the level follows the level's."""
    roles_old, roles_new = before.roles(old), after.roles(new)
    moved: dict[ItemKey, None] = {}
    for side, roles in ((before, roles_old), (after, roles_new)):
        if changed:
            moved.update(dict.fromkeys(key for rid, (key, _) in roles.items() if side.reads[rid] & changed))
    for rid in touched:
        moved.update(dict.fromkeys(_rule_moved(before, after, old, new, rid, roles_old.get(rid), roles_new.get(rid))))
    if any(k.kind == "service_level" for k in moved):
        for side, outcome in ((before, old), (after, new)):
            for rid, (key, _) in side.roles(outcome).items():
                if key.kind != "service_level" and "level" in side.by_id[rid].when.names():
                    moved[key] = None
    return list(moved)


Role = tuple[ItemKey, frozenset[bool | None]]


def _rule_moved(
    before: _Side, after: _Side, old: Outcome, new: Outcome, rid: str, was: Role | None, now: Role | None
) -> list[ItemKey]:
    """The items whose reasons an edited rule changes: where its role changed, or where its
    condition reads the same answers otherwise."""
    if was is None and now is None:
        return []
    if was is None or now is None or was != now:
        return [role[0] for role in (was, now) if role is not None]
    r_old, r_new = before.by_id.get(rid), after.by_id.get(rid)
    if r_old is None or r_new is None:
        return [was[0]]
    same = explain(r_old.when, old.decision.facts, was[1]) == explain(r_new.when, new.decision.facts, was[1])
    return [] if same else [was[0]]


def _outcome(side: _Side, answers: Mapping[str, Answer]) -> Outcome:
    return evaluate(side.knowledge, side.muni.id, answers, side.day, alternatives=False)


def _gap(a: Decision, b: Decision) -> Difference:
    return Difference(ItemKey("service_level", ""), "", a.level, b.level)


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
    old: Knowledge,
    new: Knowledge,
    municipalities: Iterable[str] | None = None,
    *,
    skip_unchanged: bool = True,
    day: datetime.date | None = None,
) -> DiffReport:
    start = time.perf_counter()
    ids = (
        list(municipalities)
        if municipalities is not None
        else list(dict.fromkeys([*new.municipalities, *old.municipalities]))
    )
    report = DiffReport(
        [compare_municipality(old, new, mid, skip_unchanged=skip_unchanged, day=day) for mid in ids],
        flow_notes(old.flow, new.flow),
        wording=_wording(old, new),
    )
    report.seconds = time.perf_counter() - start
    return report
