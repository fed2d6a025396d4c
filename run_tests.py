#!/usr/bin/env python3
"""Run the whole test suite from a fresh clone: lint, types, import layers, the data check, the scenarios, pytest.

    python3 run_tests.py [pytest arguments]

Sets up .venv with the test and dev tools on first use (see run.py).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from run import ROOT, ensure_venv


def main() -> int:
    python = str(ensure_venv("dev"))
    steps = [
        ("ruff", [python, "-m", "ruff", "check", "triage", "tests", "benchmarks"]),
        ("mypy", [python, "-m", "mypy", "--strict", "triage"]),
        ("import layers", [str(Path(python).with_name("lint-imports")), "--no-cache"]),
        ("triage check", [python, "-m", "triage", "check"]),
        ("triage scenarios test", [python, "-m", "triage", "scenarios", "test", "--lang", "en"]),
        ("pytest", [python, "-m", "pytest", *sys.argv[1:]]),
    ]
    for name, cmd in steps:
        print(f"== {name}", flush=True)
        code = subprocess.call(cmd, cwd=ROOT)
        if code != 0:
            print(f"== {name} failed (exit {code})", flush=True)
            return code
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
