"""The question's inputs, which skip restyling themselves when they lose focus while hidden.

Textual restyles a widget (and its component classes) whenever it gains or loses focus,
~2 ms each here. When the next question needs another kind of input, the old one is hidden
and then blurred: its restyle is of a widget no one sees, and it is restyled again anyway
when it is next shown and focused. Skipping it saves that much of the frame after such a
key (benchmarks/keystroke.py). Should a field be shown without being focused, it catches
up when it appears.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events

from triage.tui.widgets.options import PagedOptionList
from triage.tui.widgets.typed import TypedInput

if TYPE_CHECKING:
    from textual.widget import Widget

    _Base = Widget
else:
    _Base = object


class QuietBlur(_Base):
    """Mixed into a field: no restyle on losing focus while hidden (see the module)."""

    _stale_focus_style = False

    def watch_has_focus(self, has_focus: bool) -> None:
        if not has_focus and not self.display:
            self._stale_focus_style = True
            return
        self._stale_focus_style = False
        super().watch_has_focus(has_focus)

    def _on_show(self, event: events.Show) -> None:
        super()._on_show(event)
        if self._stale_focus_style and not self.has_focus:
            self._stale_focus_style = False
            self.update_node_styles()


class ChoiceField(QuietBlur, PagedOptionList):
    """The list of a yes/no or choice question."""


class NumberField(QuietBlur, TypedInput):
    """The input of a number question."""
