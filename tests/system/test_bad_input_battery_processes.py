"""The bad-input battery of `triage recommend` as real processes: one case of each path, and endless input.

The cases themselves are generated in tests/unit/test_bad_input_battery.py, where all of them run in-process.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.unit.test_bad_input_battery import AS_PROCESS, BATTERY, Bad, check_one_line


@pytest.mark.parametrize("case", [c for c in BATTERY if c.id in AS_PROCESS], ids=lambda c: str(c.id))
def test_bad_input_as_a_real_process(case: Bad, tmp_path: Path) -> None:
    path = tmp_path / case.name
    path.write_bytes(case.content)
    result = subprocess.run(
        [sys.executable, "-m", "triage", "recommend", "--answers", str(path), "--lang", "en"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    check_one_line(case, path, result.returncode, result.stdout, result.stderr)


def _small_memory() -> None:  # an unbounded read would take all memory: keep the child's small
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (1024**3, 1024**3))


@pytest.mark.parametrize("source", ["stdin", "path"])
def test_an_endless_answers_file_is_refused_after_the_bound(source: str) -> None:
    """/dev/zero (or gigabytes piped in) is read no further than the 1 MB an answers file may hold."""
    with open("/dev/zero", "rb") as zero:
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "triage",
                "recommend",
                "--lang",
                "en",
                "--answers",
                "-" if source == "stdin" else "/dev/zero",
            ],
            stdin=zero,
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=False,
            timeout=60,
            preexec_fn=_small_memory,
        )
    name = "<stdin>" if source == "stdin" else "/dev/zero"
    assert (result.returncode, result.stdout) == (2, ""), result.stderr
    assert result.stderr == f"{name}: file is too large (an answers file is at most 1 MB)\n"
