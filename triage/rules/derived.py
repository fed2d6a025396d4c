"""Facts the rules may read that nobody is asked: they follow from the answers, the contact
date and the law in force on that date.

``under_pension_age``: the state pension age depends on the year of birth (Lov om social
pension § 1 a: 67 for people born 1955-1962, 68 for 1963-1966, ...), and the call gives only
the age and the contact date. The year of birth is then one of two; where the two give
different pension ages and the age falls between them, the answer is not known
(``UNKNOWN``), never guessed: a rule can test ``under_pension_age == 'unknown'`` and ask.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping

from triage.rules.conditions import AnswerType
from triage.rules.model import UNKNOWN, Answer, Law, PensionAge

# Every derived fact, with its type for the conditions that read it.
DERIVED: Mapping[str, AnswerType] = {"under_pension_age": AnswerType("bool")}


def pension_age(table: tuple[PensionAge, ...], born: datetime.date) -> int | None:
    for row in table:
        if (row.born_from is None or row.born_from <= born) and (row.born_until is None or born <= row.born_until):
            return row.age
    return None


def under_pension_age(table: tuple[PensionAge, ...], age: Answer | None, contact_date: datetime.date) -> Answer | None:
    """True, False, ``UNKNOWN`` (the birthday decides), or None (no age, or no table)."""
    if type(age) is not int or not table:
        return None
    # Born in the year up to the contact date, ``age`` years earlier. The pension age only
    # rises with the date of birth, so the two ends of that year decide.
    latest, before = _years_before(contact_date, age), _years_before(contact_date, age + 1)
    if latest is None or before is None:
        return None
    earliest = before + datetime.timedelta(days=1)
    ages = {pension_age(table, earliest), pension_age(table, latest)}
    if None in ages:
        return None
    verdicts = {age < a for a in ages if a is not None}
    return verdicts.pop() if len(verdicts) == 1 else UNKNOWN


def _years_before(day: datetime.date, years: int) -> datetime.date | None:
    year = day.year - years
    if year < datetime.MINYEAR + 1:
        return None
    if day.month == 2 and day.day == 29:
        day = day - datetime.timedelta(days=1)
    return day.replace(year=year)


def possible(law: Law, name: str, answers: Mapping[str, Answer]) -> list[Answer | None]:
    """Every value the derived fact ``name`` can take with these answers, on any contact date
    (``triage check`` tries each; None: not derived). Ages below every pension age are always
    under it, ages at or above every pension age never; between them the date decides."""
    age = answers.get("age")
    ages = [row.age for row in law.pension_ages]
    if name != "under_pension_age" or type(age) is not int or not ages:
        return [None]
    if age < min(ages):
        return [True]
    if age >= max(ages):
        return [False]
    return [True, False, UNKNOWN]


def boundaries(law: Law, name: str) -> dict[str, list[int]]:
    """The answers' values at which ``possible`` changes, for the proof's class cutting."""
    ages = [row.age for row in law.pension_ages]
    return {"age": [min(ages), max(ages)]} if name == "under_pension_age" and ages else {}


def derive(law: Law, answers: Mapping[str, Answer], contact_date: datetime.date) -> dict[str, Answer]:
    """The derived facts for these answers on ``contact_date`` (those that are known)."""
    out: dict[str, Answer] = {}
    under = under_pension_age(law.pension_ages, answers.get("age"), contact_date)
    if under is not None:
        out["under_pension_age"] = under
    return out
