"""Practice for a trainer (issue 21): --topic, --set, --retry, the trainee's name, the report's formats."""

from __future__ import annotations

import csv
import datetime
import io
import json
from pathlib import Path

import pytest

from tests.unit.test_training import round_of, scenario
from triage.cli import practice
from triage.cli.main import main
from triage.rules.errors import DataError
from triage.rules.model import Knowledge
from triage.training import progress, scenarios

DAY = datetime.datetime(2026, 11, 3, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture(scope="module")
def library(knowledge: Knowledge) -> scenarios.Library:
    return scenarios.load(knowledge)


@pytest.fixture
def db(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    path = tmp_path / "share" / "triage" / progress.FILE_NAME
    monkeypatch.setattr(progress, "default_path", lambda: path)
    return path


def test_topic_selects_and_an_unknown_topic_is_one_line(
    library: scenarios.Library, capsys: pytest.CaptureFixture[str]
) -> None:
    chosen = practice.pool(library, None, None, "anonymity", None, False)
    assert chosen and all("anonymity" in s.topics for s in chosen)
    assert main(["train", "--topic", "anonymty", "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("--topic: unknown topic 'anonymty' (did you mean 'anonymity'?)") and err.count("\n") == 1


def test_a_trainers_set_in_its_order(library: scenarios.Library, tmp_path: Path) -> None:
    f = tmp_path / "uge-49.toml"
    f.write_text('title = "Uge 49"\nscenarios = ["holbaek-age-12", "faxe-youth-no-consent"]\n', encoding="utf-8")
    chosen = practice.pool(library, None, None, None, str(f), False)
    assert [s.id for s in chosen] == ["holbaek-age-12", "faxe-youth-no-consent"]
    assert [s.id for s in practice.pool(library, "faxe", None, None, str(f), False)] == ["faxe-youth-no-consent"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            'scenarios = ["holbaek-age-12", "faxe-youth-no-consnt"]\n',
            "1:32: scenarios[1]: unknown scenario 'faxe-youth-no-consnt' (did you mean 'faxe-youth-no-consent'?)",
        ),
        ('scenario = ["holbaek-age-12"]\n', "unknown"),
        ("scenarios = [\n", "not valid TOML"),
        ("scenarios = []\n", "the set names no scenario"),
    ],
    ids=["unknown_id", "wrong_key", "not_toml", "empty"],
)
def test_a_bad_set_file_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, message: str
) -> None:
    f = tmp_path / "set.toml"
    f.write_text(text, encoding="utf-8")
    assert main(["train", "--set", str(f)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(str(f)) and message in err, err
    assert main(["train", "--set", str(tmp_path / "missing.toml")]) == 2
    assert "cannot read file" in capsys.readouterr().err


def test_retry_offers_the_ones_last_answered_wrong(knowledge: Knowledge, library: scenarios.Library, db: Path) -> None:
    assert practice.pool(library, None, None, None, None, True) == ()
    youth, adult = scenario(library, "holbaek-youth-17"), scenario(library, "faxe-adult")
    progress.record(round_of(knowledge, youth, "outpatient", set()), at=DAY)
    progress.record(round_of(knowledge, adult, "emergency", set()), at=DAY)
    progress.record(round_of(knowledge, adult, "outpatient", set()), at=DAY + datetime.timedelta(hours=1))
    assert [s.id for s in practice.pool(library, None, None, None, None, True)] == ["holbaek-youth-17"]
    assert progress.last_scores() == {"holbaek-youth-17": 0, "faxe-adult": 100}


@pytest.mark.parametrize("cpr", ["010190-1234", "0101901234", "01 01 90 12 34", "Mette 010190-1234", "010190"])
def test_a_cpr_number_is_never_kept_as_the_trainee(db: Path, cpr: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(progress.TraineeError):
        progress.set_trainee(cpr)
    assert main(["train", "--trainee", cpr]) == 2
    assert "CPR" in capsys.readouterr().err
    assert progress.trainee() is None


def test_the_trainee_is_kept_and_stamped_on_each_round(
    knowledge: Knowledge, library: scenarios.Library, db: Path
) -> None:
    assert progress.set_trainee("  Mette  K. ") == "Mette K."
    progress.record(round_of(knowledge, scenario(library, "faxe-adult"), "outpatient", set()), at=DAY)
    report = progress.report()
    assert report.trainee == "Mette K." and [r.trainee for r in report.played] == ["Mette K."]


def fill(knowledge: Knowledge, library: scenarios.Library) -> None:
    """Three weeks of anonymity: wrong at first, right at the end."""
    anon = scenario(library, "ishoj-anonymous-children")
    progress.record(round_of(knowledge, anon, "anonymous_treatment", set()), at=DAY)
    progress.record(
        round_of(knowledge, anon, "anonymous_treatment", {"child_welfare"}), at=DAY + datetime.timedelta(days=21)
    )


def test_report_formats_on_an_empty_database(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["train", "--report", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["rounds"] == [] and data["trends"] == [] and data["weakest_topic"] is None
    assert main(["train", "--report", "--format", "csv"]) == 0
    assert capsys.readouterr().out.startswith("date,played_at,trainee,scenario,")
    assert main(["train", "--report", "--format", "text"]) == 0
    assert not db.exists()  # reading never creates it
    assert main(["train", "--format", "csv"]) == 2
    assert capsys.readouterr().err.startswith("--format: --format")


def test_report_formats_on_a_filled_database(
    knowledge: Knowledge, library: scenarios.Library, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    progress.set_trainee("MK")
    fill(knowledge, library)
    assert main(["train", "--report", "--format", "json", "--lang", "da"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(r["date"], r["score"], r["trainee"]) for r in data["rounds"]] == [
        ("2026-11-03", 60, "MK"),
        ("2026-11-24", 100, "MK"),
    ]
    anon = next(t for t in data["trends"] if t["topic"] == "anonymity")
    assert anon["text"] == "Anonymitet: 60 % → 100 % over 3 uger"
    assert main(["train", "--report", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(r["date"], r["scenario"], r["score"]) for r in rows] == [
        ("2026-11-03", "ishoj-anonymous-children", "60"),
        ("2026-11-24", "ishoj-anonymous-children", "100"),
    ]


def test_report_text_wraps_at_80_columns(
    knowledge: Knowledge,
    library: scenarios.Library,
    db: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    fill(knowledge, library)
    assert main(["train", "--report", "--lang", "da"]) == 0
    out = capsys.readouterr().out
    assert "…" not in out
    assert all(len(line) <= 80 for line in out.splitlines())
    assert "Anonymitet: 60 % → 100 % over 3 uger" in out and "03.11.2026" in out


def test_scenarios_list_wraps_at_80_columns(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    assert main(["scenarios", "list", "--lang", "da"]) == 0
    out = capsys.readouterr().out
    assert "…" not in out and all(len(line) <= 80 for line in out.splitlines())


def test_a_bad_set_raises_data_error(library: scenarios.Library, tmp_path: Path) -> None:
    from triage.training import sets

    f = tmp_path / "s.toml"
    f.write_text('scenarios = ["nope"]\n', encoding="utf-8")
    with pytest.raises(DataError):
        sets.load(str(f), library)
