"""Issue 17: the core stays readable. No function of the rules core, the data, the proof or
training is above cyclomatic complexity 20 (radon's measure); a bigger one is split into named
stages, as ``engine.evaluate`` is."""

from __future__ import annotations

from pathlib import Path

import pytest
from radon.complexity import cc_visit

from tests.conftest import ROOT

LIMIT = 20
PACKAGES = ("rules", "data", "verify", "training")


@pytest.mark.parametrize("package", PACKAGES)
def test_no_function_above_the_limit(package: str) -> None:
    too_complex = []
    for path in sorted((ROOT / "triage" / package).rglob("*.py")):
        for block in cc_visit(path.read_text(encoding="utf-8")):
            if block.complexity > LIMIT:
                where = Path(path).relative_to(ROOT)
                too_complex.append(f"{where}:{block.lineno} {block.fullname} ({block.complexity})")
    assert not too_complex, "split into named stages: " + ", ".join(too_complex)


def test_the_measure_sees_a_complex_function() -> None:
    branches = "\n".join(f"    if x == {i}:\n        return {i}" for i in range(LIMIT + 1))
    (block,) = cc_visit(f"def f(x):\n{branches}\n    return -1\n")
    assert block.complexity > LIMIT
