"""The end of the call: the full recommendation, with copy, save and the sources one key away."""

from __future__ import annotations

from typing import ClassVar

from rich.console import Group
from rich.rule import Rule
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen

from triage.output.i18n import t
from triage.output.richview import action_card, to_rich
from triage.rules.session import Session
from triage.tui.keys import translate_bindings
from triage.tui.widgets import CallHeader
from triage.tui.widgets.footer import QuietFooter
from triage.tui.widgets.rendered import RenderedOnce


class SummaryScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("k", "app.sources", "wizard_key_sources", id="sources"),
        Binding("c", "app.copy", "wizard_key_copy", id="copy"),
        Binding("s", "app.save", "wizard_key_save", id="save"),
        Binding("n", "app.new_call", "wizard_key_new", id="new"),
        Binding("escape", "back", "wizard_key_back", id="back"),
    ]
    AUTO_FOCUS = "#summary-body"

    def __init__(self, call: Session) -> None:
        super().__init__()
        self.call = call
        translate_bindings(self, call.lang)

    def compose(self) -> ComposeResult:
        # Filled here rather than in on_mount: a key typed ahead can close the screen before it mounts.
        header = CallHeader(id="header")
        header.show(self.call)
        yield header
        with VerticalScroll(id="summary-body") as body:
            body.border_title = t("wizard_summary_title", self.call.lang)
            rec, flow = self.call.recommendation, self.call.knowledge.flow
            if rec is None:
                yield RenderedOnce(Text("–"), id="summary-text")
            else:
                # The action card fills the first screen; reasons and citations come below it.
                details = Rule(t("wizard_card_details", self.call.lang), style="dim")
                card = Group(action_card(rec, flow), Text(""), details, to_rich(rec, flow))
                yield RenderedOnce(card, id="summary-text")
        yield QuietFooter()

    async def action_back(self) -> None:
        from triage.tui.screens.emergency import EmergencyScreen

        if not self.is_active:  # Esc typed ahead, after the summary was closed
            return
        stack = self.app.screen_stack
        if len(stack) > 1 and isinstance(stack[-2], EmergencyScreen):
            self.app.pop_screen()
        else:
            await self.app.run_action("step_back")
