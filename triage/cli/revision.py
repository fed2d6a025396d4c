"""OLD of ``triage diff`` as a git revision: its data files copied out of git, nothing checked out.

What an unlucky or hostile setting did before, and what is done now:

- a 3 GB blob was read whole (6 GB of memory) before the 16 MB limit: the size is asked first
  (``git cat-file -s``) and at most the limit is ever read;
- a non-UTF-8 blob was decoded with replacement characters (thousands of false changes): the
  bytes are copied as they are, and the loader reports "not UTF-8" with the file and line;
- ``GIT_DIR``/``GIT_WORK_TREE`` in the environment pointed git at another repository: every
  ``GIT_*`` variable is left out of git's environment;
- git's "dubious ownership" refusal was misread as "not in a git work tree": it is said as such;
- ``triage diff ''`` compared the current folder: an empty OLD is refused;
- a full ``TMPDIR``, SIGTERM or a ``MemoryError`` left a traceback and the temporary folder: the
  folder is removed on every way out, and a failure is one line, exit 2.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

from triage.data.paths import DATA_FILES, MAX_DATA_BYTES
from triage.rules.errors import DataError, Problem, after_signal
from triage.rules.printable import excerpt


def _refuse(name: str, message: str) -> DataError:
    return DataError(Problem(name, "", message, kind="unreadable"))


@contextmanager
def old_data(old: str, new_root: Path) -> Iterator[tuple[Path, str]]:
    """OLD as a folder: a folder as it is, a git revision as its data files in a temporary folder."""
    if not old.strip():
        raise _refuse("OLD", "empty: give a data folder or a git revision (e.g. HEAD~1)")
    if Path(old).is_dir():
        yield Path(old), old
        return
    shown = excerpt(old)
    if old.startswith("-"):
        raise _refuse(shown, "neither a data folder nor a git revision")
    top = _top_level(old, new_root)
    prefix = new_root.resolve().relative_to(top)
    with _ended_by_sigterm():
        try:
            tmp = Path(tempfile.mkdtemp(prefix="triage-diff-"))
        except OSError as err:  # TMPDIR missing or not writable
            raise _refuse(shown, f"cannot make a temporary folder ({err.strerror or err})") from None
        try:
            try:
                for name in DATA_FILES:
                    _copy_blob(top, old, (prefix / name).as_posix(), tmp / name)
            except MemoryError:
                raise _refuse(shown, "out of memory while reading the revision") from None
            except OSError as err:  # TMPDIR full
                message = f"cannot copy the revision to a temporary folder ({err.strerror or err})"
                raise _refuse(shown, message) from None
            yield tmp, old
        finally:
            shutil.rmtree(tmp, ignore_errors=True)


def _top_level(old: str, new_root: Path) -> Path:
    done = _git(new_root, "rev-parse", "--show-toplevel")
    if done is None or done.returncode != 0:
        error = done.stderr.decode("utf-8", "replace") if done is not None else ""
        if "dubious ownership" in error:
            message = (
                f"git refuses the repository of {new_root}: it belongs to another user (dubious ownership;"
                " see git config safe.directory)"
            )
        else:
            message = f"no such folder, and {new_root} is not in a git work tree, so it cannot be a git revision"
        raise _refuse(excerpt(old), message)
    return Path(os.fsdecode(done.stdout.rstrip(b"\n"))).resolve()


def _copy_blob(top: Path, old: str, path: str, target: Path) -> None:
    name = f"{excerpt(old)}:{path}"
    spec = f"{old}:{path}"
    size = _git(top, "cat-file", "-s", spec)
    if size is None or size.returncode != 0:
        raise _refuse(name, "not in git (no such revision, or no such file there)")
    if int(size.stdout.strip() or 0) > MAX_DATA_BYTES:
        raise _refuse(name, f"file is too large (a data file is at most {MAX_DATA_BYTES // (1024 * 1024)} MB)")
    blob = _git(top, "cat-file", "blob", spec, limit=MAX_DATA_BYTES)
    if blob is None or blob.returncode != 0:
        raise _refuse(name, "not in git (no such revision, or no such file there)")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(blob.stdout)  # as it is: the loader says whether it is UTF-8 TOML


def git_environment() -> dict[str, str]:
    """The environment without ``GIT_*``: git finds the repository from the folder alone."""
    return {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}


def _git(cwd: Path, *args: str, limit: int | None = None) -> subprocess.CompletedProcess[bytes] | None:
    """``git -C cwd args``; at most ``limit`` bytes of its output are read (None: no git)."""
    command = ["git", "-C", str(cwd), *args]
    try:
        with subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=git_environment()
        ) as proc:
            assert proc.stdout is not None and proc.stderr is not None
            out = proc.stdout.read(limit + 1) if limit is not None else proc.stdout.read()
            if limit is not None and len(out) > limit:
                proc.kill()
                raise _refuse(args[-1], f"file is too large (a data file is at most {limit // (1024 * 1024)} MB)")
            err = proc.stderr.read(64 * 1024)
            code = proc.wait()
    except OSError:
        return None
    return subprocess.CompletedProcess(command, code, out, err)


@contextmanager
def _ended_by_sigterm() -> Iterator[None]:
    """SIGTERM while the revision is read ends the command through the normal way out
    (``SystemExit``), so the temporary folder is removed."""

    def ending(number: int, _frame: FrameType | None) -> None:
        raise SystemExit(after_signal(number))

    try:
        previous = signal.signal(signal.SIGTERM, ending)
    except ValueError:  # not the main thread: nothing to change
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
