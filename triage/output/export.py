"""Writing a summary to disk: the one place where triage writes health data, and only when asked.

The file is created readable by its owner only (0600), and an existing file is never
replaced unless the caller says the counsellor confirmed it. The write is atomic
(``triage.data.files.write_atomic``): a failure half-way keeps the old file as it was.
"""

from __future__ import annotations

import datetime
import errno
from pathlib import Path

from triage.data.files import PRIVATE, existing_target, write_atomic
from triage.rules.printable import printable

__all__ = [
    "PRIVATE",
    "existing_target",
    "export_name",
    "free_name",
    "in_git_checkout",
    "shown",
    "typed_path",
    "working_folder",
    "write_private",
]


def free_name(path: Path) -> Path:
    """``path``, or the first of ``name-2.md``, ``name-3.md`` … that does not exist yet."""
    if not path.exists():
        return path
    n = 2
    while (candidate := path.with_name(f"{path.stem}-{n}{path.suffix}")).exists():
        n += 1
    return candidate


def in_git_checkout(folder: Path) -> bool:
    """Whether ``folder`` is inside a git working tree (a ``.git`` in it or above it)."""
    folder = folder.resolve()
    return any((p / ".git").exists() for p in (folder, *folder.parents))


def write_private(path: Path, text: str, *, overwrite: bool = False) -> Path:
    """Write ``text`` to ``path`` with mode 0600; raises ``FileExistsError`` unless ``overwrite``,
    and ``OSError`` for a folder, a FIFO or a device (see ``existing_target``)."""
    write_atomic(path, text.encode("utf-8"), overwrite=overwrite)
    return path


def shown(path: Path) -> str:
    """``path`` as it can be printed: a control character pasted into a file name (a NUL, an ESC)
    is shown escaped (``\\x00``), never sent to the terminal."""
    return printable(str(path))


def working_folder() -> Path:
    """Where a summary is offered: the working folder, or home when it was deleted meanwhile
    (``Path.cwd()`` raises then, and the call would be lost at the save step)."""
    try:
        return Path.cwd()
    except OSError:
        return Path.home()


def typed_path(text: str) -> Path:
    """The path the counsellor typed, ``~`` expanded; ``OSError`` for ``~nosuchuser`` (which
    ``expanduser`` reports as a ``RuntimeError``)."""
    try:
        return Path(text).expanduser()
    except RuntimeError:
        raise OSError(errno.ENOENT, "no such user", text) from None


def export_name(municipality: str, contact_date: datetime.date) -> str:
    """The file name offered for a saved summary: nothing identifying, just place and day."""
    return f"triage-{municipality}-{contact_date.isoformat()}.md"
