"""The last stage: an ``Outcome`` put into words in one language, with the flow's labels
and the rules' texts. What ``recommend --format``, the wizard's summary and live panel,
``ask`` and the debrief show. It decides nothing: every ID, date and citation comes from
the ``Outcome``."""

from __future__ import annotations

import datetime
from collections.abc import Collection, Iterable, Mapping

from triage.rules.calendar import day_name, last_working_day
from triage.rules.engine import evaluate
from triage.rules.model import Answer, Flow, Knowledge, Lang, Municipality, Rule
from triage.rules.outcome import Because, Cited, Outcome, WarningItem
from triage.rules.record import Record


class Level(Record):
    id: str
    label: str
    text: str
    provided_by: str
    rules: tuple[Rule, ...]
    role: str | None = None  # flows/intake.toml: what front ends branch on ("emergency"), never the ID
    provider: str | None = None  # the unit or provider the standard names


class Right(Record):
    """A right the caller must be told of: its label, what to say, and the law or section it rests on."""

    id: str
    label: str
    text: str
    basis: str
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
    guarantee: str | None = None  # the ID of the flow's deadline with the role "guarantee"
    rights: tuple[Right, ...] = ()  # contract version 3: what to tell the caller
    because: tuple[Because, ...] = ()  # service level, offers, notifications, deadlines: in that order
    alternatives: tuple[Alternative, ...] = ()
    outcome: Outcome | None = None  # what it was made from

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
    """``evaluate``, then ``words``."""
    outcome = evaluate(knowledge, municipality, answers, contact_date, not_known, alternatives=alternatives)
    return words(knowledge, outcome, lang)


def words(knowledge: Knowledge, outcome: Outcome, lang: Lang) -> Recommendation:
    """The outcome with the flow's labels and the rules' texts in ``lang``."""
    flow = knowledge.flow
    muni = knowledge.municipalities[outcome.municipality]

    def join(rules: Iterable[Rule]) -> str:
        return " ".join(dict.fromkeys(r.text.get(lang) for r in rules))

    level = outcome.level
    notifications = tuple(
        Notification(
            to=n.to,
            label=_label(flow, "notifications", n.to, lang),
            recipient=" / ".join(n.recipients),
            reason=join(n.rules),
            basis=_basis(n.laws, n.rules),
            inform_citizen_first=n.inform_citizen_first,
            rules=n.rules,
        )
        for n in outcome.notifications
    )
    return Recommendation(
        municipality=muni,
        contact_date=outcome.contact_date,
        lang=lang,
        answers=outcome.answers,
        level=Level(
            level.id,
            _label(flow, "levels", level.id, lang),
            join(level.rules),
            level.provided_by,
            level.rules,
            role=flow.role(level.id),
            provider=level.provider,
        ),
        offers=tuple(
            Offer(o.id, _label(flow, "offers", o.id, lang), join(o.rules), o.provided_by, o.rules)
            for o in outcome.offers
        ),
        notifications=notifications,
        steps=tuple(Step(s.id, s.rule.text.get(lang), s.due, s.rule) for s in outcome.steps),
        deadlines=outcome.deadline_dates(),
        warnings=tuple(
            RuleWarning(_warning_id(w), warning_text(knowledge, outcome, w, lang)) for w in outcome.warnings
        ),
        citations=outcome.citations,
        ignored=outcome.ignored,
        fired=outcome.fired,
        guarantee=flow.deadline_with("guarantee"),
        rights=tuple(
            Right(r.id, _label(flow, "rights", r.id, lang), join(r.rules), _basis(r.laws, r.rules), r.rules)
            for r in outcome.rights
        ),
        because=outcome.because,
        alternatives=tuple(Alternative(change, words(knowledge, alt, lang)) for change, alt in outcome.alternatives),
        outcome=outcome,
    )


def _label(flow: Flow, group: str, tid: str, lang: Lang) -> str:
    term = flow.term(group, tid)
    return term.label.get(lang) if term else tid


def _warning_id(w: WarningItem) -> str:
    return f"not_known:{w.subject}" if w.id == "not_known" else w.id


def dmy(day: datetime.date) -> str:
    """A date in a warning's text: 17.12.2026 (the form of the glossary, in both languages)."""
    return f"{day.day:02d}.{day.month:02d}.{day.year}"


def warning_text(knowledge: Knowledge, outcome: Outcome, w: WarningItem, lang: Lang) -> str:
    """A warning's words: its rule's text, or the engine's own made from the data."""
    if w.rule is not None:
        return w.rule.text.get(lang)
    flow, law = knowledge.flow, knowledge.law
    if w.id == "not_known":
        q = flow.question(w.subject)
        place = knowledge.municipalities[outcome.municipality].name
        return flow.not_known.get(lang).format(question=q.label_text(lang, place) if q is not None else w.subject)
    if w.id == "not_working_day":
        day = outcome.deadline_dates()[w.subject]
        return flow.not_working_day.get(lang).format(
            deadline=_label(flow, "deadlines", w.subject, lang), date=dmy(day), day=day_name(day, lang),
            due=dmy(last_working_day(day)),
        )  # fmt: skip
    if w.id == "recipient_unconfirmed":
        recipient = knowledge.municipalities[outcome.municipality].recipients[w.subject]
        if "unconfirmed_recipient" not in law.status_notes:
            return f"{recipient} (?)"
        return (
            law.status_notes["unconfirmed_recipient"]
            .get(lang)
            .format(notification=_label(flow, "notifications", w.subject, lang), recipient=recipient)
        )
    if w.id == "superseded_law":
        return next(s.note.get(lang) for s in law.superseded if s.cited == w.subject)
    if w.id == "law_to_check":
        return next(t.note.get(lang) for t in law.to_check if t.law == w.subject)
    src = knowledge.municipalities[outcome.municipality].sources[w.subject]
    status = w.id.removeprefix("standard_")
    if status != src.status and src.valid_until is not None and "expired" in law.status_notes:
        return law.status_notes["expired"].get(lang).format(short=src.short, date=dmy(src.valid_until))
    note = law.status_notes[status].get(lang)
    reason = src.status_reason.get(lang) if src.status_reason else ""
    return note.format(title=src.title, short=src.short, reason=reason).strip()


def _basis(laws: tuple[str, ...], rules: Iterable[Rule]) -> str:
    """What a notification or a right rests on: the laws in force, else the sections that give it."""
    return "; ".join(laws) or "; ".join(dict.fromkeys(c.section for r in rules for c in r.cites))
