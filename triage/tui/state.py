"""The state of one call, kept outside the widgets and replaced whole on every change.

Widgets only render a ``Call`` and report keys; the pure engine decides what comes next.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field, replace

from triage.engine import FlowState, Recommendation, recommend, walk
from triage.errors import TriageError
from triage.model import Answer, Knowledge, Lang


@dataclass(frozen=True)
class Call:
    knowledge: Knowledge
    lang: Lang
    contact_date: datetime.date
    municipality: str | None = None
    answers: dict[str, Answer] = field(default_factory=dict)

    @property
    def flow_state(self) -> FlowState:
        return walk(self.knowledge.flow, self.answers)

    def answer(self, qid: str, value: Answer) -> Call:
        """Set one answer; later answers that no longer apply fall away."""
        answers = {**self.answers, qid: value}
        return replace(self, answers=dict(walk(self.knowledge.flow, answers).answers))

    def back(self) -> Call:
        """Forget the last answer given."""
        kept = list(self.flow_state.answers)
        if not kept:
            return replace(self, municipality=None)
        return replace(self, answers={k: v for k, v in self.answers.items() if k != kept[-1]})

    def forget_from(self, qid: str) -> Call:
        """Go back to ``qid`` to change it: its answer and the ones after it are kept as suggestions."""
        return replace(self, answers={k: v for k, v in self.answers.items() if k != qid})

    def preview(self) -> Recommendation | None:
        """The recommendation as far as the answers so far allow (None when no level applies yet)."""
        if self.municipality is None:
            return None
        try:
            return recommend(self.knowledge, self.municipality, self.answers, self.contact_date, self.lang)
        except TriageError:
            return None
