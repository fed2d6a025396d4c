"""One error type for everything a user can get wrong, so the CLI can print one line and exit 2.

Data maintainers and counsellors fix files, not Python: every problem names the file,
the line and column where known, and the key path, in that order.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from triage.rules.record import Record

ProblemKind = Literal["invalid", "unreadable"]


class Problem(Record):
    """One located finding: ``file:line:col: key: message``.

    ``kind`` says what a command does about it: ``unreadable`` (no such file, not UTF-8,
    not TOML) is bad input, exit 2; ``invalid`` (a wrong value, an unknown key) is a
    finding of ``triage check``, exit 1, and bad input everywhere else.
    """

    file: str
    key: str
    message: str
    line: int | None = None
    column: int | None = None
    kind: ProblemKind = "invalid"

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        key = f" {self.key}:" if self.key else ""
        return _one_line(f"{where}:{key} {self.message}")


def _one_line(text: str) -> str:
    """A message is one line whatever a file held: control characters are shown escaped."""
    from triage.rules.printable import printable

    return printable(text)


class TriageError(Exception):
    """Bad input of any kind. Carries every problem found; ``str`` is the first one."""

    def __init__(self, problems: list[Problem] | Problem) -> None:
        self.problems: list[Problem] = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__(str(self.problems[0]) if self.problems else "unknown problem")


class DataError(TriageError):
    """The data files (flows/, municipalities.toml) are unreadable or inconsistent."""


class AnswersError(TriageError):
    """An answers file is unreadable, or an answer is missing, unknown or of the wrong kind."""


def suggestion(word: str, candidates: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` or nothing: a typo should cost the reader one glance."""
    import difflib  # only when something is wrong

    close = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""
