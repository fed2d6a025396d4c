"""Writing a summary to disk: the one place where triage writes health data, and only when asked.

The file is created readable by its owner only (0600), and an existing file is never
replaced unless the caller says the counsellor confirmed it.
"""

from __future__ import annotations

import os
from pathlib import Path

PRIVATE = 0o600


def write_private(path: Path, text: str, *, overwrite: bool = False) -> Path:
    """Write ``text`` to ``path`` with mode 0600; raises ``FileExistsError`` unless ``overwrite``."""
    flags = os.O_WRONLY | os.O_CREAT | (os.O_TRUNC if overwrite else os.O_EXCL)
    fd = os.open(path, flags, PRIVATE)
    try:
        os.fchmod(fd, PRIVATE)  # an overwritten file would otherwise keep its old mode
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            fd = -1
            out.write(text)
    finally:
        if fd != -1:
            os.close(fd)
    return path
