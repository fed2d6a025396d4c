"""Before the recommendation is revealed: the trainee commits to a service level and notifications.

Keys: ↑↓ and Enter (or the level's number) choose the level; then a number or space ticks a
notification and Enter confirms. Esc goes back a step (to the level, then to the last
question); F2 shows the case again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.events import Key
from textual.message import Message
from textual.screen import Screen
from textual.widgets import OptionList, SelectionList, Static
from textual.widgets.option_list import Option

from triage.output.i18n import t
from triage.rules.model import Flow, Lang, Term
from triage.training.debrief import Prediction
from triage.training.scenarios import Scenario
from triage.tui.keys import translate_bindings
from triage.tui.widgets.footer import QuietFooter


def key_of(i: int) -> str:
    """The key of the ``i``-th choice (from 1): 1 to 9, 0 for the tenth, then a, b, c ..."""
    return str(i % 10) if i <= 10 else chr(ord("a") + i - 11)


def numbered(i: int, label: str, chosen: bool | None = None) -> Text:
    """``1 Label``; a level (``chosen`` not None) has room for an arrow, visible without colour too."""
    text = Text()
    if chosen is not None:
        text.append("→ " if chosen else "  ", style="bold")
    text.append(f"{key_of(i)} ", style="bold")
    text.append(label, style="bold" if chosen else "")
    return text


class PredictionScreen(Screen[None]):
    # Focused as the screen comes up; nothing is set up in on_mount, which a key typed ahead
    # (Esc) can reach after the screen was taken away again (found by tests/tui/test_training_soak.py).
    AUTO_FOCUS = "#predict-level"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "wizard_key_back", id="back"),
        Binding("enter", "next", "training_key_predict", id="next", priority=True),
        Binding("f2", "case", "training_key_vignette", id="case"),
    ]

    @dataclass
    class Made(Message):
        prediction: Prediction

    def __init__(
        self, flow: Flow, lang: Lang, scenario: Scenario | None = None, levels: tuple[Term, ...] | None = None
    ) -> None:
        super().__init__()
        self.flow, self.lang, self.scenario = flow, lang, scenario
        # The levels to choose from: those the municipality's rules can give (a level no rule of
        # its standard or of the law gives there is no answer to weigh), else every level.
        self.choices = levels or flow.levels
        self.level: str | None = None
        translate_bindings(self, lang)

    def compose(self) -> ComposeResult:
        with Vertical(id="predict-box"):
            yield Static(t("training_predict_title", self.lang), id="predict-title")
            yield Static(t("training_predict_level", self.lang), classes="predict-label")
            yield OptionList(
                *[
                    Option(numbered(i, level.label.get(self.lang), False), id=level.id)
                    for i, level in enumerate(self.choices, 1)
                ],
                id="predict-level",
            )
            yield Static(t("training_predict_notes", self.lang), classes="predict-label")
            yield SelectionList[str](
                *[(numbered(i, n.label.get(self.lang)), n.id) for i, n in enumerate(self.flow.notifications, 1)],
                id="predict-notes",
                disabled=True,  # until a level is chosen
            )
        yield QuietFooter()

    @property
    def levels(self) -> OptionList:
        return self.query_one("#predict-level", OptionList)

    @property
    def notes(self) -> SelectionList[str]:
        return self.query_one("#predict-notes", SelectionList)

    def _mark(self, level: str | None) -> None:
        for i, lv in enumerate(self.choices, 1):
            self.levels.replace_option_prompt(lv.id, numbered(i, lv.label.get(self.lang), lv.id == level))

    def _choose_level(self, level: str) -> None:
        self.level = level
        self._mark(level)
        ids = [lv.id for lv in self.choices]
        self.levels.highlighted = ids.index(level)
        self.notes.disabled = False
        self.notes.focus()

    def on_key(self, event: Key) -> None:
        ch = (event.character or "").lower()
        if self.level is None:
            keys = [key_of(i) for i in range(1, len(self.choices) + 1)]
            if ch and ch in keys:
                event.stop()
                event.prevent_default()
                self._choose_level(self.choices[keys.index(ch)].id)
            return
        if not ch.isdigit():
            return
        i = (int(ch) - 1) % 10  # 1..9, then 0 for the tenth
        if i < len(self.flow.notifications):
            event.stop()
            event.prevent_default()
            self.notes.toggle(self.flow.notifications[i].id)
            self.notes.highlighted = i

    @on(OptionList.OptionSelected, "#predict-level")
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self._choose_level(event.option.id)

    def action_next(self) -> None:
        if self.level is None:
            highlighted = self.levels.highlighted
            if highlighted is not None:
                self._choose_level(self.choices[highlighted].id)
            return
        self.post_message(self.Made(Prediction(self.level, frozenset(self.notes.selected))))

    def action_case(self) -> None:
        from triage.tui.dialogs.case import CaseDialog

        if self.scenario is not None:
            self.app.push_screen(CaseDialog(self.scenario, self.lang))

    async def action_back(self) -> None:
        if self.level is not None:
            self.level = None
            self._mark(None)
            self.notes.disabled = True
            self.levels.focus()
            return
        await self.app.run_action("step_back")
