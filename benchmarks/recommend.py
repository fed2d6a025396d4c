"""How long `triage recommend` takes, beyond Python's own start-up, measured in one run.

    python benchmarks/recommend.py

Prints: loading the data, one recommendation (in-process, many calls), and the whole
command as a process against a bare `python -c pass` measured alongside it.
"""

from __future__ import annotations

import datetime
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from triage.engine import recommend  # noqa: E402
from triage.loader import load  # noqa: E402

ANSWERS = """municipality = "holbaek"
contact_date = 2026-11-24
acute_danger = false
caller = "self"
resident = true
age = 16
parental_consent = "yes"
substances = ["cannabis", "stimulants"]
anonymous = false
other_social_problems = true
seeks_medical_treatment = true
psychiatric_disorder = false
complex_needs = false
children_at_home = true
pregnancy = "self"
"""


def best_of(n: int, fn: object) -> list[float]:
    times = []
    for _ in range(n):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    load_times = best_of(20, lambda: load(ROOT))
    knowledge = load(ROOT)
    answers = {
        "acute_danger": False, "caller": "self", "resident": True, "age": 16, "parental_consent": "yes",
        "substances": ("cannabis", "stimulants"), "anonymous": False, "other_social_problems": True,
        "seeks_medical_treatment": True, "psychiatric_disorder": False, "complex_needs": False,
        "children_at_home": True, "pregnancy": "self",
    }
    day = datetime.date(2026, 11, 24)
    calls = best_of(2000, lambda: recommend(knowledge, "holbaek", answers, day))

    with tempfile.NamedTemporaryFile("w", suffix=".toml", delete=False) as f:
        f.write(ANSWERS)
    bare = [sys.executable, "-c", "pass"]
    full = [sys.executable, "-m", "triage", "recommend", "--answers", f.name]
    bare_t, full_t = [], []
    for _ in range(15):  # interleaved, so both see the same machine
        bare_t += best_of(1, lambda: subprocess.run(bare, check=True))
        full_t += best_of(1, lambda: subprocess.run(full, check=True, capture_output=True, cwd=ROOT))
    b, t = statistics.median(bare_t), statistics.median(full_t)
    print(f"load data (median of 20):          {statistics.median(load_times) * 1000:7.2f} ms")
    print(f"recommend, in process (median/2000): {statistics.median(calls) * 1000:7.3f} ms")
    print(f"python -c pass (median of 15):      {b * 1000:7.1f} ms   (baseline)")
    print(f"triage recommend (median of 15):    {t * 1000:7.1f} ms   ratio {t / b:.2f}x")
    print(f"triage's own work per call:         {(t - b) * 1000:7.1f} ms beyond Python start-up")


if __name__ == "__main__":
    main()
