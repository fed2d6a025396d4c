"""Standard output as the shell hands it over: maybe in an encoding without æøå, maybe a pipe
that its reader closes early (``triage recommend … | head``). Neither is worth a traceback.

Where the encoding cannot hold a character (``PYTHONIOENCODING=ascii``, a C locale without
UTF-8 coercion), it is written the Danish way (æ → ae, ø → oe, å → aa) or as its plain
letter, so the text stays readable and on its lines; JSON asks ``json.dumps`` for ``\\uXXXX``
escapes instead (``ascii_only``), which lose nothing.
"""

from __future__ import annotations

import codecs
import io
import sys
import unicodedata
from typing import Any, TextIO

from rich.console import Console

HANDLER = "triage-plain"
_SAMPLE = "æøåÆØÅ–«»§→"
_PLAIN = {
    "æ": "ae",
    "ø": "oe",
    "å": "aa",
    "Æ": "Ae",
    "Ø": "Oe",
    "Å": "Aa",
    "ß": "ss",
    "–": "-",
    "—": "-",
    "«": '"',
    "»": '"',
    "“": '"',
    "”": '"',
    "„": '"',
    "‘": "'",
    "’": "'",
    "…": "...",
    "§": "par.",
    "→": "->",
    "↳": "->",
    "↑": "^",
    "↓": "v",
    "·": ".",
    "⚠": "!",
    "•": "*",
    "●": "*",
    "○": "o",
    "✓": "v",
    "✗": "x",
}


def _plain(err: UnicodeError) -> tuple[str, int]:
    if not isinstance(err, UnicodeEncodeError):
        raise err
    out = []
    for ch in err.object[err.start : err.end]:
        sub = _PLAIN.get(ch)
        if sub is None:
            sub = unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode("ascii") or "?"
        out.append(sub)
    return "".join(out), err.end


codecs.register_error(HANDLER, _plain)


def ascii_only(stream: TextIO | None = None) -> bool:
    """Whether ``stream`` (stdout) cannot hold the Danish letters."""
    encoding = getattr(stream or sys.stdout, "encoding", None) or "ascii"
    try:
        _SAMPLE.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return True
    return False


def make_tolerant() -> None:
    """Let stdout and stderr write what their encoding cannot hold in plain letters."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and ascii_only(stream):
            stream.reconfigure(errors=HANDLER)


def console(**kwargs: Any) -> Console:
    """A Rich console for the command line whose closed pipe ends the command like ``print``'s."""
    return _Console(**kwargs)


class _Console(Console):
    def on_broken_pipe(self) -> None:
        """Rich exits with 1 here (its documented hook); hand it to ``triage.cli.main`` instead,
        which ends every command the same way on a closed pipe."""
        self.quiet = True
        raise BrokenPipeError(32, "Broken pipe")
