"""Key-mashing soak of ``triage train``: seeded random keys through the scenario picker, the call,
the prediction and the debrief, the screens checked after each burst.

A trainee mashes keys as a counsellor does. Whatever is pressed, training must not crash, must
show exactly one base screen (the scenario picker, or the call of the scenario being played)
with at most the prediction or the debrief on top, and must write nothing but its progress
database, in the sandbox. Seeds are fixed; a failure names the seed, the burst and its keys.
"""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pytest
from textual import events

from tests.conftest import answers
from tests.netguard.guard import NetworkGuard
from tests.privacy import Sandbox
from tests.tui.keys import call_keys
from tests.tui.test_wizard_soak import NORMAL, SMALL, WEIGHTS, char_of, running
from triage.rules.model import Knowledge
from triage.training import scenarios
from triage.tui.screens.debrief import DebriefScreen
from triage.tui.screens.prediction import PredictionScreen
from triage.tui.screens.scenario_picker import ScenarioPickerScreen
from triage.tui.screens.training_call import TrainingCallScreen
from triage.tui.train_app import TrainingApp

SEEDS = (5, 17, 29)
KEYS_PER_SEED = 300
BURST = 20
GROUPS = (1, 2, 3, 5, 8)
RESIZE = "<resize>"
# The wizard's keys, less the ones that only open its save dialog (training has none).
TRAINING_KEYS = {key: weight for key, weight in WEIGHTS.items() if key != "s"}


def problems(app: TrainingApp) -> list[str]:
    """What the screens show that the training round does not hold."""
    stack = app.screen_stack
    bases = [s for s in stack if isinstance(s, (ScenarioPickerScreen, TrainingCallScreen))]
    if len(bases) != 1 or stack[0] is not bases[0]:
        return [f"not one base screen at the bottom: {[type(s).__name__ for s in stack]}"]
    base, tops = bases[0], [s for s in stack if isinstance(s, (PredictionScreen, DebriefScreen))]
    if app.scenario is None:
        return [] if isinstance(base, ScenarioPickerScreen) and not tops else ["no scenario, yet not the picker"]
    if not isinstance(base, TrainingCallScreen) or base.scenario is not app.scenario:
        return [f"scenario {app.scenario.id}, yet {type(base).__name__} is shown"]
    if not app.call.done and tops:
        return [f"the call is not done, yet {type(tops[0]).__name__} is shown"]
    if app.call.done and [type(s) for s in tops] not in ([PredictionScreen], [DebriefScreen]):
        return [f"the call is done, yet on top: {[type(s).__name__ for s in tops]}"]
    if tops and isinstance(tops[0], DebriefScreen) != (app.debrief is not None):
        return ["the debrief shown and the debrief held disagree"]
    return []


# A whole round of the 17-year-old's case, to the debrief, pressed once before the first seed's
# mashing: how random keys fall depends on timing, and a run that never reached the debrief
# would prove nothing about it.
TOUR_CASE = "holbaek-youth-17"
TOUR = answers(age=17)  # answered right, then predicted "outpatient" (a wrong level): a, Enter


def tour(knowledge: Knowledge) -> list[str]:
    return [*call_keys(knowledge, "holbaek", TOUR, emergency=False), "a", "enter"]


async def mash(
    knowledge: Knowledge,
    library: scenarios.Library,
    seed: int,
    progress: Path,
    seen: Counter[str],
    tour: list[str] | None = None,
) -> int:
    rng = random.Random(seed)
    keys = 0
    while keys < KEYS_PER_SEED:
        first = rng.choice(library.scenarios) if seed % 2 else None
        if tour:
            first = library.get(TOUR_CASE)
        app = TrainingApp(
            knowledge,
            library,
            "da" if seed % 3 else "en",
            scenario=first,
            rng=random.Random(seed),
            progress_path=progress,
        )
        size = NORMAL
        async with app.run_test(size=size) as pilot:
            if tour:
                await pilot.press(*tour)
                tour = None
            while keys < KEYS_PER_SEED and running(app):
                history: list[str] = []
                for _ in range(BURST):
                    if not running(app):
                        break
                    seen[type(app.screen).__name__] += 1
                    group = rng.choices(list(TRAINING_KEYS), weights=list(TRAINING_KEYS.values()), k=rng.choice(GROUPS))
                    history.append(f"{type(app.screen).__name__}:{'+'.join(group)}")
                    for key in group:
                        if key == RESIZE:
                            size = SMALL if size == NORMAL else NORMAL
                            await pilot.resize_terminal(*size)
                        else:
                            keys += 1
                            app.post_message(events.Key(key, char_of(key)))
                    await pilot.pause()
                if running(app):
                    found = problems(app)
                    assert not found, f"seed {seed}: {found}\nkeys: {history}"
    return keys


@pytest.fixture(scope="module")
def library(knowledge: Knowledge) -> scenarios.Library:
    return scenarios.load(knowledge)


@pytest.mark.slow
async def test_mashing_keys_in_training_never_crashes_and_shows_one_round(
    knowledge: Knowledge, library: scenarios.Library, sandbox: Sandbox, no_network: NetworkGuard
) -> None:
    progress = sandbox.cwd / "training.sqlite3"
    seen: Counter[str] = Counter()
    keys = 0
    for seed in SEEDS:
        keys += await mash(knowledge, library, seed, progress, seen, tour(knowledge) if seed == SEEDS[0] else None)
    print(f"\ntraining soak: {keys} keys, seeds {SEEDS}; screens: {dict(seen)}")
    # Every screen of a round was mashed: a soak that never reaches one proves nothing about it.
    assert set(seen) >= {"ScenarioPickerScreen", "TrainingCallScreen", "PredictionScreen", "DebriefScreen"}, seen
    assert no_network.attempts == []
    assert set(sandbox.written()) <= {"work/training.sqlite3"}


async def test_the_check_sees_a_round_out_of_step(knowledge: Knowledge, library: scenarios.Library) -> None:
    """The soak can fail: a call screen left from another scenario is reported."""
    app = TrainingApp(knowledge, library, "da", scenario=library.scenarios[0])
    async with app.run_test(size=NORMAL):
        assert problems(app) == []
        app.scenario = library.scenarios[1]  # held, never shown
        assert any("yet TrainingCallScreen is shown" in p for p in problems(app))
