"""Saving loses nothing (issue 12, items 3-5): a summary, the remembered municipality and the
training database are written whole or not at all, privately, never through a link."""

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
from triage.data.settings import last_municipality, remember_municipality
from triage.output.export import write_private

OLD = b"# the counsellor's earlier case\n" * 3
NEW = "# Anbefaling: Holb\u00e6k\n" + "linje med \u00e6\u00f8\u00e5\n" * 20_000  # about 400 KB


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


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


# --- fault injection: a write that fails half-way -------------------------------------------


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


def test_a_patched_write_that_fails_half_way_leaves_the_old_file_and_no_stray_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "case.md"
    target.write_bytes(OLD)
    real_write, calls = os.write, []

    def failing(fd: int, data: bytes) -> int:
        calls.append(fd)
        if len(calls) > 1:
            raise OSError(28, "No space left on device")
        return real_write(fd, bytes(data)[:1000])

    monkeypatch.setattr(os, "write", failing)
    with pytest.raises(OSError, match="No space left"):
        write_private(target, NEW, overwrite=True)
    monkeypatch.undo()
    assert len(calls) == 2
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


def test_a_target_that_is_a_link_is_replaced_not_written_through(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_bytes(OLD)
    link = tmp_path / "case.md"
    link.symlink_to(elsewhere)
    with pytest.raises(FileExistsError):
        write_private(link, NEW)
    write_private(link, NEW, overwrite=True)
    assert elsewhere.read_bytes() == OLD
    assert not link.is_symlink() and link.read_text(encoding="utf-8") == NEW


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


# --- the remembered municipality --------------------------------------------------------------


def test_the_remembered_municipality_never_writes_through_a_link(tmp_path: Path) -> None:
    victim = tmp_path / "victim"
    victim.write_bytes(OLD)
    setting = tmp_path / "config" / "last-municipality"
    setting.parent.mkdir()
    setting.symlink_to(victim)
    remember_municipality("holbaek", setting)
    assert victim.read_bytes() == OLD
    assert not setting.is_symlink() and setting.read_text(encoding="utf-8") == "holbaek\n"
    assert stat.S_IMODE(setting.stat().st_mode) == 0o600


def test_the_remembered_municipality_becomes_private_even_when_unchanged(tmp_path: Path) -> None:
    setting = tmp_path / "last-municipality"
    setting.write_text("holbaek\n", encoding="utf-8")
    setting.chmod(0o644)
    remember_municipality("holbaek", setting)
    assert stat.S_IMODE(setting.stat().st_mode) == 0o600
    assert last_municipality(setting) == "holbaek"


def test_the_remembered_municipality_is_read_with_a_size_bound(tmp_path: Path) -> None:
    setting = tmp_path / "last-municipality"
    setting.write_bytes(b"holbaek" + b" " * (2 * 1024 * 1024))  # a valid ID, then 2 MB of blanks
    assert last_municipality(setting) is None
    assert listing(tmp_path) == ["last-municipality"]


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


# --- the training database ----------------------------------------------------------------------


def test_the_training_database_and_its_folder_are_private(tmp_path: Path, knowledge: object) -> None:
    from triage.training import progress

    db = tmp_path / "share" / "triage" / "training.sqlite3"
    old = os.umask(0o022)
    try:
        with progress._connect(db):
            pass
    finally:
        os.umask(old)
    assert stat.S_IMODE(db.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(db.stat().st_mode) == 0o600
