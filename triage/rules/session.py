"""One call as an immutable value: the single state that the wizard, training and ``ask`` keep.

A front end renders a ``Session`` and turns what the counsellor pressed into a new one
(``answer``, ``back``, ``reopen`` ...); it never decides what is asked next. Every method
returns a new session, so going back is just keeping the old one, and a test needs no
terminal. What survives a changed answer is decided in one place, ``engine.prune``: an
answer is dropped only when its question certainly no longer applies.

A ``dataclass``, not a ``Record``: it is made and replaced at every keystroke and caches
what it derives (``flow_state``, ``recommendation``) on itself, which a ``Record`` does not
allow; ``Record`` is for the loaded knowledge and the engine's results.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TYPE_CHECKING

from triage.rules.errors import TriageError
from triage.rules.model import Answer, Knowledge, Lang, Question

if TYPE_CHECKING:  # imported on first use: the wizard's first screen, the picker, needs no engine
    from triage.rules.engine import FlowState
    from triage.rules.recommendation import Recommendation

# Where a choice taken back is remembered, beside the answers taken back.
MUNICIPALITY = "municipality"


@dataclass(frozen=True)
class Session:
    """Who the call is for, what has been answered, and in which language.

    ``previous`` holds answers taken back (Esc, back, or a jump to an earlier question):
    they are offered again when their question comes round, so going back costs no
    retyping. ``editing`` is the question reopened from the answers column.
    """

    knowledge: Knowledge
    lang: Lang
    contact_date: datetime.date
    municipality: str | None = None
    fixed_municipality: bool = False  # given on the command line: not a step to go back to
    answers: Mapping[str, Answer] = field(default_factory=dict)
    editing: str | None = None
    previous: Mapping[str, Answer] = field(default_factory=dict)

    @cached_property
    def flow_state(self) -> FlowState:
        """Where the flow stands for these answers (the engine's ``walk``)."""
        from triage.rules.engine import walk

        return walk(self.knowledge.flow, self.answers)

    @property
    def place(self) -> str | None:
        """The chosen municipality's name, for ``{municipality}`` in the questions' wording."""
        return self.knowledge.municipalities[self.municipality].name if self.municipality else None

    @property
    def needs_municipality(self) -> bool:
        return self.municipality is None

    @property
    def question(self) -> Question | None:
        """The question to ask now (None before a municipality is chosen and when the call is done)."""
        return None if self.needs_municipality else self.flow_state.next

    @property
    def done(self) -> bool:
        return not self.needs_municipality and self.flow_state.done

    @property
    def started(self) -> bool:
        """Whether dropping the call now would lose an answer."""
        return bool(self.answers)

    @property
    def can_go_back(self) -> bool:
        return bool(self.flow_state.asked) or (self.municipality is not None and not self.fixed_municipality)

    def choose(self, municipality: str | None) -> Session:
        """Pick the municipality (None: back to the choice)."""
        if municipality is not None and municipality not in self.knowledge.municipalities:
            raise ValueError(municipality)
        return replace(self, municipality=municipality)

    def answer(self, qid: str, value: Answer) -> Session:
        """Set one answer; later answers that no longer apply fall away, the others are kept."""
        from triage.rules.engine import prune

        answers = prune(self.knowledge.flow, {**self.answers, qid: value})
        previous = {k: v for k, v in self.previous.items() if k != qid}
        return replace(self, answers=answers, editing=None, previous=previous)

    def back(self) -> Session:
        """Cancel a change begun from the answers column, take back the last answer, or reopen
        the municipality choice (unless it was fixed on the command line)."""
        if self.editing is not None and self.editing in self.previous:
            return self.answer(self.editing, self.previous[self.editing])
        asked = self.flow_state.asked
        if asked:
            last = asked[-1].id
            return replace(
                self,
                answers={k: v for k, v in self.answers.items() if k != last},
                previous={**self.previous, last: self.answers[last]},
                editing=None,
            )
        if self.municipality is None or self.fixed_municipality:
            return self
        return replace(self, municipality=None, previous={**self.previous, MUNICIPALITY: self.municipality})

    def reopen(self, qid: str) -> Session:
        """Go back to ``qid`` to change it; the answers after it wait and are kept if they still apply."""
        if qid not in self.answers:
            return self
        return replace(
            self,
            answers={k: v for k, v in self.answers.items() if k != qid},
            previous={**self.previous, qid: self.answers[qid]},
            editing=qid,
        )

    def restart(self) -> Session:
        """A new call for the same municipality."""
        return replace(self, answers={}, editing=None, previous={})

    def suggestion(self, qid: str) -> Answer | None:
        """The answer to preselect for ``qid`` (or ``MUNICIPALITY``): one taken back, or one
        still waiting beyond a gap."""
        return self.previous.get(qid, self.answers.get(qid))

    @cached_property
    def _recommended(self) -> tuple[Recommendation | None, str | None]:
        if self.municipality is None:
            return None, None
        from triage.rules.recommendation import recommend

        try:
            rec = recommend(self.knowledge, self.municipality, self.flow_state.answers, self.contact_date, self.lang)
        except TriageError as err:
            # Mid-call, no level may apply yet: the answers that decide it are still to come.
            # With every question answered, it is the data's fault, and the panel must say so.
            return None, (str(err) if self.flow_state.done else None)
        return rec, None

    @property
    def recommendation(self) -> Recommendation | None:
        """The recommendation as far as the answers so far allow (None while no level applies yet)."""
        return self._recommended[0]

    @property
    def problem(self) -> str | None:
        """Why there is no recommendation although every question is answered (a gap in the data)."""
        return self._recommended[1]
