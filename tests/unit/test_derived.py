"""``under_pension_age`` (rules/derived.py; issue 19, point 8).

The state pension age follows the date of birth (Lov om social pension § 1 a: 67 for people
born 1955-1962, 68 for 1963-1966, ...; the table is flows/law.toml ``pension_age``). The call
gives only the age and the contact date, so the birth date lies within one year; where that
year straddles a change of pension age and the age falls between, the answer is 'unknown'.
"""

from __future__ import annotations

import datetime
from functools import lru_cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import ROOT
from triage.data.loader import load
from triage.rules.derived import derive, pension_age, under_pension_age
from triage.rules.model import UNKNOWN, Answer, Knowledge, PensionAge

D = datetime.date


@pytest.fixture(scope="module")
def table(knowledge: Knowledge) -> tuple[PensionAge, ...]:
    return knowledge.law.pension_ages


def test_the_shipped_table_follows_the_law(table: tuple[PensionAge, ...]) -> None:
    assert pension_age(table, D(1962, 12, 31)) == 67
    assert pension_age(table, D(1963, 1, 1)) == 68
    assert pension_age(table, D(1966, 12, 31)) == 68
    assert pension_age(table, D(1967, 1, 1)) == 69


@pytest.mark.parametrize(
    ("age", "contact", "expected"),
    [
        # Around the 1962/1963 boundary (67 -> 68).
        (66, D(2026, 11, 24), True),  # born 1959/1960: 67
        (67, D(2026, 11, 24), False),  # born 1958/1959: 67, reached
        (66, D(2030, 6, 3), True),  # born 1963/1964: 68
        (67, D(2030, 6, 3), UNKNOWN),  # born 04.06.1962-03.06.1963: 67 or 68
        (67, D(2030, 12, 30), UNKNOWN),  # born 31.12.1962-30.12.1963: one day of 1962
        (67, D(2030, 12, 31), True),  # born in 1963, all of it: 68
        (67, D(2029, 12, 31), False),  # born in 1962, all of it: 67
        (68, D(2031, 6, 1), False),  # born 1962/1963: 67 or 68, reached either way
        (68, D(2035, 6, 1), UNKNOWN),  # born 1966/1967: 68 (reached) or 69 (not yet) ...
        (68, D(2035, 12, 31), True),  # ... born in 1967, all of it: 69
        (66, D(2029, 6, 1), True),  # born 1962/1963: under 67 and under 68 alike
        # Below every pension age, at or above every one.
        (40, D(2026, 11, 24), True),
        (70, D(2040, 6, 1), False),
        # 29 February: the birth year is not a leap year (1961, 1963), no error.
        (67, D(2028, 2, 29), False),  # born 01.03.1960-28.02.1961: 67
        (65, D(2028, 2, 29), True),  # born 01.03.1962-28.02.1963: 67 or 68
        (67, D(2032, 2, 29), True),  # born 01.03.1964-28.02.1965: 68
        (68, D(2032, 2, 29), False),  # born 01.03.1963-29.02.1964: 68
    ],
)
def test_under_pension_age(table: tuple[PensionAge, ...], age: int, contact: datetime.date, expected: Answer) -> None:
    assert under_pension_age(table, age, contact) == expected


@pytest.mark.parametrize("age", [None, UNKNOWN, True, "67"])
def test_no_known_age_is_not_derived(table: tuple[PensionAge, ...], knowledge: Knowledge, age: Answer | None) -> None:
    assert under_pension_age(table, age, D(2030, 6, 3)) is None
    given = {} if age is None else {"age": age}
    assert "under_pension_age" not in derive(knowledge.law, given, D(2030, 6, 3))


def test_no_table_is_not_derived() -> None:
    assert under_pension_age((), 67, D(2030, 6, 3)) is None


def test_a_birth_date_the_table_does_not_cover_is_not_guessed() -> None:
    only_1955_on = (PensionAge(D(1955, 1, 1), None, 67, "test"),)
    assert under_pension_age(only_1955_on, 80, D(2030, 6, 3)) is None  # born 1949/1950
    assert under_pension_age(only_1955_on, 60, D(2030, 6, 3)) is True


def test_derive_puts_it_among_the_answers(knowledge: Knowledge) -> None:
    assert derive(knowledge.law, {"age": 67}, D(2030, 6, 3)) == {"under_pension_age": UNKNOWN}
    assert derive(knowledge.law, {"age": 66}, D(2030, 6, 3)) == {"under_pension_age": True}


# --- against a brute force -------------------------------------------------------------


@lru_cache(maxsize=1)
def _shipped_table() -> tuple[PensionAge, ...]:
    """flows/law.toml's table (not the ``knowledge`` fixture: hypothesis would print all of it)."""
    return load(ROOT).law.pension_ages


def _age_on(born: datetime.date, day: datetime.date) -> int:
    """Whole years on ``day``; someone born on 29 February has a birthday on 1 March in other years."""
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def _brute_force(table: tuple[PensionAge, ...], age: int, contact: datetime.date) -> Answer | None:
    """Try every birth date that gives ``age`` on ``contact``, and see whether they agree."""
    verdicts: set[bool] = set()
    day = D(contact.year - age - 1, 1, 1)
    while day <= D(contact.year - age, 12, 31):
        if _age_on(day, contact) == age:
            limit = pension_age(table, day)
            if limit is None:
                return None
            verdicts.add(age < limit)
        day += datetime.timedelta(days=1)
    return verdicts.pop() if len(verdicts) == 1 else UNKNOWN


# Where the pension age changes (1 January 1954, 1955, 1963, 1967, 1971): the 'unknown' band
# is only a year wide there, so half of the cases are drawn near one of these birthdays.
BOUNDARIES = [D(1954, 1, 1), D(1955, 1, 1), D(1963, 1, 1), D(1967, 1, 1), D(1971, 1, 1)]


@st.composite
def calls(draw: st.DrawFn) -> tuple[int, datetime.date]:
    if draw(st.booleans()):
        age = draw(st.integers(min_value=0, max_value=120))
        return age, draw(st.dates(min_value=D(2000, 1, 1), max_value=D(2100, 12, 31)))
    born, age = draw(st.sampled_from(BOUNDARIES)), draw(st.integers(min_value=63, max_value=72))
    offset = datetime.timedelta(days=draw(st.integers(min_value=-400, max_value=400)))
    return age, born.replace(year=born.year + age) + offset


@settings(max_examples=300, deadline=None)
@given(calls())
def test_agrees_with_every_birth_date_of_the_possible_year(call: tuple[int, datetime.date]) -> None:
    age, contact = call
    table = _shipped_table()
    assert under_pension_age(table, age, contact) == _brute_force(table, age, contact)


def test_the_shipped_table_has_those_boundaries(table: tuple[PensionAge, ...]) -> None:
    assert sorted(row.born_from for row in table if row.born_from is not None) == BOUNDARIES


@pytest.mark.parametrize("age", range(55, 80))
def test_agrees_with_the_brute_force_on_29_february(knowledge: Knowledge, age: int) -> None:
    table = knowledge.law.pension_ages
    for contact in (D(2028, 2, 29), D(2032, 2, 29)):
        assert under_pension_age(table, age, contact) == _brute_force(table, age, contact)
