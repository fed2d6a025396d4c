"""How long `triage diff` takes against one `triage check` of the same data.

    .venv/bin/python benchmarks/diff.py [--repeat N]

The edit is the README's worked example: one age limit moved (the youth programme's upper
limit and the adult programme's lower limit of one municipality, +2 years). Measured:
1. the five shipped municipalities against a copy with Holbæk's limit moved 25 -> 27;
2. the 98 generated municipalities of benchmarks/check.py against a copy with one of them moved.
Each `diff` is timed as the command runs it (both folders loaded from source, compared, and
rendered as text), once as shipped (municipalities whose rules, flow and law are unchanged
are not enumerated) and once with every municipality enumerated, the worst case (an edit of
the flow or the law). Each is set against one `triage check` of the new data (loaded and
proved) and against the check of both versions. Target (issue 13): under 2x the check of
the two versions, and under 20 s for the 98.
"""

from __future__ import annotations

import argparse
import datetime
import importlib.util
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from triage.cli import diff_report  # noqa: E402
from triage.data.loader import load  # noqa: E402
from triage.verify import check  # noqa: E402
from triage.verify.diff import diff  # noqa: E402

_spec = importlib.util.spec_from_file_location("check_benchmark", Path(__file__).with_name("check.py"))
assert _spec is not None and _spec.loader is not None
check_benchmark = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check_benchmark)

DATE = datetime.date(2026, 11, 24)


def moved(folder: Path, municipality: str, years: int = 2) -> Path:
    """A copy of ``folder`` with ``municipality``'s youth/adult age limit moved by ``years``."""
    out = folder.parent / f"{folder.name}-moved"
    shutil.copytree(folder, out)
    path = out / "municipalities.toml"
    text = path.read_text(encoding="utf-8")
    start = text.index(f"\n[{municipality}]\n")
    end_match = re.compile(rf"\n\[(?!{municipality}[.\]])[a-z_]+\]\n").search(text, start + 1)
    end = end_match.start() if end_match else len(text)
    block = text[start:end]
    youth = re.compile(r"age <= (\d+) and wants_treatment")
    adult = re.compile(r'"age >= (\d+) and wants_treatment"')
    block, n = youth.subn(lambda m: f"age <= {int(m[1]) + years} and wants_treatment", block, count=1)
    block, k = adult.subn(lambda m: f'"age >= {int(m[1]) + years} and wants_treatment"', block, count=1)
    assert n == k == 1, municipality
    path.write_text(text[:start] + block + text[end:], encoding="utf-8")
    return out


def best(repeat: int, run: Callable[[], object]) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - start)
    return min(times), result


def one_diff(old: Path, new: Path, skip: bool) -> tuple[int, int]:
    report = diff(load(old), load(new), skip_unchanged=skip)
    diff_report.to_text(report, str(old), str(new), DATE)
    return sum(m.classes for m in report.municipalities), sum(m.changed for m in report.municipalities)


def one_check(folder: Path) -> int:
    _, reports = check.verify(load(folder))
    return sum(r.classes for r in reports)


def measure(label: str, old: Path, new: Path, repeat: int) -> None:
    check_new, classes = best(repeat, lambda: one_check(new))
    check_old, _ = best(repeat, lambda: one_check(old))
    both = check_new + check_old
    print(f"{label}: one check of the new data {check_new:.2f} s ({classes:,} classes); of both versions {both:.2f} s")
    for name, skip in (("as shipped", True), ("every municipality enumerated", False)):
        seconds, result = best(repeat, lambda skip=skip: one_diff(old, new, skip))  # type: ignore[misc]
        compared, changed = result  # type: ignore[misc]
        print(
            f"  diff, {name:<30} {seconds:6.2f} s  {compared:>9,} classes compared, {changed:,} change"
            f"   ratio {seconds / check_new:4.2f}x one check, {seconds / both:4.2f}x the check of both"
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measurement; the best is shown")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        shipped = Path(tmp) / "shipped"
        shipped.mkdir()
        shutil.copytree(ROOT / "flows", shipped / "flows", ignore=shutil.ignore_patterns("scenarios"))
        shutil.copy(ROOT / "municipalities.toml", shipped / "municipalities.toml")
        measure("5 shipped municipalities (holbaek 25 -> 27)", shipped, moved(shipped, "holbaek"), args.repeat)
        many = check_benchmark.generated(Path(tmp) / "generated")
        target = "assens"  # made from Holbæk's table, age limits as shipped (benchmarks/check.py: i % 5 == 2)
        measure(f"98 generated municipalities ({target} +2 years)", many, moved(many, target), args.repeat)


if __name__ == "__main__":
    main()
