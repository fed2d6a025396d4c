"""Ask where to save the summary (and, the first time, the counsellor's initials, optional);
the app checks for an existing file and writes it."""

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


class ExportDialog(ModalScreen[tuple[Path, str | None] | None]):
    """Dismissed with (path, initials) or None; initials None when they were not asked."""

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

    def __init__(self, default: Path, lang: Lang, *, ask_initials: bool = False) -> None:
        super().__init__()
        self.default, self.lang, self.ask_initials = default, lang, ask_initials
        translate_bindings(self, lang)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(t("wizard_export_title", self.lang), id="export-title")
            yield TypedInput(value=str(self.default), id="export-path")
            if self.ask_initials:  # once per session; kept in memory only
                yield Static(t("wizard_export_initials", self.lang), id="export-initials-label")
                yield TypedInput(max_length=6, id="export-initials")
            yield Static(t("wizard_export_hint", self.lang), id="export-hint")

    @on(Input.Submitted, "#export-path")
    def _submitted(self, event: Input.Submitted) -> None:
        value = self.query_one("#export-path", Input).value.strip()
        initials = None
        if self.ask_initials:
            initials = "".join(ch for ch in self.query_one("#export-initials", Input).value if ch.isalpha())[:6]
        if self.is_active:  # Enter and Esc typed ahead: the first one answers (see ConfirmDialog)
            self.dismiss((Path(value), initials) if value else None)  # ~ is expanded by the app, which reports errors

    @on(Input.Submitted, "#export-initials")
    def _initials(self, event: Input.Submitted) -> None:
        self._submitted(event)

    def action_cancel(self) -> None:
        if self.is_active:
            self.dismiss(None)
