"""One call as pure data for line-by-line prompts: what to ask next, answer it, go back.

``triage ask`` keeps every keyboard and terminal concern in ``triage.cli.ask``; this module
only decides, with the engine's ``walk``, which step comes next and what an answer typed
at a prompt means. So the prompt logic is tested without a terminal, and the prompts can
never ask something the engine would not.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from triage.output.i18n import t
from triage.rules.engine import FlowState, Recommendation, recommend, walk
from triage.rules.model import Answer, Knowledge, Lang, Question

# What a counsellor may type or press for yes and no, in either language.
YES_KEYS = ("j", "y")
NO_KEYS = ("n",)
BACK_KEY = "<"


@dataclass(frozen=True)
class Conversation:
    """Where a plain-prompt call stands. Replaced whole on every step, never changed in place.

    ``previous`` holds answers that were taken back: they are offered again as the default
    when their question comes round, so going back costs no retyping.
    """

    knowledge: Knowledge
    lang: Lang
    contact_date: datetime.date
    municipality: str | None = None
    fixed_municipality: bool = False  # given on the command line: not a step to go back to
    answers: Mapping[str, Answer] = field(default_factory=dict)
    previous: Mapping[str, Answer] = field(default_factory=dict)

    @property
    def state(self) -> FlowState:
        return walk(self.knowledge.flow, self.answers)

    @property
    def needs_municipality(self) -> bool:
        return self.municipality is None

    @property
    def next_question(self) -> Question | None:
        """The question to ask now; None when the municipality is still open or the call is done."""
        return None if self.needs_municipality else self.state.next

    @property
    def done(self) -> bool:
        return not self.needs_municipality and self.state.done

    @property
    def can_go_back(self) -> bool:
        return bool(self.state.answers) or (self.municipality is not None and not self.fixed_municipality)

    @property
    def given(self) -> int:
        """How many answers would be lost if the call were dropped now."""
        return len(self.state.answers)

    def choose_municipality(self, municipality: str) -> Conversation:
        if municipality not in self.knowledge.municipalities:
            raise ValueError(municipality)
        return replace(self, municipality=municipality)

    def answer(self, qid: str, value: Answer) -> Conversation:
        """Record an answer; answers that no longer apply fall away (``walk`` decides)."""
        answers = dict(walk(self.knowledge.flow, {**self.answers, qid: value}).answers)
        previous = {k: v for k, v in self.previous.items() if k != qid}
        return replace(self, answers=answers, previous=previous)

    def back(self) -> Conversation:
        """Go back one step: take back the last answer, or reopen the municipality choice."""
        asked = self.state.asked
        if asked:
            last = asked[-1].id
            answers = {k: v for k, v in self.answers.items() if k != last}
            return replace(self, answers=answers, previous={**self.previous, last: self.answers[last]})
        if self.municipality is not None and not self.fixed_municipality:
            return replace(self, municipality=None, previous={**self.previous, "municipality": self.municipality})
        return self

    def default(self, qid: str) -> Answer | None:
        """The answer to preselect: one taken back with "back", else none."""
        return self.previous.get(qid)

    def recommendation(self) -> Recommendation:
        if self.municipality is None or not self.state.done:
            raise ValueError("the call is not finished")
        return recommend(self.knowledge, self.municipality, self.state.answers, self.contact_date, self.lang)


def parse_int(q: Question, text: str, lang: Lang) -> tuple[int | None, str | None]:
    """What a counsellor typed for a number question: (the number, None) or (None, why not)."""
    text = text.strip()
    lo, hi = q.minimum, q.maximum
    if not re.fullmatch(r"-?\d{1,6}", text):
        return None, t("ask_int_invalid", lang, lo=lo, hi=hi)
    value = int(text)
    if (lo is not None and value < lo) or (hi is not None and value > hi):
        return None, t("ask_int_invalid", lang, lo=lo, hi=hi)
    return value, None


def is_back(text: str) -> bool:
    return text.strip() == BACK_KEY


def bool_of_key(key: str) -> bool | None:
    """``j``/``y`` mean yes, ``n`` means no, in either language; anything else means nothing."""
    key = key.lower()
    if key in YES_KEYS:
        return True
    if key in NO_KEYS:
        return False
    return None


def multi_problem(q: Question, chosen: list[str], lang: Lang) -> str | None:
    """Why a checkbox answer cannot be taken, or None."""
    if len(chosen) < q.min_selected:
        return t("ask_multi_min", lang, n=q.min_selected)
    return None


def export_name(municipality: str, contact_date: datetime.date) -> str:
    """The file name offered for a saved summary: nothing identifying, just place and day."""
    return f"triage-{municipality}-{contact_date.isoformat()}.md"
