"""How long `triage recommend` takes beyond Python's own start-up, measured in one run.

    python benchmarks/recommend.py          (with the project's venv: .venv/bin/python)

Prints, each a median, interleaved with its baseline so both see the same machine:
- `python -c pass`: the baseline, Python's own start-up;
- `triage recommend` as a counsellor's script runs it (the installed console script), with
  the compiled copy of the data in place, as on every call after the first;
- the same on a data folder that has no compiled copy (the first call after an edit);
- in process: loading the data from the TOML files, and one recommendation.
PYTHONDONTWRITEBYTECODE is removed from the children's environment, as on a user's machine.
"""

from __future__ import annotations

import datetime
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from triage.data.loader import load  # noqa: E402
from triage.rules.recommendation import recommend  # noqa: E402

ANSWERS = ROOT / "examples" / "holbaek-youth.toml"
ROUNDS = 21


def timed(fn: Callable[[], object], n: int) -> list[float]:
    times = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return times


def ms(xs: list[float]) -> float:
    return statistics.median(xs) * 1000


def main() -> None:
    script = Path(sys.executable).parent / "triage"
    command = [str(script)] if script.exists() else [sys.executable, "-m", "triage"]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    cold_env = {**env, "PYTHONDONTWRITEBYTECODE": "1"}  # never writes a compiled copy

    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "data"
        fresh.mkdir()
        shutil.copy(ROOT / "municipalities.toml", fresh)
        shutil.copytree(ROOT / "flows", fresh / "flows")

        def run(args: list[str], environment: dict[str, str]) -> None:
            subprocess.run(args, check=True, capture_output=True, env=environment, cwd=ROOT)

        warm = [*command, "recommend", "--answers", str(ANSWERS)]
        cold = [*warm, "--data", str(fresh)]
        run(warm, env)  # the first call compiles the shipped data once
        bare_t: list[float] = []
        warm_t: list[float] = []
        cold_t: list[float] = []
        for _ in range(ROUNDS):
            bare_t += timed(lambda: run([sys.executable, "-c", "pass"], env), 1)
            warm_t += timed(lambda: run(warm, env), 1)
            cold_t += timed(lambda: run(cold, cold_env), 1)

    load_t = timed(lambda: load(ROOT), 20)
    knowledge = load(ROOT)
    answers = {
        "acute_danger": False, "caller": "self", "resident": True, "age": 16, "parental_consent": "yes",
        "substances": ("cannabis",), "anonymous": False, "other_social_problems": False,
        "seeks_medical_treatment": False, "psychiatric_disorder": False, "complex_needs": False,
        "children_at_home": False, "pregnancy": "none",
    }  # fmt: skip
    day = datetime.date(2026, 11, 24)
    call_t = timed(lambda: recommend(knowledge, "holbaek", answers, day), 2000)

    b, w, c = ms(bare_t), ms(warm_t), ms(cold_t)
    print(f"command: {' '.join(Path(a).name if a == str(script) else a for a in command)} recommend; {ROUNDS} rounds")
    print(f"python -c pass (baseline):                {b:7.1f} ms")
    print(f"triage recommend, compiled data:          {w:7.1f} ms   ratio {w / b:4.2f}x   own work {w - b:6.1f} ms")
    print(f"triage recommend, data just edited:       {c:7.1f} ms   ratio {c / b:4.2f}x   own work {c - b:6.1f} ms")
    print(f"in process: load the TOML data:           {ms(load_t):7.2f} ms")
    print(f"in process: one recommendation:           {ms(call_t):7.3f} ms")


if __name__ == "__main__":
    main()
