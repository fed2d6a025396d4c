"""Keys typed ahead: several keys queued before the first is handled (a fast typist, a laggy line).

Textual hands every queued key to the widget focused when the key is read, so a key meant
for the next question or screen reaches the one before it. Each case here was found by the
key-mashing soak (test_wizard_soak.py); each must neither crash nor apply a key where it was
not meant: a key typed ahead is dropped rather than answer the wrong question.
"""

from __future__ import annotations

import datetime

from textual import events
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widgets import Input

from tests.conftest import answers
from tests.privacy import Sandbox
from tests.tui.keys import call_keys, reopen_keys
from triage.rules.model import Knowledge
from triage.tui.app import WizardApp
from triage.tui.dialogs import ExportDialog
from triage.tui.screens import CallScreen, SummaryScreen

TODAY = datetime.date(2026, 11, 24)


def call(knowledge: Knowledge, until: str | None = None, **changes: object) -> list[str]:
    """The keys of an adult's call with nothing special (tests/tui/keys.py)."""
    return call_keys(knowledge, "holbaek", answers(**changes), until=until)


async def at_once(pilot: Pilot[None], *keys: str) -> None:
    """Hand ``keys`` to the focused widget before it handles the first, as Textual does with keys
    read at once (App.on_event forwards each to ``focused or screen`` as it reads it)."""
    app = pilot.app
    target = app.focused or app.screen
    for key in keys:
        target._forward_event(events.Key(key, key if len(key) == 1 else None))
    await pilot.pause()


def wizard(knowledge: Knowledge, municipality: str = "holbaek") -> WizardApp:
    return WizardApp(knowledge, municipality=municipality, lang="da", today=TODAY)


async def test_a_key_typed_ahead_never_answers_the_question_before(knowledge: Knowledge) -> None:
    app = wizard(knowledge)
    async with app.run_test(size=(80, 24)) as pilot:
        await at_once(pilot, "n", "s", "j")  # j was meant for "resident", never "acute danger: yes"
        assert dict(app.call.answers) == {"acute_danger": False}
        assert isinstance(app.screen, CallScreen)
        await at_once(pilot, "n", "j")
        assert app.call.answers.get("acute_danger") is False


async def test_an_enter_typed_ahead_never_gives_the_number_question_a_choice(knowledge: Knowledge) -> None:
    app = wizard(knowledge)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*call(knowledge, until="resident"), "down")
        await at_once(pilot, "enter", "n")  # Enter chooses "yes" (highlighted) for resident; n comes after
        assert app.call.question is not None and app.call.question.id == "age"
        assert "age" not in app.call.answers and isinstance(app.call.answers["resident"], bool)


async def test_an_enter_typed_ahead_never_answers_the_next_yes_no_question(knowledge: Knowledge) -> None:
    """Yes/no after yes/no keeps the same list on screen (no repaint), so the list being refilled
    can no longer tell an Enter meant for the first question from one for the second."""
    app = wizard(knowledge)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*call(knowledge, until="anonymous"), "down")  # the first yes/no after the substances
        first = app.call.question
        assert first is not None and first.kind == "bool"
        await at_once(pilot, "enter", "enter")
        second = app.call.question
        assert first.id in app.call.answers
        assert second is not None and second.kind == "bool" and second.id not in app.call.answers


async def test_a_number_corrected_in_one_go_is_the_number_typed(knowledge: Knowledge) -> None:
    """Backspace, Backspace, 4, 0, Enter typed together into the age "17": the age is 40.

    Textual's Input ran Backspace only after the characters typed after it, which left "".
    """
    app = wizard(knowledge)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*call(knowledge, until="wants_treatment", age=17))
        await pilot.press(*reopen_keys(app.call, "age"))  # reopen the age
        assert app.call.question is not None and app.call.question.id == "age"
        await at_once(pilot, "backspace", "backspace", "4", "0", "enter")
        assert app.call.answers["age"] == 40


async def test_a_filter_corrected_in_one_go_filters_by_what_was_typed(knowledge: Knowledge) -> None:
    app = WizardApp(knowledge, lang="da", today=TODAY, remember=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await at_once(pilot, "f", "x", "backspace", "a")
        assert app.screen.query_one("#picker-filter", Input).value == "fa"
        await pilot.press("enter")
        assert app.call.municipality == "faxe"


async def test_enter_twice_in_the_save_dialog_saves_once_and_keeps_the_summary(
    knowledge: Knowledge, sandbox: Sandbox
) -> None:
    app = wizard(knowledge)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*call(knowledge), "s")
        assert isinstance(app.screen, ExportDialog)
        await at_once(pilot, "enter", "enter")
        assert isinstance(app.screen, SummaryScreen)
        assert [type(s) for s in app.screen_stack] == [CallScreen, SummaryScreen]
    assert sandbox.written() == ["home/Documents", "home/Documents/triage-holbaek-2026-11-24.md"]


async def test_enter_twice_in_the_command_palette_runs_the_command_once(knowledge: Knowledge) -> None:
    app = wizard(knowledge)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*call(knowledge, until="caller"), "ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"taster")  # Textual's key and help panel, in Danish
        await pilot.pause(0.3)  # the palette searches in the background
        await pilot.press("down")
        await at_once(pilot, "enter", "enter")
        assert [type(s) for s in app.screen_stack] == [CallScreen]
        assert dict(app.call.answers) == {"acute_danger": False}


async def test_page_down_in_a_list_that_has_no_size_does_nothing() -> None:
    """A Page Down typed ahead can reach the choices just hidden for the age question."""
    from textual.app import App, ComposeResult
    from textual.widgets.option_list import Option

    from triage.tui.widgets.options import PagedOptionList

    class Hidden(App[None]):
        def compose(self) -> ComposeResult:
            yield PagedOptionList(*(Option(str(i), id=str(i)) for i in range(5)))

    app = Hidden()
    async with app.run_test(size=(40, 12)) as pilot:
        listing = app.query_one(PagedOptionList)
        listing.display = False  # hidden for the age question
        await pilot.pause()
        listing.set_options([Option("a", id="a"), Option("b", id="b"), Option("c", id="c")])
        listing.highlighted = 2
        listing.action_page_down()
        listing.action_page_up()
        assert listing.highlighted == 2


async def test_page_down_typed_ahead_into_the_command_palette(knowledge: Knowledge) -> None:
    """Page Down typed into the palette before its list was laid out failed in Textual."""
    app = wizard(knowledge)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*call(knowledge))
        for key in ("ctrl+p", "end", "8", "pagedown"):  # read at once, as the soak found them
            app.post_message(events.Key(key, key if len(key) == 1 else None))
        await pilot.pause()
        await pilot.press("escape")
        assert isinstance(app.screen, SummaryScreen)
