"""What the trainee sees at 80×24, in Danish and English: the vignette above the call, and the debrief.

Deterministic: the scenario fixes the contact date, HOME/XDG are temp dirs (the round is
recorded there), and the theme is fixed. Regenerate with
``pytest tests/tui/test_training_snapshots.py --snapshot-update`` and read the SVGs before committing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from triage.rules.model import Knowledge
from triage.training import scenarios
from triage.tui.train_app import TrainingApp

SIZE = (80, 24)
SCREENS: dict[str, list[str]] = {
    # the parental consent question of a 17-year-old: the vignette says "Jeg er 17", no live panel
    "call": ["n", "s", "j", "1", "7", "enter", "j"],
    # the level chosen (youth treatment, key 0, marked →), the notifications next
    "prediction": ["n", "s", "j", "1", "7", "enter", "j", "j", "c", "enter", *"nnnnnnn", "0", "3"],
    # age typed as 18 (consent never asked), predicted outpatient and no notifications
    "debrief": ["n", "s", "j", "1", "8", "enter", "j", "c", "enter", *"nnnnnnn", "a", "enter"],
}


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("screen", list(SCREENS))
def test_training_screen(snap_compare: Callable[..., bool], knowledge: Knowledge, screen: str, lang: Any) -> None:
    library = scenarios.load(knowledge)
    app = TrainingApp(knowledge, library, lang, scenario=library.get("holbaek-youth-17"))
    assert snap_compare(app, press=SCREENS[screen], terminal_size=SIZE)
