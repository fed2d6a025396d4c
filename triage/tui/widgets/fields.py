"""The question's inputs: a list for yes/no and choice questions, an input for numbers, and a
list of tick boxes for a question with several answers."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual import on
from textual.binding import Binding, BindingType
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from triage.tui.textual_compat import TypedInput
from triage.tui.widgets.options import PagedOptionList

# Ticked and unticked differ in the text itself, not in colour alone (NO_COLOR, a screen reader,
# a copy of the screen): a box with or without a tick.
TICKED, UNTICKED = "☑", "☐"


class ChoiceField(PagedOptionList):
    """The list of a yes/no or choice question."""


class NumberField(TypedInput):
    """The input of a number question."""


class TickField(PagedOptionList):
    """The options of a multi-select, each with a tick box; a long label wraps under itself.

    Space (or a click) ticks the highlighted option; the question ticks by number or letter
    and confirms with Enter (widgets/question.py).
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("space", "toggle_highlighted", show=False)]

    def __init__(self, options: Iterable[tuple[Text, str, bool]], *, classes: str | None = None) -> None:
        items = list(options)
        self._labels = {value: label for label, value, _ in items}
        self._order = [value for _, value, _ in items]
        self.ticked: set[str] = {value for _, value, on in items if on}
        super().__init__(*(Option(self._prompt(value), id=value) for value in self._order), classes=classes)

    @property
    def selected(self) -> list[str]:
        """The ticked values, in the options' order."""
        return [value for value in self._order if value in self.ticked]

    def _prompt(self, value: str) -> Table:
        row = Table.grid(padding=(0, 1))
        row.add_column(no_wrap=True)
        row.add_column()
        on = value in self.ticked
        row.add_row(Text(TICKED if on else UNTICKED, style="bold" if on else ""), self._labels[value])
        return row

    def toggle(self, value: str) -> None:
        self.ticked ^= {value}
        self.replace_option_prompt_at_index(self._order.index(value), self._prompt(value))

    def action_toggle_highlighted(self) -> None:
        if self.highlighted is not None:
            self.toggle(self._order[self.highlighted])

    @on(OptionList.OptionSelected)
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.toggle(event.option.id)
