"""Ask where to save the summary; the app checks for an existing file and writes it."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from triage.output.i18n import t
from triage.rules.model import Lang
from triage.tui.keys import translate_bindings
from triage.tui.textual_compat import TypedInput


class ExportDialog(ModalScreen[Path | None]):
    DEFAULT_CSS = """
    ExportDialog { align: center middle; }
    ExportDialog > Vertical {
        width: 76; max-width: 100%; height: auto;
        border: thick $primary; background: $surface; padding: 1 2;
    }
    ExportDialog #export-hint { color: $text-muted; margin-top: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "wizard_key_cancel", id="cancel"),
    ]

    def __init__(self, default: Path, lang: Lang) -> None:
        super().__init__()
        self.default, self.lang = default, lang
        translate_bindings(self, lang)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(t("wizard_export_title", self.lang), id="export-title")
            yield TypedInput(value=str(self.default), id="export-path")
            yield Static(t("wizard_export_hint", self.lang), id="export-hint")

    @on(Input.Submitted, "#export-path")
    def _submitted(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        if self.is_active:  # Enter and Esc typed ahead: the first one answers (see ConfirmDialog)
            self.dismiss(Path(value) if value else None)  # ~ is expanded by the app, which reports errors

    def action_cancel(self) -> None:
        if self.is_active:
            self.dismiss(None)
