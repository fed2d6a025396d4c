"""Danish working days (rules/calendar.py) and what they do to a recommendation (issue 19, point 9).

The legal date of a deadline stays as the law counts it; a step that serves it is due on the
last working day on or before it (contract v3), and a warning names a deadline on a day off.
A step due a number of days after the contact (``due_days``) is not moved: "today" is today.
"""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import answers
from triage.rules.calendar import day_name, holiday, is_working_day, last_working_day
from triage.rules.model import Knowledge
from triage.rules.recommendation import Recommendation, recommend

D = datetime.date


@pytest.mark.parametrize(
    ("day", "name"),
    [
        (D(2027, 1, 1), "Nytårsdag"),
        (D(2027, 3, 25), "Skærtorsdag"),
        (D(2027, 3, 26), "Langfredag"),
        (D(2027, 3, 29), "Anden påskedag"),
        (D(2027, 5, 17), "Anden pinsedag"),
        (D(2026, 12, 25), "Juledag"),
        (D(2026, 12, 26), "Anden juledag"),
        (D(2023, 5, 5), "Store bededag"),  # abolished from 2024
    ],
)
def test_danish_public_holidays_are_not_working_days(day: datetime.date, name: str) -> None:
    assert holiday(day) == name
    assert not is_working_day(day)


def test_store_bededag_ended_in_2024() -> None:
    # The fourth Friday after Easter: 5 May 2023 was a holiday, 26 April 2024 a working day.
    assert holiday(D(2024, 4, 26)) is None
    assert is_working_day(D(2024, 4, 26))


@pytest.mark.parametrize(
    "day",
    [D(2026, 12, 24), D(2026, 12, 31), D(2027, 3, 24), D(2026, 11, 24)],
    ids=["juleaftensdag", "nytårsaftensdag", "onsdag før skærtorsdag", "a tuesday"],
)
def test_weekdays_that_are_not_public_holidays_are_working_days(day: datetime.date) -> None:
    # Juleaften and nytårsaften are not public holidays in law (a centre may close; the law counts them).
    assert is_working_day(day)
    assert last_working_day(day) == day


def test_weekends() -> None:
    saturday, sunday = D(2026, 11, 28), D(2026, 11, 29)
    assert not is_working_day(saturday) and not is_working_day(sunday)
    assert last_working_day(sunday) == last_working_day(saturday) == D(2026, 11, 27)
    assert day_name(sunday, "da") == "søndag" and day_name(sunday, "en") == "Sunday"


def test_last_working_day_over_new_year() -> None:
    # Sunday 3 January 2027, Saturday the 2nd, nytårsdag Friday the 1st: Thursday 31 December 2026.
    assert last_working_day(D(2027, 1, 3)) == D(2026, 12, 31)
    # Over Easter 2027: Monday 29 March (2. påskedag) back past the weekend and langfredag, skærtorsdag.
    assert last_working_day(D(2027, 3, 29)) == D(2027, 3, 24)
    # Over Christmas 2027 (juledag and 2. juledag on a weekend): Friday 24 December.
    assert last_working_day(D(2027, 12, 26)) == D(2027, 12, 24)


def test_a_holiday_is_named_in_each_language() -> None:
    assert day_name(D(2026, 12, 25), "da") == "Juledag"
    assert day_name(D(2026, 12, 25), "en") == "Christmas Day"


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=D(2000, 1, 1), max_value=D(2100, 12, 31)))
def test_last_working_day_is_the_latest_working_day_not_after(day: datetime.date) -> None:
    due = last_working_day(day)
    assert due <= day and is_working_day(due)
    assert (day - due).days < 7  # no Danish run of days off is a week long
    between = [due + datetime.timedelta(days=i) for i in range(1, (day - due).days + 1)]
    assert not any(is_working_day(d) for d in between)


# --- in a recommendation -------------------------------------------------------------


def _outpatient_adult(knowledge: Knowledge, muni: str, contact: datetime.date, **changes: Any) -> Recommendation:
    return recommend(knowledge, muni, answers(age=40, **changes), contact, "da")


def test_the_booking_moves_and_the_deadline_keeps_its_legal_date(knowledge: Knowledge) -> None:
    """Contact 20.12.2026: the 14 days end on Sunday 03.01.2027 (after nytårsdag). Wherever a
    municipality sets that deadline, the steps that serve it are due on Thursday 31.12.2026."""
    contact, legal, due = D(2026, 12, 20), D(2027, 1, 3), D(2026, 12, 31)
    moved = 0
    for muni in sorted(knowledge.municipalities):
        rec = _outpatient_adult(knowledge, muni, contact)
        if "treatment_start" not in rec.deadlines:
            continue
        assert rec.deadlines["treatment_start"] == legal, muni
        serving = [s for s in rec.steps if s.rule.due == "treatment_start"]
        assert all(s.due == due for s in serving), (muni, [(s.id, s.due) for s in serving])
        moved += len(serving)
        texts = [w.text for w in rec.warnings if w.id == "not_working_day"]
        assert any("03.01.2027 (søndag)" in t and "31.12.2026" in t for t in texts), (muni, texts)
    assert moved > 0  # the shipped data has a step that books the treatment


def test_a_deadline_on_a_working_day_has_no_warning_and_no_move(knowledge: Knowledge) -> None:
    contact = D(2026, 11, 24)  # + 14 days: Tuesday 8 December
    for muni in sorted(knowledge.municipalities):
        rec = _outpatient_adult(knowledge, muni, contact)
        assert not [w for w in rec.warnings if w.id == "not_working_day"], muni
        for s in rec.steps:
            if s.rule.due is not None:
                assert s.due == rec.deadlines[s.rule.due], (muni, s.id)


def test_each_deadline_on_a_holiday_has_its_own_warning(knowledge: Knowledge) -> None:
    """Contact 11.03.2027: every 14-day deadline falls on skærtorsdag 25.03.2027, one warning each."""
    contact = D(2027, 3, 11)
    most = 0
    for muni in sorted(knowledge.municipalities):
        rec = _outpatient_adult(knowledge, muni, contact)
        on_holiday = sorted(k for k, d in rec.deadlines.items() if d == D(2027, 3, 25))
        texts = [w.text for w in rec.warnings if w.id == "not_working_day"]
        assert len(texts) == len(on_holiday) == len(rec.deadlines), muni
        assert all("25.03.2027 (Skærtorsdag)" in t and "24.03.2027" in t for t in texts)
        most = max(most, len(texts))
    assert most > 1  # some standard sets more than one 14-day deadline (the doctor, the plan)


def test_a_step_due_today_on_a_sunday_stays_on_that_day(knowledge: Knowledge) -> None:
    """A step with ``due_days = 0`` is for the call itself; a Sunday call keeps it on the Sunday."""
    sunday = D(2026, 12, 20)
    found = 0
    for muni in sorted(knowledge.municipalities):
        # Alcohol only: the steps that help the caller on (due the same day) fire everywhere.
        rec = _outpatient_adult(knowledge, muni, sunday, substances=("alcohol",))
        today = [s for s in rec.steps if s.rule.due_days == 0]
        assert all(s.due == sunday for s in today), (muni, [(s.id, s.due) for s in today])
        found += len(today)
    assert found > 0
