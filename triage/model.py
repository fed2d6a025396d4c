"""The loaded knowledge: finished, frozen objects that the engine and every UI share.

The loader builds these once; nothing downstream parses files or strings again.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from triage.conditions import AnswerType, Condition

Lang = Literal["da", "en"]
LANGS: tuple[Lang, ...] = ("da", "en")
RuleKind = Literal["level", "offer", "notification", "deadline", "step", "warning"]
Answer = bool | int | str | tuple[str, ...]


@dataclass(frozen=True)
class Text:
    """Danish and English wording of one thing shown to people."""

    da: str
    en: str

    def get(self, lang: Lang) -> str:
        return self.da if lang == "da" else self.en


@dataclass(frozen=True)
class Term:
    """A contract ID (service level, offer, ...) with its label."""

    id: str
    label: Text
    help: Text | None = None


@dataclass(frozen=True)
class Option:
    value: str
    label: Text
    key: str | None = None


@dataclass(frozen=True)
class Question:
    id: str
    kind: Literal["bool", "int", "choice", "multi"]
    label: Text
    help: Text
    when: Condition
    say: Text | None = None
    options: tuple[Option, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    min_selected: int = 0
    default: Answer | None = None

    @property
    def answer_type(self) -> AnswerType:
        return AnswerType(
            kind=self.kind,
            options=tuple(o.value for o in self.options),
            minimum=self.minimum,
            maximum=self.maximum,
        )

    def option(self, value: str) -> Option | None:
        return next((o for o in self.options if o.value == value), None)


@dataclass(frozen=True)
class Flow:
    id: str
    title: Text
    levels: tuple[Term, ...]  # precedence, highest first
    offers: tuple[Term, ...]
    notifications: tuple[Term, ...]
    deadlines: tuple[Term, ...]
    questions: tuple[Question, ...]

    def question(self, qid: str) -> Question | None:
        return next((q for q in self.questions if q.id == qid), None)

    def term(self, group: str, tid: str) -> Term | None:
        terms: tuple[Term, ...] = getattr(self, group)
        return next((t for t in terms if t.id == tid), None)

    def rank(self, level: str) -> int:
        return next(i for i, t in enumerate(self.levels) if t.id == level)


@dataclass(frozen=True)
class Location:
    """Where a rule stands, for findings: file, line and its key path."""

    file: str
    key: str
    line: int | None = None
    column: int | None = None
    path: tuple[str | int, ...] = ()


@dataclass(frozen=True)
class Citation:
    source: str  # source key, or "law"
    section: str
    law: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Rule:
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
    recipient: str | None = None
    inform_citizen_first: bool = False
    days: int | None = None
    due: str | None = None
    due_days: int | None = None


@dataclass(frozen=True)
class Source:
    key: str
    title: str
    short: str
    status: Literal["current", "draft", "outdated"]
    approved: datetime.date | None = None
    valid_until: datetime.date | None = None
    status_reason: Text | None = None
    file: str | None = None


@dataclass(frozen=True)
class Centre:
    name: str
    address: str
    phone: str | None = None
    email: str | None = None
    web: str | None = None


@dataclass(frozen=True)
class Municipality:
    id: str
    name: str
    centre: Centre
    standard: Source
    sources: Mapping[str, Source]
    recipients: Mapping[str, str]
    rules: tuple[Rule, ...]  # national rules already merged in, overrides applied


@dataclass(frozen=True)
class Superseded:
    cited: str
    current: str
    since: datetime.date
    note: Text


@dataclass(frozen=True)
class ToCheck:
    law: str
    when: Condition
    note: Text


@dataclass(frozen=True)
class Law:
    superseded: tuple[Superseded, ...]
    to_check: tuple[ToCheck, ...]
    status_notes: Mapping[str, Text]


@dataclass(frozen=True)
class Knowledge:
    """Everything loaded from one data folder."""

    root: str
    flow: Flow
    law: Law
    municipalities: Mapping[str, Municipality] = field(default_factory=dict)

    def answer_types(self) -> dict[str, AnswerType]:
        """Every name a condition may use: the answers, plus the derived ``level``."""
        types = {q.id: q.answer_type for q in self.flow.questions}
        types["municipality"] = AnswerType("choice", tuple(self.municipalities))
        types["level"] = AnswerType("choice", tuple(t.id for t in self.flow.levels))
        return types
