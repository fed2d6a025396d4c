"""The multi-select of a question, imported when a call first asks one (see fields.py)."""

from __future__ import annotations

from textual.widgets import SelectionList

from triage.tui.widgets.fields import QuietBlur


class MultiField(QuietBlur, SelectionList[str]):
    """The ticks of a multi-select question; removed (and so blurred while hidden) after it."""
