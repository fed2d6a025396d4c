"""Quitting mid-call: Ctrl+Q and Ctrl+C ask first while answers are unsaved; no loses nothing."""

from __future__ import annotations

import datetime

import pytest

from tests.conftest import answers
from tests.tui.keys import call_keys
from triage.rules.model import Knowledge
from triage.tui.app import WizardApp
from triage.tui.dialogs import ConfirmDialog
from triage.tui.screens import CallScreen, PickerScreen

TODAY = datetime.date(2026, 11, 24)
QUIT_KEYS = ["ctrl+q", "ctrl+c"]


def wizard(knowledge: Knowledge, municipality: str | None = "holbaek") -> WizardApp:
    return WizardApp(knowledge, municipality=municipality, lang="da", today=TODAY)


@pytest.mark.parametrize("key", QUIT_KEYS)
async def test_quitting_mid_call_asks_and_no_keeps_every_answer(knowledge: Knowledge, key: str) -> None:
    app = wizard(knowledge)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*call_keys(knowledge, "holbaek", answers(), until="substances"))
        held = dict(app.call.answers)
        await pilot.press(key)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        assert app.is_running and app.return_code is None
        assert isinstance(app.screen, CallScreen)
        assert dict(app.call.answers) == held
        assert app.call.question is not None and app.call.question.id == "substances"
        await pilot.press(key, "escape")  # Esc is no as well
        assert app.is_running and dict(app.call.answers) == held
        await pilot.press(key, "j")
        await pilot.pause()
        assert not app.is_running


@pytest.mark.parametrize("key", QUIT_KEYS)
async def test_the_key_asks_from_the_number_field_too(knowledge: Knowledge, key: str) -> None:
    """With the age typed and selected, Ctrl+C is not a copy: it asks, like everywhere else."""
    app = wizard(knowledge)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*call_keys(knowledge, "holbaek", answers(), until="age"), "4", "0")
        await pilot.press(key)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        assert app.screen.query_one(".q-int").value == "40"  # type: ignore[attr-defined]


@pytest.mark.parametrize("key", QUIT_KEYS)
async def test_pressed_twice_it_asks_once(knowledge: Knowledge, key: str) -> None:
    app = wizard(knowledge)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n", key, key)
        assert sum(isinstance(s, ConfirmDialog) for s in app.screen_stack) == 1
        await pilot.press("n")
        assert isinstance(app.screen, CallScreen) and app.call.answers == {"acute_danger": False}


@pytest.mark.parametrize("key", QUIT_KEYS)
async def test_with_nothing_answered_it_quits_at_once(knowledge: Knowledge, key: str) -> None:
    app = wizard(knowledge, None)
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, PickerScreen)
        await pilot.press(key)
        await pilot.pause()
        assert not app.is_running
