"""Saving loses nothing (issue 12, items 3-5): a summary, the remembered municipality and the
training database are written whole or not at all, privately, never through a link."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from triage.data.settings import last_municipality, remember_municipality
from triage.output.export import write_private

OLD = b"# the counsellor's earlier case\n" * 3
NEW = "# Anbefaling: Holb\u00e6k\n" + "linje med \u00e6\u00f8\u00e5\n" * 20_000  # about 400 KB


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# --- fault injection: a write that fails half-way -------------------------------------------


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
