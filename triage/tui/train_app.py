"""``triage train``: the wizard's own call, with a scenario beside it, a prediction and a debrief.

``TrainingApp`` is the wizard app with a different route: scenario picker → the call (the
vignette above the questions, no live recommendation) → prediction → debrief. The only file
it writes is the progress database (``triage.training.progress``), after each debrief; the scenarios
are fictional.
"""

from __future__ import annotations

import datetime
import os
import random
import sqlite3
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from textual.app import SystemCommand
from textual.screen import Screen

from triage.output.i18n import t
from triage.rules.errors import Exit
from triage.rules.model import Knowledge, Lang
from triage.rules.session import Session
from triage.training import debrief as debriefing
from triage.training import progress
from triage.training.scenarios import Library, Scenario
from triage.tui.app import WizardApp
from triage.tui.screens.debrief import DebriefScreen
from triage.tui.screens.prediction import PredictionScreen
from triage.tui.screens.scenario_picker import ScenarioPickerScreen
from triage.tui.screens.training_call import TrainingCallScreen

RECORD_TIMEOUT = 0.3  # seconds the debrief may wait for another triage's write


class TrainingApp(WizardApp):
    def __init__(
        self,
        knowledge: Knowledge,
        library: Library,
        lang: Lang = "da",
        *,
        pool: tuple[Scenario, ...] | None = None,
        scenario: Scenario | None = None,
        pick_random: bool = False,
        rng: random.Random | None = None,
        progress_path: Path | None = None,
        dark: bool = True,
    ) -> None:
        super().__init__(knowledge, None, lang, remember=False, dark=dark)
        self.library = library
        self.pool = pool if pool is not None else library.scenarios
        self.pick_random = pick_random
        self.rng = rng or random.Random()
        self.progress_path = progress_path
        self.last_scores = progress.last_scores(progress_path)  # scenario ID -> score the last time
        self.scenario: Scenario | None = None
        self.hints: tuple[str, ...] = ()  # the clues revealed in this round (h), each at a cost
        self.debrief: debriefing.Debrief | None = None
        self.recorded = False
        self.pending: list[tuple[debriefing.Debrief, datetime.datetime]] = []  # rounds not stored yet
        first = scenario or (self._random() if pick_random else None)
        if first is not None:
            self.scenario = first
            self.call = self._call_for(first)

    # --- scenarios ------------------------------------------------------------------
    def _random(self) -> Scenario | None:
        others = [s for s in self.pool if s is not self.scenario] or list(self.pool)
        return self.rng.choice(others) if others else None

    def _call_for(self, scenario: Scenario) -> Session:
        return Session(self.call.knowledge, self.lang, scenario.contact_date, scenario.municipality)

    def start(self, scenario: Scenario | None) -> None:
        """Begin a round (``None``: back to the scenario picker)."""
        self.scenario, self.debrief, self.recorded = scenario, None, False
        self.hints = ()
        self.set_call(self._call_for(scenario) if scenario else self.call.restart().choose(None))

    def on_scenario_picker_screen_chosen(self, event: ScenarioPickerScreen.Chosen) -> None:
        self.start(self.library.get(event.scenario))

    def action_next_scenario(self) -> None:
        self.start(self._random() if self.pick_random else None)

    # --- hints and what was played -------------------------------------------------------
    def next_hint(self) -> str | None:
        """The clue to reveal next: the current question's, else the next one not yet revealed."""
        scenario = self.scenario
        if scenario is None:
            return None
        question = self.call.question
        if question is not None and question.id in scenario.clues and question.id not in self.hints:
            return question.id
        # Then the questions still to come, then those already answered, each in flow order.
        order = [q.id for q in self.call.knowledge.flow.questions]
        answered = self.call.answers

        def rank(key: str) -> tuple[bool, int]:
            return key in answered, order.index(key) if key in order else len(order)

        left = sorted((k for k in scenario.clues if k not in self.hints), key=rank)
        return left[0] if left else None

    def action_hint(self) -> None:
        """F3: reveal one clue of the vignette, at a cost in score (``scoring.Weights.hint``)."""
        from triage.tui.widgets.vignette import VignettePanel

        scenario, key = self.scenario, self.next_hint()
        if scenario is None or self.debrief is not None:
            return
        if key is None:
            self.notify(t("training_no_hint", self.lang))
            return
        self.hints = (*self.hints, key)
        q = self.call.knowledge.flow.question(key)
        name = q.label_text(self.lang, self.call.place) if q is not None else key
        self.notify(
            t(
                "training_hint",
                self.lang,
                cost=self.library.weights.hint,
                question=name,
                words=scenario.clues[key].get(self.lang),
            ),
            timeout=12,
        )
        for panel in self.screen.query(VignettePanel):
            panel.mark(self.hints)

    # --- the route --------------------------------------------------------------------
    def _base_screen(self) -> Screen[None]:
        scenario = self.scenario
        if scenario is not None and self.call.municipality is not None:
            return TrainingCallScreen(scenario, self.lang)
        return ScenarioPickerScreen(self.call.knowledge, self.library, self.pool, self.lang, self.last_scores)

    def _route(self) -> None:
        """Base: the scenario picker or the call; on top of the call: prediction, then debrief."""
        call, scenario = self.call, self.scenario
        knowledge = call.knowledge
        training = scenario is not None and call.municipality is not None
        top: Screen[None] | None = None
        if training and call.done:
            if self.debrief is not None:
                if isinstance(self.screen, DebriefScreen):
                    return
                top = DebriefScreen(self.debrief, knowledge.flow, self.lang, recorded=self.recorded)
            else:
                if isinstance(self.screen, PredictionScreen):
                    return
                muni = knowledge.municipalities.get(scenario.municipality) if scenario is not None else None
                given = {r.target for r in muni.rules if r.kind == "level"} if muni is not None else set()
                levels = tuple(t for t in knowledge.flow.levels if t.id in given) or None
                top = PredictionScreen(knowledge.flow, self.lang, scenario, levels)

        def is_base(screen: Screen[Any]) -> bool:
            if not training:
                return isinstance(screen, ScenarioPickerScreen)
            return isinstance(screen, TrainingCallScreen) and screen.scenario is scenario

        self._arrange(is_base, top)

    def action_step_back(self) -> None:
        call = self.call.back()
        if call.municipality is None:
            self.scenario = None
        self.set_call(call)

    # --- the prediction and the debrief -----------------------------------------------
    def on_prediction_screen_made(self, event: PredictionScreen.Made) -> None:
        scenario = self.scenario
        if scenario is None:
            return
        self.clear_notifications()  # a hint still on screen would cover the debrief
        self.debrief = debriefing.run(
            self.call.knowledge,
            scenario,
            self.call.answers,
            event.prediction,
            self.lang,
            weights=self.library.weights,
            hints=self.hints,
        )
        self.recorded = self._record(self.debrief)
        self.last_scores[scenario.id] = self.debrief.score
        self._route()

    def _record(self, result: debriefing.Debrief) -> bool:
        """Store the round (fictional data only); a failure is told, never fatal.

        Another triage writing the database must not freeze the round (SQLite would wait 5 s
        on the event loop) nor lose it: the wait is short, and a round that could not be
        stored is kept and stored with the next one, or when training ends.
        """
        self.pending.append((result, datetime.datetime.now(datetime.UTC)))
        try:
            self.store_pending(timeout=RECORD_TIMEOUT)
        except sqlite3.OperationalError as err:
            if "locked" not in str(err) and "busy" not in str(err):
                self.pending.pop()
                self.notify(t("training_record_failed", self.lang, error=err), severity="error", markup=False)
                return False
            self.notify(t("training_record_later", self.lang), severity="warning")
            return False
        except (OSError, sqlite3.Error) as err:
            self.pending.pop()
            self.notify(t("training_record_failed", self.lang, error=err), severity="error", markup=False)
            return False
        return True

    def store_pending(self, timeout: float) -> None:
        """Store every round kept so far in one transaction; raises as ``progress.record_all``."""
        if self.pending:
            progress.record_all(self.pending, path=self.progress_path, timeout=timeout)
            self.pending.clear()

    # --- what the wizard offers that training does not ----------------------------------
    @property
    def unsaved(self) -> bool:
        """Nothing in training is worth a "lose your answers?" question: the case is fictional."""
        return False

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from self.textual_commands(screen)
        yield SystemCommand(
            t("training_key_next", self.lang), t("training_cmd_next", self.lang), self.action_next_scenario
        )


def run_training(
    knowledge: Knowledge,
    library: Library,
    lang: Lang,
    *,
    pool: tuple[Scenario, ...],
    scenario: Scenario | None,
    pick_random: bool,
) -> int:

    from triage.tui.launch import real_terminal_size, run_app, settle, terminal_is_dark

    settle()
    real_terminal_size(os.environ)
    app = TrainingApp(
        knowledge,
        library,
        lang,
        pool=pool,
        scenario=scenario,
        pick_random=pick_random,
        dark=terminal_is_dark(os.environ),
    )
    code = run_app(app)
    if app.pending:  # rounds the database was too busy to take: one last, patient try
        try:
            app.store_pending(timeout=10.0)
        except (OSError, sqlite3.Error) as err:
            print(t("training_record_lost", lang, count=len(app.pending), error=err), file=sys.stderr)
            return Exit.NOT_RECORDED
    return code
