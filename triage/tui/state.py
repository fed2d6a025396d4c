"""The state of one call, kept outside the widgets and replaced whole on every change.

Widgets only render a ``Call`` and post what the counsellor pressed; the pure engine
decides what comes next. A ``Call`` never changes: every method returns a new one.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TYPE_CHECKING

from triage.rules.errors import TriageError
from triage.rules.model import Answer, Flow, Knowledge, Lang, Question

if TYPE_CHECKING:  # the engine is imported on first use: the picker, painted first, needs none of it
    from triage.rules.engine import FlowState, Recommendation


def prune(flow: Flow, answers: Mapping[str, Answer]) -> dict[str, Answer]:
    """Drop the answers to questions that can no longer be asked; keep the rest, also beyond a gap.

    ``walk`` stops at the first unanswered question; here an answer is dropped only when its
    question's condition is certainly false, so a changed early answer keeps every later one
    that still applies (a question that newly applies just becomes the next gap).
    """
    kept: dict[str, Answer] = {}
    for q in flow.questions:
        if q.id in answers and q.when.evaluate(kept) is not False:
            kept[q.id] = answers[q.id]
    return kept


@dataclass(frozen=True)
class Call:
    """One conversation: who it is for, what has been answered, and in which language."""

    knowledge: Knowledge
    lang: Lang
    contact_date: datetime.date
    municipality: str | None = None
    answers: Mapping[str, Answer] = field(default_factory=dict)
    # The question reopened from the answers column, and answers taken back (Esc or a jump):
    # offered again as the preselection when their question comes up.
    editing: str | None = None
    previous: Mapping[str, Answer] = field(default_factory=dict)

    @cached_property
    def flow_state(self) -> FlowState:
        from triage.rules.engine import walk

        return walk(self.knowledge.flow, self.answers)

    @property
    def question(self) -> Question | None:
        """The question to ask now (None before a municipality is chosen and when the call is done)."""
        return self.flow_state.next if self.municipality else None

    @property
    def done(self) -> bool:
        return self.municipality is not None and self.flow_state.done

    @property
    def started(self) -> bool:
        return bool(self.answers)

    def choose(self, municipality: str | None) -> Call:
        return replace(self, municipality=municipality)

    def answer(self, qid: str, value: Answer) -> Call:
        """Set one answer; later answers that no longer apply fall away, the others are kept."""
        answers = prune(self.knowledge.flow, {**self.answers, qid: value})
        previous = {k: v for k, v in self.previous.items() if k != qid}
        return replace(self, answers=answers, editing=None, previous=previous)

    def back(self) -> Call:
        """Esc: cancel a change begun from the answers column, or take back the last answer."""
        if self.editing is not None and self.editing in self.previous:
            return self.answer(self.editing, self.previous[self.editing])
        asked = self.flow_state.asked
        if not asked:
            return replace(self, municipality=None)
        last = asked[-1].id
        return replace(
            self,
            answers={k: v for k, v in self.answers.items() if k != last},
            previous={**self.previous, last: self.answers[last]},
            editing=None,
        )

    def reopen(self, qid: str) -> Call:
        """Go back to ``qid`` to change it; the answers after it wait and are kept if they still apply."""
        if qid not in self.answers:
            return self
        return replace(
            self,
            answers={k: v for k, v in self.answers.items() if k != qid},
            previous={**self.previous, qid: self.answers[qid]},
            editing=qid,
        )

    def restart(self) -> Call:
        """A new call for the same municipality."""
        return replace(self, answers={}, editing=None, previous={})

    def suggestion(self, qid: str) -> Answer | None:
        """The answer to preselect for ``qid``: one taken back, or one still waiting beyond a gap."""
        return self.previous.get(qid, self.answers.get(qid))

    @cached_property
    def recommendation(self) -> Recommendation | None:
        """The recommendation as far as the answers so far allow (None while no level applies yet)."""
        if self.municipality is None:
            return None
        from triage.rules.engine import recommend

        try:
            return recommend(self.knowledge, self.municipality, self.flow_state.answers, self.contact_date, self.lang)
        except TriageError:
            return None
