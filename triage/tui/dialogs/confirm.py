"""A yes/no question answered with one key: j or y for yes, n or Esc for no."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from triage.output.i18n import t
from triage.rules.model import Lang
from triage.tui.keys import translate_bindings


class ConfirmDialog(ModalScreen[bool]):
    DEFAULT_CSS = """
    ConfirmDialog { align: center middle; }
    ConfirmDialog > Vertical {
        width: 60; max-width: 100%; height: auto;
        border: thick $warning; background: $surface; padding: 1 2;
    }
    ConfirmDialog #confirm-keys { color: $text-muted; margin-top: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,y", "answer(True)", "wizard_key_yes", id="yes"),
        Binding("n,escape", "answer(False)", "wizard_key_no", id="no"),
    ]

    def __init__(self, question: str, lang: Lang) -> None:
        super().__init__()
        self.question, self.lang = question, lang
        translate_bindings(self, lang)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.question, id="confirm-question", markup=False)  # it may name a path
            yield Static(t("wizard_confirm_keys", self.lang), id="confirm-keys")

    def action_answer(self, yes: bool) -> None:
        # Only while on top: a second key typed ahead would otherwise close the screen below.
        if self.is_active:
            self.dismiss(yes)
