"""The one thing triage writes without being asked: the municipality chosen last.

It is only a preselection for the next call, so a missing, unreadable or unknown value
is silently ignored. No answers, dates or anything about a caller ever go here.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

_ID = re.compile(r"[a-z0-9_-]{1,40}")


def settings_file() -> Path:
    from platformdirs import user_config_path

    return user_config_path("triage", appauthor=False) / "last-municipality"


def last_municipality(path: Path | None = None) -> str | None:
    """The municipality ID chosen last, or None."""
    try:
        value = (path or settings_file()).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return value if _ID.fullmatch(value) else None


def remember_municipality(municipality: str, path: Path | None = None) -> None:
    """Store ``municipality`` for next time (mode 0600); a failure only costs the preselection."""
    target = path or settings_file()
    if last_municipality(target) == municipality or not _ID.fullmatch(municipality):
        return
    try:
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(municipality + "\n")
    except OSError:
        return
