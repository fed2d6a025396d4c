"""``triage train`` driven by real key presses: a round with a wrong answer and a wrong prediction."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from tests.conftest import answers
from tests.netguard.guard import NetworkGuard
from tests.privacy import Sandbox
from tests.tui.keys import call_keys
from tests.tui.screen_text import screen_text
from triage.cli.main import main
from triage.rules.model import Knowledge, Lang
from triage.training import progress, scenarios
from triage.tui.screens.debrief import DebriefScreen
from triage.tui.screens.prediction import PredictionScreen
from triage.tui.screens.scenario_picker import ScenarioPickerScreen
from triage.tui.screens.training_call import TrainingCallScreen
from triage.tui.train_app import TrainingApp
from triage.tui.widgets import RecommendationPanel

SIZE = (80, 24)
YOUTH = "holbaek-youth-17"
# The caller says "Jeg er 17"; the trainee types 18, so parental consent is never asked.
WRONG = answers(age=18)
RIGHT = answers(age=17)
# Predicted: outpatient (the 11th level, key a) and no notifications; right is youth_outpatient.
WRONG_PREDICTION = ["a", "enter"]
# Predicted right: youth_outpatient (the 10th level, key 0), youth social services (3) and parents (4).
RIGHT_PREDICTION = ["0", "3", "4", "enter"]


@pytest.fixture(scope="module")
def library(knowledge: Knowledge) -> scenarios.Library:
    return scenarios.load(knowledge)


def trainer(knowledge: Knowledge, library: scenarios.Library, sid: str | None = YOUTH, lang: str = "da") -> TrainingApp:
    chosen = library.get(sid) if sid else None
    return TrainingApp(knowledge, library, "en" if lang == "en" else "da", scenario=chosen)


def keys(knowledge: Knowledge, call: dict[str, object], until: str | None = None, lang: Lang = "da") -> list[str]:
    """The keys of ``call`` in the scenario's Holbæk (tests/tui/keys.py; training shows no emergency screen)."""
    return call_keys(knowledge, "holbaek", call, lang=lang, until=until, emergency=False)


def shown_text(app: TrainingApp) -> str:
    return str(app.screen.query_one("#debrief-text").render())


async def test_a_round_with_a_wrong_answer_and_a_wrong_prediction(
    knowledge: Knowledge, library: scenarios.Library
) -> None:
    app = trainer(knowledge, library)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, TrainingCallScreen)
        await pilot.press(*keys(knowledge, WRONG))
        assert isinstance(app.screen, PredictionScreen)
        await pilot.press(*WRONG_PREDICTION)
        assert isinstance(app.screen, DebriefScreen)
        result = app.debrief
        assert result is not None
        assert [(a.key, a.given, a.canonical) for a in result.answer_differences] == [
            ("age", 18, 17),
            ("parental_consent", None, "yes"),
        ]
        assert not result.level_ok and not result.notifications_ok
        text = shown_text(app)
        # the wrong answer, with the vignette's words that decide it
        assert "Hvor gammel er personen, samtalen handler om?" in text
        assert "du: 18 · rigtigt: 17" in text and "Sagen siger: «Jeg er 17»" in text
        # the wrong prediction, the right level, and the citation for each missed notification
        assert "du forudsagde «Ambulant behandling (SEL § 101)»" in text
        assert "det rigtige er «Ambulant ungebehandling»" in text
        assert "Forældre (inddragelse og samtykke): rigtigt: påkrævet · dit: ikke forudsagt" in text
        assert "§ Holbæk-standarden 2023, Ungebehandling" in text
        assert f"Point: {result.score} af 100" in text
    stored = progress.report()
    assert stored.rounds == 1 and stored.by_municipality[0].group == "holbaek"


async def test_the_debrief_teaches_and_the_whole_answer_is_one_key_away(
    knowledge: Knowledge, library: scenarios.Library
) -> None:
    from triage.tui.screens.answer_key import AnswerKeyScreen

    app = trainer(knowledge, library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*keys(knowledge, WRONG), *WRONG_PREDICTION)
        text = shown_text(app)
        # the reason as a sentence (the deciding rule's text), the answers it read, the vignette's words
        assert "Derfor: Behandling af unge under 18 forudsætter som udgangspunkt, at" in text
        assert "Begrundelse: alder 17 (< 18)" in text
        assert "Sagen siger (Alder): «Jeg er 17»" in text
        # what the score was reduced by, item by item
        assert "−40 underretning glemt: Forældre (inddragelse og samtykke)" in text
        await pilot.press("a")
        assert isinstance(app.screen, AnswerKeyScreen)
        await pilot.pause()
        whole = "\n".join(screen_text(app))
        assert "Den rigtige anbefaling" in whole and "Ambulant ungebehandling" in whole
        await pilot.press("escape")
        assert isinstance(app.screen, DebriefScreen)


async def test_a_hint_reveals_one_clue_at_a_cost(knowledge: Knowledge, library: scenarios.Library) -> None:
    from rich.style import Style
    from rich.text import Text
    from textual.widgets import Static

    app = trainer(knowledge, library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", "s", "j")  # at the age question, whose clue is "Jeg er 17"
        await pilot.press("f3")
        assert app.hints == ("age",)
        shown = app.screen.query_one("#vignette-text", Static).content
        assert isinstance(shown, Text)
        marked = [shown.plain[sp.start : sp.end] for sp in shown.spans if Style.parse(str(sp.style)).reverse]
        assert marked == ["Jeg er 17"]  # reverse video: visible without colour too
        await pilot.press("1", "7", "enter", "j", "j", "c", "enter", *"nnnnnnn", *RIGHT_PREDICTION)
        assert app.debrief is not None and app.debrief.score == 100 - library.weights.hint
        assert "−5 hjælp brugt" in shown_text(app)


async def test_the_picker_marks_the_scenarios_played(
    knowledge: Knowledge, library: scenarios.Library, tmp_path: Path
) -> None:
    from triage.training import debrief

    db = tmp_path / "p.sqlite3"
    youth = library.get(YOUTH)
    assert youth is not None
    progress.record(
        debrief.run(knowledge, youth, youth.answers, debrief.Prediction("outpatient", frozenset())), path=db
    )
    other = library.get("faxe-adult")
    assert other is not None
    app = TrainingApp(knowledge, library, "da", progress_path=db, pool=(youth, other))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ScenarioPickerScreen)
        text = "\n".join(screen_text(app))
        assert "✗ 0 17-årig med hash" in text  # played, wrong: the score the last time
        assert "○○ Voksen" in text  # never played: no mark


async def test_a_teaching_note_is_shown(knowledge: Knowledge, library: scenarios.Library) -> None:
    from triage.training import debrief
    from triage.tui.screens.debrief import debrief_text

    s = library.get("faxe-youth-no-consent")
    assert s is not None and s.teaching is not None
    d = debrief.run(knowledge, s, s.answers, debrief.Prediction("anonymous_counselling", frozenset()))
    text = debrief_text(d, knowledge.flow, "da").plain
    assert "Pointen: Faxe giver nogle få rådgivende samtaler anonymt og uden forældrenes samtykke" in text


async def test_a_round_writes_only_the_progress_database_and_uses_no_network(
    knowledge: Knowledge, library: scenarios.Library, no_network: NetworkGuard, sandbox: Sandbox
) -> None:
    app = trainer(knowledge, library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*keys(knowledge, WRONG))
        assert sandbox.written() == []  # nothing during the call, nor at the prediction
        await pilot.press(*WRONG_PREDICTION)
        assert isinstance(app.screen, DebriefScreen)
    assert sandbox.written() == ["data/triage", "data/triage/training.sqlite3"]
    assert no_network.attempts == []


async def test_a_perfect_round_scores_100(knowledge: Knowledge, library: scenarios.Library) -> None:
    app = trainer(knowledge, library, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*keys(knowledge, RIGHT), *RIGHT_PREDICTION)
        assert app.debrief is not None and app.debrief.score == 100
        text = shown_text(app)
        assert "✓ All 14 answers as in the key." in text and "✓ Service level right" in text


async def test_the_live_recommendation_is_hidden_and_the_vignette_shown(
    knowledge: Knowledge, library: scenarios.Library
) -> None:
    app = trainer(knowledge, library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*keys(knowledge, RIGHT, until="anonymous"))
        assert app.call.recommendation is not None  # the wizard would show it by now
        assert not app.screen.query(RecommendationPanel)
        assert "Jeg er 17" in str(app.screen.query_one("#vignette-text").render())
        await pilot.press("f2")
        assert app.screen.has_class("vignette-full")
        assert not app.screen.query_one("#body").display
        await pilot.press("f2", "n")  # back to the question, which has the keys again
        assert not app.screen.has_class("vignette-full")
        assert app.call.answers.get("anonymous") is False


async def test_escape_from_the_prediction_takes_back_the_last_answer(
    knowledge: Knowledge, library: scenarios.Library
) -> None:
    app = trainer(knowledge, library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*keys(knowledge, RIGHT), "0", "escape")
        assert isinstance(app.screen, PredictionScreen) and app.screen.level is None
        await pilot.press("escape")
        assert isinstance(app.screen, TrainingCallScreen)
        assert app.call.question is not None and app.call.question.id == "pregnancy"


@pytest.mark.slow
async def test_picker_filters_and_two_rounds_make_a_report(
    knowledge: Knowledge,
    library: scenarios.Library,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = trainer(knowledge, library, sid=None, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, ScenarioPickerScreen)
        await pilot.press(*"holbæk 17", "enter")
        assert app.scenario is not None and app.scenario.id == YOUTH
        await pilot.press(*keys(knowledge, WRONG), *WRONG_PREDICTION)
        await pilot.press("n")  # next scenario: back to the picker
        assert isinstance(app.screen, ScenarioPickerScreen)
        await pilot.press(*"faxe-adult", "enter")
        assert app.scenario is not None and app.scenario.id == "faxe-adult"
        assert app.call.municipality == "faxe"
        await pilot.press(*call_keys(knowledge, "faxe", answers(), lang="en", emergency=False), "a", "enter")
        assert isinstance(app.screen, DebriefScreen)
    monkeypatch.setenv("COLUMNS", "200")
    assert main(["train", "--report", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "By municipality" in out and "Faxe" in out and "Holbæk" in out
    assert "Practise this topic next:" in out


async def test_random_mode_moves_on_to_another_scenario(knowledge: Knowledge, library: scenarios.Library) -> None:
    pool = library.select(municipality="faxe")
    app = TrainingApp(knowledge, library, pool=pool, pick_random=True, rng=random.Random(5))
    async with app.run_test(size=SIZE) as pilot:
        first = app.scenario
        assert first is not None and first in pool
        app.action_next_scenario()
        await pilot.pause()
        assert app.scenario is not None and app.scenario in pool and app.scenario is not first
        assert isinstance(app.screen, TrainingCallScreen) and app.screen.scenario is app.scenario


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["--scenario", "holbaek-youth-71"],
            "--scenario: ukendt scenarie 'holbaek-youth-71' (mente du 'holbaek-youth-17'?)",
        ),
        (["--municipality", "holbæk"], "--municipality: ukendt kommune 'holbæk'"),
        (["--municipality", "holbæk", "--lang", "en"], "--municipality: unknown municipality 'holbæk'"),
        (["--municipality", "ishoj", "--difficulty", "1", "--lang", "en"], "No scenario matches"),
    ],
)
def test_bad_train_arguments_are_one_line_and_exit_2(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["train", *argv]) == 2
    err = capsys.readouterr().err
    assert err.startswith(message) and err.count("\n") == 1


async def test_escape_at_the_first_question_goes_back_to_the_scenarios(
    knowledge: Knowledge, library: scenarios.Library
) -> None:
    app = trainer(knowledge, library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", "escape", "escape")
        assert isinstance(app.screen, ScenarioPickerScreen) and app.scenario is None
        await pilot.press(*"gentofte 17", "enter")
        assert isinstance(app.screen, TrainingCallScreen)
        assert app.scenario is not None and app.scenario.id == "gentofte-age-17"
        assert app.call.answers == {} and app.call.municipality == "gentofte"


async def test_a_round_that_cannot_be_saved_still_gets_its_debrief(
    knowledge: Knowledge, library: scenarios.Library, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    app = TrainingApp(knowledge, library, scenario=library.get(YOUTH), progress_path=blocker / "p.sqlite3")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*keys(knowledge, WRONG), *WRONG_PREDICTION)
        assert isinstance(app.screen, DebriefScreen) and not app.recorded
        assert not app.screen.query("#debrief-recorded")
        assert any("Runden kunne ikke gemmes" in str(n.message) for n in app._notifications)


async def test_f2_shows_the_case_again_before_predicting(knowledge: Knowledge, library: scenarios.Library) -> None:
    from triage.tui.dialogs.case import CaseDialog

    app = trainer(knowledge, library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*keys(knowledge, RIGHT), "0", "f2")
        assert isinstance(app.screen, CaseDialog)
        assert "Jeg er 17" in str(app.screen.query_one("#vignette-text").render())
        await pilot.press("enter")  # closes the case; does not confirm the prediction
        assert isinstance(app.screen, PredictionScreen) and app.screen.level == "youth_outpatient"
        assert app.debrief is None


async def test_enter_does_not_leave_the_debrief(knowledge: Knowledge, library: scenarios.Library) -> None:
    """The prediction is confirmed with Enter; a second Enter must not skip the debrief unread."""
    app = trainer(knowledge, library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*keys(knowledge, RIGHT), *RIGHT_PREDICTION, "enter")
        assert isinstance(app.screen, DebriefScreen)
        await pilot.press("n")
        assert not isinstance(app.screen, DebriefScreen)


async def test_training_offers_no_screenshot(knowledge: Knowledge, library: scenarios.Library) -> None:
    """Textual's Screenshot would write the screen to Downloads: training writes only its database."""
    app = trainer(knowledge, library)
    async with app.run_test(size=SIZE):
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Screenshot" not in titles and titles


async def test_f6_does_nothing_in_training_where_there_is_no_live_panel(
    knowledge: Knowledge, library: scenarios.Library
) -> None:
    app = trainer(knowledge, library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", "f6", "s")
        assert isinstance(app.screen, TrainingCallScreen)
        assert app.call.answers.get("caller") == "self"


async def test_a_locked_database_neither_freezes_nor_loses_the_round(
    knowledge: Knowledge, library: scenarios.Library, tmp_path: Path
) -> None:
    """Another triage holds the database: the debrief comes at once, the round is kept and
    stored with the next one once the database is free (issue 12, item 7)."""
    import sqlite3
    import time

    db = tmp_path / "p.sqlite3"
    with progress._connect(db):
        pass
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    app = TrainingApp(knowledge, library, scenario=library.get(YOUTH), progress_path=db)
    async with app.run_test(size=SIZE) as pilot:
        started = time.monotonic()
        await pilot.press(*keys(knowledge, WRONG), *WRONG_PREDICTION)
        assert time.monotonic() - started < 3  # not SQLite's 5-second wait on the event loop
        assert isinstance(app.screen, DebriefScreen) and not app.recorded
        assert any("gemmes med næste runde" in str(n.message) for n in app._notifications)
        holder.execute("ROLLBACK")
        holder.close()
        await pilot.press("n", *"holbæk 17", "enter", *keys(knowledge, WRONG), *WRONG_PREDICTION)
        assert isinstance(app.screen, DebriefScreen) and app.recorded
    assert progress.report(db).rounds == 2
