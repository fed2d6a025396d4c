"""Issue 17: "``triage diff`` says no change" must mean "``recommend`` is the same".

A property over generated edits of the shipped data: for each edit, either ``diff`` reports a
change, or ``recommend`` (JSON and Markdown, Danish) is byte-identical before and after on
every scenario's answers and on one conversation per municipality and service level.
"""

from __future__ import annotations

import datetime
import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import ROOT
from triage.data.loader import load
from triage.output.render import to_json, to_markdown
from triage.rules.engine import decide
from triage.rules.errors import DataError
from triage.rules.model import Answer, Knowledge
from triage.rules.recommendation import recommend
from triage.training import scenarios
from triage.verify import check
from triage.verify.diff import diff

DAY = datetime.date(2026, 12, 18)  # a Friday: deadlines 14 days on fall on a Friday, 10 days on a Monday
Edit = Callable[[str], str]


def nth(pattern: str, replace: Callable[[re.Match[str]], str]) -> Callable[[int], Edit]:
    """An edit of the ``i``-th match (modulo the number of matches) of ``pattern``."""

    def at(i: int) -> Edit:
        def edit(text: str) -> str:
            found = list(re.finditer(pattern, text, flags=re.M))
            if not found:
                return text
            m = found[i % len(found)]
            return text[: m.start()] + replace(m) + text[m.end() :]

        return edit

    return at


MUNICIPALITY_EDITS: dict[str, Callable[[int], Edit]] = {
    "days": nth(r"^days = (\d+)$", lambda m: f"days = {int(m[1]) + 3}"),
    "due_days": nth(r"^due_days = (\d+)$", lambda m: f"due_days = {int(m[1]) + 30}"),
    "provider": nth(r'^(level = "[a-z_]+")$', lambda m: f'{m[1]}\nprovided_by = "referred"'),
    "inform_first": nth(r'^(to = "[a-z_]+")$', lambda m: f"{m[1]}\ninform_citizen_first = true"),
    "recipient": nth(r'(recipients = \{ child_welfare = ")', lambda m: f"{m[1]}Nye "),
    "text": nth(r'^(text = \{ da = ")', lambda m: f"{m[1]}Bemærk: "),
    "threshold": nth(r"age (>=|<=|<|>) (\d+)", lambda m: f"age {m[1]} {int(m[2]) + 1}"),
    "section": nth(r'(section = ")', lambda m: f"{m[1]}Afsnit "),
    "drop_rule": nth(r"^\[\[[a-z]+\.rules\]\]\n(?:(?!\[).*\n)*", lambda m: ""),
}
LAW_EDITS: dict[str, Callable[[int], Edit]] = {
    "superseded": nth(
        r"^(\[\[superseded\]\])$",
        lambda m: '[[superseded]]\ncited = "SEL § 101"\ncurrent = "SEL § 101 (ny)"\nsince = 2025-01-01\n'
        'note = { da = "Ny.", en = "New." }\n\n' + m[1],
    ),
    "law_days": nth(r"^days = (\d+)$", lambda m: f"days = {int(m[1]) - 4}"),
    "law_due_days": nth(r"^due_days = (\d+)$", lambda m: f"due_days = {int(m[1]) + 1}"),
}


def copy_with(tmp: Path, municipalities: Edit | None, law: Edit | None) -> Path:
    out = tmp / "edited"
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(ROOT / "flows", out / "flows")
    text = (ROOT / "municipalities.toml").read_text(encoding="utf-8")
    (out / "municipalities.toml").write_text(municipalities(text) if municipalities else text, encoding="utf-8")
    if law is not None:
        path = out / "flows" / "law.toml"
        path.write_text(law(path.read_text(encoding="utf-8")), encoding="utf-8")
    return out


@pytest.fixture(scope="module")
def shipped() -> Knowledge:
    return load(ROOT)


@pytest.fixture(scope="module")
def answer_sets(shipped: Knowledge) -> list[tuple[str, dict[str, Answer]]]:
    """Every scenario's answers, and the first conversation of each (municipality, level)."""
    out = [(s.municipality, dict(s.answers)) for s in scenarios.load(shipped).scenarios]
    for muni in shipped.municipalities.values():
        seen: set[str | None] = set()
        for answers in check.conversations(shipped.flow, check.domains_for(shipped, muni)):
            level = decide(shipped.flow, muni, {**answers, "municipality": muni.id}).level
            if level not in seen:
                seen.add(level)
                out.append((muni.id, answers))
    return out


def outputs(knowledge: Knowledge, sets: list[tuple[str, dict[str, Answer]]]) -> list[str]:
    out = []
    for mid, answers in sets:
        rec = recommend(knowledge, mid, answers, DAY, "da")
        out.append(json.dumps(to_json(rec), ensure_ascii=False) + to_markdown(rec, knowledge.flow))
    return out


@pytest.mark.slow
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    kind=st.sampled_from(sorted(MUNICIPALITY_EDITS) + sorted(LAW_EDITS)),
    index=st.integers(min_value=0, max_value=400),
)
def test_no_change_means_the_same_recommendation(
    tmp_path: Path, shipped: Knowledge, answer_sets: list[tuple[str, dict[str, Answer]]], kind: str, index: int
) -> None:
    muni_edit = MUNICIPALITY_EDITS[kind](index) if kind in MUNICIPALITY_EDITS else None
    law_edit = LAW_EDITS[kind](index) if kind in LAW_EDITS else None
    try:
        edited = load(copy_with(tmp_path, muni_edit, law_edit))
    except DataError:
        return  # the edit broke the data: check reports it, nothing to compare
    if diff(shipped, edited, day=DAY).changed:
        return
    assert outputs(shipped, answer_sets) == outputs(edited, answer_sets), f"diff saw no change in edit {kind}#{index}"


def test_the_edits_that_the_old_diff_missed_are_changes(tmp_path: Path, shipped: Knowledge) -> None:
    """The issue's two edits (a step's due days, a superseded-law entry) and a level's provider."""
    for name, muni_edit, law_edit in (
        ("due_days", nth(r'id = "anonymous_referral"\n(?:.*\n)*?due_days = (0)', lambda m: m[0][:-1] + "30")(0), None),
        ("superseded", None, LAW_EDITS["superseded"](0)),
        ("provider", nth(r'(level = "outpatient")', lambda m: f'{m[1]}\nprovided_by = "referred"')(0), None),
    ):
        edited = load(copy_with(tmp_path, muni_edit, law_edit))
        report = diff(shipped, edited, day=DAY)
        assert report.changed, name
