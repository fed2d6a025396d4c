"""The current question: its wording, what to say, help on F1, and the one input it needs.

Keys: a number or an option's letter chooses (j/y/n for yes/no), Enter confirms, a typed
number for age, ticks for a multi-select. The widget only posts ``Answered``; the app
changes the call.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.events import Key
from textual.geometry import Size
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from triage.output.answer_keys import NO_KEYS, UNKNOWN_KEYS, YES_KEYS, means_unknown
from triage.output.i18n import t
from triage.rules.model import UNKNOWN, Answer, Lang, Question
from triage.rules.parsing import BadAnswer, parse_answer, parse_typed
from triage.rules.session import Session
from triage.tui.textual_compat import event_clock
from triage.tui.widgets.fields import ChoiceField, NumberField, TickField

# What the number input takes: digits, and where the number may be unknown, one of UNKNOWN_KEYS.
DIGITS = r"[0-9]*"
DIGITS_OR_UNKNOWN = DIGITS + "|[" + re.escape("".join(UNKNOWN_KEYS) + "".join(UNKNOWN_KEYS).upper()) + "]"


def yes_keys(lang: Lang) -> str:
    return "j/y" if lang == "da" else "y/j"


def choices(q: Question, lang: Lang, *, unknown_ok: bool = False) -> list[tuple[str, str, str]]:
    """(value, keys shown, label) of each choice; yes/no answers become 'yes'/'no'.

    An option whose value is ``yes`` takes both j and y, as a yes/no question does,
    unless another option of the question already uses the other letter. ``unknown_ok``: a
    yes/no question that may be answered "ved ikke" here (``Question.unknown_allowed``) gets
    it as a third choice, on v as in a number field and as a choice question's own option.
    """
    if q.kind == "bool":
        yes_no = [("yes", yes_keys(lang), t("yes", lang)), ("no", "n", t("no", lang))]
        return [*yes_no, (UNKNOWN, UNKNOWN_KEYS[0], t("unknown_answer", lang))] if unknown_ok else yes_no
    taken = {o.key for o in q.options}
    out = []
    for o in q.options:
        key = o.key or ""
        if o.value == "yes" and key in YES_KEYS and not taken & (set(YES_KEYS) - {key}):
            key = yes_keys(lang)
        out.append((o.value, key, o.label.get(lang)))
    return out


def choice_text(i: int, key: str, label: str) -> Text:
    text = Text()
    text.append(f"{i} ", style="bold")
    if key:
        text.append(f"{key:<3} ", style="dim")
    text.append(label)
    return text


class QuestionView(VerticalScroll, can_focus=False):
    """Renders ``call.question``; remounts the input only when the question changes.

    It scrolls rather than cut off what to say to the caller on a small terminal.
    """

    @dataclass
    class Answered(Message):
        qid: str
        value: Answer

    @dataclass
    class Invalid(Message):
        text: str

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.question: Question | None = None
        self.lang: Lang = "da"
        self._shown: tuple[str | None, Answer | None, str | None] | None = None
        self.field: Widget | None = None  # the input of the question shown now
        self.multi: TickField | None = None  # mounted only while a multi-select is asked
        # The question just answered, until the call shows the next one. Keys typed ahead (a
        # fast typist, a laggy remote line) still reach this widget meanwhile; they were meant
        # for the next question and must never answer this one again.
        self.answered: str | None = None
        self._texts: dict[Static, str] = {}  # what each text part shows now
        self._choices: tuple[tuple[str, str, str], ...] | None = None  # what the choice list shows now
        self._shown_at = 0.0  # when the question on screen was shown (Textual's message clock)
        self._unknown_ok = False  # the number or yes/no on screen may be answered "not known"

    def compose(self) -> ComposeResult:
        yield Static(id="q-label")
        yield Static(id="q-say")
        yield Static(id="q-help")
        with Vertical(id="q-input"):
            # Kept and refilled rather than remounted: a new widget costs a restyle of the
            # screen, and every keystroke counts (benchmarks/keystroke.py).
            yield ChoiceField(classes="q-field q-choice")
            yield NumberField(restrict=DIGITS, max_length=3, classes="q-field q-int", select_on_focus=True)
        yield Static(id="q-hint")

    def toggle_help(self) -> None:
        self.query_one("#q-help").toggle_class("shown")

    def show(self, call: Session) -> None:
        self.answered = None
        q, lang = call.question, call.lang
        suggestion = call.suggestion(q.id) if q else None
        key = (q.id if q else None, suggestion, call.editing)
        if key == self._shown and lang == self.lang:
            return
        self._shown, self.question, self.lang = key, q, lang
        self._shown_at = event_clock()
        self._unknown_ok = q is not None and q.unknown_allowed(call.flow_state.answers)
        label = self.query_one("#q-label", Static)
        say = self.query_one("#q-say", Static)
        helptext = self.query_one("#q-help", Static)
        hint = self.query_one("#q-hint", Static)
        if helptext.has_class("shown"):
            helptext.remove_class("shown")
        self._show_input(q, lang, suggestion)
        if q is None:
            self._text(label, t("wizard_done", lang))
            for part in (say, helptext, hint):
                self._text(part, "")
            say.display = False
            return
        self._text(label, q.label_text(lang, call.place))
        script = q.say(call.flow_state.answers)  # fits the caller; none during an acute call
        say.display = script is not None
        self._text(say, script.get(lang) if script else "")
        say.border_title = t("wizard_say", lang)
        self._text(helptext, q.help.get(lang))
        self._text(hint, t(f"wizard_hint_{q.kind}{'_unknown' if self._unknown_ok else ''}", lang))

    def _text(self, part: Static, text: str) -> None:
        """Set ``part`` to ``text`` unless it shows that already: a repaint costs the frame time."""
        if self._texts.get(part) != text:
            self._texts[part] = text
            part.update(text, layout=False)
            if self._resized(part):
                part.refresh(layout=True)

    @staticmethod
    def _resized(part: Static) -> bool:
        """Whether ``part`` now needs more or fewer lines than it has on screen.

        Most questions' wording takes as many lines as the last one's: then the screen needs no
        new layout, and the frame after the key only repaints the changed text (a layout, and
        the full composition after it, were a third of a simple answer's frame).
        """
        if not part.display:
            return False  # takes no room; showing it lays the screen out anyway
        width, height = part.size
        return not width or part.get_content_height(Size(0, 0), Size(0, 0), width) != height

    def _show_input(self, q: Question | None, lang: Lang, suggestion: Answer | None) -> None:
        """Show the one input ``q`` needs, filled with the suggestion, and focus it."""
        listing = self.query_one(".q-choice", OptionList)
        number = self.query_one(".q-int", Input)
        kind = q.kind if q else None
        listing.display = kind in ("bool", "choice")
        number.display = kind == "int"
        if self.multi is not None and (kind != "multi" or q is None):
            self.multi.remove()
            self.multi = None
        field: Widget | None = None
        if q is None:
            pass
        elif q.kind == "int":
            number.restrict = DIGITS_OR_UNKNOWN if self._unknown_ok else DIGITS
            if suggestion == UNKNOWN and self._unknown_ok:
                number.value = UNKNOWN_KEYS[0]
            elif isinstance(suggestion, int) and not isinstance(suggestion, bool):
                number.value = str(suggestion)
            else:
                number.value = ""
            field = number
        elif q.kind == "multi":
            if self.multi is not None:
                self.multi.remove()
            self.multi = self._multi(q, lang, suggestion)
            self.query_one("#q-input").mount(self.multi)
            field = self.multi
        else:
            options = choices(q, lang, unknown_ok=self._unknown_ok)
            if tuple(options) != self._choices:  # yes/no after yes/no: the same list, kept as it is
                self._choices = tuple(options)
                listing.set_options(
                    Option(choice_text(i, key, label), id=value) for i, (value, key, label) in enumerate(options, 1)
                )
            # Nothing is highlighted on a question not yet answered: Enter must never give an
            # answer nobody gave (consent, above all). A changed answer keeps its own value.
            wanted = ("yes" if suggestion else "no") if isinstance(suggestion, bool) else suggestion  # or UNKNOWN
            values = [value for value, _, _ in options]
            listing.highlighted = values.index(wanted) if isinstance(wanted, str) and wanted in values else None
            field = listing
        self.field = field
        if field is not None and not field.has_focus:
            field.focus()

    def _multi(self, q: Question, lang: Lang, suggestion: Answer | None) -> TickField:
        ticked = suggestion if isinstance(suggestion, tuple) else ()
        # The full label, wrapped where it is long: the examples ("kokain, amfetamin") are what
        # the caller recognises.
        return TickField(
            [
                (choice_text(i, key, label), value, value in ticked)
                for i, (value, key, label) in enumerate(choices(q, lang), 1)
            ],
            classes="q-field q-multi",
        )

    # --- keys -----------------------------------------------------------------------
    def _answer(self, value: Answer) -> None:
        if self.question is not None and self.answered is None:
            self.answered = self.question.id
            self.post_message(self.Answered(self.question.id, value))

    def _pick(self, value: str) -> None:
        q = self.question
        if q is not None and q.kind in ("bool", "choice") and value in (v for v, _, _ in self._choices_of(q)):
            self._answer(value == "yes" if q.kind == "bool" and value != UNKNOWN else value)

    def _choices_of(self, q: Question) -> list[tuple[str, str, str]]:
        return choices(q, self.lang, unknown_ok=self._unknown_ok)

    def on_key(self, event: Key) -> None:
        q = self.question
        if self.answered is not None:  # typed ahead: not for the question on screen (see __init__)
            event.stop()
            event.prevent_default()
            return
        if q is None or q.kind == "int":
            return
        ch = (event.character or "").lower()
        options = self._choices_of(q)
        index = None
        if ch.isdigit() and 1 <= int(ch) <= len(options):
            index = int(ch) - 1
        elif q.kind == "bool" and ch in (*YES_KEYS, *NO_KEYS):
            index = 1 if ch == "n" else 0
        elif ch:
            index = next((i for i, (_, key, _) in enumerate(options) if ch in key.split("/")), None)
        if q.kind == "multi":
            sel = self.field
            if not isinstance(sel, TickField):
                return
            if event.key == "enter":
                event.stop()
                event.prevent_default()
                self._confirm_multi(q, sel)
            elif index is not None:
                event.stop()
                event.prevent_default()
                sel.toggle(options[index][0])
                sel.highlighted = index
        elif index is not None:
            event.stop()
            event.prevent_default()
            self._pick(options[index][0])
        elif event.key == "enter" and isinstance(self.field, ChoiceField) and self.field.highlighted is None:
            # Nothing chosen yet: say which keys answer instead of answering.
            event.stop()
            event.prevent_default()
            self.post_message(self.Invalid(self.keys_hint(q)))

    def keys_hint(self, q: Question) -> str:
        """What answers ``q``: its keys, named with their labels (for a press of Enter with nothing chosen)."""
        keys = ", ".join(f"{key.split('/')[0]} = {label}" for _, key, label in self._choices_of(q) if key)
        return t("wizard_enter_nothing", self.lang, keys=keys)

    def _confirm_multi(self, q: Question, sel: TickField) -> None:
        ticked = [o.value for o in q.options if o.value in sel.selected]
        try:
            answer = parse_answer(q, ticked, self.lang)  # the one parser of the question: its bounds
        except BadAnswer as bad:
            # Nothing ticked: what to press, in the wizard's words; anything else: the parser's.
            too_few = len(ticked) < q.min_selected
            self.post_message(
                self.Invalid(t("wizard_multi_min", self.lang, n=q.min_selected) if too_few else bad.sentence())
            )
            return
        self._answer(answer)

    @on(OptionList.OptionSelected, ".q-choice")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        # Only an option of the list as it is now: one selected before the list was refilled
        # for the next question (Enter typed ahead) would give that question another's answer.
        # The list is kept when the next question has the same choices, so the time tells too.
        listing, i = event.option_list, event.option_index
        current = i < listing.option_count and listing.get_option_at_index(i) is event.option
        current = current and event.time >= self._shown_at
        if current and event.option.id is not None:
            self._pick(event.option.id)

    @on(Input.Submitted, ".q-int")
    def _typed(self, event: Input.Submitted) -> None:
        event.stop()
        q = self.question
        if q is None or q.kind != "int":  # typed ahead: the number was for a question no longer shown
            return
        if self._unknown_ok and means_unknown(event.value):
            self._answer(UNKNOWN)
            return
        try:
            value = parse_typed(q, event.value, self.lang)
        except BadAnswer as bad:
            self.post_message(self.Invalid(bad.sentence()))
            return
        self._answer(value)
