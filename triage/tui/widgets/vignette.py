"""The case the trainee is working: the caller's own words, kept in view during the whole call."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from triage.output.i18n import t
from triage.rules.model import Lang
from triage.training.scenarios import Scenario


class VignettePanel(VerticalScroll, can_focus=False):
    """The vignette under the scenario's title; F2 on the call screen lets it fill the screen."""

    def __init__(self, scenario: Scenario, lang: Lang, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.scenario, self.lang = scenario, lang

    def compose(self) -> ComposeResult:
        yield Static(Text(" ".join(self.scenario.vignette.get(self.lang).split())), id="vignette-text")

    def on_mount(self) -> None:
        self.border_title = f"{t('training_vignette_title', self.lang)}: {self.scenario.title.get(self.lang)}"
