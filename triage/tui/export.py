"""Write the summary where the counsellor chose: readable by them alone, never over a file unasked."""

from __future__ import annotations

import os
from pathlib import Path


def write_private(path: Path, text: str, *, overwrite: bool) -> None:
    """Write ``text`` to ``path`` with mode 0600; FileExistsError unless ``overwrite``.

    An existing file keeps its inode but gets mode 0600 too, so an overwrite never leaves
    the summary readable by others.
    """
    flags = os.O_WRONLY | os.O_CREAT | (os.O_TRUNC if overwrite else os.O_EXCL)
    fd = os.open(path, flags, 0o600)
    try:
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            fd = -1
            out.write(text)
    finally:
        if fd != -1:
            os.close(fd)
