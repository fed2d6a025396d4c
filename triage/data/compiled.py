"""Compiled knowledge: the loaded data kept beside Python's own bytecode, like a ``.pyc``.

Parsing and validating the TOML files is most of what ``triage recommend`` costs, and the
files rarely change. So the finished ``Knowledge`` is stored once in the package's
``__pycache__`` and reused while the data files, the code that builds ``Knowledge`` and the
Python version are unchanged. Unchanged means the same bytes: the copy is named after a hash
of the files' content (an edit that keeps the size, with the modification time set back as
archives and sync tools do, is still seen; Python's own mtime-and-size rule for ``.pyc`` was
not enough). The rest is Python's rules for ``.pyc``: it goes where the package's ``.pyc``
files go (``__pycache__``, or under ``PYTHONPYCACHEPREFIX``), nothing is written under
``PYTHONDONTWRITEBYTECODE``, a folder we may not write to is simply not used, and a broken
file is rebuilt from the source. Only the few most recently used copies are kept.

What is stored is the public rule data only, never an answer: one compiled copy per data
folder, written nowhere but next to triage's own bytecode.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
from importlib.util import cache_from_source
from pathlib import Path

from triage import __version__
from triage.data.files import read_bounded
from triage.data.paths import DATA_FILES, MAX_DATA_BYTES
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


Stamp = str
# Copies kept: one per data version recently used (the shipped data, a maintainer's edit, the
# revisions `triage diff` compared); older ones are removed when a new one is written.
KEEP = 8


def stamp(root: Path) -> Stamp | None:
    """What the compiled copy must match: a hash of the code's and the data files' bytes, and of
    the folder's path (``Knowledge.root``: the training scenarios are read from beside the data)."""
    digest = hashlib.sha256(f"{__version__}\0{sys.version}\0".encode())
    try:
        digest.update(os.fsencode(root.resolve()) + b"\0")  # any bytes: a Latin-1 folder name too
        for name in _BUILDERS:
            digest.update(_chunk(name, (_PACKAGE / name).read_bytes()))
        for name in DATA_FILES:
            digest.update(_chunk(name, read_bounded(root / name, MAX_DATA_BYTES, regular=True)))
    except OSError:  # reported by the loader, which reads them again
        return None
    return digest.hexdigest()


def _chunk(name: str, content: bytes) -> bytes:
    return f"{name}\0{len(content)}\0".encode() + content


def cache_path(root: Path) -> Path:
    """The compiled copy of the data in ``root``, named after its content (see ``stamp``)."""
    current = stamp(root)
    return CACHE_DIR / f"knowledge-{current or 'unreadable'}.pickle"


def load(root: Path) -> Knowledge:
    """The data in ``root``, from the compiled copy when it is current, else loaded and stored.

    Any problem with the data is reported by ``triage.data.loader.load`` exactly as without a
    cache: a compiled copy exists only for data that loaded cleanly.
    """
    current = stamp(root)
    path = CACHE_DIR / f"knowledge-{current}.pickle"
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
    if stored != current:
        return None
    if not sys.dont_write_bytecode:  # where nothing is written, not even a time
        with contextlib.suppress(OSError):
            os.utime(path)  # recently used: kept by ``clean``
    value: object = found
    return value


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
    clean(path.parent, KEEP)
    return True


def clean(folder: Path, keep: int) -> None:
    """Remove all but the ``keep`` most recently used compiled copies in ``folder``."""
    try:
        copies = sorted(folder.glob("knowledge-*.pickle"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for old in copies[keep:]:
            old.unlink(missing_ok=True)
    except OSError:  # another process cleaning at the same time, or a folder we may not change
        pass
