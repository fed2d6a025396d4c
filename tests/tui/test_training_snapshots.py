"""What the trainee sees at 80×24, in Danish and English: the vignette above the call, and the debrief.

Deterministic: the scenario fixes the contact date, HOME/XDG are temp dirs (the round is
recorded there), and the theme is fixed. Regenerate with
``pytest tests/tui/test_training_snapshots.py --snapshot-update`` and read the SVGs before committing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.conftest import answers
from tests.tui.keys import call_keys
from triage.rules.model import Knowledge
from triage.training import scenarios
from triage.tui.train_app import TrainingApp

SIZE = (80, 24)
# (the trainee's answers, answered until, keys after the call)
SCREENS: dict[str, tuple[dict[str, Any], str | None, list[str]]] = {
    # the parental consent question of a 17-year-old: the vignette says "Jeg er 17", no live panel
    "call": (answers(age=17), "parental_consent", []),
    # the level chosen (youth treatment, key 0, marked →), the notifications next
    "prediction": (answers(age=17), None, ["0", "3"]),
    # age typed as 18 (consent never asked), predicted outpatient and no notifications
    "debrief": (answers(age=18), None, ["a", "enter"]),
}


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("screen", list(SCREENS))
def test_training_screen(snap_compare: Callable[..., bool], knowledge: Knowledge, screen: str, lang: Any) -> None:
    library = scenarios.load(knowledge)
    app = TrainingApp(knowledge, library, lang, scenario=library.get("holbaek-youth-17"))
    call, until, after = SCREENS[screen]
    keys = call_keys(knowledge, "holbaek", call, lang=lang, until=until, emergency=False)
    assert snap_compare(app, press=[*keys, *after], terminal_size=SIZE)
