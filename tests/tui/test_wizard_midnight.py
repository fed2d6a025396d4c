"""Issue 22, points 2 and 7: each call takes the Danish date of the moment it starts, not the day the
wizard started nor the machine's UTC date; a clock is given to the app, no sleeps."""

from __future__ import annotations

import datetime

from triage.data.clock import danish_today
from triage.rules.model import Knowledge
from triage.tui.app import WizardApp
from triage.tui.screens import SummaryScreen

CALL = ["n", "s", "j", "4", "0", "enter", "j", "c", "enter", *"nnnnnnn"]


class Clock:
    """A settable moment, read by the app as its clock (UTC, aware)."""

    def __init__(self, moment: datetime.datetime) -> None:
        self.moment = moment

    def now(self) -> datetime.datetime:
        return self.moment

    def today(self) -> datetime.date:
        return danish_today(self.now)


def utc(*args: int) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=datetime.UTC)


def test_today_is_the_danish_date_not_the_utc_date() -> None:
    # 23:30 UTC on 30 November is 00:30 on 1 December in Copenhagen (winter, UTC+1) ...
    assert danish_today(lambda: utc(2026, 11, 30, 23, 30)) == datetime.date(2026, 12, 1)
    # ... and 22:30 UTC in July is 00:30 the next day (summer, UTC+2).
    assert danish_today(lambda: utc(2026, 7, 14, 22, 30)) == datetime.date(2026, 7, 15)
    assert danish_today(lambda: utc(2026, 7, 14, 21, 59)) == datetime.date(2026, 7, 14)


async def test_a_new_call_after_midnight_takes_the_new_day(knowledge: Knowledge) -> None:
    clock = Clock(utc(2026, 11, 24, 22, 50))  # 23:50 in Copenhagen
    app = WizardApp(knowledge, municipality="holbaek", lang="da", clock=clock.today, remember=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*CALL)
        assert isinstance(app.screen, SummaryScreen)
        assert app.call.contact_date == datetime.date(2026, 11, 24)
        first_file = app.default_export_path().name
        clock.moment = utc(2026, 11, 24, 23, 10)  # 00:10 on the 25th, Copenhagen
        assert app.call.contact_date == datetime.date(2026, 11, 24), "a call under way keeps its day"
        await pilot.press("n")  # a new call (the first one unsaved: confirm)
        await pilot.press("j")
        assert not app.call.answers
        assert app.call.contact_date == datetime.date(2026, 11, 25)
        await pilot.press(*CALL)
        assert isinstance(app.screen, SummaryScreen)
        assert app.call.contact_date == datetime.date(2026, 11, 25)
        assert app.default_export_path().name != first_file
        assert app.call.recommendation is not None


async def test_a_wizard_left_open_dates_the_call_by_its_first_answer(knowledge: Knowledge) -> None:
    clock = Clock(utc(2026, 11, 20, 12, 0))
    app = WizardApp(knowledge, municipality="holbaek", lang="da", clock=clock.today, remember=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        clock.moment = utc(2026, 11, 24, 9, 0)  # days later, the first answer
        await pilot.press(*CALL)
        assert app.call.contact_date == datetime.date(2026, 11, 24)
        assert "2026-11-24" in app.default_export_path().name


async def test_answers_are_taken_after_a_resize_below_the_minimum_and_back(knowledge: Knowledge) -> None:
    """Issue 22, point 7: 80x24 -> 40x12 -> 80x24 at the age question; digits and Enter did
    nothing until Tab Tab."""
    app = WizardApp(knowledge, municipality="holbaek", lang="da", today=datetime.date(2026, 11, 24))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n", "s", "j")
        assert app.call.question is not None and app.call.question.id == "age"
        await pilot.resize_terminal(40, 12)
        await pilot.pause()
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.press("4", "0", "enter")
        assert app.call.answers.get("age") == 40
