"""Key-mashing soak: seeded random keys through every screen of the wizard, state checked after each burst.

A counsellor under pressure presses the wrong keys, twice, in the wrong dialog, on a terminal
that shrinks. Whatever is pressed, the wizard must not crash, and what it shows must be what
it holds: the answers column lists exactly the answers of the call, the question shown is
the call's question, and the call holds only answers that its flow can still ask.

Keys arrive one at a time or several at once, queued before the first is handled, as from a
fast typist on a slow remote line (the wizard must drop a key typed ahead rather than give
it to the question before). The keys are random but the seeds are fixed: a failure names
the seed, the burst and its keys. It runs in the privacy sandbox with the network refused:
every save the mashing reaches goes to the sandbox's working folder and is counted; a path
typed elsewhere is refused before anything is written, as an unwritable folder would be.
"""

from __future__ import annotations

import datetime
import random
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from textual import events
from textual.command import CommandPalette

import triage.output.export
from tests.conftest import answers
from tests.netguard.guard import NetworkGuard
from tests.privacy import Sandbox
from tests.tui.keys import call_keys
from triage.output.render import format_answer
from triage.rules.engine import prune
from triage.rules.model import UNKNOWN, Answer, Knowledge, Question
from triage.tui.app import WizardApp
from triage.tui.dialogs import ConfirmDialog, ExportDialog
from triage.tui.screens import CallScreen, CitationsScreen, EmergencyScreen, PickerScreen, SummaryScreen
from triage.tui.widgets import AnswersColumn, QuestionView

TODAY = datetime.date(2026, 11, 24)
NORMAL, SMALL = (80, 24), (40, 12)
SEEDS = (11, 23, 37, 41, 59, 73)
KEYS_PER_SEED = 350
BURST = 20  # keys between two checks of the whole state
GROUPS = (1, 2, 3, 5, 8, 13)  # how many keys arrive at once
RESIZE = "<resize>"  # not a key: toggle the terminal between 80x24 and 40x12

# Weighted keys: the answer keys of the flow, moving about, the summary's keys, and the
# system keys (palette, quit) rarely enough that a call still gets to its end now and then.
WEIGHTS: dict[str, int] = {
    **dict.fromkeys("jynspfcagoxbhv", 6),
    **dict.fromkeys("1234567890", 3),
    "enter": 10,
    "escape": 4,
    "tab": 3,
    "up": 2,
    "down": 3,
    "home": 1,
    "end": 1,
    "pageup": 1,
    "pagedown": 1,
    "space": 2,
    "backspace": 2,
    "left": 1,
    "right": 1,
    "f1": 1,
    "k": 3,
    "q": 1,
    "ctrl+p": 1,
    "ctrl+q": 1,
    "ctrl+c": 1,
    RESIZE: 2,
}
# In the save dialog's path field only keys that add to the file name: deleting characters
# could walk the path up out of the sandbox (the write guard below would refuse it anyway).
SAVE_DIALOG_KEYS = {k: w for k, w in WEIGHTS.items() if len(k) == 1 or k in ("enter", "escape", "end", RESIZE)}


@dataclass
class Figures:
    keys: int = 0
    resizes: int = 0
    bursts: int = 0
    sessions: int = 0
    saves: list[Path] = field(default_factory=list)
    refused: list[Path] = field(default_factory=list)
    seen: Counter[str] = field(default_factory=Counter)


def where(app: WizardApp) -> str:
    """Which screen (or part of the call screen) the next key goes to."""
    screen = app.screen
    if isinstance(screen, CallScreen):
        return "answers" if isinstance(app.focused, AnswersColumn) else "question"
    names = {
        PickerScreen: "picker",
        EmergencyScreen: "emergency",
        SummaryScreen: "summary",
        CitationsScreen: "sources",
        ExportDialog: "save",
        ConfirmDialog: "confirm",
        CommandPalette: "palette",
    }
    return next((name for kind, name in names.items() if isinstance(screen, kind)), type(screen).__name__)


def running(app: WizardApp) -> bool:
    return app.is_running and app.return_code is None


def valid(q: Question, value: Answer, answers: dict[str, Answer]) -> bool:
    if value == UNKNOWN and q.allow_unknown is not None:  # "ved ikke", where the answers before allow it
        return q.unknown_allowed(answers)
    if q.kind == "bool":
        return isinstance(value, bool)
    if q.kind == "int":
        low, high = q.minimum or 0, q.maximum if q.maximum is not None else 999
        return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high
    values = {o.value for o in q.options}
    if q.kind == "choice":
        return value in values
    return isinstance(value, tuple) and len(value) >= q.min_selected and set(value) <= values


def inconsistencies(app: WizardApp) -> Iterator[str]:
    """Everything in which what the wizard shows or holds disagrees with its call."""
    call = app.call
    flow = call.knowledge.flow
    answers = dict(call.answers)
    if prune(flow, answers) != answers:
        yield f"answers the flow can no longer ask are held: {sorted(set(answers) - set(prune(flow, answers)))}"
    questions = {q.id: q for q in flow.questions}
    for qid, value in answers.items():
        if qid not in questions or not valid(questions[qid], value, answers):
            yield f"an answer the question does not allow: {qid}={value!r}"
    stack = app.screen_stack
    bases = [s for s in stack if isinstance(s, (PickerScreen, CallScreen))]
    if len(bases) != 1:
        yield f"not exactly one picker or call screen: {[type(s).__name__ for s in stack]}"
        return
    if call.municipality is None:
        if not isinstance(bases[0], PickerScreen):
            yield "no municipality, yet no picker"
        return
    if not isinstance(bases[0], CallScreen):
        yield f"municipality {call.municipality}, yet the picker is shown"
        return
    state = call.flow_state
    asked = [q.id for q in state.asked]
    if call.question is not None:
        order = [q.id for q in flow.questions]
        early = [k for k in answers if k not in asked and order.index(k) < order.index(call.question.id)]
        if early:
            yield f"answers held before the question asked now, not shown: {early}"
    tops = [s for s in stack if isinstance(s, (EmergencyScreen, SummaryScreen))]
    if [type(s) for s in tops] not in ([], [EmergencyScreen], [SummaryScreen], [EmergencyScreen, SummaryScreen]):
        yield f"screens on top of the call: {[type(s).__name__ for s in tops]}"
    if call.done and not tops:
        yield "the call is done, yet neither the summary nor the emergency screen is shown"
    # Acute danger shows the emergency screen at once, before the child questions are answered.
    emergency = call.recommendation is not None and call.recommendation.level.id == "emergency"
    if not call.done and tops and not (emergency and [type(s) for s in tops] == [EmergencyScreen]):
        yield f"the call is not done, yet {type(tops[0]).__name__} is shown"
    for top in tops:
        if dict(top.call.answers) != answers:  # type: ignore[attr-defined]
            yield f"{type(top).__name__} shows other answers than the call holds"
    screen = bases[0]
    view = screen.query_one(QuestionView)
    if view.question != call.question:
        shown = view.question.id if view.question else None
        yield f"question shown {shown}, asked {call.question.id if call.question else None}"
    column = screen.query_one(AnswersColumn)
    ids = column.entry_ids
    if ids != asked:
        yield f"answers column shows {ids}, the call has {asked}"
        return
    for (_, _, got), q in zip(column.entries, state.asked, strict=True):
        # Clipped to the column's width (as it was when last shown: a hidden column keeps its text).
        want = "  " + format_answer(q, state.answers[q.id], call.lang, short=True)
        if got != want and not (got.endswith("…") and want.startswith(got[:-1])):
            yield f"answers column shows {got!r} for {q.id}, the call holds {want!r}"


@pytest.fixture
def guarded_saves(sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch) -> Figures:
    """Count every save; refuse (as an unwritable folder would) any outside the sandbox's cwd."""
    figures = Figures()
    real = triage.output.export.write_private

    def write_private(path: Path, text: str, *, overwrite: bool = False) -> Path:
        if not Path(path).resolve().is_relative_to(sandbox.cwd.resolve()):
            figures.refused.append(Path(path))
            raise PermissionError(13, "refused by the soak test", str(path))
        figures.saves.append(Path(path))
        return real(path, text, overwrite=overwrite)

    monkeypatch.setattr(triage.output.export, "write_private", write_private)
    return figures


def char_of(key: str) -> str | None:
    """The character a terminal sends with ``key`` (None for keys without one, e.g. Ctrl+Q)."""
    return {"space": " "}.get(key, key if len(key) == 1 else None)


# Keys that take the first session from the picker through a whole Holbæk call to the sources
# screen, so that mashing starts there once: how the random keys fall depends on timing, and
# a run that never reached a screen would prove nothing about it.
def tour(knowledge: Knowledge, last: str = "k") -> list[str]:
    """Holbæk chosen in the picker, an adult's whole call, then ``last`` on the summary (k: the
    sources, s: the save dialog; tests/tui/keys.py). Random keys reach the summary seldom now
    that Enter answers nothing on an unanswered question."""
    return ["h", "o", "l", "enter", *call_keys(knowledge, "holbaek", answers()), last]


async def mash(knowledge: Knowledge, seed: int, figures: Figures, tour: list[str] | None = None) -> None:
    """Mash KEYS_PER_SEED keys with ``seed``; assert the state after every BURST keys.

    ``tour``: keys pressed first, one by one, in the first session (from the picker).
    """
    rng = random.Random(seed)
    lang = "da" if seed % 2 else "en"
    keys = 0
    while keys < KEYS_PER_SEED:
        # A quit (Ctrl+Q, Ctrl+C, Esc on the picker, or yes in the quit dialog) ends a session:
        # the counsellor starts the wizard again and mashing goes on.
        figures.sessions += 1
        municipality = None if figures.sessions % 3 == 1 else rng.choice(sorted(knowledge.municipalities))
        app = WizardApp(knowledge, municipality=municipality, lang=lang, today=TODAY)
        size = NORMAL
        async with app.run_test(size=size) as pilot:
            if tour and municipality is None:
                await pilot.press(*tour)
                tour = None
            while keys < KEYS_PER_SEED and running(app):
                history: list[str] = []
                burst_end = keys + BURST
                while keys < burst_end and running(app):
                    here = where(app)
                    figures.seen[here] += 1
                    table = SAVE_DIALOG_KEYS if isinstance(app.screen, ExportDialog) else WEIGHTS
                    # Keys arrive one by one, or several at once as from a fast typist on a
                    # laggy line: all of them queued before the first is handled.
                    group = rng.choices(list(table), weights=list(table.values()), k=rng.choice(GROUPS))
                    history.append(f"{here}:{'+'.join(group)}")
                    for key in group:
                        if key == RESIZE:
                            size = SMALL if size == NORMAL else NORMAL
                            figures.resizes += 1
                            await pilot.resize_terminal(*size)
                        else:
                            keys += 1
                            app.post_message(events.Key(key, char_of(key)))
                    await pilot.pause()
                figures.bursts += 1
                if running(app):
                    problems = list(inconsistencies(app))
                    assert not problems, f"seed {seed}, burst {figures.bursts}: {problems}\nkeys: {history}"
    figures.keys += keys


@pytest.mark.slow
async def test_mashing_keys_never_crashes_and_shows_what_it_holds(
    knowledge: Knowledge, sandbox: Sandbox, no_network: NetworkGuard, guarded_saves: Figures
) -> None:
    figures = guarded_saves
    for seed in SEEDS:
        await mash(knowledge, seed, figures, {SEEDS[0]: tour(knowledge), SEEDS[1]: tour(knowledge, "s")}.get(seed))
    print(
        f"\nsoak: {figures.keys} keys, {figures.resizes} resizes, {figures.bursts} bursts checked, "
        f"{figures.sessions} sessions, seeds {SEEDS}; screens: {dict(figures.seen)}; "
        f"saves {len(figures.saves)}, refused {len(figures.refused)}; written {sandbox.written()}"
    )
    # Every screen was mashed (a soak that never reaches one proves nothing about it).
    assert set(figures.seen) >= {
        "picker",
        "question",
        "answers",
        "emergency",
        "summary",
        "sources",
        "save",
        "confirm",
        "palette",
    }, figures.seen
    assert figures.resizes > 0
    assert no_network.attempts == []
    saved = {f"work/{p.name}" for p in figures.saves}
    remembered = {"config", "config/triage", "config/triage/last-municipality"}
    # A save to the default folder makes it first where it is missing (app._write), and only
    # then does this test refuse the write outside the sandbox's cwd: the empty folder stays.
    default = {"home/Documents"} if any(p.parent.name == "Documents" for p in figures.refused) else set()
    assert set(sandbox.written()) <= saved | remembered | default


async def test_the_check_sees_a_wizard_that_shows_other_than_it_holds(knowledge: Knowledge) -> None:
    """The soak can fail: a column, a question or an answer out of step with the call is reported."""
    from dataclasses import replace

    app = WizardApp(knowledge, municipality="holbaek", lang="en", today=TODAY)
    async with app.run_test(size=NORMAL) as pilot:
        await pilot.press(*call_keys(knowledge, "holbaek", answers(), lang="en", until="age"))
        assert list(inconsistencies(app)) == []
        column = app.screen.query_one(AnswersColumn)
        shown = column.entries
        column.show_entries((*shown, ("age", "4 age", "  40")), None)  # an entry the call does not hold
        assert any("answers column shows" in p for p in inconsistencies(app))
        column.show_entries((*shown[:-1], (*shown[-1][:2], "  no")), None)  # an answer other than the call's
        assert any("answers column shows '  no'" in p for p in inconsistencies(app))
        column.show_entries(shown, None)
        app.call = replace(app.call, answers={**app.call.answers, "age": 200})  # held, never shown
        problems = list(inconsistencies(app))
        assert any("does not allow" in p for p in problems)
        assert any("question shown resident" not in p and "question shown" in p for p in problems)
