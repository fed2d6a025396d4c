"""Choose the municipality: type to filter, the last choice preselected, status badges at once."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from triage.output.i18n import t
from triage.rules.model import Knowledge, Lang, Municipality
from triage.tui.keys import translate_bindings
from triage.tui.labels import status_badge
from triage.tui.textual_compat import TypedInput
from triage.tui.widgets.footer import QuietFooter


def entry(m: Municipality, lang: Lang) -> Text:
    """Name and status, then the centre and its standard (wrapped where the list is narrow)."""
    text = Text()
    text.append(m.name, style="bold")
    text.append("  ")
    text.append_text(status_badge(m, lang))
    text.append(f"\n{m.centre.name} · {m.standard.short}", style="dim")
    return text


def matches(m: Municipality, needle: str) -> bool:
    needle = needle.strip().casefold()
    return not needle or any(needle in s.casefold() for s in (m.id, m.name, m.centre.name))


class PickerScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "choose", "wizard_key_choose", id="choose", priority=True),
        Binding("up", "move(-1)", show=False, priority=True),
        Binding("down", "move(1)", show=False, priority=True),
        Binding("escape", "app.quit", "wizard_key_quit", show=False),
    ]

    @dataclass
    class Chosen(Message):
        municipality: str

    def __init__(self, knowledge: Knowledge, lang: Lang, preselect: str | None) -> None:
        super().__init__()
        self.knowledge, self.lang, self.preselect = knowledge, lang, preselect
        translate_bindings(self, lang)

    def compose(self) -> ComposeResult:
        with Vertical(id="picker-box"):
            yield Static(t("wizard_pick_title", self.lang), id="picker-title")
            yield TypedInput(placeholder=t("wizard_pick_filter", self.lang), id="picker-filter")
            yield OptionList(id="picker-list")
            yield Static(t("wizard_pick_hint", self.lang), id="picker-hint")
        yield QuietFooter()

    def on_mount(self) -> None:
        self._fill("")
        self.query_one("#picker-filter", Input).focus()

    def _fill(self, needle: str) -> None:
        listing = self.query_one("#picker-list", OptionList)
        listing.clear_options()
        shown = [m for m in self.knowledge.municipalities.values() if matches(m, needle)]
        if not shown:
            listing.add_option(Option(Text(t("wizard_pick_none", self.lang), style="dim"), disabled=True))
            return
        listing.add_options(Option(entry(m, self.lang), id=m.id) for m in shown)
        ids = [m.id for m in shown]
        listing.highlighted = ids.index(self.preselect) if self.preselect in ids else 0

    @on(Input.Changed, "#picker-filter")
    def _filter(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(OptionList.OptionSelected, "#picker-list")
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.post_message(self.Chosen(event.option.id))

    def action_move(self, step: int) -> None:
        listing = self.query_one("#picker-list", OptionList)
        if step > 0:
            listing.action_cursor_down()
        else:
            listing.action_cursor_up()

    def action_choose(self) -> None:
        listing = self.query_one("#picker-list", OptionList)
        if listing.highlighted is None:
            return
        option = listing.get_option_at_index(listing.highlighted)
        if option.id is not None and not option.disabled:
            self.post_message(self.Chosen(option.id))
