"""The shape of the data files, as strict msgspec models.

Maintainers edit TOML, so a misspelt key must be refused, not silently ignored:
every struct forbids unknown fields, and every rule kind is its own struct (a tagged
union on ``kind``), so a notification without a recipient kind or a deadline without
its days is a load error with a location, not a surprise at run time.
"""

from __future__ import annotations

import datetime
from typing import Annotated, Literal

import msgspec

# Bounds that keep every date the engine computes a real, nearby date: a deadline of 3,000,000
# days overflowed Python's dates (a traceback; the wizard froze counting working days), and a
# negative one put a deadline before the call.
MAX_DAYS = 3650  # ten years; the standards' deadlines are days or weeks
Days = Annotated[int, msgspec.Meta(ge=0, le=MAX_DAYS)]
# The contact dates an answers file, `--date` and the wizard may give.
FIRST_CONTACT_DATE = datetime.date(2000, 1, 1)
LAST_CONTACT_DATE = datetime.date(2099, 12, 31)


def contact_date_problem(value: datetime.date) -> str | None:
    """Why ``value`` cannot be a contact date, or None."""
    if FIRST_CONTACT_DATE <= value <= LAST_CONTACT_DATE:
        return None
    return f"{value.isoformat()} is out of range ({FIRST_CONTACT_DATE.isoformat()} to {LAST_CONTACT_DATE.isoformat()})"


class Struct(msgspec.Struct, forbid_unknown_fields=True, frozen=True, kw_only=True):
    """Base: unknown keys refused, immutable."""


class TextSpec(Struct, frozen=True, kw_only=True):
    """A string shown to people, Danish first."""

    da: str
    en: str


class OptionSpec(Struct, frozen=True, kw_only=True):
    value: str
    label: TextSpec
    key: str | None = None  # the letter that chooses it in the wizard
    short: TextSpec | None = None  # where a label would not fit: the answers column, at 80x24


class SaySpec(Struct, frozen=True, kw_only=True):
    """One wording of what to say to the caller, for the calls where ``when`` holds."""

    when: str = "true"
    da: str
    en: str


class QuestionSpec(Struct, frozen=True, kw_only=True):
    id: str
    kind: Literal["bool", "int", "choice", "multi"]
    label: TextSpec
    # A few words for the answers column ("Alder: 17") and the explanations ("fordi: alder 17");
    # the label is a whole question.
    short: TextSpec | None = None
    help: TextSpec
    # A suggested phrasing for the counsellor: one text, or a list of {when, da, en} of which the
    # first whose condition holds is shown (none: nothing to say on this call).
    say: TextSpec | list[SaySpec] | None = None
    when: str = "true"
    options: list[OptionSpec] = []
    min: int | None = None
    max: int | None = None
    min_selected: int = 0
    default: bool | int | str | list[str] | None = None
    # A condition: where "unknown" is a valid answer to this int question (a relative may
    # not know the age).
    allow_unknown: str | None = None
    # A condition: where an answers file written for contract version 1 may lack this
    # answer (version 1 did not ask it there). Then the answer is read as not known, with a
    # warning, never as false.
    unknown_if_missing: str | None = None


class TermSpec(Struct, frozen=True, kw_only=True):
    """A stable ID of the contract with its label."""

    id: str
    label: TextSpec
    help: TextSpec | None = None


class FlowFile(Struct, frozen=True, kw_only=True):
    """``flows/intake.toml``."""

    id: str
    title: TextSpec
    levels: list[TermSpec]  # precedence: the first level that applies wins
    offers: list[TermSpec]
    notifications: list[TermSpec]
    deadlines: list[TermSpec]
    questions: list[QuestionSpec]
    # The warning for an answer that an answers file lacks and that is read as not known;
    # ``{question}`` stands for the question's label.
    not_known: TextSpec
    # The warning for a deadline on a Saturday, Sunday or public holiday: ``{deadline}``,
    # ``{date}``, ``{day}`` (its kind: "søndag", "Juledag") and ``{due}`` (the last working day).
    not_working_day: TextSpec
    # The emergency screen's first lines: who to call now (112, Giftlinjen).
    emergency_lines: list[TextSpec] = []


class CiteSpec(Struct, frozen=True, kw_only=True):
    """Where a rule comes from: a standard's section, and the law it rests on."""

    source: str  # a key of the municipality's [sources], or "law" for national law
    section: str
    law: str | None = None
    note: str | None = None  # for maintainers: why this reading, where standards differ


class _Rule(Struct, tag_field="kind", frozen=True, kw_only=True):
    id: str
    when: str = "true"
    text: TextSpec
    cite: list[CiteSpec]


class LevelRule(_Rule, tag="level", frozen=True, kw_only=True):
    level: str
    provided_by: Literal["own", "referred"] = "own"


class OfferRule(_Rule, tag="offer", frozen=True, kw_only=True):
    offer: str
    provided_by: Literal["own", "referred"] = "own"


class NotificationRule(_Rule, tag="notification", frozen=True, kw_only=True):
    to: str
    recipient: str | None = None  # default: the municipality's recipient for ``to``
    inform_citizen_first: bool = False


class DeadlineRule(_Rule, tag="deadline", frozen=True, kw_only=True):
    deadline: str
    days: Days


class StepRule(_Rule, tag="step", frozen=True, kw_only=True):
    due: str | None = None  # a deadline ID whose date this step takes
    due_days: Days | None = None  # or days after contact


class WarningRule(_Rule, tag="warning", frozen=True, kw_only=True):
    pass


RuleSpec = LevelRule | OfferRule | NotificationRule | DeadlineRule | StepRule | WarningRule


class SupersededSpec(Struct, frozen=True, kw_only=True):
    cited: str
    current: str
    since: datetime.date
    note: TextSpec


class ToCheckSpec(Struct, frozen=True, kw_only=True):
    law: str
    when: str
    note: TextSpec


class PensionAgeSpec(Struct, frozen=True, kw_only=True):
    """The state pension age for people born in a period (either end may be open)."""

    born_from: datetime.date | None = None
    born_until: datetime.date | None = None
    age: int
    law: str


class StatusNotesSpec(Struct, frozen=True, kw_only=True):
    draft: TextSpec
    outdated: TextSpec


class LawFile(Struct, frozen=True, kw_only=True):
    """``flows/law.toml``: national law as the base layer under every municipality."""

    superseded: list[SupersededSpec] = []
    to_check: list[ToCheckSpec] = []
    status_notes: StatusNotesSpec
    pension_age: list[PensionAgeSpec] = []
    rules: list[RuleSpec] = []


class SourceSpec(Struct, frozen=True, kw_only=True):
    title: str
    short: str
    status: Literal["current", "draft", "outdated"]
    approved: datetime.date | None = None
    valid_until: datetime.date | None = None
    status_reason: TextSpec | None = None
    file: str | None = None


class CentreSpec(Struct, frozen=True, kw_only=True):
    name: str
    address: str
    phone: str | None = None  # only what the standard gives: never invent contact details
    email: str | None = None
    web: str | None = None


class MunicipalitySpec(Struct, frozen=True, kw_only=True):
    name: str
    centre: CentreSpec
    standard: str  # the key in ``sources`` of the standard this municipality follows first
    sources: dict[str, SourceSpec]
    recipients: dict[str, str]  # notification kind -> the unit's name as the standard gives it
    rules: list[RuleSpec] = []
    replaces: list[str] = []  # national rule IDs this standard sets aside entirely
