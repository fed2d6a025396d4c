"""The call itself: answers so far on the left, the question in the middle, the live panel right."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from triage.output.i18n import t
from triage.rules.model import Lang
from triage.rules.session import Session
from triage.tui.keys import translate_bindings
from triage.tui.widgets import AnswersColumn, CallHeader, QuestionView, RecommendationPanel
from triage.tui.widgets.footer import QuietFooter

if TYPE_CHECKING:
    from triage.tui.app import WizardApp


# The smallest terminal (columns, rows) in which the question, its choices and the start of the
# live panel are all on screen.
MIN_SIZE = (50, 14)


class CallScreen(Screen[None]):
    # Under 100 columns (a default 80x24 terminal) the answers column waits behind Tab, so that
    # the question and the live panel each get half the width; only the call changes its layout.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-normal")]  # noqa: RUF012 (typed by Screen)
    # The question focuses its own input; Textual's default would first focus the answers column
    # (the first focusable widget) and restyle the screen for nothing.
    AUTO_FOCUS = ""
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "wizard_key_back", id="back"),
        Binding("f1", "help", "wizard_key_help", id="help"),
        Binding("tab", "answers", "wizard_key_answers", id="answers"),
        Binding("f6", "panel", "wizard_key_panel", id="panel"),
    ]

    def __init__(self, lang: Lang) -> None:
        super().__init__()
        translate_bindings(self, lang)

    @property
    def wizard(self) -> WizardApp:
        return cast("WizardApp", self.app)

    def compose(self) -> ComposeResult:
        yield CallHeader(id="header")
        with Horizontal(id="body"):
            yield AnswersColumn(id="answers")
            yield QuestionView(id="question")
            with VerticalScroll(id="live"):
                yield RecommendationPanel(id="live-panel")
        yield Static(id="too-small")
        yield QuietFooter()

    def on_resize(self, event: events.Resize) -> None:
        """Too small to show the question: say so, and what size is needed, instead of hiding it."""
        width, height = event.size
        small = width < MIN_SIZE[0] or height < MIN_SIZE[1]
        was_small = self.has_class("-too-small")
        self.set_class(small, "-too-small")
        if was_small and not small and self.focused is None:
            # Hiding the question took its focus; without it, digits and Enter did nothing.
            self.call_after_refresh(self._focus_question)
        if small:
            lang = self.wizard.lang
            text = t("wizard_too_small", lang, w=MIN_SIZE[0], h=MIN_SIZE[1], now_w=width, now_h=height)
            self.query_one("#too-small", Static).update(text)

    def on_mount(self) -> None:
        self.wizard.call_changed.subscribe(self, self.show, immediate=True)
        self.show(self.wizard.call)

    def show(self, call: Session) -> None:
        self.query_one(CallHeader).show(call)
        self.query_one(AnswersColumn).show(call)
        self.query_one(QuestionView).show(call)
        self.query_one(RecommendationPanel).show(call)

    # --- messages from the widgets --------------------------------------------------
    @on(QuestionView.Answered)
    def _answered(self, event: QuestionView.Answered) -> None:
        self.wizard.set_call(self.wizard.call.answer(event.qid, event.value))

    @on(QuestionView.Invalid)
    def _invalid(self, event: QuestionView.Invalid) -> None:
        self.notify(event.text, severity="warning", timeout=4, markup=False)  # it may echo what was typed

    @on(AnswersColumn.Reopen)
    def _reopen(self, event: AnswersColumn.Reopen) -> None:
        self.wizard.set_call(self.wizard.call.reopen(event.qid))
        self._focus_question()

    # --- actions --------------------------------------------------------------------
    def action_back(self) -> None:
        live = self._live()
        if self.query_one(AnswersColumn).has_focus or (live is not None and live.has_focus):
            self._focus_question()
            return
        self.wizard.action_step_back()

    def action_help(self) -> None:
        self.query_one(QuestionView).toggle_help()

    def action_answers(self) -> None:
        column = self.query_one(AnswersColumn)
        if column.has_focus:
            self._focus_question()
        else:
            self.add_class("answers-open")
            column.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """F6 only where there is a live panel (training hides it: it would give the answer away)."""
        if action == "panel":
            return self._live() is not None
        return True

    def _live(self) -> VerticalScroll | None:
        """The live panel's scrolling container; None in training, which has none."""
        found = self.query("#live").results(VerticalScroll)
        return next(iter(found), None)

    def action_panel(self) -> None:
        """F6: into the live panel, to scroll it with the arrows when it is longer than the screen."""
        live = self._live()
        if live is None:
            return
        if live.has_focus:
            self._focus_question()
        else:
            self.remove_class("answers-open")
            live.focus()

    def _focus_question(self) -> None:
        self.remove_class("answers-open")
        field = self.query_one(QuestionView).field
        if field is not None:
            field.focus()
