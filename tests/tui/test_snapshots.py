"""What the counsellor sees, in Danish and English: picker, a question, emergency, summary at
80×24, and a call with notifications and dated steps at 80×24, 60×20 and 120×40.

Deterministic: the contact date is fixed, HOME is a temp dir (no remembered municipality),
and the theme is fixed. Regenerate with ``pytest tests/tui/test_snapshots.py --snapshot-update``
and look at the SVGs in ``__snapshots__`` before committing them.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import pytest

from tests.conftest import answers
from tests.tui.keys import call_keys
from triage.rules.model import Knowledge
from triage.tui.app import WizardApp

TODAY = datetime.date(2026, 11, 24)
SIZE = (80, 24)

# A 16-year-old with children at home, at the pregnancy question: three recipients, dated steps,
# a warning, in the live panel; the answers column waits behind Tab under 100 columns.
MID_CALL = ("holbaek", answers(age=16, children_at_home=True), "pregnancy")
SIZES = {"80x24": (80, 24), "60x20": (60, 20), "120x40": (120, 40)}

# (municipality, answers, answered until): an empty call for the first question.
SCREENS: dict[str, tuple[str | None, dict[str, Any], str | None]] = {
    # The anonymity question: what to say to the caller, and the live panel already filled in.
    "question": ("holbaek", answers(age=16), "anonymous"),
    "emergency": ("faxe", {"acute_danger": True}, "children_at_home"),
    "summary": ("holbaek", answers(), None),
}


def keys(
    knowledge: Knowledge, municipality: str | None, call: dict[str, Any], until: str | None, lang: Any
) -> list[str]:
    if municipality is None:
        return []
    return call_keys(knowledge, municipality, call, lang=lang, until=until, emergency=False)


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("screen", list(SCREENS))
def test_screen(snap_compare: Callable[..., bool], knowledge: Knowledge, screen: str, lang: Any) -> None:
    municipality, call, until = SCREENS[screen]
    app = WizardApp(knowledge, municipality=municipality, lang=lang, today=TODAY)
    assert snap_compare(app, press=keys(knowledge, municipality, call, until, lang), terminal_size=SIZE)


@pytest.mark.parametrize("lang", ["da", "en"])
def test_picker(snap_compare: Callable[..., bool], fixture_knowledge: Knowledge, lang: Any) -> None:
    """The picker lists every municipality of the data: it is shown on the fixture data (a new
    real municipality changes no snapshot), one of each status, a centre's name that wraps."""
    app = WizardApp(fixture_knowledge, lang=lang, today=TODAY)
    assert snap_compare(app, terminal_size=SIZE)


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("size", list(SIZES))
def test_mid_call(snap_compare: Callable[..., bool], knowledge: Knowledge, size: str, lang: Any) -> None:
    app = WizardApp(knowledge, municipality="holbaek", lang=lang, today=TODAY)
    assert snap_compare(app, press=keys(knowledge, *MID_CALL, lang), terminal_size=SIZES[size])


def test_picker_selection_under_no_color(
    snap_compare: Callable[..., bool], fixture_knowledge: Knowledge, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The selected row (here the one remembered from the last call) shows without colour, while
    the filter box has the focus: an arrow and the name in reverse video, and "(sidst valgt)"."""
    from triage.data.settings import remember_municipality

    monkeypatch.setenv("NO_COLOR", "1")
    remember_municipality("provekobing")
    app = WizardApp(fixture_knowledge, lang="da", today=TODAY)
    assert snap_compare(app, terminal_size=SIZE)


async def test_picker_selection_is_in_the_text_not_only_in_colour(
    fixture_knowledge: Knowledge, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rich.table import Table

    from tests.tui.screen_text import screen_text
    from triage.data.settings import remember_municipality
    from triage.tui.screens import PickerScreen

    monkeypatch.setenv("NO_COLOR", "1")
    remember_municipality("provekobing")
    app = WizardApp(fixture_knowledge, lang="da", today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, PickerScreen)
        marked = [line for line in screen_text(app) if "│ ▶" in line]
        assert len(marked) == 1 and "Prøvekøbing" in marked[0] and "(sidst valgt)" in marked[0]
        assert any("sidst valgte kommune" in line for line in screen_text(app))  # the hint, not cut off
        await pilot.press("down")
        marked = [line for line in screen_text(app) if "│ ▶" in line]
        assert len(marked) == 1 and "Prøvekøbing" not in marked[0]
        listing = app.screen.query_one("#picker-list")
        prompt = listing.get_option_at_index(listing.highlighted).prompt  # type: ignore[attr-defined]
        assert isinstance(prompt, Table)
        name = prompt.columns[1]._cells[0]
        assert any("reverse" in str(span.style) for span in name.spans)  # reverse video, in the text itself
