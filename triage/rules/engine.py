"""The rules engine: pure functions from answers to the next question (``walk``) and to the
``Outcome`` (``evaluate``).

No I/O, no globals, no municipality names: everything it knows comes in as ``Knowledge``.
``evaluate`` works in named stages (decide, items, citations, steps, because, alternatives);
``triage check`` runs its first stage for every class of conversation, and everything else
reads the ``Outcome`` (``recommendation.recommend`` puts it into words).
"""

from __future__ import annotations

import datetime
from collections.abc import Collection, Iterable, Iterator, Mapping

from triage.rules.because import because
from triage.rules.calendar import is_working_day, last_working_day
from triage.rules.derived import derive
from triage.rules.errors import DataError, Problem
from triage.rules.model import UNKNOWN, Answer, Citation, Flow, Knowledge, Municipality, Question, Rule, Source
from triage.rules.outcome import (
    Cited,
    DeadlineItem,
    Decision,
    LevelItem,
    NotificationItem,
    OfferItem,
    Outcome,
    RightItem,
    StepItem,
    WarningItem,
)
from triage.rules.record import Record, replace

# Keys of an answers file that are not questions of the flow.
META_KEYS = ("municipality", "contact_date")


class FlowState(Record):
    """Where a conversation stands for a given set of answers."""

    answers: Mapping[str, Answer]  # only answers to questions that apply, in flow order
    asked: tuple[Question, ...]  # questions that apply and have an answer
    next: Question | None  # the first question that applies and has no answer yet
    remaining: int  # questions still to come, the next one included, as far as known now
    ignored: tuple[str, ...]  # answers given to questions that do not apply
    not_known: tuple[str, ...] = ()  # questions passed without an answer (see ``walk``)

    @property
    def done(self) -> bool:
        return self.next is None

    @property
    def total(self) -> int:
        return len(self.asked) + self.remaining


def walk(
    flow: Flow,
    answers: Mapping[str, Answer],
    *,
    use_defaults: bool = False,
    not_known: Collection[str] = (),
) -> FlowState:
    """Follow the flow through ``answers``; answers to questions that no longer apply are dropped.

    Going back and changing an answer is just calling this again: later answers that
    still apply are kept, those that no longer apply fall away. A question in ``not_known``
    that applies and has no answer is passed as answered with nothing: every condition that
    reads it is unknown (an older answers file, see ``Question.unknown_if_missing``).
    """
    kept: dict[str, Answer] = {}
    asked: list[Question] = []
    nxt: Question | None = None
    remaining = 0
    passed: list[str] = []
    for q in flow.questions:
        if nxt is not None:
            # Beyond the first gap we cannot know for sure; count what may still be asked.
            if q.when.evaluate(kept) is not False:
                remaining += 1
            continue
        if q.when.evaluate(kept) is not True:
            continue
        if q.id in answers:
            kept[q.id] = answers[q.id]
            asked.append(q)
        elif use_defaults and q.default is not None:
            kept[q.id] = q.default
            asked.append(q)
        elif q.id in not_known:
            passed.append(q.id)
            asked.append(q)
        else:
            nxt = q
            remaining = 1
    ignored = tuple(k for k in answers if k not in kept and k not in META_KEYS)
    return FlowState(kept, tuple(asked), nxt, remaining, ignored, tuple(passed))


def prune(flow: Flow, answers: Mapping[str, Answer]) -> dict[str, Answer]:
    """Drop the answers to questions that can no longer be asked; keep the rest, also beyond a gap.

    ``walk`` stops at the first unanswered question; here an answer is dropped only when its
    question's condition is certainly false, so a changed early answer keeps every later one
    that still applies (a question that newly applies just becomes the next gap). This is the
    one rule of what survives a change, for every front end (``session.Session.answer``).
    A "ved ikke" that the changed answers no longer allow (the caller is now the person) is
    dropped too, and asked again.
    """
    kept: dict[str, Answer] = {}
    for q in flow.questions:
        if q.id in answers and q.when.evaluate(kept) is not False:
            value = answers[q.id]
            if value == UNKNOWN and q.allow_unknown is not None and q.allow_unknown.evaluate(kept) is False:
                continue
            kept[q.id] = value
    return kept


# --- evaluation: answers -> Outcome, in stages --------------------------------------------


def firing(rules: Iterable[Rule], env: Mapping[str, Answer]) -> list[Rule]:
    return [r for r in rules if r.when.evaluate(env) is True]


def decide(flow: Flow, muni: Municipality, env: dict[str, Answer]) -> Decision:
    """Stage 1: the level rules that apply (highest precedence first), the level, then every
    other rule that applies with that level. ``env`` gets ``level``. The proof runs this stage
    for every class of conversation; ``evaluate`` runs it once and builds on it."""
    level_rules, other_rules = muni.split()
    levels = sorted(firing(level_rules, env), key=lambda r: flow.rank(r.target))
    if not levels:
        return Decision.make(None, (), (), env)
    env["level"] = levels[0].target
    return Decision.make(levels[0].target, tuple(levels), tuple(firing(other_rules, env)), env)


class Staged:
    """``decide`` in two stages, for the proof's many conversations that share their early
    answers: the rules that read none of ``late`` (nor a level decided by a rule that does) are
    evaluated once per group (``early``), the rest per conversation (``finish``). The result is
    ``decide``'s, rule for rule and in the same order (tests/unit/test_staged.py proves it)."""

    def __init__(self, flow: Flow, muni: Municipality, late: frozenset[str]) -> None:
        self.flow = flow
        level_rules, other_rules = muni.split()
        late_levels = any(r.when.names() & late for r in level_rules)
        if late_levels:
            late = late | {"level"}

        def is_late(r: Rule) -> bool:
            return bool(r.when.names() & late)

        self.early_levels = tuple(r for r in level_rules if not is_late(r))
        self.late_levels = tuple(r for r in level_rules if is_late(r))
        # ``decide`` sorts the level rules by rank, stably: ties keep the rules' order.
        order = {id(r): (flow.rank(r.target), i) for i, r in enumerate(level_rules)}
        self.order = lambda r: order[id(r)]
        index = {id(r): i for i, r in enumerate(other_rules)}
        self.early_others = tuple((index[id(r)], r) for r in other_rules if not is_late(r))
        self.late_others = tuple((index[id(r)], r) for r in other_rules if is_late(r))
        # A rule's value depends only on the names it reads: the late rules' values are kept by
        # those names' values (a few hundred combinations stand for thousands of conversations).
        self.level_reads = tuple(sorted(frozenset().union(*(r.when.names() for r in self.late_levels))))
        self.other_reads = tuple(sorted(frozenset().union(*(r.when.names() for _, r in self.late_others)) - {"level"}))
        self.level_memo: dict[tuple[Answer | None, ...], list[Rule]] = {}
        self.other_memo: dict[tuple[Answer | None, ...], list[tuple[int, Rule]]] = {}

    def early(self, env: dict[str, Answer]) -> tuple[list[Rule], list[tuple[int, Rule]]]:
        """The early rules that apply, for every conversation of a group (``env``: any of them)."""
        levels = sorted(firing(self.early_levels, env), key=self.order)
        if levels and not self.late_levels:
            env = {**env, "level": levels[0].target}
        others = [(i, r) for i, r in self.early_others if r.when.evaluate(env) is True]
        return levels, others

    def finish(self, early: tuple[list[Rule], list[tuple[int, Rule]]], env: dict[str, Answer]) -> Decision:
        """``decide(env)`` from the group's early rules; ``env`` gets ``level``."""
        early_levels, early_others = early
        levels = early_levels
        if self.late_levels:
            key = tuple(map(env.get, self.level_reads))
            fired = self.level_memo.get(key)
            if fired is None:
                fired = self.level_memo[key] = firing(self.late_levels, env)
            levels = sorted(early_levels + fired, key=self.order) if fired else early_levels
        if not levels:
            return Decision.make(None, (), (), env)
        env["level"] = levels[0].target
        key = (levels[0].target, *map(env.get, self.other_reads))
        late = self.other_memo.get(key)
        if late is None:
            late = self.other_memo[key] = [(i, r) for i, r in self.late_others if r.when.evaluate(env) is True]
        others = sorted(early_others + late, key=lambda p: p[0]) if late and early_others else early_others or late
        return Decision.make(levels[0].target, tuple(levels), tuple(r for _, r in others), env)


def facts(
    knowledge: Knowledge, municipality: str, answers: Mapping[str, Answer], day: datetime.date
) -> dict[str, Answer]:
    """What the conditions read: the answers, the municipality and the derived facts."""
    env: dict[str, Answer] = dict(answers)
    env["municipality"] = municipality
    env.update(derive(knowledge.law, env, day))
    return env


def evaluate(
    knowledge: Knowledge,
    municipality: str,
    answers: Mapping[str, Answer],
    contact_date: datetime.date,
    not_known: Collection[str] = (),
    *,
    alternatives: bool = True,
) -> Outcome:
    """The outcome for a complete set of answers (see ``walk`` for completeness): IDs, dates,
    the rules that applied, citations, warnings and ``because`` -- no labels, no language.

    ``not_known``: questions an answers file did not answer, read as not known (each gets a
    warning that names it). ``alternatives``: also the outcomes with one answer changed
    (the flow's ``alternatives``); each is this function on the changed answers, without alternatives.
    """
    flow = knowledge.flow
    muni = in_force(knowledge.municipalities[municipality], contact_date)
    state = walk(flow, answers, use_defaults=True, not_known=not_known)
    decision = decide(flow, muni, facts(knowledge, municipality, state.answers, contact_date))
    if decision.level is None:
        raise DataError(Problem("municipalities.toml", f"{municipality}.rules", "no service level rule applies"
                                " to these answers"))  # fmt: skip
    outcome = cite(knowledge, settle(flow, muni, decision, state, contact_date))
    outcome = replace(outcome, because=because(flow, muni, outcome))
    if alternatives:
        outcome = replace(outcome, alternatives=tuple(_alternatives(knowledge, state, outcome, answers, not_known)))
    return outcome


def in_force(muni: Municipality, day: datetime.date) -> Municipality:
    """The municipality with the rules in force on ``day`` (``since``/``valid_until``: the
    contact date chooses the law, contract version 3); itself when every rule is."""
    if all(r.since is None and r.valid_until is None for r in muni.rules):
        return muni
    return replace(muni, rules=tuple(r for r in muni.rules if r.in_force(day)))


def _provider(rules: Iterable[Rule]) -> str:
    return "referred" if any(r.provided_by == "referred" for r in rules) else "own"


def _named(rules: Iterable[Rule]) -> str | None:
    """The units or providers the rules name, each once."""
    return " / ".join(dict.fromkeys(r.provider for r in rules if r.provider)) or None


def settle(
    flow: Flow, muni: Municipality, decision: Decision, state: FlowState, contact_date: datetime.date
) -> Outcome:
    """Stage 2: the items of the result, each with the rules that made it, in the flow's order,
    and their dates. A step that serves a deadline is due on the last working day on or before
    it (contract version 3); a step ``due_days`` after the contact is due that day, whatever
    day it is. No citations, warnings or ``because`` yet (``cite``, ``because``)."""
    groups: dict[tuple[str, str], list[Rule]] = {}
    for r in decision.others:
        groups.setdefault((r.kind, r.target), []).append(r)
    winning = tuple(r for r in decision.level_rules if r.target == decision.level)
    deadlines = tuple(
        DeadlineItem(t.id, contact_date + datetime.timedelta(days=min(r.days or 0 for r in rules)), tuple(rules))
        for t in flow.deadlines
        if (rules := groups.get(("deadline", t.id)))
    )
    return Outcome(
        municipality=muni.id,
        contact_date=contact_date,
        answers=state.answers,
        ignored=state.ignored,
        not_known=state.not_known,
        decision=decision,
        level=LevelItem(winning[0].target, _provider(winning), winning, _named(winning)),
        offers=tuple(
            OfferItem(t.id, _provider(rules), tuple(rules), _named(rules))
            for t in flow.offers
            if (rules := groups.get(("offer", t.id)))
        ),
        notifications=tuple(
            NotificationItem(
                t.id,
                tuple(dict.fromkeys(r.recipient or muni.recipients[t.id] for r in rules)),
                any(r.inform_citizen_first for r in rules),
                (),
                tuple(rules),
            )
            for t in flow.notifications
            if (rules := groups.get(("notification", t.id)))
        ),
        deadlines=deadlines,
        steps=_steps(decision, deadlines, contact_date),
        warnings=(),
        citations=(),
        rights=tuple(RightItem(t.id, tuple(rules)) for t in flow.rights if (rules := groups.get(("right", t.id)))),
    )


def _steps(
    decision: Decision, deadlines: tuple[DeadlineItem, ...], contact_date: datetime.date
) -> tuple[StepItem, ...]:
    dates = {d.id: d.date for d in deadlines}
    steps = []
    for r in decision.others:
        if r.kind != "step":
            continue
        due: datetime.date | None = None
        if r.due is not None:
            legal = dates.get(r.due)
            due = last_working_day(legal) if legal is not None else None
        elif r.due_days is not None:
            due = contact_date + datetime.timedelta(days=r.due_days)
        steps.append(StepItem(r.id, due, r))
    steps.sort(key=lambda s: (s.due is None, s.due or contact_date))
    return tuple(steps)


def cite(knowledge: Knowledge, outcome: Outcome) -> Outcome:
    """Stage 3: every item's citations with current law resolved, each notification's legal
    basis, and the warnings, in the order they arise (the order of the output)."""
    muni = knowledge.municipalities[outcome.municipality]
    cited = _Citations(knowledge, muni, outcome.decision.facts, outcome.contact_date)
    cited.warn(*(WarningItem("not_known", subject=qid) for qid in outcome.not_known))
    cited.cite("service_level", outcome.level.rules)
    for o in outcome.offers:
        cited.cite(f"offer:{o.id}", o.rules)
    notifications = tuple(replace(n, laws=cited.cite(f"notification:{n.to}", n.rules)) for n in outcome.notifications)
    for d in outcome.deadlines:
        cited.cite(f"deadline:{d.id}", d.rules)
    for r in outcome.decision.others:  # steps, in rule order
        if r.kind == "step":
            cited.cite(f"next_step:{r.id}", [r])
    rights = tuple(replace(r, laws=cited.cite(f"right:{r.id}", r.rules)) for r in outcome.rights)
    for r in outcome.decision.others:
        if r.kind == "warning":
            cited.warn(WarningItem(r.id, rule=r))
            cited.cite(f"warning:{r.id}", [r])
    _checks(cited, muni, outcome)
    return replace(
        outcome,
        notifications=notifications,
        rights=rights,
        warnings=tuple(cited.warnings.values()),
        citations=tuple(cited.citations),
    )


def _checks(cited: _Citations, muni: Municipality, outcome: Outcome) -> None:
    """The engine's own warnings: a recipient the standard does not name, a deadline on a day
    off, a standard that is a draft or outdated (or past its period on the contact date)."""
    unconfirmed = [n for n in outcome.notifications if n.to in muni.unconfirmed and _default_recipient(n)]
    cited.warn(*(WarningItem("recipient_unconfirmed", subject=n.to) for n in unconfirmed))
    days_off = (d for d in outcome.deadlines if not is_working_day(d.date))
    cited.warn(*(WarningItem("not_working_day", subject=d.id) for d in days_off))
    for src in [muni.standard, *cited.sources.values()]:
        status = "outdated" if src.valid_until is not None and outcome.contact_date > src.valid_until else src.status
        if status != "current":
            cited.warn(WarningItem(f"standard_{status}", subject=src.key))


def _default_recipient(n: NotificationItem) -> bool:
    """The notification goes (also) to the municipality's recipient, not to one its rule names."""
    return any(r.recipient is None for r in n.rules)


class _Citations:
    """Citations with current law resolved, and the warnings, in the order they arise."""

    def __init__(self, knowledge: Knowledge, muni: Municipality, env: Mapping[str, Answer], day: datetime.date) -> None:
        self.law, self.muni, self.env, self.day = knowledge.law, muni, env, day
        self.citations: list[Cited] = []
        self.warnings: dict[str, WarningItem] = {}
        self.sources: dict[str, Source] = {}

    def warn(self, *items: WarningItem) -> None:
        for w in items:
            self.warnings.setdefault(w.id if w.rule is not None else f"{w.id}:{w.subject}", w)

    def cite(self, item: str, rules: Iterable[Rule]) -> tuple[str, ...]:
        """Record the citations of ``rules`` for ``item``; returns the laws in force they rest on."""
        laws: list[str] = []
        for r in rules:
            for c in r.cites:
                entry = self.resolve(item, c, r.when.source)
                self.citations.append(entry)
                if entry.source is not None:
                    self.sources[entry.source.key] = entry.source
                if entry.law:
                    laws.append(entry.law)
        return tuple(dict.fromkeys(laws))

    def resolve(self, item: str, c: Citation, condition: str) -> Cited:
        """A citation against current law: superseded paragraphs and cases to re-check."""
        law, cited_law, to_check = c.law, None, False
        if law is not None:
            for s in self.law.superseded:
                if _law_matches(law, s.cited) and s.since <= self.day:
                    cited_law, law = law, s.current
                    self.warn(WarningItem("superseded_law", subject=s.cited))
            for t in self.law.to_check:
                if _law_matches(law, t.law) and t.when.evaluate(self.env) is True:
                    to_check = True
                    self.warn(WarningItem("law_to_check", subject=t.law))
        return Cited(item, self.muni.sources.get(c.source), c.section, law, cited_law, to_check, c.note, condition)


def _alternatives(
    knowledge: Knowledge,
    state: FlowState,
    outcome: Outcome,
    answers: Mapping[str, Answer],
    not_known: Collection[str],
) -> Iterator[tuple[tuple[tuple[str, Answer], ...], Outcome]]:
    """Stage 6: for each of the flow's ``alternatives`` whose answer was given with a value to
    try, the outcome with it changed. Skipped where the changed answers would make the flow ask a
    question that has no answer (other than the one the call is at: during a call the
    alternatives follow it)."""
    result = {**outcome.decision.facts, "level": outcome.level.id}
    for alt in knowledge.flow.alternatives:
        key, value = alt.question, alt.value
        if key not in state.answers or state.answers[key] not in alt.given:
            continue
        if alt.unless is not None and alt.unless.evaluate(result) is True:
            continue
        changed = {**answers, key: value}
        following = walk(knowledge.flow, changed, use_defaults=True, not_known=not_known).next
        if following is not None and (state.next is None or following.id != state.next.id):
            continue  # the change makes the flow ask something new: not one answer changed any more
        other = evaluate(knowledge, outcome.municipality, changed, outcome.contact_date, not_known, alternatives=False)
        yield ((key, value),), other


def _law_matches(cited: str, pattern: str) -> bool:
    """``SEL § 101, stk. 3`` matches ``SEL § 101``; ``SEL § 101a`` does not."""
    return cited == pattern or cited.startswith((pattern + ",", pattern + " "))
