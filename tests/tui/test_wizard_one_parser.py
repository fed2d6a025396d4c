"""The wizard reads a typed number and ticked options with the one parser (issue 17, point 4):
what it refuses, and the words it refuses with, are those of ``triage ask`` and an answers file."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from triage.cli.prompt_input import typed_problem
from triage.rules.model import Knowledge, Lang
from triage.tui.app import WizardApp

SIZE = (120, 40)


def said(app: WizardApp) -> list[str]:
    """What the wizard tells the counsellor in a notification, recorded as it is said."""
    messages: list[str] = []

    def notify(message: str, **_: Any) -> None:
        messages.append(message)

    app.notify = notify  # type: ignore[method-assign]
    return messages


@pytest.mark.parametrize(
    ("lang", "refusal"), [("da", "130 er uden for intervallet (0-120)"), ("en", "130 is out of range (0-120)")]
)
async def test_an_age_out_of_range_is_refused_in_the_words_of_ask(
    knowledge: Knowledge, lang: Lang, refusal: str
) -> None:
    app = WizardApp(knowledge, municipality="holbaek", lang=lang, today=datetime.date(2026, 11, 24))
    notes = said(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", "s", "y" if lang == "en" else "j", "1", "3", "0", "enter")
        await pilot.pause()
        assert app.call.question is not None and app.call.question.id == "age"
        assert "age" not in app.call.answers
    age = knowledge.flow.question("age")
    assert age is not None
    assert notes == [refusal] == [typed_problem(age, "130", lang)]


async def test_no_substance_ticked_is_refused_in_the_words_of_ask(knowledge: Knowledge) -> None:
    app = WizardApp(knowledge, municipality="holbaek", lang="da", today=datetime.date(2026, 11, 24))
    notes = said(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", "s", "j", "4", "0", "enter", "j")
        assert app.call.question is not None and app.call.question.id == "substances"
        await pilot.press("enter")  # nothing ticked
        await pilot.pause()
        assert "substances" not in app.call.answers
    substances = knowledge.flow.question("substances")
    assert substances is not None
    # The one parser refuses it (as ask does); the wizard then says which keys tick an answer.
    assert typed_problem(substances, [], "da") == "Vælg mindst 1"
    assert notes == ["Intet er krydset af: tryk tallet eller bogstavet ud for hvert svar, der passer, og så Enter"]
