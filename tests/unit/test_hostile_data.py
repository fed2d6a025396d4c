"""Hostile structure in a data folder (issue 12, item 6): nesting deeper than the parser can
follow, a number beyond Python's digit limit (an endless file: tests/system/test_hostile_data_processes.py).
Each is one located line and exit 2 from `triage check` and from any command given `--data`, never a
traceback."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT
from triage.cli.main import main

APPENDED = {
    "deep-array": b"\n[hostile]\nx = " + b"[" * 500 + b"]" * 500 + b"\n",
    "deep-table": b"\n[hostile]\nx = " + b"{a=" * 500 + b"1" + b"}" * 500 + b"\n",
    "endless-array": b"\n[hostile]\nx = " + b"[" * 200_000 + b"\n",
    "digits": b"\n[hostile]\nx = 1" + b"0" * 5000 + b"\n",
}
MESSAGES = {
    "deep-array": "not valid TOML: nested too deeply",
    "deep-table": "not valid TOML: nested too deeply",
    "endless-array": "not valid TOML: nested too deeply",
    "digits": "not valid TOML: a number with too many digits",
}


@pytest.fixture
def data(tmp_path: Path) -> Path:
    shutil.copy(ROOT / "municipalities.toml", tmp_path)
    shutil.copytree(ROOT / "flows", tmp_path / "flows")
    return tmp_path


@pytest.mark.parametrize("file", ["municipalities.toml", "flows/intake.toml", "flows/law.toml"])
@pytest.mark.parametrize("kind", list(APPENDED))
def test_hostile_structure_in_a_data_file_is_one_line(
    data: Path, file: str, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with (data / file).open("ab") as out:
        out.write(APPENDED[kind])
    assert main(["check", str(data)]) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and err.startswith(f"{file}:"), err
    assert MESSAGES[kind] in err


def test_hostile_structure_in_a_scenario_file_is_one_line(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with (data / "flows" / "scenarios" / "holbaek.toml").open("ab") as out:
        out.write(APPENDED["deep-array"])
    assert main(["--data", str(data), "scenarios", "test"]) == 2
    err = capsys.readouterr().err
    assert "flows/scenarios/holbaek.toml" in err and "nested too deeply" in err and "Traceback" not in err


