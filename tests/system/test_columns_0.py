"""Issue 22, point 13: COLUMNS=0 in a real process (Rich took it as a width of 0: nothing printed, exit 0)."""

from __future__ import annotations

import os

import pytest

from tests.conftest import ROOT
from tests.unit.test_faults_round3 import EXAMPLE


@pytest.mark.parametrize(
    "args",
    [["recommend", "--answers", str(EXAMPLE), "--format", "text"], ["check"], ["scenarios", "list"]],
    ids=["recommend-text", "check", "scenarios-list"],
)
def test_columns_0_is_ignored(args: list[str]) -> None:
    """Rich took COLUMNS=0 as a width of 0: nothing printed, exit 0."""
    import subprocess
    import sys

    env = {**os.environ, "COLUMNS": "0", "LINES": "0", "PYTHONDONTWRITEBYTECODE": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "triage", *args], capture_output=True, text=True, env=env, cwd=ROOT, check=False
    )
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) > 3 and max(map(len, result.stdout.splitlines())) > 20
