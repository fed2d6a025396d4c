"""The wizard driven by real key presses through Textual's Pilot, as a counsellor would type."""

from __future__ import annotations

import datetime
import itertools
import os
from typing import Any

import pytest

from tests.conftest import answers
from tests.tui.keys import answer_keys, call_keys, reopen_keys, rest_keys
from tests.tui.screen_text import screen_text
from triage.output.dates import short_date
from triage.rules.model import Knowledge, Lang
from triage.tui.app import WizardApp
from triage.tui.dialogs import ConfirmDialog
from triage.tui.screens import CallScreen, EmergencyScreen, PickerScreen, SummaryScreen
from triage.tui.widgets import AnswersColumn, RecommendationPanel, compact

TODAY = datetime.date(2026, 11, 24)
SIZE = (80, 24)

# One complete call per municipality: the answers, the level and the notifications expected.
CALLS: dict[str, tuple[dict[str, Any], str, list[str]]] = {
    # adult, cannabis, nothing special
    "holbaek": (answers(), "outpatient", []),
    # a relative calls: not under 18, resident, does not know the age, no children, no pregnancy
    "faxe": (
        answers(caller="relative", caller_under_18=False, age="unknown"),
        "relative_counselling",
        [],
    ),
    # anonymous, pregnant herself
    "gentofte": (answers(age=30, anonymous=True, pregnancy="self"), "anonymous_treatment", ["child_welfare"]),
    # not resident: refer home; the substances block is skipped
    "ishoj": (answers(resident=False), "refer_home_municipality", []),
    # alcohol only, children at home: the drug questions are skipped
    "vallensbaek": (
        answers(age=50, substances=["alcohol"], children_at_home=True),
        "alcohol_referral",
        ["child_welfare"],
    ),
}
ADULT = CALLS["holbaek"][0]


def keys_of(knowledge: Knowledge, municipality: str, lang: Lang = "da", **kwargs: Any) -> list[str]:
    """The keys of the call of ``municipality`` in CALLS (see tests/tui/keys.py)."""
    return call_keys(knowledge, municipality, CALLS[municipality][0], lang=lang, **kwargs)


# The 14-day treatment guarantee counts from the contact date given to the app.
DEADLINES = {
    "holbaek": {"treatment_start": "2026-12-08"},
    # the pixi edition puts alcohol treatment under the 14-day guarantee too (SUL § 141)
    "vallensbaek": {"treatment_start": "2026-12-08"},
}


def wizard(knowledge: Knowledge, municipality: str | None = "holbaek", lang: str = "da") -> WizardApp:
    return WizardApp(knowledge, municipality=municipality, lang="en" if lang == "en" else "da", today=TODAY)


@pytest.mark.parametrize("municipality", sorted(CALLS))
async def test_full_call_by_keys_for_every_municipality(knowledge: Knowledge, municipality: str) -> None:
    _, level, notified = CALLS[municipality]
    app = wizard(knowledge, municipality)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*keys_of(knowledge, municipality))
        assert isinstance(app.screen, SummaryScreen)
        rec = app.call.recommendation
        assert rec is not None
        assert rec.level.id == level
        assert [n.to for n in rec.notifications] == notified
        markdown = app.summary_markdown()
        assert markdown is not None
        assert f"## Serviceniveau: {rec.level.label}" in markdown
        assert {k: v.isoformat() for k, v in rec.deadlines.items()} == DEADLINES.get(municipality, {})
        for step in rec.steps:
            assert step.text in markdown and (step.due is None or short_date(step.due, "da") in markdown)


async def test_live_panel_shows_the_level_before_the_last_question(knowledge: Knowledge) -> None:
    app = wizard(knowledge)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*keys_of(knowledge, "holbaek", until="anonymous"))
        assert isinstance(app.screen, CallScreen)
        assert app.call.question is not None  # still asking
        assert app.call.recommendation is not None
        assert app.call.recommendation.level.id == "outpatient"


async def test_escape_goes_back_one_step_with_the_answer_preselected(knowledge: Knowledge) -> None:
    app = wizard(knowledge)
    async with app.run_test(size=SIZE) as pilot:
        professional = {**ADULT, "caller": "professional", "citizen_consents": True}
        await pilot.press(*call_keys(knowledge, "holbaek", professional, until="age"))
        await pilot.press("escape")
        assert app.call.question is not None and app.call.question.id == "resident"
        assert "resident" not in app.call.answers
        await pilot.press("escape", "escape")
        assert app.call.question is not None and app.call.question.id == "caller"
        await pilot.press("enter")  # the answer taken back is selected: professional
        assert app.call.answers["caller"] == "professional"


async def test_enter_on_an_unanswered_question_changes_nothing_and_says_which_keys_answer(
    knowledge: Knowledge,
) -> None:
    # The first question, a choice, and the consent after the age (where an answer typed ahead
    # with Enter once recorded a "yes" nobody gave).
    app = wizard(knowledge)
    async with app.run_test(size=SIZE) as pilot:
        for until in ("acute_danger", "caller", "wants_treatment", "parental_consent"):
            await pilot.press(*call_keys(knowledge, "holbaek", answers(age=16), until=until))
            before = dict(app.call.answers)
            await pilot.press("enter", "enter")
            assert dict(app.call.answers) == before
            assert app.call.question is not None and app.call.question.id == until
            message = [n.message for n in app._notifications][-1]
            assert message.startswith("Intet svar valgt endnu. Svar med ")
            q = app.call.question
            assert f"{answer_keys(q, q.options[0].value if q.options else True)[0]} = " in message
            app.set_call(app.call.restart())
            await pilot.pause()


async def test_a_reopened_answer_keeps_its_own_value_selected(knowledge: Knowledge) -> None:
    app = wizard(knowledge)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*keys_of(knowledge, "holbaek", until="other_social_problems"))
        await pilot.press(*reopen_keys(app.call, "wants_treatment"))
        assert app.call.question is not None and app.call.question.id == "wants_treatment"
        await pilot.press("enter")  # its own answer, yes, is the one selected
        assert app.call.answers["wants_treatment"] is True
        assert app.call.question is not None and app.call.question.id == "other_social_problems"


async def test_changing_an_early_answer_keeps_later_ones_and_changes_the_recommendation(
    knowledge: Knowledge,
) -> None:
    app = wizard(knowledge)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*keys_of(knowledge, "holbaek"))
        assert app.call.recommendation is not None and app.call.recommendation.level.id == "outpatient"
        await pilot.press("escape")  # from the summary back to the last question
        assert isinstance(app.screen, CallScreen)
        await pilot.press("tab")  # into the answers column
        assert isinstance(app.focused, AnswersColumn)
        await pilot.press(*reopen_keys(app.call, "age")[1:])
        assert app.call.question is not None and app.call.question.id == "age"
        await pilot.press("backspace", "backspace", "1", "6", "enter")
        # A minor: the consent question now applies and comes next; the rest waits.
        assert app.call.question is not None and app.call.question.id == "parental_consent"
        await pilot.press(*answer_keys(app.call.question, "yes"))
        # Substances ... children were kept; only pregnancy (taken back by Esc) is asked again.
        assert app.call.question is not None and app.call.question.id == "pregnancy"
        assert app.call.answers["substances"] == ("cannabis",)
        await pilot.press(*answer_keys(app.call.question, "none"))
        assert isinstance(app.screen, SummaryScreen)
        rec = app.call.recommendation
        assert rec is not None and rec.level.id == "youth_outpatient"
        assert [n.to for n in rec.notifications] == ["youth_social_services", "parents"]


async def test_a_change_that_ends_a_branch_drops_the_answers_that_no_longer_apply(knowledge: Knowledge) -> None:
    app = wizard(knowledge)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*keys_of(knowledge, "holbaek", until="other_social_problems"))
        await pilot.press(*reopen_keys(app.call, "caller"))
        assert app.call.question is not None and app.call.question.id == "caller"
        await pilot.press(*answer_keys(app.call.question, "relative"))  # a relative after all
        # The person's treatment questions fall away; residence and age still apply to a relative.
        assert set(app.call.answers) == {"acute_danger", "caller", "resident", "age"}
        assert app.call.question is not None and app.call.question.id == "caller_under_18"
        relative = {"caller_under_18": False, "children_at_home": False, "pregnancy": "none"}
        await pilot.press(*rest_keys(app, relative))
        assert isinstance(app.screen, SummaryScreen)
        assert app.call.recommendation is not None
        assert app.call.recommendation.level.id == "relative_counselling"


async def test_escape_while_changing_an_answer_cancels_the_change(knowledge: Knowledge) -> None:
    app = wizard(knowledge)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*keys_of(knowledge, "holbaek", until="age"))
        await pilot.press(*reopen_keys(app.call, "caller"))
        assert app.call.editing == "caller"
        await pilot.press("escape")
        assert app.call.editing is None
        assert app.call.answers["caller"] == "self"
        assert app.call.question is not None and app.call.question.id == "age"


async def test_acute_danger_shows_the_emergency_screen_at_once(knowledge: Knowledge) -> None:
    app = wizard(knowledge, "faxe")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j")
        assert isinstance(app.screen, EmergencyScreen)
        assert app.call.recommendation is not None and app.call.recommendation.level.id == "emergency"
        await pilot.press("escape")  # pressed by mistake: back to the question
        assert isinstance(app.screen, CallScreen)
        assert app.call.question is not None and app.call.question.id == "acute_danger"
        await pilot.press("y")
        assert isinstance(app.screen, EmergencyScreen)
        await pilot.press("enter")  # on: the duty to notify still needs children and pregnancy
        assert isinstance(app.screen, CallScreen)
        assert app.call.question is not None and app.call.question.id == "children_at_home"
        await pilot.press("j", "n")
        assert isinstance(app.screen, SummaryScreen)
        rec = app.call.recommendation
        assert rec is not None and rec.level.id == "emergency"
        assert [n.to for n in rec.notifications] == ["child_welfare"]
        await pilot.press("escape")  # back one step: the pregnancy question, not the emergency again
        assert isinstance(app.screen, CallScreen)
        assert app.call.question is not None and app.call.question.id == "pregnancy"


async def test_multi_select_needs_one_substance(knowledge: Knowledge) -> None:
    app = wizard(knowledge)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*keys_of(knowledge, "holbaek", until="substances"))
        assert app.call.question is not None and app.call.question.id == "substances"
        await pilot.press("enter")  # nothing ticked: nothing happens, and it says what to do
        assert "substances" not in app.call.answers
        assert [n.message for n in app._notifications][-1].startswith("Intet er krydset af")
        await pilot.press("2", "o", "o")  # stimulants on, opioids on and off again
        rows = screen_text(app)
        # Ticked and unticked differ in the text, and the examples are kept (wrapped) at 80 columns.
        assert any("☑ 2 s" in row and "Centralstimulerende (kokain," in row for row in rows)
        assert any("☐ 3 o" in row for row in rows) and any("amfetamin, ecstasy)" in row for row in rows)
        await pilot.press("enter")
        assert app.call.answers["substances"] == ("stimulants",)


async def test_age_out_of_range_is_refused(knowledge: Knowledge) -> None:
    app = wizard(knowledge)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*keys_of(knowledge, "holbaek", until="age"), "1", "3", "0", "enter")
        assert "age" not in app.call.answers
        assert app.call.question is not None and app.call.question.id == "age"


async def test_help_is_one_key_away(knowledge: Knowledge) -> None:
    app = wizard(knowledge)
    async with app.run_test(size=SIZE) as pilot:
        helptext = app.screen.query_one("#q-help")
        assert not helptext.display
        await pilot.press("f1")
        assert helptext.display


async def test_sources_are_one_key_away_on_the_summary(knowledge: Knowledge) -> None:
    from triage.tui.screens import CitationsScreen

    app = wizard(knowledge)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*keys_of(knowledge, "holbaek"), "k")
        assert isinstance(app.screen, CitationsScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, SummaryScreen)


async def test_picker_filters_and_the_choice_is_remembered(knowledge: Knowledge) -> None:
    from triage.data.settings import last_municipality, settings_file

    app = wizard(knowledge, None)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, PickerScreen)
        await pilot.press("g", "e", "n", "enter")
        assert app.call.municipality == "gentofte"
        assert isinstance(app.screen, CallScreen)
    assert last_municipality() == "gentofte"
    assert settings_file().stat().st_mode & 0o777 == 0o600
    again = wizard(knowledge, None)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.press("enter")  # the last choice is preselected
        assert again.call.municipality == "gentofte"


async def test_enter_right_after_typing_chooses_what_was_typed(knowledge: Knowledge) -> None:
    """Found at 80x24 in tmux: "ish" and Enter sent at once started the call under the first row,
    because Enter's binding ran before the filter's Changed messages were handled."""
    from textual.widgets import Input

    last = list(knowledge.municipalities.values())[-1]
    app = wizard(knowledge, None)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, PickerScreen)
        screen.query_one("#picker-filter", Input).value = last.name  # Changed is posted, not yet handled
        screen.action_choose()
        await pilot.pause()
        assert app.call.municipality == last.id


async def test_a_municipality_on_the_command_line_writes_nothing(knowledge: Knowledge) -> None:
    from triage.data.settings import settings_file

    app = wizard(knowledge, "ishoj")
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, CallScreen)
        await pilot.press("n")
    assert not settings_file().exists()


async def test_escape_on_the_first_question_goes_back_to_the_picker(knowledge: Knowledge) -> None:
    app = wizard(knowledge)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("escape")
        assert isinstance(app.screen, PickerScreen)


async def test_english(knowledge: Knowledge) -> None:
    app = wizard(knowledge, "holbaek", "en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*keys_of(knowledge, "holbaek", "en"))
        markdown = app.summary_markdown()
        assert markdown is not None and "## Service level: Outpatient treatment (SEL § 101)" in markdown
        descriptions = {b.binding.description for b in app.screen.active_bindings.values()}
        assert {"Copy", "Save .md", "Sources", "Back"} <= descriptions


async def test_a_narrow_terminal_opens_the_answers_column_in_place(knowledge: Knowledge) -> None:
    app = wizard(knowledge, "gentofte", "en")
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press(*call_keys(knowledge, "gentofte", answers(age=30), lang="en", until="anonymous"))
        assert app.call.answers["substances"] == ("cannabis",)
        column = app.screen.query_one(AnswersColumn)
        assert not column.display
        await pilot.press("tab")
        assert column.display and app.focused is column
        assert not app.screen.query_one("#question").display
        await pilot.press(*reopen_keys(app.call, "resident")[1:])
        assert app.call.question is not None and app.call.question.id == "resident"
        assert app.screen.query_one("#question").display and not column.display
        await pilot.press(*answer_keys(app.call.question, False, "en"))
        assert "age" in app.call.answers and "substances" not in app.call.answers
        assert app.call.question is not None and app.call.question.id == "children_at_home"


async def test_a_yes_option_of_a_choice_takes_y_as_well_as_j(knowledge: Knowledge) -> None:
    app = wizard(knowledge, "holbaek", "en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*call_keys(knowledge, "holbaek", answers(age=16), lang="en", until="parental_consent"))
        assert app.call.question is not None and app.call.question.id == "parental_consent"
        await pilot.press("y")
        assert app.call.answers["parental_consent"] == "yes"


def plain(renderable: object) -> str:
    from rich.console import Console

    console = Console(width=40, record=True, file=open(os.devnull, "w"))  # noqa: SIM115
    console.print(renderable)
    return console.export_text()


async def test_the_live_panel_repaints_only_when_what_it_shows_changes(
    knowledge: Knowledge, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An adult's call up to "children at home", answered yes: the panel forms, then gains a notification.
    keys = call_keys(knowledge, "holbaek", answers(children_at_home=True), until="pregnancy")
    app = wizard(knowledge, "holbaek")
    async with app.run_test(size=SIZE) as pilot:
        panel = app.screen.query_one(RecommendationPanel)
        shown: list[str] = []
        update = panel.update

        def spy(content: object = "", *, layout: bool = True) -> None:
            shown.append(plain(content))
            update(content, layout=layout)  # type: ignore[arg-type]

        monkeypatch.setattr(panel, "update", spy)
        await pilot.press(*keys)
        rec = app.call.recommendation
        assert isinstance(app.screen, CallScreen) and rec is not None
        assert len(app.call.answers) == 12 and rec.notifications
        assert 2 <= len(shown) < 12  # repainted as the recommendation formed, not after every answer
        assert all(a != b for a, b in itertools.pairwise(shown))  # never the same twice in a row
        assert shown[-1] == plain(compact(rec, knowledge.flow))  # and it shows the call as it is now


async def test_escape_back_past_the_first_question_asks_before_dropping_the_answers(knowledge: Knowledge) -> None:
    app = wizard(knowledge)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*keys_of(knowledge, "holbaek", until="age"))
        await pilot.press("escape", "escape", "escape")  # back to the first question: the answers wait
        assert app.call.question is not None and app.call.question.id == "acute_danger"
        await pilot.press("escape")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        assert isinstance(app.screen, CallScreen) and app.call.suggestion("caller") == "self"
        await pilot.press("escape", "j")
        assert isinstance(app.screen, PickerScreen)
        await pilot.press("enter")
        assert app.call.suggestion("caller") is None  # dropped, as the dialog said


async def test_the_focused_part_says_what_escape_does(knowledge: Knowledge) -> None:
    app = wizard(knowledge)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*keys_of(knowledge, "holbaek", until="age"), "f6")
        live = app.screen.query_one("#live")
        assert live.has_focus and "Esc" in str(live.border_subtitle)
        await pilot.press("escape")
        assert not live.border_subtitle and app.call.question is not None and app.call.question.id == "age"
