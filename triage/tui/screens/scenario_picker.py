"""Choose a scenario: the municipality picker's keys and layout, listing cases instead.

Each entry: the title and difficulty, then municipality and topics. Typing filters on
title, ID, municipality and topic (in the chosen language).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from triage.output.i18n import t
from triage.rules.model import Knowledge, Lang
from triage.training.scenarios import Library, Scenario
from triage.tui.labels import clip
from triage.tui.screens.picker import PickerScreen
from triage.tui.textual_compat import TypedInput
from triage.tui.widgets.footer import QuietFooter


def difficulty_dots(n: int) -> str:
    return "●" * n + "○" * (3 - n)


def played_mark(score: int | None) -> str:
    """``✓ `` after a perfect last round, ``✗ 57 `` after a wrong one, nothing when never played."""
    if score is None:
        return ""
    return "✓ " if score >= 100 else f"✗ {score} "


class ScenarioPickerScreen(PickerScreen):
    @dataclass
    class Chosen(Message):
        scenario: str

    def __init__(
        self,
        knowledge: Knowledge,
        library: Library,
        pool: tuple[Scenario, ...],
        lang: Lang,
        last_scores: Mapping[str, int] | None = None,
    ) -> None:
        super().__init__(knowledge, lang, None)
        self.library, self.pool = library, pool
        self.last_scores = last_scores or {}  # played scenarios: their score the last time

    def compose(self) -> ComposeResult:
        with Vertical(id="picker-box"):
            yield Static(t("training_pick_title", self.lang), id="picker-title")
            yield TypedInput(placeholder=t("training_pick_filter", self.lang), id="picker-filter")
            yield OptionList(id="picker-list")
            yield Static(t("training_pick_hint", self.lang), id="picker-hint")
        yield QuietFooter()

    def _words(self, s: Scenario) -> list[str]:
        lang = self.lang
        topics = [term.label.get(lang) for tid in s.topics if (term := self.library.topic(tid)) is not None]
        return [s.id, s.title.get(lang), self.knowledge.municipalities[s.municipality].name, *s.topics, *topics]

    def entry(self, s: Scenario, width: int) -> Text:
        lang = self.lang
        topics = ", ".join(term.label.get(lang) for tid in s.topics if (term := self.library.topic(tid)) is not None)
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(difficulty_dots(s.difficulty) + " ", style="yellow")
        mark = played_mark(self.last_scores.get(s.id))
        text.append(mark, style="bold" if mark else "")
        text.append(clip(s.title.get(lang), width - 4 - len(mark)), style="bold")
        where = f"{self.knowledge.municipalities[s.municipality].name} · {topics}"
        text.append("\n    " + clip(where, width - 4), style="dim")
        return text

    def _fill(self, needle: str) -> None:
        listing = self.query_one("#picker-list", OptionList)
        listing.clear_options()
        words = needle.split()
        shown = [s for s in self.pool if all(any(w.casefold() in x.casefold() for x in self._words(s)) for w in words)]
        if not shown:
            listing.add_option(Option(Text(t("training_pick_none", self.lang), style="dim"), disabled=True))
            return
        width = min(58, max(self.app.size.width - 8, 20))
        listing.add_options(Option(self.entry(s, width), id=s.id) for s in shown)
        listing.highlighted = 0
