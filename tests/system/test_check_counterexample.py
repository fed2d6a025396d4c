"""`triage check`'s counterexample, fed to a real `triage recommend` process, gives the same gap."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT
from tests.unit.test_check import M, broken, run_check


def test_gap_without_a_level_and_its_counterexample(tmp_path: Path) -> None:
    folder = broken(tmp_path, M, 'when = "age >= 18 and wants_treatment"', 'when = "age >= 19 and wants_treatment"')
    code, _out, err = run_check(folder)
    assert code == 1
    assert f"{M}:1:1: testby: no service level applies" in err.splitlines()
    example = err.split("(triage recommend --answers -):\n", 1)[1].split("\n\n", 1)[0] + "\n"
    assert "age = 18" in example and example.startswith('municipality = "testby"')
    proc = subprocess.run(
        [sys.executable, "-m", "triage", "recommend", "--data", str(folder), "--answers", "-"],
        input=example,
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert proc.returncode == 2
    assert proc.stderr.strip() == "municipalities.toml: testby.rules: no service level rule applies to these answers"
