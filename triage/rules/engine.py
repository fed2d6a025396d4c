"""The rules engine: pure functions from answers to the next question and to a recommendation.

No I/O, no globals, no municipality names: everything it knows comes in as ``Knowledge``.
Every UI (wizard, prompts, training, ``recommend``) calls these two entry points, so they
cannot disagree.
"""

from __future__ import annotations

import datetime
from collections.abc import Collection, Iterable, Iterator, Mapping

from triage.rules.calendar import day_name, is_working_day, last_working_day
from triage.rules.conditions import explain
from triage.rules.derived import derive
from triage.rules.errors import DataError, Problem
from triage.rules.model import (
    Answer,
    Citation,
    Flow,
    Knowledge,
    Lang,
    Municipality,
    Question,
    Rule,
    Source,
)
from triage.rules.record import Record

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
    """
    kept: dict[str, Answer] = {}
    for q in flow.questions:
        if q.id in answers and q.when.evaluate(kept) is not False:
            kept[q.id] = answers[q.id]
    return kept


# --- recommendation ------------------------------------------------------------------


class Cited(Record):
    """One citation of one item of the result, with current law resolved."""

    item: str  # "service_level", "offer:doctor_consultation", "notification:parents", ...
    source: Source | None  # None: national law
    section: str
    law: str | None  # the law in force
    cited_law: str | None = None  # what the standard cites, where that law is superseded
    to_check: bool = False  # the cited law may not cover this case any more
    note: str | None = None
    condition: str | None = None  # the condition of the rule that cites it, as written


class Level(Record):
    id: str
    label: str
    text: str
    provided_by: str
    rules: tuple[Rule, ...]


class Offer(Record):
    id: str
    label: str
    text: str
    provided_by: str
    rules: tuple[Rule, ...]


class Notification(Record):
    to: str
    label: str
    recipient: str
    reason: str
    basis: str
    inform_citizen_first: bool
    rules: tuple[Rule, ...]


class Step(Record):
    id: str
    text: str
    due: datetime.date | None
    rule: Rule


class RuleWarning(Record):
    id: str
    text: str


class Reason(Record):
    """One answer that decided an item, with its value and how a rule compared it (``< 18``)."""

    name: str
    value: Answer
    tests: tuple[str, ...] = ()


class Because(Record):
    """Why an item is in the result: the answers the deciding rule's condition read.

    ``answers`` is the whole of it, in flow order: leave these answers as they are and the
    item stays, whatever else changes. It is made of ``decided`` (what the deciding rule
    read), ``ruled_out`` (what kept the rules that would otherwise decide from applying: the
    higher service levels, a shorter deadline), the service level's own answers where the
    rule read the level (``level``), and the answers that made each of these questions asked.
    """

    item: str
    decided: tuple[Reason, ...]
    ruled_out: tuple[Reason, ...]
    level: bool
    answers: tuple[Reason, ...]
    conditions: tuple[str, ...]  # the deciding rules' conditions, as written

    def mapping(self) -> dict[str, Answer]:
        return {r.name: r.value for r in self.answers}


class Recommendation(Record):
    municipality: Municipality
    contact_date: datetime.date
    lang: Lang
    answers: Mapping[str, Answer]
    level: Level
    offers: tuple[Offer, ...]
    notifications: tuple[Notification, ...]
    steps: tuple[Step, ...]
    deadlines: Mapping[str, datetime.date]
    warnings: tuple[RuleWarning, ...]
    citations: tuple[Cited, ...]
    ignored: tuple[str, ...]
    fired: tuple[Rule, ...]  # every rule that applied, the losing level rules included
    because: tuple[Because, ...] = ()  # service level, offers, notifications, deadlines: in that order
    alternatives: tuple[Alternative, ...] = ()

    def cited(self, item: str) -> tuple[Cited, ...]:
        return tuple(c for c in self.citations if c.item == item)

    def why(self, item: str) -> Because | None:
        return next((b for b in self.because if b.item == item), None)


class Alternative(Record):
    """The result if one answer the caller can still change were different (``change``)."""

    change: tuple[tuple[str, Answer], ...]
    result: Recommendation

    @property
    def changes(self) -> dict[str, Answer]:
        return dict(self.change)


# The answers a caller can still change during the call, and the value to try: when
# anonymity is asked for (and not granted as anonymous treatment), when parental consent
# is missing, when only advice is asked for (contract version 2, ``alternatives``).
ALTERNATIVES: tuple[tuple[str, Answer, tuple[Answer, ...]], ...] = (
    ("anonymous", False, (True,)),
    ("parental_consent", "yes", ("no", "unknown")),
    ("wants_treatment", True, (False,)),
)


def _dmy(day: datetime.date) -> str:
    """A date in a warning's text: 17.12.2026 (the form of the glossary, in both languages)."""
    return f"{day.day:02d}.{day.month:02d}.{day.year}"


def _law_matches(cited: str, pattern: str) -> bool:
    """``SEL § 101, stk. 3`` matches ``SEL § 101``; ``SEL § 101a`` does not."""
    return cited == pattern or cited.startswith((pattern + ",", pattern + " "))


def firing(rules: Iterable[Rule], env: Mapping[str, Answer]) -> list[Rule]:
    return [r for r in rules if r.when.evaluate(env) is True]


def decide_level(flow: Flow, muni: Municipality, env: Mapping[str, Answer]) -> list[Rule]:
    """The level rules that apply, highest precedence first (empty: the data has a gap)."""
    fired = firing((r for r in muni.rules if r.kind == "level"), env)
    return sorted(fired, key=lambda r: flow.rank(r.target))


def recommend(
    knowledge: Knowledge,
    municipality: str,
    answers: Mapping[str, Answer],
    contact_date: datetime.date,
    lang: Lang = "da",
    not_known: Collection[str] = (),
    *,
    alternatives: bool = True,
) -> Recommendation:
    """The recommendation for a complete set of answers (see ``walk`` for completeness).

    ``not_known``: questions an answers file did not answer, read as not known (each gets a
    warning that names it). ``alternatives``: also the results with one answer changed
    (``ALTERNATIVES``); each is this function on the changed answers, without alternatives.
    """
    flow = knowledge.flow
    muni = knowledge.municipalities[municipality]
    state = walk(flow, answers, use_defaults=True, not_known=not_known)
    env: dict[str, Answer] = dict(state.answers)
    env["municipality"] = municipality
    env.update(derive(knowledge.law, env, contact_date))

    levels = decide_level(flow, muni, env)
    if not levels:
        raise DataError(
            Problem(
                "municipalities.toml",
                f"{municipality}.rules",
                "no service level rule applies to these answers",
            )
        )
    level_id = levels[0].target
    env["level"] = level_id
    others = firing((r for r in muni.rules if r.kind != "level"), env)
    winning = tuple(r for r in levels if r.target == level_id)

    def by_target(kind: str) -> dict[str, list[Rule]]:
        groups: dict[str, list[Rule]] = {}
        for r in others:
            if r.kind == kind:
                groups.setdefault(r.target, []).append(r)
        return groups

    def label(group: str, tid: str) -> str:
        term = flow.term(group, tid)
        return term.label.get(lang) if term else tid

    def join(rules: Iterable[Rule]) -> str:
        return " ".join(dict.fromkeys(r.text.get(lang) for r in rules))

    level = Level(
        level_id,
        label("levels", level_id),
        join(winning),
        "referred" if any(r.provided_by == "referred" for r in winning) else "own",
        winning,
    )
    offer_groups = by_target("offer")
    offers = tuple(
        Offer(
            t.id,
            t.label.get(lang),
            join(offer_groups[t.id]),
            "referred" if any(r.provided_by == "referred" for r in offer_groups[t.id]) else "own",
            tuple(offer_groups[t.id]),
        )
        for t in flow.offers
        if t.id in offer_groups
    )

    deadlines: dict[str, datetime.date] = {}
    deadline_groups = by_target("deadline")
    for t in flow.deadlines:
        if t.id in deadline_groups:
            days = min(r.days or 0 for r in deadline_groups[t.id])
            deadlines[t.id] = contact_date + datetime.timedelta(days=days)

    cited: list[Cited] = []
    warnings: dict[str, RuleWarning] = {}
    for qid in state.not_known:
        q = flow.question(qid)
        question = q.label.get(lang) if q is not None else qid
        text = flow.not_known.get(lang).format(question=question)
        warnings[f"not_known:{qid}"] = RuleWarning(f"not_known:{qid}", text)
    sources_used: dict[str, Source] = {}

    def cite(item: str, rules: Iterable[Rule]) -> list[str]:
        """Record the citations of ``rules`` for ``item``; returns the laws in force they rest on."""
        laws: list[str] = []
        for r in rules:
            for c in r.cites:
                entry = _resolve(knowledge, muni, env, item, c, lang, warnings, r.when.source)
                cited.append(entry)
                if entry.source is not None:
                    sources_used[entry.source.key] = entry.source
                if entry.law:
                    laws.append(entry.law)
        return list(dict.fromkeys(laws))

    cite("service_level", winning)
    for o in offers:
        cite(f"offer:{o.id}", o.rules)

    notifications: list[Notification] = []
    note_groups = by_target("notification")
    for t in flow.notifications:
        rules = note_groups.get(t.id)
        if not rules:
            continue
        laws = cite(f"notification:{t.id}", rules)
        recipients = dict.fromkeys(r.recipient or muni.recipients[t.id] for r in rules)
        notifications.append(
            Notification(
                to=t.id,
                label=t.label.get(lang),
                recipient=" / ".join(recipients),
                reason=join(rules),
                basis="; ".join(laws) or "; ".join(dict.fromkeys(c.section for r in rules for c in r.cites)),
                inform_citizen_first=any(r.inform_citizen_first for r in rules),
                rules=tuple(rules),
            )
        )
    for t in flow.deadlines:
        if t.id in deadline_groups:
            cite(f"deadline:{t.id}", deadline_groups[t.id])

    steps: list[Step] = []
    for r in others:
        if r.kind != "step":
            continue
        due: datetime.date | None = None
        if r.due is not None:
            legal = deadlines.get(r.due)
            due = last_working_day(legal) if legal is not None else None
        elif r.due_days is not None:
            due = contact_date + datetime.timedelta(days=r.due_days)
        steps.append(Step(r.id, r.text.get(lang), due, r))
        cite(f"next_step:{r.id}", [r])
    steps.sort(key=lambda s: (s.due is None, s.due or contact_date))

    for r in others:
        if r.kind == "warning":
            warnings.setdefault(r.id, RuleWarning(r.id, r.text.get(lang)))
            cite(f"warning:{r.id}", [r])

    for t in flow.deadlines:
        day = deadlines.get(t.id)
        if day is not None and not is_working_day(day):
            text = flow.not_working_day.get(lang).format(
                deadline=t.label.get(lang), date=_dmy(day), day=day_name(day, lang), due=_dmy(last_working_day(day))
            )
            warnings.setdefault(f"not_working_day:{t.id}", RuleWarning("not_working_day", text))

    for src in [muni.standard, *sources_used.values()]:
        if src.status != "current":
            note = knowledge.law.status_notes[src.status].get(lang)
            reason = src.status_reason.get(lang) if src.status_reason else ""
            text = note.format(title=src.title, short=src.short, reason=reason).strip()
            warnings.setdefault(f"standard_{src.status}:{src.key}", RuleWarning(f"standard_{src.status}", text))

    because = _because(
        flow,
        muni,
        env,
        winning[0],
        [r for r in muni.rules if r.kind == "level" and flow.rank(r.target) < flow.rank(level_id)],
        [(f"offer:{o.id}", list(o.rules)) for o in offers]
        + [(f"notification:{n.to}", list(n.rules)) for n in notifications],
        [(t.id, deadline_groups[t.id]) for t in flow.deadlines if t.id in deadline_groups],
        [r for r in muni.rules if r.kind == "deadline"],
    )
    alternative_results: tuple[Alternative, ...] = ()
    if alternatives:
        alternative_results = tuple(
            Alternative(((key, value),), result)
            for key, value, result in _alternatives(
                knowledge, municipality, state, level_id, answers, contact_date, lang, not_known
            )
        )

    return Recommendation(
        municipality=muni,
        contact_date=contact_date,
        lang=lang,
        answers=state.answers,
        level=level,
        offers=offers,
        notifications=tuple(notifications),
        steps=tuple(steps),
        deadlines=deadlines,
        warnings=tuple(warnings.values()),
        citations=tuple(cited),
        ignored=state.ignored,
        fired=tuple(levels) + tuple(others),
        because=because,
        alternatives=alternative_results,
    )


def _alternatives(
    knowledge: Knowledge,
    municipality: str,
    state: FlowState,
    level_id: str,
    answers: Mapping[str, Answer],
    contact_date: datetime.date,
    lang: Lang,
    not_known: Collection[str],
) -> Iterator[tuple[str, Answer, Recommendation]]:
    """For each answer of ``ALTERNATIVES`` that was given with a value to try: the result with it changed.

    Skipped where the changed answers would make the flow ask a question that has no answer
    (other than the one the call is at: during a call the alternatives follow it).
    """
    for key, value, when in ALTERNATIVES:
        if key not in state.answers or state.answers[key] not in when:
            continue
        if key == "anonymous" and level_id == "anonymous_treatment":
            continue
        changed = {**answers, key: value}
        following = walk(knowledge.flow, changed, use_defaults=True, not_known=not_known).next
        if following is not None and (state.next is None or following.id != state.next.id):
            continue  # the change makes the flow ask something new: not one answer changed any more
        yield key, value, recommend(knowledge, municipality, changed, contact_date, lang, not_known, alternatives=False)


def _because(
    flow: Flow,
    muni: Municipality,
    env: Mapping[str, Answer],
    winner: Rule,
    higher: list[Rule],
    items: list[tuple[str, list[Rule]]],
    deadlines: list[tuple[str, list[Rule]]],
    deadline_rules: list[Rule],
) -> tuple[Because, ...]:
    """``Because`` for every item: see there. ``higher``: the level rules that rank above the winner."""
    holds, fails = frozenset({True}), frozenset({False, None})

    def reasons(pairs: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for name, test in pairs:
            if name == "municipality":
                continue
            tests = out.setdefault(name, [])
            if test and test not in tests:
                tests.append(test)
        return out

    def closed(read: dict[str, list[str]]) -> dict[str, list[str]]:
        """Add what made each question asked (or kept it from being asked)."""
        todo = [n for n in read if n != "level"]
        while todo:
            q = flow.question(todo.pop())
            if q is None:
                continue
            want = holds if q.id in env else fails
            for name, tests in reasons(explain(q.when, env, want)).items():
                if name not in read:
                    read[name] = tests
                    todo.append(name)
        return read

    def made(
        item: str,
        decided: dict[str, list[str]],
        ruled_out: dict[str, list[str]],
        conds: list[Rule],
        level: dict[str, list[str]] | None,
    ) -> Because:
        everything: dict[str, list[str]] = {}
        for part in (decided, ruled_out, level or {}):
            for name, tests in part.items():
                if name != "level":
                    everything.setdefault(name, []).extend(t for t in tests if t not in everything.get(name, []))
        everything = closed(everything)

        def as_reasons(read: Mapping[str, list[str]], keys: Iterable[str]) -> tuple[Reason, ...]:
            return tuple(Reason(k, env[k], tuple(read[k])) for k in keys if k in read and k in env)

        order = [q.id for q in flow.questions]
        return Because(
            item,
            as_reasons(decided, order),
            as_reasons(ruled_out, order),
            "level" in decided or "level" in ruled_out,
            as_reasons(everything, order),
            tuple(dict.fromkeys(r.when.source for r in conds)),
        )

    level_decided = reasons(explain(winner.when, env, holds))
    level_ruled_out = reasons(p for r in higher for p in explain(r.when, env, fails))
    level_all = {**level_decided, **{k: v for k, v in level_ruled_out.items() if k not in level_decided}}
    out = [made("service_level", level_decided, level_ruled_out, [winner], None)]
    for item, rules in items:
        decided = reasons(explain(rules[0].when, env, holds))
        out.append(made(item, decided, {}, rules[:1], level_all if "level" in decided else None))
    for target, rules in deadlines:
        first = min(rules, key=lambda r: r.days or 0)
        shorter = [r for r in deadline_rules if r.target == target and (r.days or 0) < (first.days or 0)]
        decided = reasons(explain(first.when, env, holds))
        ruled_out = reasons(p for r in shorter for p in explain(r.when, env, fails))
        reads_level = "level" in decided or "level" in ruled_out
        out.append(made(f"deadline:{target}", decided, ruled_out, [first], level_all if reads_level else None))
    return tuple(out)


def _resolve(
    knowledge: Knowledge,
    muni: Municipality,
    env: Mapping[str, Answer],
    item: str,
    c: Citation,
    lang: Lang,
    warnings: dict[str, RuleWarning],
    condition: str | None = None,
) -> Cited:
    """Resolve a citation against current law: superseded paragraphs and cases to re-check."""
    source = muni.sources.get(c.source)
    law, cited_law, to_check = c.law, None, False
    if law is not None:
        for s in knowledge.law.superseded:
            if _law_matches(law, s.cited):
                cited_law, law = law, s.current
                warnings.setdefault(f"superseded:{s.cited}", RuleWarning("superseded_law", s.note.get(lang)))
        for t in knowledge.law.to_check:
            if _law_matches(law, t.law) and t.when.evaluate(env) is True:
                to_check = True
                warnings.setdefault(f"to_check:{t.law}", RuleWarning("law_to_check", t.note.get(lang)))
    return Cited(item, source, c.section, law, cited_law, to_check, c.note, condition)
