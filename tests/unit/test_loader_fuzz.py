"""Fuzzing the loader with mutated data files: a located message or a clean load, never a traceback.

Mutations a maintainer's editor could make: a deleted line (a key gone), a value replaced
by one of the wrong type or by a garbage condition, a line duplicated, the file cut short.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import ROOT
from triage.data.loader import load
from triage.rules.errors import DataError
from triage.verify import check

FILES = ["municipalities.toml", "flows/intake.toml", "flows/law.toml"]
TEXTS = {name: (ROOT / name).read_text(encoding="utf-8") for name in FILES}
LOCATED = re.compile(r"^(municipalities\.toml|flows/intake\.toml|flows/law\.toml)(:\d+(:\d+)?)?: .+")
VALUE_LINE = re.compile(r"^([A-Za-z_]+) = (.+)$")

REPLACEMENTS = [
    "1",
    "-7",
    "true",
    '"x"',
    "[]",
    "{}",
    "2026-13-45",
    '"age <"',
    '"not not not"',
    "\"pregnant == 'self'\"",
    '"(((("',
    "'caller =='",
    '"age < 18 and"',
    '"level == 7"',
    '"substances in caller"',
    '{ da = "x" }',
    '[{ source = "nowhere", section = "?" }]',
]


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, str]:
    name = draw(st.sampled_from(FILES))
    lines = TEXTS[name].splitlines()
    kind = draw(st.sampled_from(["delete", "replace", "duplicate", "truncate"]))
    i = draw(st.integers(0, len(lines) - 1))
    if kind == "delete":
        del lines[i]
    elif kind == "duplicate":
        lines.insert(i, lines[i])
    elif kind == "truncate":
        cut = draw(st.integers(0, len(TEXTS[name])))
        return name, TEXTS[name][:cut]
    else:
        value_lines = [j for j, line in enumerate(lines) if VALUE_LINE.match(line)]
        j = value_lines[i % len(value_lines)]
        m = VALUE_LINE.match(lines[j])
        assert m is not None
        lines[j] = f"{m.group(1)} = {draw(st.sampled_from(REPLACEMENTS))}"
    return name, "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("fuzz")
    shutil.copy(ROOT / "municipalities.toml", base)
    shutil.copytree(ROOT / "flows", base / "flows")
    return base


@pytest.mark.slow
def test_mutated_files_load_cleanly_or_give_located_messages(folder: Path) -> None:
    outcomes = {"loaded": 0, "refused": 0}

    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(mutated())
    def run(mutation: tuple[str, str]) -> None:
        name, text = mutation
        for other in FILES:  # undo the previous example's mutation
            (folder / other).write_text(TEXTS[other], encoding="utf-8")
        (folder / name).write_text(text, encoding="utf-8")
        try:
            knowledge = load(folder)
        except DataError as err:
            assert err.problems
            for p in err.problems:
                assert LOCATED.match(str(p)), str(p)
                assert "\n" not in str(p)
            outcomes["refused"] += 1
            return
        muni = min(knowledge.municipalities.values(), key=lambda m: len(m.rules))
        check.prove(knowledge, muni, check.domains_for(knowledge, muni))  # and provable without an exception
        outcomes["loaded"] += 1

    run()
    assert outcomes["refused"] > 0 and outcomes["loaded"] > 0, outcomes
