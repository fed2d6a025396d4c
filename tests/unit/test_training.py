"""Debrief and progress: what a trainee is told after a round, and the report over rounds."""

from __future__ import annotations

import datetime
import os
from pathlib import Path
from typing import Any

import pytest

from triage.cli.main import main
from triage.rules.model import Knowledge
from triage.training import debrief, progress, scenarios, scoring


@pytest.fixture(scope="module")
def library(knowledge: Knowledge) -> scenarios.Library:
    return scenarios.load(knowledge)


def scenario(library: scenarios.Library, sid: str) -> scenarios.Scenario:
    found = library.get(sid)
    assert found is not None
    return found


def round_of(
    knowledge: Knowledge,
    s: scenarios.Scenario,
    level: str,
    notes: set[str],
    **changes: Any,
) -> debrief.Debrief:
    answers = {k: v for k, v in {**s.answers, **changes}.items() if v is not None}
    return debrief.run(knowledge, s, answers, debrief.Prediction(level, frozenset(notes)))


def test_perfect_round(knowledge: Knowledge, library: scenarios.Library) -> None:
    s = scenario(library, "holbaek-youth-17")
    d = round_of(knowledge, s, "youth_outpatient", {"parents", "youth_social_services"})
    assert (d.answer_differences, d.outcome_differences, d.prediction_differences) == ((), (), ())
    assert d.level_ok and d.notifications_ok and d.score == 100


def test_wrong_answer_and_wrong_prediction_are_named(knowledge: Knowledge, library: scenarios.Library) -> None:
    s = scenario(library, "holbaek-youth-17")
    # The trainee heard 18, so parental consent was never asked; predicted no notifications.
    d = round_of(knowledge, s, "youth_outpatient", set(), age=18, parental_consent=None)

    assert [(a.key, a.given, a.canonical) for a in d.answer_differences] == [
        ("age", 18, 17),
        ("parental_consent", None, "yes"),
    ]
    age = d.answer_differences[0]
    assert age.clue is not None and age.clue.da == "Jeg er 17"

    (outcome,) = d.outcome_differences
    assert (outcome.field, outcome.expected, outcome.got) == (
        "outcome:notifications",
        "parents, youth_social_services",
        "none",
    )
    assert any(c.section == "Ungebehandling" for c in outcome.citations)
    # The age decided the notifications (their because), and so did the parents' consent, which
    # the trainee never asked: it decided the youth level that the notifications read.
    assert outcome.decided_by == ("age", "parental_consent")

    fields = [(p.field, p.expected, p.got) for p in d.prediction_differences]
    assert fields == [
        ("notification:parents", "parents", "not predicted"),
        ("notification:youth_social_services", "youth_social_services", "not predicted"),
    ]
    for p in d.prediction_differences:
        assert p.citations and p.section
    assert d.level_ok and not d.notifications_ok
    # Two notifications missed (40 each, once though the wrong age lost them too), two answers wrong (3 each).
    assert d.score == 100 - 2 * 40 - 2 * 3


def test_wrong_level_cites_the_standard(knowledge: Knowledge, library: scenarios.Library) -> None:
    s = scenario(library, "holbaek-anonymous-methadone")
    d = round_of(knowledge, s, "anonymous_treatment", {"parents"})
    level, extra = d.prediction_differences
    assert (level.field, level.expected, level.got) == ("service_level", "anonymous_counselling", "anonymous_treatment")
    assert "Visitationsproceduren" in [c.section for c in level.citations]
    assert "Holbæk" in debrief.cite_text(level.citations[0])
    assert (extra.field, extra.expected, extra.got, extra.citations) == (
        "notification:parents",
        "not required",
        "parents",
        (),
    )
    assert d.score == 100 - 25 - 10  # a wrong level, a notification not required


def test_a_missed_notification_weighs_more_than_a_wrong_offer(knowledge: Knowledge, library: scenarios.Library) -> None:
    # Issue 21: substitution offered to an amphetamine user scored 98 of 100.
    adult = scenario(library, "faxe-adult")
    offer = round_of(knowledge, adult, "outpatient", set(), seeks_medical_treatment=True)
    assert [(d.kind, d.id) for d, _ in offer.costs] == [
        ("offer", "medical_treatment"),
        ("answer", "seeks_medical_treatment"),
    ]
    assert offer.score == 100 - 10 - 3
    # Missing the child-welfare notification for an anonymous father with children at home.
    father = scenario(library, "ishoj-anonymous-children")
    missed = round_of(knowledge, father, "anonymous_treatment", set())
    assert [(d.kind, d.id, c) for d, c in missed.costs] == [("notification", "child_welfare", 40)]
    assert missed.score < offer.score - 25
    hinted = debrief.run(
        knowledge, father, father.answers, debrief.Prediction("anonymous_treatment", frozenset()), hints=("anonymous",)
    )
    assert hinted.score == missed.score - 5


def test_score_weights_are_data(tmp_path: Path, knowledge: Knowledge) -> None:
    from tests.unit.test_scenarios import copy_data, edit
    from triage.data.loader import load

    data = copy_data(tmp_path)
    edit(data / "flows/scenarios/scoring.toml", "notification_missed = 40", "notification_missed = 70")
    lib = scenarios.load(load(data))
    father = scenario(lib, "ishoj-anonymous-children")
    d = debrief.run(
        knowledge, father, father.answers, debrief.Prediction("anonymous_treatment", frozenset()), weights=lib.weights
    )
    assert d.score == 30
    emergency = scoring.Diff("service_level", "service_level", "emergency", "outpatient")
    assert scoring.score([emergency], lib.weights) == 60
    edit(data / "flows/scenarios/scoring.toml", "offer = 10", "offer = 200")
    assert main(["scenarios", "test", "--data", str(data)]) == 2


def test_call_broken_off_counts_missing_answers(knowledge: Knowledge, library: scenarios.Library) -> None:
    s = scenario(library, "gentofte-anonymous")
    answers = {k: s.answers[k] for k in ("acute_danger", "caller", "resident")}
    d = debrief.run(knowledge, s, answers, debrief.Prediction("anonymous_treatment", frozenset()))
    assert d.outcome_differences == ()
    assert {a.key for a in d.answer_differences} == set(s.answers) - set(answers)
    assert all(a.given is None for a in d.answer_differences)


def test_progress_report_after_two_rounds(knowledge: Knowledge, library: scenarios.Library, tmp_path: Path) -> None:
    db = tmp_path / "p.sqlite3"
    assert progress.report(db) == progress.Report(0, (), (), None)
    good = round_of(knowledge, scenario(library, "faxe-adult"), "outpatient", set())
    bad = round_of(knowledge, scenario(library, "holbaek-anonymous-methadone"), "anonymous_treatment", set())
    when = datetime.datetime(2026, 11, 25, 8, 0, tzinfo=datetime.UTC)
    progress.record(good, path=db, at=when)
    progress.record(bad, path=db, at=when)

    report = progress.report(db)
    assert report.rounds == 2
    assert [(r.group, r.rounds, r.level_right, r.score) for r in report.by_municipality] == [
        ("faxe", 1, 1.0, 100.0),
        ("holbaek", 1, 0.0, 75.0),
    ]
    topics = {r.group: r for r in report.by_topic}
    assert set(topics) == {"deadlines", "anonymity", "medical"}
    assert topics["anonymity"].level_right == 0.0 and topics["anonymity"].notifications_right == 1.0
    assert report.weakest_topic == "anonymity"  # ties with medical on score and rounds; by name


def test_progress_lives_in_the_user_data_dir() -> None:
    path = progress.default_path()
    assert str(path).startswith(os.environ["XDG_DATA_HOME"])
    assert path.name == "training.sqlite3"


def test_train_report_command(
    knowledge: Knowledge,
    library: scenarios.Library,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    assert main(["train", "--report", "--lang", "en"]) == 0
    assert "No training rounds yet" in capsys.readouterr().out
    for sid, level in (("holbaek-age-26", "outpatient"), ("holbaek-pregnant", "outpatient")):
        progress.record(round_of(knowledge, scenario(library, sid), level, set()))
    assert main(["train", "--report", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "By municipality" in out and "Holbæk" in out and "By topic" in out and "Pregnancy" in out
    assert "Practise this topic next: Pregnancy" in out
    assert main(["train", "--report"]) == 0
    assert "Øv dette emne næste gang: Graviditet" in capsys.readouterr().out


