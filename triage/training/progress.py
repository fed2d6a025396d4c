"""A trainee's progress over time, in a small SQLite database in the user's data folder.

Only fictional training data is stored: the scenario ID, when the round was played,
the predicted and the engine's service level and notifications, which answer keys
differed, the hints taken, and the score; and the trainee's own name (asked once, for the
trainer's report; never a CPR number, see ``check_trainee``). Never a citizen's name,
never free text, never a real call; the live wizard does not write here. ``report`` turns
the rounds into accuracy per municipality and per topic, a trend per topic over time, and
names the weakest topic to practise next.
"""

from __future__ import annotations

import contextlib
import datetime
import os
import re
import sqlite3
import urllib.parse
from collections.abc import Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass, replace
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
# Added for issue 21; an older database gets them (with these defaults) when next written.
ADDED_COLUMNS = {
    "trainee": "TEXT NOT NULL DEFAULT ''",
    "hints": "INTEGER NOT NULL DEFAULT 0",
}
SETTINGS = "CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)"
TRAINEE_MAX = 40


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
        db.execute(SETTINGS)
        have = {str(row[1]) for row in db.execute("PRAGMA table_info(rounds)")}
        for column, kind in ADDED_COLUMNS.items():
            if column not in have:
                db.execute(f"ALTER TABLE rounds ADD COLUMN {column} {kind}")
        with db:
            yield db


class TraineeError(TriageError):
    def __init__(self, message: str) -> None:
        super().__init__(Problem("--trainee", "", message))


def check_trainee(name: str) -> str:
    """The name as stored, or ``TraineeError``: never anything that looks like a CPR number
    (six or more digits, however they are spaced), nothing empty or over 40 characters."""
    cleaned = " ".join(name.split())
    if re.search(r"\d{6}", re.sub(r"[\s.\-/]", "", cleaned)):
        raise TraineeError("that looks like a CPR number: give a name (or initials), never a CPR number")
    if not cleaned:
        raise TraineeError("the name is empty")
    if len(cleaned) > TRAINEE_MAX or not cleaned.isprintable():
        raise TraineeError(f"a name of at most {TRAINEE_MAX} printable characters, please")
    return cleaned


def trainee(path: Path | None = None) -> str | None:
    """The trainee's name, if one was given; the file is only read."""
    file = path or default_path()
    if not file.exists():
        return None
    uri = f"file:{urllib.parse.quote(str(file.absolute()))}?mode=ro"
    try:
        with closing(sqlite3.connect(uri, uri=True, timeout=READ_TIMEOUT)) as db:
            row = db.execute("SELECT value FROM settings WHERE key = 'trainee'").fetchone()
    except sqlite3.Error:
        return None
    return str(row[0]) if row else None


def set_trainee(name: str, path: Path | None = None) -> str:
    """Keep the trainee's name (checked) for this and later rounds."""
    checked = check_trainee(name)
    with _connect(path or default_path()) as db:
        db.execute("INSERT OR REPLACE INTO settings (key, value) VALUES ('trainee', ?)", (checked,))
    return checked


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
        row = db.execute("SELECT value FROM settings WHERE key = 'trainee'").fetchone()
        name = str(row[0]) if row else ""
        db.executemany(
            "INSERT INTO rounds (scenario, municipality, topics, played_at, predicted_level, engine_level,"
            " predicted_notifications, engine_notifications, answers_total, answers_wrong, wrong_answers, score,"
            " hints, trainee)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(*_row(debrief, at), len(debrief.hints), name) for debrief, at in rounds],
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
class Round:
    """One stored round, as a trainer reads it."""

    played_at: datetime.datetime
    scenario: str
    municipality: str
    topics: tuple[str, ...]
    score: int
    level_right: bool
    notifications_right: bool
    answers_total: int
    wrong_answers: tuple[str, ...]
    hints: int
    trainee: str


@dataclass(frozen=True)
class Trend:
    """A topic's average score on the first day it was played and on the last."""

    topic: str
    first_day: datetime.date
    last_day: datetime.date
    first: float  # average score, 0-100
    last: float

    @property
    def days(self) -> int:
        return (self.last_day - self.first_day).days


@dataclass(frozen=True)
class Report:
    rounds: int
    by_municipality: tuple[Row, ...]
    by_topic: tuple[Row, ...]
    weakest_topic: str | None  # lowest average score; ties go to the topic with fewer rounds
    played: tuple[Round, ...] = ()  # every round, oldest first
    trends: tuple[Trend, ...] = ()  # per topic played on more than one day
    trainee: str | None = None


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
            extra = [f"{c}" if c in columns else "NULL" for c in ("played_at", "scenario", "wrong_answers")]
            extra += [c if c in columns else "0" if c == "hints" else "''" for c in ADDED_COLUMNS]
            return db.execute(
                "SELECT municipality, topics, predicted_level = engine_level,"
                " predicted_notifications = engine_notifications, answers_total, answers_wrong, score,"
                f" {', '.join(extra)} FROM rounds ORDER BY played_at, id"
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
        summary = _summarise([r[:7] for r in rows])
        played = tuple(_round(r) for r in rows)
    except (TypeError, ValueError, ZeroDivisionError):
        raise ProgressError(file, "not triage's training database: unexpected values") from None
    return replace(summary, played=played, trends=_trends(played), trainee=trainee(file))


def _round(row: tuple[Any, ...]) -> Round:
    muni, topics, level_ok, notes_ok, total, _wrong, score, played_at, sid, wrong, trainee_name, hints = row
    return Round(
        played_at=datetime.datetime.fromisoformat(str(played_at)),
        scenario=str(sid),
        municipality=str(muni),
        topics=tuple(str(topics).split()),
        score=int(score),
        level_right=bool(level_ok),
        notifications_right=bool(notes_ok),
        answers_total=int(total),
        wrong_answers=tuple(str(wrong or "").split()),
        hints=int(hints),
        trainee=str(trainee_name),
    )


def _trends(played: Sequence[Round]) -> tuple[Trend, ...]:
    """For each topic played on more than one day: its average score on the first day and the last."""
    days: dict[str, dict[datetime.date, list[int]]] = {}
    for r in played:
        for topic in r.topics:
            days.setdefault(topic, {}).setdefault(r.played_at.date(), []).append(r.score)
    out = []
    for topic, by_day in sorted(days.items()):
        if len(by_day) < 2:
            continue
        first, last = min(by_day), max(by_day)
        out.append(Trend(topic, first, last, _mean(by_day[first]), _mean(by_day[last])))
    return tuple(out)


def _mean(values: Sequence[int]) -> float:
    return sum(values) / len(values)


def last_scores(path: Path | None = None) -> dict[str, int]:
    """Each scenario's score in the last round it was played (for --retry and the picker's marks);
    empty when there is no database or it cannot be read."""
    try:
        return {r.scenario: r.score for r in report(path).played}
    except ProgressError:
        return {}


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
