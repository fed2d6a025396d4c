"""An endless data file (a link to /dev/zero) is refused after the bound, in a real process with little memory."""

from __future__ import annotations

import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT


@pytest.fixture
def data(tmp_path: Path) -> Path:
    shutil.copy(ROOT / "municipalities.toml", tmp_path)
    shutil.copytree(ROOT / "flows", tmp_path / "flows")
    return tmp_path


def _small_memory() -> None:  # an unbounded read would take all memory: keep the child's small
    resource.setrlimit(resource.RLIMIT_AS, (1024**3, 1024**3))


def test_an_endless_data_file_is_refused_after_the_bound(data: Path) -> None:
    law = data / "flows" / "law.toml"
    law.unlink()
    law.symlink_to("/dev/zero")
    result = subprocess.run(
        [sys.executable, "-m", "triage", "--data", str(data), "recommend", "--answers", "-"],
        input=(ROOT / "examples" / "holbaek-youth.toml").read_text(encoding="utf-8"),
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        timeout=60,
        preexec_fn=_small_memory,
        env={"PYTHONDONTWRITEBYTECODE": "1", "PATH": "/usr/bin:/bin"},
    )
    assert (result.returncode, result.stdout) == (2, ""), result.stderr
    # A device is no data file: refused before a byte is read (issue 22: a FIFO hung `check`).
    assert result.stderr == "flows/law.toml: cannot read file (not a regular file)\n"
