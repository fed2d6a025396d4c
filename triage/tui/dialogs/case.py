"""The case again, over the prediction screen: the trainee may reread it before committing."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen

from triage.rules.model import Lang
from triage.training.scenarios import Scenario
from triage.tui.keys import translate_bindings
from triage.tui.widgets.footer import QuietFooter
from triage.tui.widgets.vignette import VignettePanel


class CaseDialog(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f2,enter", "dismiss", "wizard_key_close", id="close"),
    ]

    def __init__(self, scenario: Scenario, lang: Lang) -> None:
        super().__init__()
        self.scenario, self.lang = scenario, lang
        translate_bindings(self, lang)

    def compose(self) -> ComposeResult:
        yield VignettePanel(self.scenario, self.lang, id="case-vignette")
        yield QuietFooter()
