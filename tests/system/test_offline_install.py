"""Issue 22, install with no network: `run.py bundle DIR` on a machine with the index, then
`python3 DIR/install.py` with every index unreachable, then `triage recommend` on the example."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "offline"))
from bundle import make_bundle

CLOSED_PORT = "http://127.0.0.1:9/simple"  # the discard port: nothing listens, every request fails


@pytest.mark.slow
def test_a_bundle_installs_and_runs_with_no_index(tmp_path: Path) -> None:
    made = tmp_path / "made"
    assert make_bundle(ROOT, Path(sys.executable), made) == 0
    wheels = sorted(p.name for p in (made / "wheels").glob("*.whl"))
    assert any(w.startswith("triage-") for w in wheels) and any(w.startswith("textual-") for w in wheels)
    assert json.loads((made / "bundle.json").read_text())["python"] == f"{sys.version_info[0]}.{sys.version_info[1]}"

    laptop = tmp_path / "laptop"  # a fresh folder, nothing of the checkout in it
    shutil.copytree(made, laptop / "bundle")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PIP_", "PYTHON"))}
    env |= {
        "PIP_INDEX_URL": CLOSED_PORT,
        "PIP_EXTRA_INDEX_URL": CLOSED_PORT,
        "PIP_NO_INDEX": "1",
        "PIP_CONFIG_FILE": os.devnull,
        "HOME": str(laptop),
        "http_proxy": CLOSED_PORT,
        "https_proxy": CLOSED_PORT,
    }
    installed = subprocess.run(
        [sys.executable, str(laptop / "bundle" / "install.py")],
        cwd=laptop, env=env, capture_output=True, text=True, check=False, timeout=600,
    )  # fmt: skip
    assert installed.returncode == 0, installed.stderr
    triage = laptop / "bundle" / "venv" / "bin" / "triage"
    assert f"Start it with:\n  {triage}" in installed.stdout

    shutil.copy(ROOT / "examples" / "holbaek-youth.toml", laptop / "answers.toml")
    result = subprocess.run(
        [str(triage), "recommend", "--answers", "answers.toml"],
        cwd=laptop, env=env, capture_output=True, text=True, check=False, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["service_level"] == "youth_outpatient"
