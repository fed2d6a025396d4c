"""Reading and writing the few files triage touches, so that nothing is lost and nothing hangs.

Writing (a saved summary, the remembered municipality): the new content goes to a
temporary file in the target's own folder, created 0600, is written whole and
``fsync``ed, and only then renamed over the target. A disk full, a file-size limit, an
error or a signal half-way therefore leaves the old file byte-identical and no stray
file; a symbolic link at the target is replaced, never written through; a folder, a FIFO
or a device is refused before anything is opened (opening a FIFO would hang).

Reading (answers files, data files, the remembered municipality): at most a given number
of bytes, so ``/dev/zero`` or a multi-gigabyte file cannot exhaust memory, and a FIFO
never blocks the start.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import stat
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

PRIVATE = 0o600
PRIVATE_DIR = 0o700
# Signals that would otherwise end the process in the middle of a write, leaving the
# temporary file behind; they are held for the few milliseconds of the write, then delivered.
_HELD = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGINT") if hasattr(signal, name))


class TooLarge(OSError):
    """A file (or stdin) holds more than the bound it is read with."""

    def __init__(self, name: str, limit: int) -> None:
        super().__init__(errno.EFBIG, f"more than {_size(limit)}", name)
        self.limit = limit


def _size(n: int) -> str:
    return f"{n // (1024 * 1024)} MB" if n >= 1024 * 1024 else f"{n // 1024} KB" if n >= 1024 else f"{n} bytes"


def _no_nul(path: Path) -> None:
    if "\0" in str(path):
        raise OSError(errno.EINVAL, "the file name contains a NUL character", str(path).replace("\0", "\\0"))


def existing_target(path: Path) -> bool:
    """Whether saving to ``path`` would replace something: False when free, True for a file
    (or a link, which is replaced, not followed); ``OSError`` for anything that cannot be a
    target (a folder, a FIFO, a device, a NUL in the name), so that no "overwrite?" is offered."""
    _no_nul(path)
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return False
    if stat.S_ISDIR(st.st_mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    if not (stat.S_ISREG(st.st_mode) or stat.S_ISLNK(st.st_mode)):
        raise OSError(errno.EINVAL, "not a regular file", str(path))
    return True


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Hold SIGTERM, SIGHUP and SIGINT while the body runs, then deliver what arrived.

    Only the main thread may set handlers; elsewhere the body runs unprotected (an
    interrupted write still leaves the old file whole, only the temporary file remains).
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    arrived: list[int] = []
    previous = {sig: signal.getsignal(sig) for sig in _HELD}
    for sig in _HELD:
        signal.signal(sig, lambda number, _frame: arrived.append(number))
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler if handler is not None else signal.SIG_DFL)
        for sig in dict.fromkeys(arrived):
            signal.raise_signal(sig)


def write_atomic(path: Path, data: bytes, *, overwrite: bool = False, mode: int = PRIVATE) -> None:
    """Put ``data`` at ``path`` all at once, with ``mode`` from the first byte on.

    Raises ``FileExistsError`` when something is there and ``overwrite`` is false, and
    ``OSError`` for a target that is not a regular file or link (see ``existing_target``)
    or when the write fails; in every failing case the old file is untouched and the
    temporary file is gone.
    """
    if existing_target(path) and not overwrite:
        raise FileExistsError(errno.EEXIST, "exists", str(path))
    folder = path.parent
    with _signals_held():
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)  # 0600, O_EXCL
        try:
            try:
                if mode != PRIVATE:
                    os.fchmod(fd, mode)
                view = memoryview(data)
                while view:
                    view = view[os.write(fd, view) :]
                os.fsync(fd)
            finally:
                os.close(fd)
            if overwrite:
                os.replace(tmp, path)
            else:
                _link_new(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        _sync_folder(folder)


def _link_new(tmp: str, path: Path) -> None:
    """Give the finished temporary file its name unless the name was taken meanwhile."""
    try:
        os.link(tmp, path)  # fails with EEXIST rather than replace a file created since the check
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links: the check above has to do
        if os.path.lexists(path):
            raise FileExistsError(errno.EEXIST, "exists", str(path)) from None
        os.replace(tmp, path)
        return
    os.unlink(tmp)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable; a folder that cannot be opened or synced is no error."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def private_dir(path: Path) -> Path:
    """Create ``path`` (and missing parents) readable by the owner only; an existing folder is kept."""
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
    return path


def read_bounded(path: Path, limit: int, *, settings: bool = False, regular: bool = False) -> bytes:
    """At most ``limit`` bytes of ``path``; ``TooLarge`` beyond it, so ``/dev/zero`` or a huge
    file costs at most ``limit``. A pipe (``--answers <(...)``) is read like a file.

    ``regular``: it must be a regular file (a data file): opened without waiting, so a FIFO
    is refused instead of hanging ``check`` and ``diff``.
    ``settings``: a file triage keeps for itself: also regular, and not a link either.
    """
    _no_nul(path)
    flags = os.O_RDONLY | getattr(os, "O_CLOEXEC", 0)
    if settings or regular:
        flags |= getattr(os, "O_NONBLOCK", 0)
    if settings:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags)
    with os.fdopen(fd, "rb") as file:
        st = os.fstat(file.fileno())
        if stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        if (settings or regular) and not stat.S_ISREG(st.st_mode):
            raise OSError(errno.EINVAL, "not a regular file", str(path))
        return read_stream(file, limit, str(path))


def read_stream(stream: BinaryIO, limit: int, name: str) -> bytes:
    """At most ``limit`` bytes of a stream such as stdin; ``TooLarge`` as soon as there are more."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(name, limit)
    return data
