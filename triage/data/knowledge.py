"""The one way every command and front end loads a data folder."""

from __future__ import annotations

from pathlib import Path

from triage.data.compiled import load
from triage.data.paths import default_data_dir
from triage.rules.model import Knowledge


def load_knowledge(data: str | Path | None) -> Knowledge:
    """The knowledge of ``data`` (a folder), or of the shipped data when it is None.

    Raises ``DataError`` with every problem found, each with its ``kind``.
    """
    return load(Path(data) if data else default_data_dir())
