"""Where the data lives: ``--data DIR``, the source checkout, or the copy inside the wheel."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent  # the triage package

# The files of a data folder, relative to it.
FLOW_FILE = "flows/intake.toml"
LAW_FILE = "flows/law.toml"
MUNICIPALITIES_FILE = "municipalities.toml"
DATA_FILES = (FLOW_FILE, LAW_FILE, MUNICIPALITIES_FILE)
MAX_DATA_BYTES = 16 * 1024 * 1024  # the shipped files are under 100 KB; 98 municipalities about 1.2 MB


def default_data_dir() -> Path:
    """The shipped data: the repository's top level when run from a checkout, else the wheel's copy.

    A checkout wins so that a maintainer's edit to ``municipalities.toml`` is what runs,
    even with an editable install (which also carries a stale copy in ``_data``).
    """
    checkout = _PACKAGE.parent
    if (checkout / "municipalities.toml").is_file() and (checkout / "flows").is_dir():
        return checkout
    return _PACKAGE / "_data"
