"""Compiled knowledge: the loaded data kept beside Python's own bytecode, like a ``.pyc``.

Parsing and validating the TOML files is most of what ``triage recommend`` costs, and the
files rarely change. So the finished ``Knowledge`` is stored once in the package's
``__pycache__`` and reused while the data files, the code that builds ``Knowledge`` and the
Python version are unchanged. The rules for it are Python's own for ``.pyc``: a file counts
as unchanged while its modification time and size are, it goes where the package's ``.pyc``
files go (``__pycache__``, or under ``PYTHONPYCACHEPREFIX``), nothing is written under
``PYTHONDONTWRITEBYTECODE``, a folder we may not write to is simply not used, and a stale or
broken file is rebuilt from the source.

What is stored is the public rule data only, never an answer: one compiled copy per data
folder, written nowhere but next to triage's own bytecode.
"""

from __future__ import annotations

import pickle
import sys
import zlib
from importlib.util import cache_from_source
from pathlib import Path

from triage import __version__
from triage.data.paths import DATA_FILES
from triage.rules.model import Knowledge

_PACKAGE = Path(__file__).resolve().parent.parent  # the triage package
# Where Python keeps this package's bytecode: `__pycache__`, or under PYTHONPYCACHEPREFIX.
CACHE_DIR = Path(cache_from_source(__file__)).parent
# The modules whose code decides what a loaded ``Knowledge`` holds.
_BUILDERS = (
    "rules/model.py",
    "rules/record.py",
    "rules/conditions.py",
    "data/loader.py",
    "data/schema.py",
    "data/compiled.py",
)


Stamp = tuple[object, ...]


def stamp(root: Path) -> Stamp | None:
    """What the compiled copy must match: code and data files by time and size, like a ``.pyc``."""
    try:
        files = [_PACKAGE / name for name in _BUILDERS] + [root / name for name in DATA_FILES]
        return (__version__, sys.version, str(root.resolve()), *((str(f), *mtime_size(f)) for f in files))
    except OSError:
        return None


def mtime_size(path: Path) -> tuple[int, int]:
    st = path.stat()
    return st.st_mtime_ns, st.st_size


def cache_path(root: Path) -> Path:
    """One compiled copy per data folder, named after the folder."""
    return CACHE_DIR / f"knowledge-{zlib.crc32(str(root.resolve()).encode()):08x}.pickle"


def load(root: Path) -> Knowledge:
    """The data in ``root``, from the compiled copy when it is current, else loaded and stored.

    Any problem with the data is reported by ``triage.data.loader.load`` exactly as without a
    cache: a compiled copy exists only for data that loaded cleanly.
    """
    current = stamp(root)
    path = cache_path(root)
    if current is not None:
        found = fetch(path, current)
        if isinstance(found, Knowledge):
            return found
    from triage.data.loader import load as load_source

    knowledge = load_source(root)
    if current is not None:
        keep(path, current, knowledge)
    return knowledge


def fetch(path: Path, current: Stamp) -> object | None:
    """What ``keep`` stored at ``path`` under the stamp ``current``, or None."""
    try:
        with path.open("rb") as fh:
            stored, found = pickle.load(fh)
    except FileNotFoundError:
        return None
    except Exception:  # a damaged or foreign file is rebuilt from the source, never trusted
        return None
    return found if stored == current else None


def keep(path: Path, current: Stamp, value: object) -> bool:
    """Store ``value`` under the stamp ``current`` atomically; True if it was written.

    Silently skipped where Python would not write bytecode, or may not write at all.
    """
    if sys.dont_write_bytecode:
        return False
    try:  # in memory first: data too deep to pickle (a condition of a few hundred `not`s) is no error
        blob = pickle.dumps((current, value), protocol=pickle.HIGHEST_PROTOCOL)
    except (RecursionError, pickle.PicklingError, TypeError, AttributeError):
        return False
    from triage.data.files import write_atomic

    try:
        path.parent.mkdir(exist_ok=True)
        write_atomic(path, blob, overwrite=True, mode=0o644)  # no temporary file survives a failure
    except OSError:
        return False
    return True
