"""After the prediction: what the trainee got right, what not, and the citation that says why.

``debrief_text`` renders a pure ``triage.training.debrief.Debrief``; the screen only shows it and offers
the next scenario, the full list of sources, or quitting.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from triage.output.i18n import t
from triage.rules.model import Answer, Flow, Lang, Question
from triage.training import scoring, teaching
from triage.training.debrief import Debrief, Difference, cite_text
from triage.tui.keys import translate_bindings
from triage.tui.widgets.footer import QuietFooter

NOT_PREDICTED, NOT_REQUIRED, NONE = "not predicted", "not required", "none"  # debrief's own words


def _label(flow: Flow, group: str, tid: str, lang: Lang) -> str:
    term = flow.term(group, tid)
    return term.label.get(lang) if term else tid


def _labels(flow: Flow, group: str, ids: Iterable[str], lang: Lang) -> str:
    names = [_label(flow, group, i, lang) for i in sorted(ids)]
    return ", ".join(names) if names else t("none", lang)


def value_text(flow: Flow, field: str, value: str, lang: Lang) -> str:
    """A difference's expected/got value in words: labels for IDs, the catalogue for debrief's words."""
    if value == NOT_PREDICTED:
        return t("training_not_predicted", lang)
    if value == NOT_REQUIRED:
        return t("training_not_required", lang)
    if value == NONE:
        return t("none", lang)
    kind = field.removeprefix("outcome:")
    if kind.startswith("notification:") and value == kind.partition(":")[2]:
        return t("training_required", lang)
    if kind == "service_level":
        return _label(flow, "levels", value, lang)
    if kind.startswith("notification"):
        return _labels(flow, "notifications", value.split(", "), lang)
    if kind == "offers":
        return _labels(flow, "offers", value.split(", "), lang)
    return value  # deadlines: "id date, ..."


def field_text(flow: Flow, field: str, lang: Lang) -> str:
    kind, _, key = field.removeprefix("outcome:").partition(":")
    if kind == "notification":
        return f"{t('notifications', lang)}: {_label(flow, 'notifications', key, lang)}"
    return t(kind, lang)


def _answer(question: Question, value: Answer | None, lang: Lang) -> str:
    from triage.output.render import format_answer

    return t("training_not_asked", lang) if value is None else format_answer(question, value, lang)


def _lessons(text: Text, flow: Flow, debrief: Debrief, d: Difference, lang: Lang) -> None:
    """For each item of the right result the difference is about: the rule's sentence, the answers
    it read, and the vignette's words for them."""
    from triage.output.render import because_text

    rec = debrief.recommendation
    for item in teaching.items_of(d.field, rec, debrief.theirs):
        lesson = teaching.lesson(debrief.scenario, rec, item)
        if lesson.rule is not None:
            text.append(f"\n  {t('training_therefore', lang)}: ", style="bold")
            text.append(lesson.rule.text.get(lang))
        why = because_text(rec, flow, item)
        if why:
            text.append(f"\n  {why}")
        for key, words in lesson.clues:
            q = flow.question(key)
            name = q.short_label(lang, rec.municipality.name) if q is not None else key
            text.append(f"\n  {t('training_clue', lang)} ({name}): «{words.get(lang)}»", style="italic")
    if d.field.startswith("notification:") and d.expected == NOT_REQUIRED:
        text.append(f"\n  {t('training_no_rule', lang)}")


def _why(text: Text, flow: Flow, d: Difference, lang: Lang, debrief: Debrief | None = None) -> None:
    text.append(f"\n• {field_text(flow, d.field, lang)}: ", style="bold")
    text.append(
        t(
            "training_expected_got",
            lang,
            expected=value_text(flow, d.field, d.expected, lang),
            got=value_text(flow, d.field, d.got, lang),
        )
    )
    if d.decided_by:
        place = debrief.recommendation.municipality.name if debrief is not None else None
        names = ", ".join(q.label_text(lang, place) for k in d.decided_by if (q := flow.question(k)) is not None)
        text.append(f"\n  {t('training_decided_by', lang)}: {names}", style="bold")
    if debrief is not None:
        _lessons(text, flow, debrief, d, lang)
    if d.section:
        text.append(f"\n  {t('training_section', lang)}: «{d.section}»", style="italic")
    for cited in dict.fromkeys(cite_text(c) for c in d.citations):  # one line per source, also when it backs two items
        text.append(f"\n  § {cited}", style="dim")


def cost_text(flow: Flow, d: scoring.Diff, lang: Lang) -> str:
    """What one difference of the score was: ``underretning glemt: Forældre``."""
    if d.kind == "service_level":
        return t("training_cost_level", lang)
    if d.kind == "answer":
        q = flow.question(d.id)
        return f"{t('training_cost_answer', lang)}: {q.short_label(lang) if q else d.id}"
    if d.kind == "hint":
        return t("training_cost_hint", lang)
    group = {"notification": "notifications", "offer": "offers", "deadline": "deadlines"}.get(d.kind, d.kind)
    key = f"training_cost_{d.kind}_{'missed' if d.got is None else 'extra' if d.expected is None else 'wrong'}"
    return f"{t(key, lang)}: {_label(flow, group, d.id, lang)}"


def debrief_text(debrief: Debrief, flow: Flow, lang: Lang) -> Text:
    """The whole debrief as one text: score, prediction, answers, and why, with citations."""
    rec = debrief.recommendation
    text = Text()
    text.append(
        t("training_score", lang, score=debrief.score), style="bold reverse" if debrief.score < 100 else "bold green"
    )
    text.append("\n")
    if debrief.costs:
        parts = [f"−{c} {cost_text(flow, d, lang)}" for d, c in debrief.costs if c]
        text.append(f"{t('training_score_less', lang)}: {' · '.join(parts)}\n", style="dim")
    teaching_note = debrief.scenario.teaching
    if teaching_note is not None:
        text.append(f"\n{t('training_teaching', lang)}: ", style="bold")
        text.append(teaching_note.get(lang) + "\n")

    text.append(f"\n{t('training_prediction', lang)}\n", style="bold underline")
    p = debrief.prediction
    if debrief.level_ok:
        text.append(t("training_level_ok", lang, label=rec.level.label) + "\n", style="green")
    else:
        got = _label(flow, "levels", p.service_level, lang)
        text.append(t("training_level_wrong", lang, got=got, expected=rec.level.label) + "\n", style="bold red")
    engine_notes = [n.to for n in rec.notifications]
    if debrief.notifications_ok:
        text.append(
            t("training_notes_ok", lang, labels=_labels(flow, "notifications", engine_notes, lang)) + "\n",
            style="green",
        )
    else:
        line = t(
            "training_notes_wrong",
            lang,
            got=_labels(flow, "notifications", p.notifications, lang),
            expected=_labels(flow, "notifications", engine_notes, lang),
        )
        text.append(line + "\n", style="bold red")

    text.append(f"\n{t('training_answers', lang)}\n", style="bold underline")
    if not debrief.answer_differences:
        text.append(t("training_answers_ok", lang, total=debrief.answers_total) + "\n", style="green")
    else:
        text.append(
            t("training_answers_wrong", lang, wrong=debrief.answers_wrong, total=debrief.answers_total) + "\n",
            style="bold red",
        )
        for a in debrief.answer_differences:
            text.append(f"• {a.question.label_text(lang, debrief.recommendation.municipality.name)}\n", style="bold")
            text.append(f"  {t('training_you', lang)}: {_answer(a.question, a.given, lang)}")
            text.append(f" · {t('training_right', lang)}: {_answer(a.question, a.canonical, lang)}\n")
            if a.clue is not None:
                text.append(f"  {t('training_clue', lang)}: «{a.clue.get(lang)}»\n", style="italic")

    if debrief.prediction_differences:
        text.append(f"\n{t('training_why_prediction', lang)}", style="bold underline")
        for d in debrief.prediction_differences:
            _why(text, flow, d, lang, debrief)
        text.append("\n")
    if debrief.outcome_differences:
        text.append(f"\n{t('training_why_outcome', lang)}", style="bold underline")
        for d in debrief.outcome_differences:
            _why(text, flow, d, lang, debrief)
        text.append("\n")
    return text


class DebriefScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "n", "app.next_scenario", "training_key_next", id="next"
        ),  # not Enter: a second Enter would skip the debrief
        Binding("a", "answer_key", "training_key_answer_key", id="answer-key"),
        Binding("k", "sources", "training_key_sources", id="sources"),
        Binding("q", "app.quit", "wizard_key_quit", id="quit-here", show=False),
    ]

    def __init__(self, debrief: Debrief, flow: Flow, lang: Lang, *, recorded: bool) -> None:
        super().__init__()
        self.debrief, self.flow, self.lang, self.recorded = debrief, flow, lang, recorded
        translate_bindings(self, lang)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="debrief-body") as body:
            body.border_title = (
                f"{t('training_debrief_title', self.lang)}: {self.debrief.scenario.title.get(self.lang)}"
            )
            yield Static(debrief_text(self.debrief, self.flow, self.lang), id="debrief-text")
            if self.recorded:
                yield Static(t("training_recorded", self.lang), id="debrief-recorded")
        yield QuietFooter()

    def on_mount(self) -> None:
        self.query_one("#debrief-body").focus()

    def action_answer_key(self) -> None:
        from triage.tui.screens.answer_key import AnswerKeyScreen

        self.app.push_screen(AnswerKeyScreen(self.debrief.recommendation, self.flow))

    def action_sources(self) -> None:
        from triage.tui.screens.citations import CitationsScreen

        self.app.push_screen(CitationsScreen(self.debrief.recommendation, self.flow))
