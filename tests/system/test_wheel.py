"""The shipped data travels inside the wheel: `triage recommend` works from an installed copy."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytest.importorskip("hatchling", reason="building the wheel needs the dev tools (python3 run_tests.py installs them)")


def test_wheel_carries_the_data_and_recommends_from_it(tmp_path: Path) -> None:
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(tmp_path),
            ".",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert build.returncode == 0, build.stderr
    (wheel,) = tmp_path.glob("triage-*.whl")
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        zf.extractall(site)
    for data in ("municipalities.toml", "flows/intake.toml", "flows/law.toml", "flows/scenarios/holbaek.toml"):
        assert f"triage/_data/{data}" in names
    # Run from the unpacked wheel, far from the checkout, so only the wheel's copy can be found.
    env = {**os.environ, "PYTHONPATH": str(site)}
    done = subprocess.run(
        [sys.executable, "-m", "triage", "recommend", "--answers", str(ROOT / "examples" / "holbaek-youth.toml")],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["service_level"] == "youth_outpatient"
    where = subprocess.run(
        [sys.executable, "-c", "import triage.data.paths as p; print(p.default_data_dir())"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert Path(where.stdout.strip()) == site / "triage" / "_data"
