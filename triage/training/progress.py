"""A trainee's progress over time, in a small SQLite database in the user's data folder.

Only fictional training data is stored: the scenario ID, when the round was played,
the predicted and the engine's service level and notifications, which answer keys
differed, and the score. Never a name, never free text, never a real call; the live
wizard does not write here. ``report`` turns the rounds into accuracy per municipality
and per topic, and names the weakest topic to practise next.
"""

from __future__ import annotations

import contextlib
import datetime
import os
import sqlite3
import urllib.parse
from collections.abc import Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from triage.data.files import PRIVATE, private_dir
from triage.rules.errors import Problem, TriageError
from triage.training.debrief import Debrief

FILE_NAME = "training.sqlite3"
SCHEMA = """
CREATE TABLE IF NOT EXISTS rounds (
    id INTEGER PRIMARY KEY,
    scenario TEXT NOT NULL,
    municipality TEXT NOT NULL,
    topics TEXT NOT NULL,              -- space-separated topic IDs
    played_at TEXT NOT NULL,           -- ISO 8601, UTC
    predicted_level TEXT NOT NULL,
    engine_level TEXT NOT NULL,
    predicted_notifications TEXT NOT NULL,  -- space-separated notification kinds
    engine_notifications TEXT NOT NULL,
    answers_total INTEGER NOT NULL,
    answers_wrong INTEGER NOT NULL,
    wrong_answers TEXT NOT NULL,       -- space-separated answer keys
    score INTEGER NOT NULL
)
"""


def default_path() -> Path:
    """``training.sqlite3`` in the platform's user data folder (e.g. ~/.local/share/triage)."""
    from platformdirs import user_data_path

    return user_data_path("triage", appauthor=False) / FILE_NAME


@contextmanager
def _connect(path: Path, timeout: float = 5.0) -> Iterator[sqlite3.Connection]:
    """Open (creating it if need be) the database, in a folder and a file only its owner can read.

    The file is created 0600 before SQLite opens it; SQLite gives its journal the same mode.
    """
    private_dir(path.parent)
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), PRIVATE))
    with closing(sqlite3.connect(path, timeout=timeout)) as db:
        db.execute(SCHEMA)
        with db:
            yield db


def record(
    debrief: Debrief, *, path: Path | None = None, at: datetime.datetime | None = None, timeout: float = 5.0
) -> None:
    """Store one finished round."""
    record_all([(debrief, at or datetime.datetime.now(datetime.UTC))], path=path, timeout=timeout)


def record_all(
    rounds: Sequence[tuple[Debrief, datetime.datetime]], *, path: Path | None = None, timeout: float = 5.0
) -> None:
    """Store finished rounds in one transaction: all of them, or (on an error) none.

    ``timeout``: how long to wait while another process writes (``sqlite3.OperationalError``
    "database is locked" after it).
    """
    with _connect(path or default_path(), timeout) as db:
        db.executemany(
            "INSERT INTO rounds (scenario, municipality, topics, played_at, predicted_level, engine_level,"
            " predicted_notifications, engine_notifications, answers_total, answers_wrong, wrong_answers, score)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [_row(debrief, at) for debrief, at in rounds],
        )


def _row(debrief: Debrief, at: datetime.datetime) -> tuple[object, ...]:
    s = debrief.scenario
    rec = debrief.recommendation
    return (
        s.id,
        s.municipality,
        " ".join(s.topics),
        at.isoformat(timespec="seconds"),
        debrief.prediction.service_level,
        rec.level.id,
        " ".join(sorted(debrief.prediction.notifications)),
        " ".join(sorted(n.to for n in rec.notifications)),
        debrief.answers_total,
        debrief.answers_wrong,
        " ".join(d.key for d in debrief.answer_differences),
        debrief.score,
    )


@dataclass(frozen=True)
class Row:
    """Accuracy of one group (a municipality or a topic) over its rounds, as shares 0-1."""

    group: str
    rounds: int
    level_right: float
    notifications_right: float
    answers_right: float
    score: float


@dataclass(frozen=True)
class Report:
    rounds: int
    by_municipality: tuple[Row, ...]
    by_topic: tuple[Row, ...]
    weakest_topic: str | None  # lowest average score; ties go to the topic with fewer rounds


@dataclass
class _Sum:
    rounds: int = 0
    level: int = 0
    notes: int = 0
    answers_total: int = 0
    answers_wrong: int = 0
    score: int = 0

    def row(self, group: str) -> Row:
        answered = self.answers_total
        return Row(
            group,
            self.rounds,
            self.level / self.rounds,
            self.notes / self.rounds,
            (answered - self.answers_wrong) / answered if answered else 1.0,
            self.score / self.rounds,
        )


COLUMNS = frozenset(
    {
        "municipality",
        "topics",
        "predicted_level",
        "engine_level",
        "predicted_notifications",
        "engine_notifications",
        "answers_total",
        "answers_wrong",
        "score",
    }
)
READ_TIMEOUT = 0.5  # seconds to wait for another triage's write before saying it is busy


class ProgressError(TriageError):
    """The progress database cannot be read: damaged, locked, or another program's."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(Problem(str(path), "", f"cannot read the training progress ({reason})"))


def _reason(err: sqlite3.Error) -> str:
    text = str(err)
    if "locked" in text or "busy" in text:
        return "it is in use by another triage; try again"
    return text


def _read_rows(file: Path) -> list[tuple[Any, ...]]:
    """Every round's columns, reading ``file`` without changing a byte of it (read-only, no
    table created, no journal rolled back), and without SQLite's 5-second wait on a lock."""
    uri = f"file:{urllib.parse.quote(str(file.absolute()))}?mode=ro"
    try:
        with closing(sqlite3.connect(uri, uri=True, timeout=READ_TIMEOUT)) as db:
            columns = {str(row[1]) for row in db.execute("PRAGMA table_info(rounds)")}
            missing = sorted(COLUMNS - columns)
            if missing:
                raise ProgressError(file, f"not triage's training database: no {', '.join(missing)}")
            return db.execute(
                "SELECT municipality, topics, predicted_level = engine_level,"
                " predicted_notifications = engine_notifications, answers_total, answers_wrong, score FROM rounds"
            ).fetchall()
    except sqlite3.Error as err:
        raise ProgressError(file, _reason(err)) from None


def report(path: Path | None = None) -> Report:
    """Accuracy per municipality and per topic over every stored round; ``ProgressError`` when
    the database cannot be read. The file is only read, never created or changed."""
    file = path or default_path()
    if not file.exists():
        return Report(0, (), (), None)
    rows = _read_rows(file)
    try:
        return _summarise(rows)
    except (TypeError, ValueError, ZeroDivisionError):
        raise ProgressError(file, "not triage's training database: unexpected values") from None


def _summarise(rows: list[tuple[Any, ...]]) -> Report:
    munis: dict[str, _Sum] = {}
    topics: dict[str, _Sum] = {}
    for muni, topic_text, level_ok, notes_ok, total, wrong, score in rows:
        for group, key in [(munis, str(muni)), *((topics, t) for t in str(topic_text).split())]:
            acc = group.setdefault(key, _Sum())
            acc.rounds += 1
            acc.level += int(level_ok)
            acc.notes += int(notes_ok)
            acc.answers_total += int(total)
            acc.answers_wrong += int(wrong)
            acc.score += int(score)
    by_topic = tuple(acc.row(k) for k, acc in sorted(topics.items()))
    weakest = min(by_topic, key=lambda r: (r.score, r.rounds, r.group)).group if by_topic else None
    return Report(
        len(rows),
        tuple(acc.row(k) for k, acc in sorted(munis.items())),
        by_topic,
        weakest,
    )
