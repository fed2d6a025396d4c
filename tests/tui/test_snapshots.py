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

from triage.rules.model import Knowledge
from triage.tui.app import WizardApp

TODAY = datetime.date(2026, 11, 24)
SIZE = (80, 24)

# A 16-year-old with children at home, at the pregnancy question: three recipients, dated steps,
# a warning, in the live panel; the answers column waits behind Tab under 100 columns.
MID_CALL = ["n", "s", "j", "1", "6", "enter", "j", "j", "c", "enter", *"nnnnn", "j"]
SIZES = {"80x24": (80, 24), "60x20": (60, 20), "120x40": (120, 40)}

SCREENS: dict[str, tuple[str | None, list[str]]] = {
    "picker": (None, []),
    # The anonymity question: what to say to the caller, and the live panel already filled in.
    "question": ("holbaek", ["n", "s", "j", "1", "6", "enter", "j", "j", "c", "enter"]),
    "emergency": ("faxe", ["j"]),
    "summary": ("holbaek", ["n", "s", "j", "4", "0", "enter", "j", "c", "enter", *"nnnnnnn"]),
}


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("screen", list(SCREENS))
def test_screen(snap_compare: Callable[..., bool], knowledge: Knowledge, screen: str, lang: Any) -> None:
    municipality, keys = SCREENS[screen]
    app = WizardApp(knowledge, municipality=municipality, lang=lang, today=TODAY)
    assert snap_compare(app, press=keys, terminal_size=SIZE)


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("size", list(SIZES))
def test_mid_call(snap_compare: Callable[..., bool], knowledge: Knowledge, size: str, lang: Any) -> None:
    app = WizardApp(knowledge, municipality="holbaek", lang=lang, today=TODAY)
    assert snap_compare(app, press=MID_CALL, terminal_size=SIZES[size])
