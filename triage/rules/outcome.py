"""What the rules decide for one conversation, with no language: the ``Outcome``, and the one
comparison of two outcomes.

``engine.evaluate`` makes an ``Outcome``; every consumer reads it: ``recommend`` turns it
into labels and texts in a language, ``triage check`` proves its decision stage, ``triage
diff``, ``scenarios test`` and the training debrief compare outcomes with ``differences``.
One computation and one comparison, so that they cannot disagree.

Items are named by ``ItemKey``; as text (``str(key)``) they are the contract's names:
``service_level``, ``offer:ID``, ``notification:TO``, ``deadline:ID``, ``next_step:ID``,
``warning:ID``.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import Literal, NamedTuple

from triage.rules.model import Answer, Rule, Source
from triage.rules.record import Record

ItemKind = Literal["service_level", "offer", "notification", "deadline", "next_step", "warning", "right"]
ITEM_KINDS: tuple[ItemKind, ...] = (
    "service_level", "offer", "notification", "deadline", "next_step", "warning", "right"
)  # fmt: skip


class ItemKey(NamedTuple):
    """One item of a result: its kind and its ID (for the service level, the level's ID)."""

    kind: ItemKind
    id: str

    def __str__(self) -> str:
        return self.kind if self.kind == "service_level" else f"{self.kind}:{self.id}"

    @classmethod
    def of(cls, name: str, level: str = "") -> ItemKey:
        """The key of a contract item name (``offer:x``); ``service_level`` takes ``level``."""
        if name == "service_level":
            return cls("service_level", level)
        kind, _, item = name.partition(":")
        if kind not in ITEM_KINDS or not item:
            raise ValueError(f"not an item name: {name!r}")
        return cls(kind, item)


# --- the parts of an outcome -----------------------------------------------------------


class Cited(Record):
    """One citation of one item of the result, with current law resolved."""

    item: str  # the item's contract name: "service_level", "offer:doctor_consultation", ...
    source: Source | None  # None: national law
    section: str
    law: str | None  # the law in force
    cited_law: str | None = None  # what the standard cites, where that law is superseded
    to_check: bool = False  # the cited law may not cover this case any more
    note: str | None = None
    condition: str | None = None  # the condition of the rule that cites it, as written


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


class LevelItem(Record):
    id: str
    provided_by: str
    rules: tuple[Rule, ...]  # the rules of this level that applied
    provider: str | None = None  # the unit or provider the standard names


class OfferItem(Record):
    id: str
    provided_by: str
    rules: tuple[Rule, ...]
    provider: str | None = None


class NotificationItem(Record):
    to: str
    recipients: tuple[str, ...]  # each unit once, in rule order
    inform_citizen_first: bool
    laws: tuple[str, ...]  # the law in force that its citations rest on, each once
    rules: tuple[Rule, ...]


class DeadlineItem(Record):
    id: str
    date: datetime.date  # the legal date
    rules: tuple[Rule, ...]


class StepItem(Record):
    id: str
    due: datetime.date | None  # for a step that serves a deadline: the last working day on or before it
    rule: Rule


class RightItem(Record):
    """A right the caller must be told of (contract version 3 ``rights``)."""

    id: str
    rules: tuple[Rule, ...]
    laws: tuple[str, ...] = ()  # the law in force that its citations rest on, each once (``engine.cite``)


class WarningItem(Record):
    """A warning, with what its text is made from: a rule's text, or one of the engine's own
    (``kind``: not_known, not_working_day, superseded_law, law_to_check, standard_draft,
    standard_outdated) with the IDs it names."""

    id: str  # the contract's warning ID (a rule's ID, or the engine's kind)
    rule: Rule | None = None
    subject: str = ""  # what it is about: a question, a deadline, a law, a source key


class Decision(Record):
    """The first stage: the rules that apply, before any date or text."""

    level: str | None  # None: no level rule applies (a gap, which ``triage check`` reports)
    level_rules: tuple[Rule, ...]  # every level rule that applied, highest precedence first
    others: tuple[Rule, ...]  # every other rule that applied, in rule order
    facts: Mapping[str, Answer]  # what the conditions read: answers, derived facts, municipality, level


class Outcome(Record):
    municipality: str
    contact_date: datetime.date
    answers: Mapping[str, Answer]  # the answers that apply, in flow order (defaults included)
    ignored: tuple[str, ...]
    not_known: tuple[str, ...]
    decision: Decision
    level: LevelItem
    offers: tuple[OfferItem, ...]
    notifications: tuple[NotificationItem, ...]
    deadlines: tuple[DeadlineItem, ...]
    steps: tuple[StepItem, ...]
    warnings: tuple[WarningItem, ...]
    citations: tuple[Cited, ...]
    because: tuple[Because, ...] = ()  # service level, offers, notifications, deadlines: in that order
    alternatives: tuple[tuple[tuple[tuple[str, Answer], ...], Outcome], ...] = ()
    rights: tuple[RightItem, ...] = ()

    @property
    def fired(self) -> tuple[Rule, ...]:
        """Every rule that applied, the losing level rules included."""
        return self.decision.level_rules + self.decision.others

    def deadline_dates(self) -> dict[str, datetime.date]:
        return {d.id: d.date for d in self.deadlines}


# --- the one comparison ----------------------------------------------------------------


# What of an item can differ: what is decided ("" for presence, provider, recipient,
# inform_citizen_first, days, due), which changes the call, or only how it is worded or justified
# (below: the rules' texts and citations, the law in force they cite, the reasons under "because").
WORDING_FIELDS = ("words", "citations", "because")


class Difference(NamedTuple):
    """One item that differs between two outcomes: what it was and what it is (None: absent)."""

    key: ItemKey
    field: str  # "" for presence (or the level); else a decided field or one of WORDING_FIELDS
    before: object
    after: object

    @property
    def wording(self) -> bool:
        return self.field in WORDING_FIELDS


def _rule_words(rules: Iterable[Rule]) -> tuple[object, ...]:
    """What of a rule a reader sees: its text and its citations (not its place in the file)."""
    return tuple((r.id, r.text, r.cites) for r in rules)


def facets(outcome: Outcome, kinds: Iterable[ItemKind] = ITEM_KINDS) -> dict[ItemKey, dict[str, object]]:
    """Every item of ``outcome`` with everything about it that can change what a counsellor
    reads: the provider, recipients, inform-first, dates (as days from the contact, so that
    outcomes of different contact dates compare), the rules' words and citations with the
    law in force, the warnings, and what decided the item (``because``)."""
    wanted = set(kinds)
    start = outcome.contact_date
    out: dict[ItemKey, dict[str, object]] = {}

    def add(key: ItemKey, **fields: object) -> None:
        if key.kind in wanted:
            out[key] = fields

    def days(day: datetime.date | None) -> int | None:
        return None if day is None else (day - start).days

    add(ItemKey("service_level", outcome.level.id), provider=(outcome.level.provided_by, outcome.level.provider),
        words=_rule_words(outcome.level.rules))  # fmt: skip
    for o in outcome.offers:
        add(ItemKey("offer", o.id), provider=(o.provided_by, o.provider), words=_rule_words(o.rules))
    for n in outcome.notifications:
        add(ItemKey("notification", n.to), recipient=" / ".join(n.recipients),
            inform_citizen_first=n.inform_citizen_first, words=_rule_words(n.rules))  # fmt: skip
    for d in outcome.deadlines:
        add(ItemKey("deadline", d.id), days=days(d.date), words=_rule_words(d.rules))
    for s in outcome.steps:
        add(ItemKey("next_step", s.id), due=days(s.due), words=_rule_words([s.rule]))
    for r in outcome.rights:
        add(ItemKey("right", r.id), words=_rule_words(r.rules))
    for w in outcome.warnings:
        add(ItemKey("warning", w.id if w.rule is not None else f"{w.id}:{w.subject}"),
            words=_rule_words([w.rule] if w.rule else []))  # fmt: skip
    for c in outcome.citations:
        key = ItemKey.of(c.item, outcome.level.id)
        if key in out:
            cites = out[key].setdefault("citations", [])
            assert isinstance(cites, list)
            cites.append((c.source.key if c.source else None, c.section, c.law, c.cited_law, c.to_check))
    for b in outcome.because:
        key = ItemKey.of(b.item, outcome.level.id)
        if key in out:
            out[key]["because"] = b.answers
    return out


def differences(
    before: Outcome | Mapping[ItemKey, Mapping[str, object]],
    after: Outcome | Mapping[ItemKey, Mapping[str, object]],
) -> tuple[Difference, ...]:
    """Every item that differs, in the order of the items (the service level first).

    A changed level is one difference (its key holds the new level's ID only where the
    level stayed); an item in one outcome only has ``field == ""`` and None on the other side.
    """
    old = facets(before) if isinstance(before, Outcome) else before
    new = facets(after) if isinstance(after, Outcome) else after
    out: list[Difference] = []
    old_level = next((k for k in old if k.kind == "service_level"), None)
    new_level = next((k for k in new if k.kind == "service_level"), None)
    if old_level != new_level:
        out.append(Difference(ItemKey("service_level", ""), "", old_level and old_level.id, new_level and new_level.id))
    for key in dict.fromkeys([*old, *new]):
        if key.kind == "service_level" and old_level != new_level:
            continue
        a, b = old.get(key), new.get(key)
        if a is None or b is None:
            out.append(Difference(key, "", None if a is None else key.id, None if b is None else key.id))
            continue
        out.extend(Difference(key, f, a.get(f), b.get(f)) for f in dict.fromkeys([*a, *b]) if a.get(f) != b.get(f))
    return tuple(out)


DECIDED_KINDS: tuple[ItemKind, ...] = ("service_level", "offer", "notification", "deadline")


def decided(outcome: Outcome, fields: Iterable[str] = ("days",)) -> dict[ItemKey, dict[str, object]]:
    """The facets a scenario's key or a trainee's prediction states: which level, offers,
    notifications and deadlines, and only ``fields`` of each (the deadlines' days)."""
    keep = set(fields)
    return {k: {f: v for f, v in item.items() if f in keep} for k, item in facets(outcome, DECIDED_KINDS).items()}
