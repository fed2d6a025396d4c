"""The whole right recommendation of a training case, one key (a) from the debrief.

The debrief shows what the trainee got wrong; a trainee also needs to see the whole right
result as a counsellor would give it: level, notifications, offers, steps with their dates.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen

from triage.output.i18n import t
from triage.output.richview import to_rich
from triage.rules.model import Flow
from triage.rules.recommendation import Recommendation
from triage.tui.keys import translate_bindings
from triage.tui.widgets.footer import QuietFooter
from triage.tui.widgets.rendered import RenderedOnce


class AnswerKeyScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,a,q", "dismiss", "wizard_key_close", id="close"),
    ]
    AUTO_FOCUS = "#answer-key-body"

    def __init__(self, rec: Recommendation, flow: Flow) -> None:
        super().__init__()
        self.rec, self.flow = rec, flow
        translate_bindings(self, rec.lang)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="answer-key-body") as body:
            body.border_title = t("training_answer_key_title", self.rec.lang)
            yield RenderedOnce(to_rich(self.rec, self.flow), id="answer-key-text")
        yield QuietFooter()

    async def action_dismiss(self, result: None = None) -> None:
        if self.is_active:  # a second Esc typed ahead must not close the debrief beneath
            await super().action_dismiss(result)
