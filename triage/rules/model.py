"""The loaded knowledge: finished, frozen objects that the engine and every UI share.

The loader builds these once; nothing downstream parses files or strings again.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Literal

from triage.rules.conditions import UNKNOWN_TEXT, AnswerType, Condition
from triage.rules.placeholders import fill
from triage.rules.record import Record

Lang = Literal["da", "en"]
RuleKind = Literal["level", "offer", "notification", "deadline", "step", "warning", "right"]
Answer = bool | int | str | tuple[str, ...]
# The answer to an int or a bool question that allows it (``Question.allow_unknown``): not
# known ("ved ikke"). Every comparison with it is unknown too, so it never decides a rule on its
# own; only ``x == 'unknown'`` tests for it.
UNKNOWN = UNKNOWN_TEXT


class Text(Record):
    """Danish and English wording of one thing shown to people."""

    da: str
    en: str

    def get(self, lang: Lang) -> str:
        return self.da if lang == "da" else self.en


class Term(Record):
    """A contract ID (service level, offer, ...) with its label; a level's or deadline's
    ``role`` and a level's ``precedence`` (see ``schema.LevelSpec``)."""

    id: str
    label: Text
    help: Text | None = None
    role: str | None = None
    precedence: str = "ordinary"


class Alternative(Record):
    """See ``schema.AlternativeSpec``."""

    question: str
    given: tuple[Answer, ...]
    value: Answer
    unless: Condition | None = None


class Option(Record):
    value: str
    label: Text
    key: str | None = None
    short: Text | None = None  # where the label would not fit (the answers column)

    def short_label(self, lang: Lang) -> str:
        return (self.short or self.label).get(lang)


class Say(Record):
    """One wording of what to say to the caller, for the calls where ``when`` holds."""

    when: Condition
    text: Text


class Question(Record):
    id: str
    kind: Literal["bool", "int", "choice", "multi"]
    label: Text
    help: Text
    when: Condition
    says: tuple[Say, ...] = ()  # the first that holds is said; none holds: nothing to say
    options: tuple[Option, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    min_selected: int = 0
    default: Answer | None = None
    allow_unknown: Condition | None = None  # where UNKNOWN is a valid answer (int and bool questions)
    unknown_if_missing: Condition | None = None  # where a file may lack it (contract version 1)
    short: Text | None = None  # a few words: the answers column, the explanations; else the label

    def short_label(self, lang: Lang, place: str | None = None) -> str:
        return fill((self.short or self.label).get(lang), lang, place)

    def label_text(self, lang: Lang, place: str | None = None) -> str:
        """The question as asked, with ``{municipality}`` filled with ``place`` (the municipality's name)."""
        return fill(self.label.get(lang), lang, place)

    def say(self, answers: Mapping[str, Answer]) -> Text | None:
        """What to say to the caller on this call: the first wording whose condition holds."""
        return next((s.text for s in self.says if s.when.evaluate(answers) is True), None)

    @property
    def answer_type(self) -> AnswerType:
        return AnswerType(
            kind=self.kind,
            options=tuple(o.value for o in self.options),
            minimum=self.minimum,
            maximum=self.maximum,
        )

    def unknown_allowed(self, answers: Mapping[str, Answer]) -> bool:
        """Whether UNKNOWN is a valid answer to this question, given the answers before it."""
        return self.allow_unknown is not None and self.allow_unknown.evaluate(answers) is True

    def option(self, value: str) -> Option | None:
        return next((o for o in self.options if o.value == value), None)


class Flow(Record):
    id: str
    title: Text
    levels: tuple[Term, ...]  # precedence, highest first
    offers: tuple[Term, ...]
    notifications: tuple[Term, ...]
    deadlines: tuple[Term, ...]
    questions: tuple[Question, ...]
    not_known: Text  # the warning for an answer read as not known; {question} is its label
    not_working_day: Text  # the warning for a deadline on a day off; see schema.FlowFile
    alternatives: tuple[Alternative, ...] = ()
    rights: tuple[Term, ...] = ()  # contract version 3: what the caller must be told
    emergency_lines: tuple[Text, ...] = ()  # the emergency screen's first lines (112, Giftlinjen)

    def question(self, qid: str) -> Question | None:
        return next((q for q in self.questions if q.id == qid), None)

    def term(self, group: str, tid: str) -> Term | None:
        terms: tuple[Term, ...] = getattr(self, group)
        return next((t for t in terms if t.id == tid), None)

    def role(self, level: str) -> str | None:
        """The role of a level ("emergency", "treatment", ...): what code may branch on."""
        term = self.term("levels", level)
        return term.role if term is not None else None

    def deadline_with(self, role: str) -> str | None:
        """The ID of the deadline with this role (e.g. "guarantee"), if the flow has one."""
        return next((t.id for t in self.deadlines if t.role == role), None)

    def rank(self, level: str) -> int:
        """The level's place in the order of precedence (0 wins)."""
        ranks: dict[str, int] | None = self.__dict__.get("_ranks")
        if ranks is None:
            ranks = self.__dict__["_ranks"] = {t.id: i for i, t in enumerate(self.levels)}
        return ranks[level]


class Location(Record):
    """Where a rule stands, for findings: file, line and its key path."""

    file: str
    key: str
    line: int | None = None
    column: int | None = None
    path: tuple[str | int, ...] = ()


class Citation(Record):
    source: str  # source key, or "law"
    section: str
    law: str | None = None
    note: str | None = None


class Rule(Record):
    """One rule of national law or of a municipality's standard."""

    id: str
    kind: RuleKind
    target: str  # the level, offer, notification kind, deadline or step ID it yields
    when: Condition
    text: Text
    cites: tuple[Citation, ...]
    origin: str  # "law" or the municipality ID
    location: Location
    provided_by: Literal["own", "referred"] = "own"
    provider: str | None = None
    recipient: str | None = None
    inform_citizen_first: bool = False
    days: int | None = None
    due: str | None = None
    due_days: int | None = None
    since: datetime.date | None = None
    valid_until: datetime.date | None = None
    waives: tuple[str, ...] = ()
    overlaps: tuple[str, ...] = ()

    def in_force(self, day: datetime.date) -> bool:
        return (self.since is None or self.since <= day) and (self.valid_until is None or day <= self.valid_until)


class Source(Record):
    key: str
    title: str
    short: str
    status: Literal["current", "draft", "outdated"]
    approved: datetime.date | None = None  # a partial date: its first day (``approved_as``)
    valid_until: datetime.date | None = None  # a partial date: its last day
    status_reason: Text | None = None
    file: str | None = None
    url: str | None = None
    kind: Literal["standard", "draft", "web_page"] = "standard"
    excerpt: bool = False
    approved_as: str | None = None  # as the data gives it: "2023-06-21", "2023-06" or "2023"


class Centre(Record):
    name: str
    address: str
    phone: str | None = None
    email: str | None = None
    web: str | None = None


class Municipality(Record):
    id: str
    name: str
    centre: Centre
    standard: Source
    sources: Mapping[str, Source]
    recipients: Mapping[str, str]
    rules: tuple[Rule, ...]  # national rules already merged in, overrides applied
    unconfirmed: frozenset[str] = frozenset()  # notification kinds whose recipient the standard does not name

    def split(self) -> tuple[tuple[Rule, ...], tuple[Rule, ...]]:
        """The level rules and the other rules (kept: the proof asks for every class)."""
        parts: tuple[tuple[Rule, ...], tuple[Rule, ...]] | None = self.__dict__.get("_split")
        if parts is None:
            levels = tuple(r for r in self.rules if r.kind == "level")
            parts = self.__dict__["_split"] = (levels, tuple(r for r in self.rules if r.kind != "level"))
        return parts


class Superseded(Record):
    cited: str
    current: str
    since: datetime.date
    note: Text


class ToCheck(Record):
    law: str
    when: Condition
    note: Text


class PensionAge(Record):
    """The state pension age for people born in a period (``None``: open at that end)."""

    born_from: datetime.date | None
    born_until: datetime.date | None
    age: int
    law: str


class Invariant(Record):
    """See ``schema.InvariantSpec``."""

    id: str
    when: Condition
    holds: Condition
    message: str
    location: Location
    cites: tuple[Citation, ...] = ()


class Law(Record):
    superseded: tuple[Superseded, ...]
    to_check: tuple[ToCheck, ...]
    status_notes: Mapping[str, Text]
    pension_ages: tuple[PensionAge, ...] = ()
    invariants: tuple[Invariant, ...] = ()


class Knowledge(Record):
    """Everything loaded from one data folder."""

    root: str
    flow: Flow
    law: Law
    municipalities: Mapping[str, Municipality]
