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
        yield Static(self.text(()), id="vignette-text")

    def text(self, marked: tuple[str, ...]) -> Text:
        """The vignette, with the words of each revealed clue in reverse video (visible without colour)."""
        out = Text(" ".join(self.scenario.vignette.get(self.lang).split()))
        for key in marked:
            clue = self.scenario.clues.get(key)
            if clue is None:
                continue
            for part in clue.get(self.lang).split("..."):
                words = " ".join(part.split())
                at = out.plain.find(words) if words else -1
                if at >= 0:
                    out.stylize("reverse", at, at + len(words))
        return out

    def mark(self, keys: tuple[str, ...]) -> None:
        self.query_one("#vignette-text", Static).update(self.text(keys))

    def on_mount(self) -> None:
        self.border_title = f"{t('training_vignette_title', self.lang)}: {self.scenario.title.get(self.lang)}"
