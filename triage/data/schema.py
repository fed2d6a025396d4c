"""The shape of the data files, as strict msgspec models.

Maintainers edit TOML, so a misspelt key must be refused, not silently ignored:
every struct forbids unknown fields, and every rule kind is its own struct (a tagged
union on ``kind``), so a notification without a recipient kind or a deadline without
its days is a load error with a location, not a surprise at run time.
"""

from __future__ import annotations

import datetime
import re
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


LevelRole = Literal["emergency", "treatment", "counselling", "referral", "outside"]


class LevelSpec(TermSpec, frozen=True, kw_only=True):
    """A service level: what kind of answer it is (``role``: the code and the invariants read the
    role, never the ID) and how it meets other levels in the order of precedence: ``first`` wins
    over every level below it by design, ``last`` is what remains when no other level applies;
    two ``ordinary`` levels that both apply are an overlap ``triage check`` names."""

    # Required since contract version 3; a flow where no level has one (older data, read by
    # `triage diff OLD`) still loads, and then has no invariant or overlap to check.
    role: LevelRole | None = None
    precedence: Literal["first", "ordinary", "last"] = "ordinary"


class DeadlineSpec(TermSpec, frozen=True, kw_only=True):
    """A deadline; ``role = "guarantee"`` marks the treatment guarantee (one deadline has it)."""

    role: Literal["guarantee"] | None = None


class AlternativeSpec(Struct, frozen=True, kw_only=True):
    """An answer the caller can still change during the call (contract ``alternatives``): when it
    was given as one of ``given``, the result with ``value`` instead is shown too, unless
    ``unless`` holds for the result (e.g. anonymity that was granted)."""

    question: str
    given: list[bool | int | str]
    value: bool | int | str
    unless: str | None = None


class FlowFile(Struct, frozen=True, kw_only=True):
    """``flows/intake.toml``."""

    id: str
    title: TextSpec
    levels: list[LevelSpec]  # precedence: the first level that applies wins
    offers: list[TermSpec]
    notifications: list[TermSpec]
    deadlines: list[DeadlineSpec]
    rights: list[TermSpec] = []  # contract version 3: what the caller must be told (`right` rules)
    questions: list[QuestionSpec]
    # The warning for an answer that an answers file lacks and that is read as not known;
    # ``{question}`` stands for the question's label.
    not_known: TextSpec
    # The warning for a deadline on a Saturday, Sunday or public holiday: ``{deadline}``,
    # ``{date}``, ``{day}`` (its kind: "søndag", "Juledag") and ``{due}`` (the last working day).
    not_working_day: TextSpec
    alternatives: list[AlternativeSpec] = []
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
    # The law or standard in force: the rule applies to contacts on or after ``since`` and on or
    # before ``valid_until`` (contract version 3: the contact date chooses the law).
    since: datetime.date | None = None
    valid_until: datetime.date | None = None
    # Deadline IDs this rule, with its citation, states do not apply where it applies (e.g. no
    # guarantee for anonymous treatment, SEL § 101a): the invariants accept the exception.
    waives: list[str] = []


class LevelRule(_Rule, tag="level", frozen=True, kw_only=True):
    level: str
    provided_by: Literal["own", "referred"] = "own"
    provider: str | None = None  # the unit or provider that gives it, as the standard names it
    # Level rules (by ID) this one may overlap with, the order of precedence deciding: an
    # overlap `triage check` would otherwise name as a finding.
    overlaps: list[str] = []


class OfferRule(_Rule, tag="offer", frozen=True, kw_only=True):
    offer: str
    provided_by: Literal["own", "referred"] = "own"
    provider: str | None = None  # the unit or provider that gives it, as the standard names it


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


class RightRule(_Rule, tag="right", frozen=True, kw_only=True):
    """What the caller must be told of their rights (contract version 3 ``rights``)."""

    right: str  # a right ID of flows/intake.toml: free_choice, complaint_access, payment, ...


RuleSpec = LevelRule | OfferRule | NotificationRule | DeadlineRule | StepRule | WarningRule | RightRule


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
    expired: TextSpec | None = None  # a current standard past its valid_until on the contact date
    # A notification to a recipient marked ``confirmed = false``: {notification}, {recipient}.
    unconfirmed_recipient: TextSpec | None = None


class InvariantSpec(Struct, frozen=True, kw_only=True):
    """A promise every conversation must keep, whatever a municipality's rules say; ``triage
    check`` proves it for every class. ``when`` reads the answers; ``holds`` may also read the
    result: ``level``, ``role`` (the level's role), ``notifications``, ``deadlines`` (IDs) and
    ``waived`` (deadline IDs a rule that applied states do not apply)."""

    id: str
    when: str
    holds: str
    message: str  # for the maintainer, in English like every finding
    cite: list[CiteSpec] = []


class LawFile(Struct, frozen=True, kw_only=True):
    """``flows/law.toml``: national law as the base layer under every municipality."""

    superseded: list[SupersededSpec] = []
    to_check: list[ToCheckSpec] = []
    status_notes: StatusNotesSpec
    pension_age: list[PensionAgeSpec] = []
    invariants: list[InvariantSpec] = []
    rules: list[RuleSpec] = []


class PartialDate:
    """A date, or one known only to the year or the month as a standard or a web page gives it:
    ``2023-06-21``, ``"2023-06"``, ``"2023"`` (``text``, ISO). Read by ``decode_hook``."""

    PATTERN = re.compile(r"^\d{4}(-(0[1-9]|1[0-2]))?$")

    def __init__(self, text: str) -> None:
        self.text = text


def decode_hook(tp: type, obj: object) -> object:
    """msgspec's hook for the types it does not know (``PartialDate``)."""
    if tp is PartialDate:
        if isinstance(obj, datetime.date):
            return PartialDate(obj.isoformat())
        if isinstance(obj, str) and PartialDate.PATTERN.match(obj):
            return PartialDate(obj)
        raise ValueError('expected a date, or "YYYY-MM" or "YYYY" where only the month or year is known')
    raise NotImplementedError(tp)


class SourceSpec(Struct, frozen=True, kw_only=True):
    title: str
    short: str
    status: Literal["current", "draft", "outdated"]
    approved: PartialDate | None = None
    valid_until: PartialDate | None = None  # a partial date: to the end of that year or month
    status_reason: TextSpec | None = None
    file: str | None = None  # its text in the standards folder (`triage check --standards DIR`)
    url: str | None = None  # where it is published
    # What it is: an approved quality standard, a draft, or a web page (the municipality's own
    # pages where no standard is published).
    kind: Literal["standard", "draft", "web_page"] = "standard"
    excerpt: bool = False  # `file` holds only an excerpt of it (the sections cited)


class RecipientSpec(Struct, frozen=True, kw_only=True):
    """A recipient with more than its name: ``confirmed = false`` where the standard names no unit
    (the name is the maintainer's best knowledge): `triage check` lists it, and a notification
    to it carries a warning to confirm the unit."""

    name: str
    confirmed: bool = True
    note: str | None = None


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
    recipients: dict[str, str | RecipientSpec]  # notification kind -> the unit's name as the standard gives it
    rules: list[RuleSpec] = []
    replaces: list[str] = []  # national rule IDs this standard sets aside entirely
