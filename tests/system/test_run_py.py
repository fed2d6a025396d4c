"""Issue 22, point 13: `run.py` from a checkout it may not write to: a venv in the user's cache
folder instead of `.venv`, and what cannot be set up is one line and exit 2, not a traceback."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import run


def test_a_read_only_checkout_gets_its_venv_in_the_cache_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    checkout = tmp_path / "share" / "triage"
    checkout.mkdir(parents=True)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if Path(p) == checkout else real_access(p, mode))
    found = run.venv_dir(checkout)
    assert found.parent == tmp_path / "cache" / "triage" and found.name.startswith("venv-")
    assert run.venv_dir(tmp_path) == tmp_path / ".venv"  # a writable checkout keeps .venv


def test_a_venv_that_cannot_be_made_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    venv = blocker / "venv"
    monkeypatch.setattr(run, "VENV", venv)
    monkeypatch.setattr(run, "PYTHON", venv / "bin" / "python")
    monkeypatch.setattr(run, "STAMP", venv / ".triage-installed")
    with pytest.raises(SystemExit) as ended:
        run.ensure_venv()
    assert ended.value.code == 2
    err = capsys.readouterr().err.splitlines()
    assert err[-1].startswith(f"triage: cannot set up {venv}: ") and len(err) == 2
