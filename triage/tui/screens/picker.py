"""Choose the municipality: type to filter, the last choice preselected, status badges at once."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.table import Table
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

# The selected row is marked in the text itself, not by colour alone: an arrow and the name in
# reverse video show in plain text, under NO_COLOR and while the filter box has the focus.
CURSOR, NO_CURSOR = "▶ ", "  "


def entry(m: Municipality, lang: Lang, *, selected: bool = False, remembered: bool = False) -> Table:
    """The cursor mark, then name and status over the centre and its standard (wrapped under the
    name where the list is narrow, not under the mark)."""
    text = Text()
    text.append(f" {m.name} " if selected else m.name, style="bold reverse" if selected else "bold")
    text.append("  ")
    text.append_text(status_badge(m, lang))
    if remembered:
        text.append("  ")
        text.append(t("wizard_pick_last", lang), style="italic")
    text.append(f"\n{m.centre.name} · {m.standard.short}", style="dim")
    row = Table.grid()
    row.add_column(width=len(CURSOR), no_wrap=True)
    row.add_column()
    row.add_row(Text(CURSOR if selected else NO_CURSOR, style="bold"), text)
    return row


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
        self._shown: list[Municipality] = []  # the rows of the list, in order
        self._marked: int | None = None  # the row drawn with the cursor mark
        self._needle: str | None = None  # the filter the list was made for
        translate_bindings(self, lang)

    def compose(self) -> ComposeResult:
        with Vertical(id="picker-box"):
            yield Static(t("wizard_pick_title", self.lang), id="picker-title")
            # Above the list, which may scroll: at 80×24 a hint below it was cut off.
            hint = "wizard_pick_hint_last" if self.preselect in self.knowledge.municipalities else "wizard_pick_hint"
            yield Static(t(hint, self.lang), id="picker-hint")
            yield TypedInput(placeholder=t("wizard_pick_filter", self.lang), id="picker-filter")
            yield OptionList(id="picker-list")
        yield QuietFooter()

    def on_mount(self) -> None:
        self._fill("")
        self.query_one("#picker-filter", Input).focus()

    def _fill(self, needle: str) -> None:
        self._needle = needle
        listing = self.query_one("#picker-list", OptionList)
        listing.clear_options()
        self._marked = None
        self._shown = shown = [m for m in self.knowledge.municipalities.values() if matches(m, needle)]
        if not shown:
            listing.add_option(Option(Text(t("wizard_pick_none", self.lang), style="dim"), disabled=True))
            return
        listing.add_options(Option(self._entry(m, selected=False), id=m.id) for m in shown)
        ids = [m.id for m in shown]
        listing.highlighted = ids.index(self.preselect) if self.preselect in ids else 0
        self._mark(listing.highlighted)

    def _entry(self, m: Municipality, *, selected: bool) -> Table:
        return entry(m, self.lang, selected=selected, remembered=m.id == self.preselect)

    def _mark(self, index: int | None) -> None:
        """Move the cursor mark to row ``index`` (only the two rows that change are redrawn)."""
        listing = self.query_one("#picker-list", OptionList)
        for row, selected in ((self._marked, False), (index, True)):
            if row is not None and row < len(self._shown):
                listing.replace_option_prompt_at_index(row, self._entry(self._shown[row], selected=selected))
        self._marked = index

    @on(OptionList.OptionHighlighted, "#picker-list")
    def _moved(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_index != self._marked:
            self._mark(event.option_index)

    @on(Input.Changed, "#picker-filter")
    def _filter(self, event: Input.Changed) -> None:
        if event.value != self._needle:
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
        # "ish" and Enter typed fast: Enter's binding can run before the filter's Changed messages
        # are handled, and would start the call under the row highlighted before the filter.
        typed = self.query_one("#picker-filter", Input).value
        if typed != self._needle:
            self._fill(typed)
        listing = self.query_one("#picker-list", OptionList)
        if listing.highlighted is None:
            return
        option = listing.get_option_at_index(listing.highlighted)
        if option.id is not None and not option.disabled:
            self.post_message(self.Chosen(option.id))
