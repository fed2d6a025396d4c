"""The summary opens on an action card: at 80×24 its first screen holds the level, every
notification with when, and every dated step and deadline, in Danish dates ("i dag" for the
day of the call); reasons and citations follow below it."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from tests.conftest import answers
from tests.tui.keys import call_keys
from tests.tui.screen_text import screen_text
from triage.output.dates import day
from triage.rules.model import Knowledge
from triage.tui.app import WizardApp
from triage.tui.screens import SummaryScreen

TODAY = datetime.date(2026, 11, 24)

CALLS: dict[str, tuple[str, dict[str, Any]]] = {
    # a 19-year-old with a child at home: a notification and the treatment guarantee
    "young-adult-child": ("holbaek", answers(age=19, children_at_home=True)),
    # a 16-year-old: two recipients, dated steps, a warning
    "minor": ("holbaek", answers(age=16, children_at_home=True)),
    # acute danger and a pregnancy: the emergency level, steps for today
    "acute": ("faxe", {"acute_danger": True, "children_at_home": False, "pregnancy": "self"}),
    "adult": ("gentofte", answers()),
}


@pytest.mark.parametrize("call", sorted(CALLS))
async def test_the_first_screen_of_the_summary_holds_level_notifications_and_deadlines(
    knowledge: Knowledge, call: str
) -> None:
    municipality, given = CALLS[call]
    app = WizardApp(knowledge, municipality=municipality, lang="da", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*call_keys(knowledge, municipality, given))
        assert isinstance(app.screen, SummaryScreen)
        await pilot.pause()
        # The screen's words in order, wrapped lines joined (the box's side lines left out).
        first = " ".join(" ".join(screen_text(app)).replace("│", " ").split())
        rec = app.call.recommendation
        assert rec is not None
        assert rec.level.label in first
        for n in rec.notifications:
            assert n.label in first and n.recipient in first
        assert ("i dag" in first) == bool(rec.notifications or any(s.due == TODAY for s in rec.steps))
        for s in rec.steps:
            if s.due is not None:
                assert day(s.due, "da", TODAY) in first
        for date in rec.deadlines.values():
            assert day(date, "da", TODAY) in first
        assert "2026-" not in first  # ISO dates only in JSON and file names
