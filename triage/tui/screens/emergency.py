"""Acute danger: an unmissable screen with what to do now, shown the moment it is answered yes."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from triage.output.i18n import t
from triage.rules.session import Session
from triage.tui.keys import translate_bindings
from triage.tui.widgets.footer import QuietFooter


def what_to_do(call: Session) -> Text:
    """Who to call now (the flow's lines: 112, Giftlinjen), the level's own text from the standard,
    its steps, and the centre to call back."""
    lang, rec = call.lang, call.recommendation
    text = Text()
    for line in call.knowledge.flow.emergency_lines:
        text.append(line.get(lang) + "\n", style="bold")
    if rec is not None:
        text.append(f"\n{rec.level.label}\n", style="bold")
        text.append(rec.level.text + "\n")
        for step in rec.steps:
            text.append(f"\n• {step.text}")
    if call.municipality is not None:
        centre = call.knowledge.municipalities[call.municipality].centre
        if centre.phone:
            text.append("\n\n" + t("wizard_centre_phone", lang, name=centre.name, phone=centre.phone), style="dim")
    return text


class EmergencyScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "app.after_emergency", "wizard_key_after_emergency", id="summary"),
        Binding("escape", "app.step_back", "wizard_key_back", id="back"),
    ]

    def __init__(self, call: Session) -> None:
        super().__init__()
        self.call = call
        translate_bindings(self, call.lang)

    def compose(self) -> ComposeResult:
        with Vertical(id="emergency-box"):
            title = t("wizard_emergency_title", self.call.lang)
            if self.app.no_color:  # monochrome: reverse video in the text (see app.tcss, NO_COLOR)
                yield Static(Text(title, style="bold reverse", justify="center"), id="emergency-title")
            else:
                yield Static(title, id="emergency-title")
            with VerticalScroll(id="emergency-body"):
                yield Static(what_to_do(self.call))
        yield QuietFooter()
