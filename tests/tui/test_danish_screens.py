"""With --lang da (the default) no English word reaches the screen: every screen of several
whole calls is read as a person sees it (after every key, the help, the sources, the palette,
the save dialog) and held against a list of English words."""

from __future__ import annotations

import datetime
import re
from typing import Any

import pytest

from tests.conftest import answers
from tests.tui.keys import call_keys
from tests.tui.screen_text import screen_text
from triage.rules.model import Knowledge
from triage.tui.app import WizardApp

TODAY = datetime.date(2026, 11, 24)

# English words a Danish screen once showed (palette, buttons, conditions, dates) and the
# commonest English words: none is a Danish word.
ENGLISH = {
    "the", "and", "of", "you", "your", "with", "only", "when", "this", "that", "are",
    "Yes", "No", "Back", "Help", "Quit", "Save", "Copy", "Sources", "Summary", "Question", "Answers",
    "Recommendation", "Search", "commands", "command", "application", "Keys", "Theme", "Change",
    "Condition", "Because", "because", "today", "None", "Deadline", "Notification", "Offer", "Warning",
    "Choose", "Cancel", "Close", "Show", "Hide", "matches", "found",
}
WORD = re.compile(r"[A-Za-zÆØÅæøå]+")

CALLS: dict[str, tuple[str, dict[str, Any]]] = {
    "holbaek-young-adult": ("holbaek", answers(age=19, children_at_home=True)),
    "ishoj-relative": ("ishoj", answers(caller="relative", caller_under_18=False, age="unknown")),
    "gentofte-professional": (
        "gentofte",
        answers(caller="professional", citizen_consents=False, age=16, children_at_home=False),
    ),
    "faxe-acute": ("faxe", {"acute_danger": True, "children_at_home": False, "pregnancy": "self"}),
}


def english_on(app: WizardApp, where: str) -> list[str]:
    found = []
    for line in screen_text(app):
        text = " ".join(w for w in line.split() if "/" not in w)  # a path (the save dialog's) is no wording
        words = set(WORD.findall(text)) & ENGLISH
        if words:
            found.append(f"{where}: {sorted(words)} in {line.strip()!r}")
    return found


@pytest.mark.parametrize("call", sorted(CALLS))
async def test_no_english_word_on_a_danish_screen(knowledge: Knowledge, call: str) -> None:
    municipality, given = CALLS[call]
    app = WizardApp(knowledge, lang="da", today=TODAY, remember=False)
    found: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        found += english_on(app, "picker")
        name = knowledge.municipalities[municipality].name
        await pilot.press(*name.lower()[:3], "enter")
        await pilot.press("f1")
        found += english_on(app, "help")
        await pilot.press("f1", "enter")
        found += english_on(app, "enter on an unanswered question")
        for key in call_keys(knowledge, municipality, given):
            await pilot.press(key)
            await pilot.pause()
            found += english_on(app, f"after {key!r}")
        for keys, where in ((["pagedown"], "summary, page 2"), (["k"], "sources"), (["escape", "s"], "save dialog")):
            await pilot.press(*keys)
            await pilot.pause()
            found += english_on(app, where)
        await pilot.press("escape", "ctrl+p")
        await pilot.pause(0.3)  # the palette searches in the background
        found += english_on(app, "palette")
    assert found == []
