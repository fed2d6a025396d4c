"""At 80×24, the terminal a counsellor actually has, nothing on the call or the summary is cut off.

A whole call in each municipality, in Danish and English: after every key, with the answers
column opened (Tab) before the last answer, and every page of the summary, no line of the
screen holds "…". The screen is read as a person sees it (Textual's screenshot).
"""

from __future__ import annotations

import datetime

import pytest

from tests.conftest import answers
from tests.tui.keys import call_keys
from tests.tui.screen_text import screen_text
from tests.tui.test_wizard import CALLS, keys_of
from triage.rules.model import Knowledge
from triage.tui.app import WizardApp
from triage.tui.screens import CallScreen, SummaryScreen

TODAY = datetime.date(2026, 11, 24)


def cut_off(app: WizardApp, where: str) -> list[str]:
    return [f"{where}: {line}" for line in screen_text(app) if "…" in line]


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("municipality", sorted(CALLS))
async def test_nothing_is_cut_off_at_80x24(knowledge: Knowledge, municipality: str, lang: str) -> None:
    app = WizardApp(knowledge, municipality=municipality, lang="en" if lang == "en" else "da", today=TODAY)
    keys = keys_of(knowledge, municipality, app.lang)
    found: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for i, key in enumerate(keys):
            if i == len(keys) - 1:
                assert isinstance(app.screen, CallScreen)
                await pilot.press("tab")  # the answers column, full width under 100 columns
                found += cut_off(app, "answers column")
                await pilot.press("tab")
            await pilot.press(key)
            await pilot.pause()
            found += cut_off(app, f"after {key!r}")
        assert isinstance(app.screen, SummaryScreen)
        for page in range(12):
            found += cut_off(app, f"summary page {page + 1}")
            await pilot.press("pagedown")
            await pilot.pause()
    assert found == []


async def test_the_check_sees_a_cut_off_line(knowledge: Knowledge) -> None:
    """The test above can fail: a line too long for the header, which never wraps, ends in "…"."""
    from rich.text import Text

    from triage.tui.widgets import CallHeader

    app = WizardApp(knowledge, municipality="holbaek", lang="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*keys_of(knowledge, "holbaek", "en", until="substances"))
        header = app.screen.query_one(CallHeader)
        header.update(Text("A very long line that cannot possibly fit " * 3, no_wrap=True, overflow="ellipsis"))
        await pilot.pause()
        assert cut_off(app, "") != []


async def test_the_live_panel_scrolls_from_the_keyboard(knowledge: Knowledge) -> None:
    """F6 moves into the live panel, the arrows scroll it when it is longer than the screen, Esc returns."""
    app = WizardApp(knowledge, municipality="holbaek", lang="da", today=TODAY)
    async with app.run_test(size=(60, 14)) as pilot:
        await pilot.press(*call_keys(knowledge, "holbaek", answers(age=16, children_at_home=True), until="pregnancy"))
        live = app.screen.query_one("#live")
        assert live.max_scroll_y > 0  # more than the panel can show at once
        await pilot.press("f6")
        assert live.has_focus
        await pilot.press("end")
        assert live.scroll_y == live.max_scroll_y
        await pilot.press("escape")
        assert not live.has_focus and app.call.question is not None and app.call.question.id == "pregnancy"


async def test_a_terminal_too_small_says_what_size_is_needed(knowledge: Knowledge) -> None:
    """20×8 used to show only the panel, with the question squeezed out (issue 12)."""
    app = WizardApp(knowledge, municipality="holbaek", lang="en", today=TODAY)
    async with app.run_test(size=(20, 8)) as pilot:
        await pilot.pause()
        assert app.screen.has_class("-too-small")
        text = " ".join(" ".join(screen_text(app)).split())
        assert "too small" in text and "50 × 14" in text
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert not app.screen.has_class("-too-small")
        assert any("acute danger" in line for line in screen_text(app))
