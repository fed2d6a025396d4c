"""`triage train --report` on a database it did not make or cannot read (issue 12, item 7):
one clear line, a non-zero exit, and the file exactly as it was."""

from __future__ import annotations

import datetime
import hashlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.unit.test_training import round_of, scenario
from triage.cli.main import main
from triage.rules.model import Knowledge
from triage.training import progress, scenarios

WHEN = datetime.datetime(2026, 11, 24, 10, 0, tzinfo=datetime.UTC)


@pytest.fixture(scope="module")
def library(knowledge: Knowledge) -> scenarios.Library:
    return scenarios.load(knowledge)


@pytest.fixture
def db(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """The default progress database points into tmp_path."""
    path = tmp_path / "share" / "triage" / progress.FILE_NAME
    monkeypatch.setattr(progress, "default_path", lambda: path)
    return path


def fingerprint(folder: Path) -> dict[str, tuple[str, int]]:
    """Every file under ``folder``: content hash and mode, so any change shows."""
    return {
        str(p.relative_to(folder)): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mode)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def report(capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["train", "--report", "--lang", "en"])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_file_that_is_not_a_database(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db.parent.mkdir(parents=True)
    db.write_bytes(b"this is not SQLite\n" * 100)
    before = fingerprint(db.parent)
    code, out, err = report(capsys)
    assert code == 2 and out == ""
    assert err == f"{db}: cannot read the training progress (file is not a database)\n"
    assert fingerprint(db.parent) == before


def test_a_database_of_another_program(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db.parent.mkdir(parents=True)
    with sqlite3.connect(db) as other:
        other.execute("CREATE TABLE rounds (id INTEGER PRIMARY KEY, scenario TEXT)")
        other.execute("INSERT INTO rounds (scenario) VALUES ('x')")
    other.close()
    before = fingerprint(db.parent)
    code, out, err = report(capsys)
    assert code == 2 and out == ""
    assert err.startswith(f"{db}: cannot read the training progress (not triage's training database: ")
    assert len(err.splitlines()) == 1
    assert fingerprint(db.parent) == before


def test_an_empty_database_of_another_program_is_not_given_our_table(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db.parent.mkdir(parents=True)
    with sqlite3.connect(db) as other:
        other.execute("CREATE TABLE notes (text TEXT)")
    other.close()
    before = fingerprint(db.parent)
    code, _, err = report(capsys)
    assert code == 2 and "not triage's training database" in err
    assert fingerprint(db.parent) == before


@pytest.fixture
def locked(db: Path, knowledge: Knowledge, library: scenarios.Library) -> Iterator[sqlite3.Connection]:
    """A database with one round, held under an exclusive lock by another connection."""
    progress.record(round_of(knowledge, scenario(library, "holbaek-youth-17"), "outpatient", set()), at=WHEN)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    yield holder
    holder.execute("ROLLBACK")
    holder.close()


def test_a_locked_database_is_said_at_once(
    db: Path, locked: sqlite3.Connection, capsys: pytest.CaptureFixture[str]
) -> None:
    before = fingerprint(db.parent)
    started = datetime.datetime.now()
    code, out, err = report(capsys)
    assert (datetime.datetime.now() - started).total_seconds() < 3  # not SQLite's default 5 s wait
    assert code == 2 and out == ""
    assert err == f"{db}: cannot read the training progress (it is in use by another triage; try again)\n"
    assert fingerprint(db.parent) == before


def test_markup_in_a_stored_topic_is_shown_as_text(
    db: Path, knowledge: Knowledge, library: scenarios.Library, capsys: pytest.CaptureFixture[str]
) -> None:
    progress.record(round_of(knowledge, scenario(library, "holbaek-youth-17"), "outpatient", set()), at=WHEN)
    with sqlite3.connect(db) as other:
        other.execute("UPDATE rounds SET topics = '[bold] [/nope] [link=x]'")
    other.close()
    code, out, err = report(capsys)
    assert code == 0 and err == ""
    assert "[/nope]" in out and "[bold]" in out


def test_the_report_writes_nothing(
    db: Path, knowledge: Knowledge, library: scenarios.Library, capsys: pytest.CaptureFixture[str]
) -> None:
    progress.record(round_of(knowledge, scenario(library, "holbaek-youth-17"), "outpatient", set()), at=WHEN)
    os.chmod(db, 0o400)
    before = fingerprint(db.parent)
    code, out, _ = report(capsys)
    assert code == 0 and "Holb" in out
    assert fingerprint(db.parent) == before
