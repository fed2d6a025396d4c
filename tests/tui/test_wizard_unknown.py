"""Contract v3's "ved ikke" in the wizard: v answers children at home and a psychiatric disorder
where the flow allows it, as it answers the age, and picks the option of a pregnancy or the
substances. The keys are pressed as a counsellor presses them."""

from __future__ import annotations

import datetime
from typing import Any

from tests.conftest import answers
from tests.tui.keys import call_keys
from tests.tui.screen_text import screen_text
from triage.rules.model import UNKNOWN, Knowledge
from triage.tui.app import WizardApp
from triage.tui.screens import CallScreen, SummaryScreen

TODAY = datetime.date(2026, 11, 24)
SIZE = (80, 24)
RELATIVE = answers(caller="relative", caller_under_18=False, age=34)


def wizard(knowledge: Knowledge, municipality: str = "holbaek") -> WizardApp:
    return WizardApp(knowledge, municipality=municipality, lang="da", today=TODAY)


async def _at(pilot: Any, knowledge: Knowledge, municipality: str, given: dict[str, Any], qid: str) -> None:
    await pilot.press(*call_keys(knowledge, municipality, given, until=qid))


async def test_v_answers_children_at_home_for_a_relative(knowledge: Knowledge) -> None:
    app = wizard(knowledge)
    async with app.run_test(size=SIZE) as pilot:
        await _at(pilot, knowledge, "holbaek", RELATIVE, "children_at_home")
        assert "v = ved ikke" in "\n".join(screen_text(app))  # the hint names the key
        await pilot.press("v")
        assert app.call.answers["children_at_home"] == UNKNOWN
        await pilot.press("n")  # pregnancy: no
        assert isinstance(app.screen, SummaryScreen)
        rec = app.call.recommendation
        assert rec is not None
        assert "children_not_known" in [w.id for w in rec.warnings]
        assert "children_find_out" in [s.id for s in rec.steps]
        assert not rec.notifications  # not a yes either: nobody to notify about yet


async def test_v_is_no_answer_to_children_when_the_person_calls(knowledge: Knowledge) -> None:
    """The person knows whether children live with them: no "ved ikke" (allow_unknown)."""
    app = wizard(knowledge)
    async with app.run_test(size=SIZE) as pilot:
        await _at(pilot, knowledge, "holbaek", answers(), "children_at_home")
        assert "v = ved ikke" not in "\n".join(screen_text(app))
        await pilot.press("v")
        assert isinstance(app.screen, CallScreen)
        assert "children_at_home" not in app.call.answers
        assert app.call.question is not None and app.call.question.id == "children_at_home"


async def test_v_answers_a_psychiatric_disorder(knowledge: Knowledge) -> None:
    app = wizard(knowledge)
    async with app.run_test(size=SIZE) as pilot:
        await _at(pilot, knowledge, "holbaek", answers(), "psychiatric_disorder")
        await pilot.press("v")
        assert app.call.answers["psychiatric_disorder"] == UNKNOWN
        await pilot.press("n", "n", "n")  # complex needs, children, pregnancy
        assert isinstance(app.screen, SummaryScreen)
        rec = app.call.recommendation
        assert rec is not None and rec.level.id == "outpatient"
        assert "integrated_treatment" not in [o.id for o in rec.offers]
        assert "psychiatric_find_out" in [s.id for s in rec.steps]


async def test_v_picks_the_options_of_a_pregnancy_and_the_substances(knowledge: Knowledge) -> None:
    app = wizard(knowledge, "ishoj")
    async with app.run_test(size=SIZE) as pilot:
        await _at(pilot, knowledge, "ishoj", answers(), "substances")
        await pilot.press("a", "v", "enter")  # alcohol and something the caller cannot name
        assert app.call.answers["substances"] == ("alcohol", "unknown")
        assert app.call.question is not None and app.call.question.id == "anonymous"  # not alcohol only
        await pilot.press("n", "n", "n", "n", "n", "n")  # anonymous ... children at home
        assert app.call.question is not None and app.call.question.id == "pregnancy"
        await pilot.press("v")
        assert app.call.answers["pregnancy"] == "unknown"
        assert isinstance(app.screen, SummaryScreen)
        rec = app.call.recommendation
        assert rec is not None and rec.level.id == "outpatient"
        assert "pregnancy_not_known" in [w.id for w in rec.warnings]
        assert "pregnancy_find_out" in [s.id for s in rec.steps]
