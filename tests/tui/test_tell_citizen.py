"""The rights the caller must be told (contract v3 ``rights``) reach the counsellor in the wizard:
how many, in one line of the live panel before the last answer; their labels under "Fortæl
borgeren" on the first screen of the summary at 80×24; what to say, in full, further down it.

Every municipality of the data is called (none is named here): an adult asking for treatment.
"""

from __future__ import annotations

import datetime
import io

from rich.console import Console, RenderableType

from tests.conftest import answers
from tests.tui.keys import call_keys
from tests.tui.screen_text import screen_text
from triage.rules.model import Knowledge
from triage.tui.app import WizardApp
from triage.tui.screens import SummaryScreen
from triage.tui.widgets.rendered import RenderedOnce

TODAY = datetime.date(2026, 11, 24)
HEADING = "Fortæl borgeren"


def _words(lines: list[str]) -> str:
    """The screen's words in order, wrapped lines joined, the boxes' side lines left out."""
    return " ".join(" ".join(lines).replace("│", " ").replace("▎", " ").split())


def _text(renderable: RenderableType, width: int) -> str:
    """A widget's whole content as words, also what is scrolled out of sight."""
    console = Console(width=width, no_color=True, record=True, file=io.StringIO())
    console.print(renderable)
    return _words(console.export_text().splitlines())


async def test_the_rights_are_named_in_the_panel_and_told_in_full_on_the_summary(knowledge: Knowledge) -> None:
    told = 0
    for municipality in sorted(knowledge.municipalities):
        app = WizardApp(knowledge, municipality=municipality, lang="da", today=TODAY)
        keys = call_keys(knowledge, municipality, answers())
        async with app.run_test(size=(80, 24)) as pilot:
            # The last question still open: the live panel already names the rights.
            await pilot.press(*keys[:-1])
            await pilot.pause()
            rec = app.call.recommendation
            assert rec is not None and rec.rights, municipality
            # In the panel's content: at 80×24 a long call scrolls it (F6), as its warnings do.
            panel = _text(app.screen.query_one("#live-panel", RenderedOnce).renderable, 36)
            assert f"+ {HEADING}: {len(rec.rights)} i opsummeringen" in panel, municipality

            await pilot.press(keys[-1])
            assert isinstance(app.screen, SummaryScreen)
            await pilot.pause()
            first = _words(screen_text(app))
            assert f"{HEADING}: {', '.join(r.label for r in rec.rights)} – se nedenfor" in first, municipality

            # Below the card: each right with what to say and its basis, under the same heading.
            summary = _text(app.screen.query_one("#summary-text", RenderedOnce).renderable, 78)
            below = summary[summary.rindex(HEADING) :]  # the card's line comes first, the section last
            for r in rec.rights:
                assert " ".join(f"• {r.label}: {r.text} ({r.basis})".split()) in below, (municipality, r.id)
            told += 1
    assert told == len(knowledge.municipalities)


async def test_a_call_with_no_rights_shows_no_heading(knowledge: Knowledge) -> None:
    """A relative's call: counselling for the relative, nothing the citizen must be told of."""
    municipality = sorted(knowledge.municipalities)[0]
    app = WizardApp(knowledge, municipality=municipality, lang="da", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        relative = {**answers(), "caller": "relative", "caller_under_18": False}
        await pilot.press(*call_keys(knowledge, municipality, relative))
        assert isinstance(app.screen, SummaryScreen)
        await pilot.pause()
        rec = app.call.recommendation
        assert rec is not None and not rec.rights
        assert HEADING not in _words(screen_text(app))
