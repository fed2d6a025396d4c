"""One error type for everything a user can get wrong, so the CLI can print one line and exit 2.

Data maintainers and counsellors fix files, not Python: every problem names the file,
the line and column where known, and the key path, in that order. The exit codes of the
contract are defined here, once, and an error carries its own.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import ClassVar, Literal

from triage.rules.record import Record

ProblemKind = Literal["invalid", "unreadable"]


class Exit(enum.IntEnum):
    """Every exit code of the command line (contract: "Exit codes of the command line")."""

    OK = 0
    FINDINGS = 1  # `triage check` found problems, `diff` found changes, `scenarios test` mismatches
    NOT_RECORDED = 1  # training: rounds that the progress database could not take (the value of FINDINGS)
    BAD_INPUT = 2  # one located line on stderr, never a traceback
    STOPPED = 130  # Ctrl+C: 128 + SIGINT, as a shell reports it
    PIPE_CLOSED = 141  # the reader of stdout went away: 128 + SIGPIPE, as a shell reports it


def after_signal(number: int) -> int:
    """The exit code after SIGTERM or SIGHUP ended the program: 128 + the signal, as a shell reports it."""
    return 128 + number


class Problem(Record):
    """One located finding: ``file:line:col: key: message``.

    ``kind`` says what a command does about it: ``unreadable`` (no such file, not UTF-8,
    not TOML) is bad input, exit 2; ``invalid`` (a wrong value, an unknown key) is a
    finding of ``triage check``, exit 1, and bad input everywhere else. ``municipality``
    and ``rule`` name what a finding of the proof is about, where it is about one.
    """

    file: str
    key: str
    message: str
    line: int | None = None
    column: int | None = None
    kind: ProblemKind = "invalid"
    municipality: str | None = None
    rule: str | None = None

    def to_json(self) -> dict[str, str | int | None]:
        """The contract's finding object: ``municipality`` and ``rule`` only where there is one."""
        out: dict[str, str | int | None] = {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "key": self.key,
            "message": self.message,
        }
        if self.municipality is not None:
            out["municipality"] = self.municipality
        if self.rule is not None:
            out["rule"] = self.rule
        return out

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        key = self.key
        if self.rule is not None and f"'{self.rule}'" not in self.message:
            key = f"{key} (rule '{self.rule}')" if key else f"rule '{self.rule}'"
        key = f" {key}:" if key else ""
        return _one_line(f"{where}:{key} {self.message}")


def _one_line(text: str) -> str:
    """A message is one line whatever a file held: control characters are shown escaped."""
    from triage.rules.printable import printable

    return printable(text)


class TriageError(Exception):
    """Bad input of any kind. Carries every problem found; ``str`` is the first one."""

    exit_code: ClassVar[Exit] = Exit.BAD_INPUT

    def __init__(self, problems: list[Problem] | Problem) -> None:
        self.problems: list[Problem] = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__(str(self.problems[0]) if self.problems else "unknown problem")


class DataError(TriageError):
    """The data files (flows/, municipalities.toml) are unreadable or inconsistent."""


class AnswersError(TriageError):
    """An answers file is unreadable, or an answer is missing, unknown or of the wrong kind."""


def suggestion(word: str, candidates: Iterable[str], lang: Literal["da", "en"] = "en") -> str:
    """`` (did you mean 'x'?)`` or nothing: a typo should cost the reader one glance."""
    import difflib  # only when something is wrong

    close = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    if not close:
        return ""
    return f" (mente du '{close[0]}'?)" if lang == "da" else f" (did you mean '{close[0]}'?)"
