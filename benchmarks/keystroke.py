"""Keystroke to updated live panel, over a full call, against a bare OptionList in the same run.

    python benchmarks/keystroke.py [ROUNDS]

Runs the wizard headless at 80×24 and presses the keys of a whole Holbæk call (17 keys, 13
answers: yes/no letters, a typed age, a multi-select). For each key it measures the time from
the key event reaching the app to the end of the first frame composed after it (Textual's
``post_display_hook``), once over every key and once over the keys that give an answer (those
update the panel; a digit of the age or a tick does not). The baseline is a bare Textual app
moving the cursor of one OptionList, measured the same way in the same run.
Target: under 16 ms (one frame at 60 Hz). Also prints the pure state change (engine walk +
recommendation, no UI) per answer.
"""

from __future__ import annotations

import asyncio
import datetime
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from textual import events  # noqa: E402
from textual.app import App, ComposeResult  # noqa: E402
from textual.widgets import OptionList  # noqa: E402

from triage.data.loader import load  # noqa: E402
from triage.rules.session import Session  # noqa: E402
from triage.tui.app import WizardApp  # noqa: E402
from triage.tui.launch import settle  # noqa: E402

CALL = ["n", "s", "j", "1", "6", "enter", "j", "j", "c", "o", "enter", "n", "n", "j", "n", "n", "j", "p"]


class Timing:
    """Key arrival, the state and widgets updated, and the first frame after it, per key."""

    def __init__(self) -> None:
        self.key_at: float | None = None
        self.frames: list[float] = []
        self.updated: list[float] = []

    def on_key(self) -> None:
        self.key_at = time.perf_counter()

    def on_updated(self) -> None:
        if self.key_at is not None:
            self.updated.append((time.perf_counter() - self.key_at) * 1000)

    def on_frame(self) -> None:
        if self.key_at is not None:
            self.frames.append((time.perf_counter() - self.key_at) * 1000)
            self.key_at = None


class TimedKeys:
    """Mixed into an App: a key press starts the clock, the next painted frame stops it."""

    timing: Timing

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key):
            self.timing.on_key()
        await super().on_event(event)  # type: ignore[misc]

    def post_display_hook(self) -> None:
        self.timing.on_frame()


class TimedWizard(TimedKeys, WizardApp):
    timing = Timing()

    def set_call(self, call: Session) -> None:
        super().set_call(call)  # the new call rendered into every widget (not yet painted)
        self.timing.on_updated()


class Bare(TimedKeys, App[None]):
    timing = Timing()

    def compose(self) -> ComposeResult:
        yield OptionList(*[f"Option {i}" for i in range(12)])


async def wizard_round(knowledge: Any) -> tuple[list[float], list[float], list[float]]:
    """Key to frame for every key and for the keys that answer; key to widgets updated."""
    settle()  # as ``triage`` does before it starts the app
    app = TimedWizard(knowledge, municipality="holbaek", lang="da", today=datetime.date(2026, 11, 24))
    app.timing = Timing()
    times: list[float] = []
    answers: list[float] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for key in CALL:
            app.timing.frames.clear()
            updates = len(app.timing.updated)
            await pilot.press(key)
            await pilot.pause()
            if app.timing.frames:
                times.append(app.timing.frames[0])
                if len(app.timing.updated) > updates:
                    answers.append(app.timing.frames[0])
        assert app.call.done, "the call did not finish"
    return times, answers, app.timing.updated


async def bare_round() -> list[float]:
    app = Bare()
    app.timing = Timing()
    times: list[float] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for key in ["down"] * len(CALL):
            app.timing.frames.clear()
            await pilot.press(key)
            await pilot.pause()
            if app.timing.frames:
                times.append(app.timing.frames[0])
    return times


def state_only(knowledge: Any, rounds: int) -> list[float]:
    """Engine cost alone: one answer applied and the recommendation recomputed."""
    answers: list[tuple[str, Any]] = [
        ("acute_danger", False), ("caller", "self"), ("resident", True), ("age", 16),
        ("wants_treatment", True), ("parental_consent", "yes"), ("substances", ("cannabis", "opioids")),
        ("anonymous", False), ("other_social_problems", False), ("seeks_medical_treatment", True),
        ("psychiatric_disorder", False), ("complex_needs", False), ("children_at_home", True), ("pregnancy", "partner"),
    ]  # fmt: skip
    times: list[float] = []
    for _ in range(rounds):
        call = Session(knowledge, "da", datetime.date(2026, 11, 24), "holbaek")
        for qid, value in answers:
            start = time.perf_counter()
            call = call.answer(qid, value)
            _ = call.recommendation
            times.append((time.perf_counter() - start) * 1000)
    return times


def show(name: str, times: list[float]) -> float:
    times = sorted(times)
    median = statistics.median(times)
    p95 = times[int(0.95 * (len(times) - 1))]
    print(f"{name:44} n={len(times):3}  median {median:6.2f} ms  p95 {p95:6.2f} ms  max {times[-1]:6.2f} ms")
    return median


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    knowledge = load(ROOT)
    wizard: list[float] = []
    answering: list[float] = []
    updated: list[float] = []
    bare: list[float] = []
    for _ in range(rounds):
        bare += asyncio.run(bare_round())
        frames, answers, widgets = asyncio.run(wizard_round(knowledge))
        wizard += frames
        answering += answers
        updated += widgets
    print(f"{rounds} rounds of a full Holbæk call ({len(CALL)} keys), headless 80x24")
    b = show("bare OptionList, key to next frame", bare)
    show("wizard, answer to widgets updated (unpainted)", updated)
    w = show("wizard, every key to next frame", wizard)
    a = show("wizard, answer to frame with updated panel", answering)
    show("state only (answer + recommendation)", state_only(knowledge, rounds * 10))
    print(f"ratio wizard / bare (median): every key {w / b:.2f}x, answers {a / b:.2f}x; target: under 16 ms")
    print("(between 'widgets updated' and the frame: Textual restyles, lays out and renders what changed)")


if __name__ == "__main__":
    main()
