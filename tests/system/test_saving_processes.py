"""Saving loses nothing, proved in child processes: a file-size limit, SIGTERM and a FIFO half-way.

The in-process share of issue 12, items 3-5, is in tests/unit/test_saving.py.
"""

from __future__ import annotations

import os
import resource
import signal
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.unit.test_saving import NEW, OLD, listing


def run_child(code: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        **kwargs,  # type: ignore[arg-type]
    )


def test_a_file_size_limit_half_way_leaves_the_old_file_and_no_stray_file(tmp_path: Path) -> None:
    target = tmp_path / "case.md"
    target.write_bytes(OLD)

    def limit() -> None:  # the kernel refuses to grow any file past 64 KB (EFBIG)
        resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))

    child = run_child(
        f"""
        from pathlib import Path
        from tests.unit.test_saving import NEW
        from triage.output.export import write_private
        try:
            write_private(Path({str(target)!r}), NEW, overwrite=True)
        except OSError as err:
            print("failed", err.errno)
        """,
        preexec_fn=limit,
    )
    assert child.stdout.startswith("failed"), child.stderr
    assert target.read_bytes() == OLD
    assert listing(tmp_path) == ["case.md"]


def test_sigterm_during_a_save_leaves_a_whole_file_and_no_stray_file(tmp_path: Path) -> None:
    """SIGTERM arrives just after the file is opened: the save finishes first, then the process ends."""
    target = tmp_path / "case.md"
    target.write_bytes(OLD)
    child = run_child(
        f"""
        import os, signal
        from pathlib import Path
        from tests.unit.test_saving import NEW
        from triage.output.export import write_private
        real_open = os.open
        def open_then_term(*args, **kwargs):
            fd = real_open(*args, **kwargs)
            if "case.md" in str(args[0]):
                os.kill(os.getpid(), signal.SIGTERM)
            return fd
        os.open = open_then_term
        write_private(Path({str(target)!r}), NEW, overwrite=True)
        print("not reached")
        """
    )
    assert child.returncode == -signal.SIGTERM, child.stderr
    assert target.read_text(encoding="utf-8") == NEW
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert listing(tmp_path) == ["case.md"]


@pytest.mark.parametrize("kind", ["folder", "fifo", "nul"])
def test_a_target_that_is_not_a_file_is_refused_without_waiting(tmp_path: Path, kind: str) -> None:
    target = tmp_path / "case.md"
    if kind == "folder":
        target.mkdir()
    elif kind == "fifo":
        os.mkfifo(target)
    else:
        target = tmp_path / "ca\0se.md"
    child = run_child(  # a FIFO opened for writing would wait for a reader for ever: a child, with a timeout
        f"""
        from pathlib import Path
        from triage.output.export import write_private
        try:
            write_private(Path({str(target)!r}), "x", overwrite=True)
        except OSError as err:
            print("refused", err.strerror)
        """,
    )
    assert child.stdout.startswith("refused"), child.stderr
    assert listing(tmp_path) == ([] if kind == "nul" else ["case.md"])


@pytest.mark.parametrize("kind", ["fifo", "dev-zero"])
def test_a_fifo_or_endless_file_as_the_remembered_municipality_is_ignored_at_once(tmp_path: Path, kind: str) -> None:
    setting = tmp_path / "last-municipality"
    if kind == "fifo":
        os.mkfifo(setting)
    else:
        setting.symlink_to("/dev/zero")

    def small_memory() -> None:  # the unbounded read would take all memory; keep the child's small
        resource.setrlimit(resource.RLIMIT_AS, (1024**3, 1024**3))

    child = run_child(
        f"""
        from pathlib import Path
        from triage.data.settings import last_municipality
        print(last_municipality(Path({str(setting)!r})))
        """,
        preexec_fn=small_memory,
    )
    assert child.stdout == "None\n", child.stderr
