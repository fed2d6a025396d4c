"""The call in training: the wizard's own question flow, the vignette above it, no live panel.

The live recommendation would give the answer away before the trainee predicts it, so it is
not composed at all here; everything else (keys, answers column, Esc, F1) is ``CallScreen``'s.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Static

from triage.rules.model import Lang
from triage.rules.session import Session
from triage.training.scenarios import Scenario
from triage.tui.screens.call import CallScreen
from triage.tui.widgets import AnswersColumn, CallHeader, QuestionView
from triage.tui.widgets.footer import QuietFooter
from triage.tui.widgets.vignette import VignettePanel


class TrainingCallScreen(CallScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f2", "vignette", "training_key_vignette", id="vignette"),
        Binding("f3", "app.hint", "training_key_hint", id="hint"),
    ]

    def __init__(self, scenario: Scenario, lang: Lang) -> None:
        self.scenario = scenario
        super().__init__(lang)

    def compose(self) -> ComposeResult:
        yield CallHeader(id="header")
        yield VignettePanel(self.scenario, self.app_lang, id="vignette")
        with Horizontal(id="body"):
            yield AnswersColumn(id="answers")
            yield QuestionView(id="question")
        yield Static(id="too-small")
        yield QuietFooter()

    @property
    def app_lang(self) -> Lang:
        return self.wizard.lang

    def show(self, call: Session) -> None:
        self.query_one(CallHeader).show(call)
        self.query_one(AnswersColumn).show(call)
        self.query_one(QuestionView).show(call)

    def action_vignette(self) -> None:
        """Let the vignette fill the screen to read it all; F2 again brings the question back."""
        self.toggle_class("vignette-full")
        if not self.has_class("vignette-full"):
            self._focus_question()  # hiding the question took its focus away
