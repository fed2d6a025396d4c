"""What triage writes without being asked: the municipality chosen last, and the folder a
summary was saved in last (line 1 and line 2 of one file).

Both are only a preselection for the next time, so a missing, unreadable or unknown value
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
_MAX_BYTES = 4352  # an ID is at most 40 characters, a folder at most PATH_MAX (4096) bytes


def settings_file() -> Path:
    from platformdirs import user_config_path

    return user_config_path("triage", appauthor=False) / "last-municipality"


def _lines(path: Path | None) -> list[str]:
    try:
        text = read_bounded(path or settings_file(), _MAX_BYTES, settings=True).decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return []
    return text.split("\n")


def last_municipality(path: Path | None = None) -> str | None:
    """The municipality ID chosen last, or None."""
    lines = _lines(path)
    value = lines[0].strip() if lines else ""
    return value if _ID.fullmatch(value) else None


def last_folder(path: Path | None = None) -> Path | None:
    """The folder a summary was saved in last, if it is still a folder."""
    lines = _lines(path)
    folder = Path(lines[1]) if len(lines) > 1 and lines[1].startswith("/") and "\0" not in lines[1] else None
    return folder if folder is not None and folder.is_dir() else None


def _write(target: Path, municipality: str | None, folder: Path | None) -> None:
    """Both lines, atomically and 0600; a failure only costs the preselection."""
    text = (municipality or "") + "\n" + (f"{folder}\n" if folder is not None else "")
    if "\n".join(_lines(target)) == text and _private(target):
        return  # already says so: nothing to write
    try:
        private_dir(target.parent)
        write_atomic(target, text.encode("utf-8"), overwrite=True)
    except OSError:
        return


def _private(target: Path) -> bool:
    try:
        st = os.lstat(target)
    except OSError:
        return False
    return stat.S_ISREG(st.st_mode) and stat.S_IMODE(st.st_mode) == PRIVATE


def remember_municipality(municipality: str, path: Path | None = None) -> None:
    """Store ``municipality`` for next time (mode 0600), keeping the folder."""
    target = path or settings_file()
    if not _ID.fullmatch(municipality):
        return
    _write(target, municipality, last_folder(target))


def remember_folder(folder: Path, path: Path | None = None) -> None:
    """Store the folder a summary was saved in, keeping the municipality."""
    target = path or settings_file()
    folder = folder.resolve()
    if "\n" in str(folder) or "\0" in str(folder):
        return
    _write(target, last_municipality(target), folder)
