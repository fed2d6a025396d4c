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

from tests.conftest import answers
from tests.tui.keys import call_keys
from triage.rules.model import Knowledge
from triage.tui.app import WizardApp

TODAY = datetime.date(2026, 11, 24)
SIZE = (80, 24)
# An adult who asks for treatment, anonymous, with medical treatment, nothing else special.
CALL = answers(anonymous=True, seeks_medical_treatment=True)
# (answered until, keys after): the summary at its top and its end, and the live panel before the
# last question (its alternative line).
SCREENS: dict[str, tuple[str | None, list[str]]] = {
    "summary-because": (None, []),
    "summary-alternative": (None, ["end"]),
    "live-alternative": ("pregnancy", []),
}


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("screen", list(SCREENS))
def test_explained(snap_compare: Callable[..., bool], knowledge: Knowledge, screen: str, lang: Any) -> None:
    until, after = SCREENS[screen]
    app = WizardApp(knowledge, municipality="holbaek", lang=lang, today=TODAY)
    keys = call_keys(knowledge, "holbaek", CALL, lang=lang, until=until)
    assert snap_compare(app, press=[*keys, *after], terminal_size=SIZE)
