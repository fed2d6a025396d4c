"""What the counsellor reads out fits the call (issues 19 and 20), pressed as a counsellor would.

The emergency screen names Giftlinjen beside 112; the confidentiality script is not read during
an acute call or to a professional; a pregnancy-only acute call does not ask who minds the
children; the resident question names the municipality chosen.
"""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from tests.conftest import answers
from tests.tui.keys import call_keys
from tests.tui.screen_text import screen_text
from triage.rules.model import Knowledge
from triage.tui.app import WizardApp
from triage.tui.screens import EmergencyScreen, SummaryScreen

TODAY = datetime.date(2026, 11, 24)
SIZE = (80, 24)
CONFIDENTIALITY = "tavshedspligt"


def wizard(knowledge: Knowledge, municipality: str) -> WizardApp:
    return WizardApp(knowledge, municipality=municipality, lang="da", today=TODAY, remember=False)


def said(app: WizardApp) -> str:
    """The "Sig til den, der ringer" box as shown, or "" when it is hidden."""
    box = app.screen.query_one("#q-say")
    return str(box.render()) if box.display else ""


async def test_the_emergency_screen_names_giftlinjen_beside_112(knowledge: Knowledge) -> None:
    app = wizard(knowledge, "faxe")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j")
        assert isinstance(app.screen, EmergencyScreen)
        text = "\n".join(screen_text(app))
        assert "112" in text
        assert "Giftlinjen 82 12 12 12" in text and "døgnet rundt" in text


async def test_no_confidentiality_script_during_an_acute_call(knowledge: Knowledge) -> None:
    app = wizard(knowledge, "faxe")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "enter")  # acute danger; on from the emergency screen
        assert app.call.question is not None and app.call.question.id == "children_at_home"
        assert said(app) == ""
        assert CONFIDENTIALITY not in "\n".join(screen_text(app))


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (answers(anonymous=True), "hvis du er anonym"),  # the person, anonymous: the script as it was
        (answers(), "underrette kommunen."),  # not anonymous: no "also if you are anonymous"
        (answers(caller="relative", caller_under_18=False, age=40), "hvis du er anonym"),
        (answers(caller="relative", caller_under_18=True, age=40), "bekymrede for dig"),  # a child calls
        (answers(age=16), "bekymrede for dig"),  # a young person about themself
        (answers(caller="professional", citizen_consents=True, age=30), ""),  # their own duty: no script
        (answers(caller="professional", citizen_consents=False, age=30), ""),
    ],
    ids=["self-anonymous", "self", "relative", "young-relative", "young-person", "professional", "professional-no-c"],
)
async def test_the_script_before_children_fits_the_caller(
    knowledge: Knowledge, given: dict[str, Any], expected: str
) -> None:
    app = wizard(knowledge, "holbaek")
    async with app.run_test(size=SIZE) as pilot:
        for key in call_keys(knowledge, "holbaek", given, until="children_at_home"):
            await pilot.press(key)
        await pilot.pause()
        assert app.call.question is not None and app.call.question.id == "children_at_home"
        if expected:
            assert expected in said(app)
            if given["caller"] == "self" and not given["anonymous"]:  # declined: not offered again
                assert "anonym" not in said(app)
        else:
            assert said(app) == ""


async def test_a_professional_is_not_told_they_can_be_anonymous_themself(knowledge: Knowledge) -> None:
    given = answers(caller="professional", citizen_consents=True, age=30)
    app = wizard(knowledge, "holbaek")
    async with app.run_test(size=SIZE) as pilot:
        for key in call_keys(knowledge, "holbaek", given, until="anonymous"):
            await pilot.press(key)
        await pilot.pause()
        assert app.call.question is not None and app.call.question.id == "anonymous"
        assert "Borgeren kan være anonym" in said(app) and "dit navn" not in said(app)


async def test_a_pregnancy_only_acute_call_does_not_ask_who_minds_the_children(knowledge: Knowledge) -> None:
    app = wizard(knowledge, "faxe")
    async with app.run_test(size=SIZE) as pilot:
        for key in call_keys(knowledge, "faxe", {"acute_danger": True, "children_at_home": False, "pregnancy": "self"}):
            await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        rec = app.call.recommendation
        assert rec is not None
        steps = " ".join(s.text for s in rec.steps)
        assert "passer børnene" not in steps and "ufødte barn" in steps
        assert "passer børnene" not in "\n".join(screen_text(app))


async def test_an_acute_call_with_children_still_asks_who_minds_them(knowledge: Knowledge) -> None:
    app = wizard(knowledge, "faxe")
    async with app.run_test(size=SIZE) as pilot:
        for key in call_keys(knowledge, "faxe", {"acute_danger": True, "children_at_home": True, "pregnancy": "none"}):
            await pilot.press(key)
        await pilot.pause()
        rec = app.call.recommendation
        assert rec is not None and any("passer børnene" in s.text for s in rec.steps)


async def test_the_resident_question_names_the_municipality(knowledge: Knowledge) -> None:
    name = knowledge.municipalities["gentofte"].name
    app = wizard(knowledge, "gentofte")
    async with app.run_test(size=SIZE) as pilot:
        for key in call_keys(knowledge, "gentofte", answers(), until="resident"):
            await pilot.press(key)
        await pilot.pause()
        assert app.call.question is not None and app.call.question.id == "resident"
        label = str(app.screen.query_one("#q-label").render())
        assert f"i {name} –" in label and "{municipality}" not in label
        await pilot.press("j", "tab")  # at 80 columns Tab opens the answers column in place
        await pilot.pause()
        assert any(f"Bor i {name}" in line for line in screen_text(app))


async def test_the_palette_says_no_matches_in_danish(knowledge: Knowledge) -> None:
    """Textual writes "No matches found" in English; a Danish screen says it in Danish."""
    from textual.command import CommandList

    app = wizard(knowledge, "holbaek")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p", *"zzzq")
        listing = app.screen.query_one(CommandList)
        for _ in range(50):  # the palette says so after its own countdown (half a second)
            await pilot.pause(0.05)
            if listing.option_count:
                break
        text = "\n".join(screen_text(app))
        assert "Ingen kommando passer" in text
        assert "No matches" not in text and "found" not in text
        prompt = listing.get_option_at_index(0)
        assert prompt.disabled  # still Textual's option: nothing to choose
