"""The wizard driven by real key presses through Textual's Pilot."""

from __future__ import annotations

import datetime

from triage.model import Knowledge
from triage.tui.app import WizardApp

TODAY = datetime.date(2026, 11, 24)


async def test_full_call_by_keys(knowledge: Knowledge) -> None:
    app = WizardApp(knowledge, municipality="holbaek", lang="da", today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n", "s", "j")  # no danger, the person, resident
        await pilot.press("4", "0", "enter")  # age 40
        await pilot.press("c", "enter")  # cannabis
        await pilot.press("n", "n", "n", "n", "n", "n")  # anonymous ... children
        await pilot.press("n")  # pregnancy: none
        assert app.call.flow_state.done
        rec = app.call.preview()
        assert rec is not None and rec.level.id == "outpatient"
        assert app.summary() is not None


async def test_escape_goes_back_and_change_updates_recommendation(knowledge: Knowledge) -> None:
    app = WizardApp(knowledge, municipality="holbaek", lang="en", today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n", "s", "j", "4", "0", "enter")
        before = app.call.preview()
        assert before is not None and before.level.id == "outpatient"
        await pilot.press("escape")  # back to age
        assert app.question is not None and app.question.id == "age"
        await pilot.press("ctrl+a", "backspace", "backspace", "1", "6", "enter")
        after = app.call.preview()
        assert after is not None and after.level.id == "youth_outpatient"


async def test_emergency_ends_the_call(knowledge: Knowledge) -> None:
    app = WizardApp(knowledge, municipality="faxe", lang="da", today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("j")
        assert app.call.flow_state.done
        rec = app.call.preview()
        assert rec is not None and rec.level.id == "emergency"


async def test_pick_municipality(knowledge: Knowledge) -> None:
    app = WizardApp(knowledge, municipality=None, lang="da", today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("down", "enter")
        assert app.call.municipality == list(knowledge.municipalities)[1]
