"""Answers files written for contract version 1 still work (contract: compatibility rule).

``tests/data/answers-v1/`` holds the shipped example and the answers of the 44 scenarios as
they stood before version 2, unchanged. Each must give a recommendation through the real
command line, and where version 2 asks something such a file lacks, the answer is read as
not known with a warning naming it: never as false, so no child is dropped silently.
"""

from __future__ import annotations

import io
import json
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from tests.conftest import ROOT
from triage.cli.main import main

V1 = sorted((ROOT / "tests" / "data" / "answers-v1").glob("*.toml"))


def recommend(path: Path) -> tuple[int, dict[str, object], str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(["recommend", "--answers", str(path), "--format", "json", "--lang", "en"])
    return code, json.loads(out.getvalue()) if code == 0 else {}, err.getvalue()


def test_there_are_45_version_1_files() -> None:
    assert len(V1) == 45


@pytest.mark.parametrize("path", V1, ids=lambda p: p.stem)
def test_a_version_1_file_still_gives_a_recommendation(path: Path) -> None:
    code, rec, err = recommend(path)
    assert code == 0, err
    text = path.read_text(encoding="utf-8")
    missing = [k for k in ("children_at_home", "pregnancy") if f"\n{k} =" not in f"\n{text}"]
    for key in missing:  # never read as false: said, by name, on stderr and in the result
        assert f"{key}: missing: read as not known" in err
    assert sum("Not answered, taken as not known" in w for w in rec["warnings"]) >= len(missing)  # type: ignore[union-attr]


def test_a_version_1_relative_is_told_what_to_ask() -> None:
    code, rec, err = recommend(ROOT / "tests" / "data" / "answers-v1" / "holbaek-relative.toml")
    assert code == 0 and rec["service_level"] == "relative_counselling"
    assert [w for w in rec["warnings"] if "children" in w.lower()]  # type: ignore[union-attr]
    assert "age: missing: read as not known" in err
