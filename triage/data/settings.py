"""The one thing triage writes without being asked: the municipality chosen last.

It is only a preselection for the next call, so a missing, unreadable or unknown value
is silently ignored. No answers, dates or anything about a caller ever go here.

The file is read with a small bound, without following a link and without waiting (a
FIFO or ``/dev/zero`` planted there costs nothing), and written atomically, 0600, by
replacing it (a link there is replaced, never written through).
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from triage.data.files import PRIVATE, private_dir, read_bounded, write_atomic

_ID = re.compile(r"[a-z0-9_-]{1,40}")
_MAX_BYTES = 256  # an ID is at most 40 characters


def settings_file() -> Path:
    from platformdirs import user_config_path

    return user_config_path("triage", appauthor=False) / "last-municipality"


def last_municipality(path: Path | None = None) -> str | None:
    """The municipality ID chosen last, or None."""
    try:
        value = read_bounded(path or settings_file(), _MAX_BYTES, settings=True).decode("utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return value if _ID.fullmatch(value) else None


def _kept_as_is(target: Path, municipality: str) -> bool:
    """The file already says ``municipality`` and is a private regular file: nothing to write."""
    try:
        st = os.lstat(target)
    except OSError:
        return False
    private = stat.S_ISREG(st.st_mode) and stat.S_IMODE(st.st_mode) == PRIVATE
    return private and last_municipality(target) == municipality


def remember_municipality(municipality: str, path: Path | None = None) -> None:
    """Store ``municipality`` for next time (mode 0600); a failure only costs the preselection."""
    target = path or settings_file()
    if not _ID.fullmatch(municipality) or _kept_as_is(target, municipality):
        return
    try:
        private_dir(target.parent)
        write_atomic(target, (municipality + "\n").encode("utf-8"), overwrite=True)
    except OSError:
        return
