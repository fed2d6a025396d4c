"""The question's inputs: a list for yes/no and choice questions, an input for numbers."""

from __future__ import annotations

from triage.tui.textual_compat import TypedInput
from triage.tui.widgets.options import PagedOptionList


class ChoiceField(PagedOptionList):
    """The list of a yes/no or choice question."""


class NumberField(TypedInput):
    """The input of a number question."""
