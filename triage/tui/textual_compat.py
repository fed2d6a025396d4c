"""Every place the TUI reaches into Textual's private names, each for a bug or a missing API.

Nothing here saves time; each entry keeps a promise the public API cannot. When Textual
fixes the bug or grows the API, the entry goes. ``PRIVATE_NAMES`` lists what they use, and
``tests/tui/test_textual_compat.py`` fails as soon as a Textual release drops one of them,
so an upgrade breaks a test, never a live call.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Self, TypeAlias

from rich.align import Align
from rich.text import Text
from textual import events, on
from textual._time import get_time
from textual.app import ComposeResult
from textual.await_complete import AwaitComplete
from textual.binding import Binding
from textual.command import CommandList, CommandPalette
from textual.dom import DOMNode
from textual.screen import Screen
from textual.visual import VisualType
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

# (owner, private name) of every name used below; an instance attribute is named on the class
# whose instances carry it.
PRIVATE_NAMES: tuple[tuple[str, str], ...] = (
    ("textual.command.CommandPalette", "_on_mount"),  # WizardPalette: the screen under it may be gone
    ("textual._time", "get_time"),
    ("textual.screen.Screen", "_push_result_callback"),
    ("textual.dom.DOMNode", "_bindings"),
    ("textual.widgets.Input", "_on_key"),
    ("textual.widgets.Input", "_restart_blink"),
    ("textual.command.CommandPalette", "_action_command_list"),
    ("textual.command.CommandPalette", "_NO_MATCHES"),
)


def event_clock() -> float:
    """The clock Textual stamps its events with (``event.time``).

    The question view ignores a key pressed before the question it would answer was on
    screen (a key typed ahead for the previous question); that needs the moment of showing
    on the events' own clock, which Textual does not expose publicly.
    """
    return get_time()


def give_base_screen_a_result_callback(screen: Screen[None]) -> None:
    """Let the bottom screen of the stack be switched.

    Textual gives a stack's first screen no result callback, yet ``switch_screen`` pops one
    (Textualize/textual#2650); this one stands in.
    """
    screen._push_result_callback(screen, None)


def binding_table(node: DOMNode) -> dict[str, list[Binding]]:
    """The node's own copy of its bindings, by key, to re-label for the call's language.

    Textual has no public way to change a binding's description per instance, and the
    footer must follow ``--lang``.
    """
    return node._bindings.key_to_bindings


class TypedInput(Input):
    """An input that applies the keys typed into it in the order they were typed.

    Textual's ``Input`` inserts a character as soon as its key arrives, but runs its editing
    keys (Backspace, Delete, the arrows, Enter) only when the key has bubbled up to the app
    (Textualize/textual#6605). Keys typed together (a fast typist, tmux, a laggy remote
    line) then came out of order: "17", Backspace, Backspace, 4, 0 became "" instead of "40".
    This input runs its own bindings at once, where the characters are handled.
    """

    async def _on_key(self, event: events.Key) -> None:
        if not event.is_printable:
            for binding in self._bindings.key_to_bindings.get(event.key, ()):
                event.stop()
                event.prevent_default()
                self._restart_blink()
                await self.run_action(binding.action)
                return
        await super()._on_key(event)


async def _nothing() -> None:
    return None


OptionListContent: TypeAlias = "Option | VisualType | None"  # what OptionList.add_options takes (not exported)


class _SpokenCommandList(CommandList):
    """The palette's list, saying "no matches" in the call's language.

    Textual writes "No matches found" in English into the list, with no public way to word it
    (``CommandPalette._start_no_matches_countdown``). The option comes with the palette's own
    ID (``CommandPalette._NO_MATCHES``) through the public ``add_options``, where it is
    reworded; its place, look and behaviour (disabled) stay Textual's.
    """

    def __init__(self, no_matches: str) -> None:
        super().__init__()
        self.no_matches = no_matches

    def add_options(self, new_options: Iterable[OptionListContent]) -> Self:
        return super().add_options(self._worded(option) for option in new_options)

    def _worded(self, option: OptionListContent) -> OptionListContent:
        if isinstance(option, Option) and option.id == CommandPalette._NO_MATCHES:
            return Option(Align.center(Text(self.no_matches, style="not bold")), disabled=True, id=option.id)
        return option


class WizardPalette(CommandPalette):
    """Textual's command palette, closed once, running its command once.

    Keys typed ahead (Enter or Esc pressed twice before the first is handled) reach the
    palette after it has closed. Textual's ``dismiss`` pops whatever screen is on top, so the
    second key closed the wizard's own screen under it, or crashed on an empty stack, and a
    second Enter ran the chosen command again; Page Up/Down on its hidden list raised a
    KeyError. Found by the key-mashing soak (tests/tui/test_wizard_soak.py); no upstream
    issue was found for either.
    """

    def __init__(self, *, no_matches: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.no_matches = no_matches  # "Ingen kommandoer passer" on a Danish screen

    def compose(self) -> ComposeResult:
        """Textual's palette as it composes itself, with the list that speaks the call's language."""
        for widget in super().compose():
            yield _SpokenCommandList(self.no_matches) if type(widget) is CommandList else widget

    def _on_mount(self, event: events.Mount) -> None:
        """Textual's own mount reads the screen under the palette (``screen_stack[-2]``); a key
        typed ahead can have taken the stack down to the palette alone before it mounts (found by
        the training soak: IndexError). Then the palette does not open, and the app puts its own
        screen back."""
        if len(self.app.screen_stack) < 2:
            event.prevent_default()
            self.app.call_later(self.app.switch_screen, self.app._base_screen())  # type: ignore[attr-defined]

    def dismiss(self, result: None = None) -> AwaitComplete:
        if not self.is_active:
            return AwaitComplete(_nothing())
        return super().dismiss(result)

    def _action_command_list(self, action: str) -> None:
        if action.startswith("page_") and not self.query_one(CommandList).scrollable_content_region:
            return
        super()._action_command_list(action)

    @on(Input.Submitted)
    @on(OptionList.OptionSelected)
    def _closed_already(self, event: Input.Submitted | OptionList.OptionSelected) -> None:
        """Handled before CommandPalette's own handlers: once closed, a late choice runs nothing."""
        if not self.is_active:
            event.stop()
            event.prevent_default()
