"""Issue 13 at 80×24: the summary with a because line under each item and an alternative,
and the live panel's one line per alternative, in Danish and English.

An anonymous adult who wants medical treatment in Holbæk: anonymity cannot be granted, so
the summary says what giving it up would bring. Regenerate with ``--snapshot-update`` and
read the SVGs before committing them.
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
# acute danger no, the person themself, resident, 40, asks for treatment, cannabis, anonymous,
# no other social problems, medical treatment, then no to the rest.
CALL = ["n", "s", "j", "4", "0", "enter", "j", "c", "enter", "j", "n", "j", "n", "n", "n", "n"]
SCREENS: dict[str, list[str]] = {
    "summary-because": CALL,
    "summary-alternative": [*CALL, "end"],
    "live-alternative": CALL[:-1],  # before the last question: the live panel's alternative line
}


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("screen", list(SCREENS))
def test_explained(snap_compare: Callable[..., bool], knowledge: Knowledge, screen: str, lang: Any) -> None:
    app = WizardApp(knowledge, municipality="holbaek", lang=lang, today=TODAY)
    assert snap_compare(app, press=SCREENS[screen], terminal_size=SIZE)
