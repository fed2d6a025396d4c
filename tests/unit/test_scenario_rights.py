"""A scenario may state the rights the caller must be told (contract v3 ``rights``): compared
like offers, as a set of IDs, only where the scenario gives them; a trainee's score never
reads them. The scenarios that state them are found in the data, none is named here."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from tests.unit.test_scenarios import copy_data, edit
from triage.cli.main import main
from triage.rules.model import Knowledge
from triage.rules.recommendation import recommend
from triage.rules.record import replace
from triage.training import debrief, scenarios


@pytest.fixture(scope="module")
def library(knowledge: Knowledge) -> scenarios.Library:
    return scenarios.load(knowledge)


def _with_rights(library: scenarios.Library) -> list[scenarios.Scenario]:
    return [s for s in library.scenarios if s.expected.rights is not None]


def test_scenarios_state_rights_with_sections_in_every_municipality(
    knowledge: Knowledge, library: scenarios.Library
) -> None:
    stated = _with_rights(library)
    assert {s.municipality for s in stated} == set(knowledge.municipalities)
    for s in stated:
        assert s.expected.rights and all(r.section.strip() for r in s.expected.rights), s.id


def test_a_right_the_engine_gives_but_the_key_leaves_out_is_a_mismatch(
    knowledge: Knowledge, library: scenarios.Library
) -> None:
    for sc in _with_rights(library):
        rec = recommend(knowledge, sc.municipality, sc.answers, sc.contact_date, "en")
        assert scenarios.compare(sc, rec) == [], sc.id
        rights = sc.expected.rights or ()
        fewer = dataclasses.replace(sc, expected=dataclasses.replace(sc.expected, rights=rights[1:]))
        found = scenarios.compare(fewer, rec)
        assert [m.field for m in found] == ["rights"], sc.id
        assert found[0].expected == scenarios.ids_text(r.id for r in rights[1:])
        assert found[0].got == scenarios.ids_text(r.id for r in rec.rights)


def test_a_scenario_without_rights_compares_none(knowledge: Knowledge, library: scenarios.Library) -> None:
    sc = _with_rights(library)[0]
    rec = recommend(knowledge, sc.municipality, sc.answers, sc.contact_date, "en")
    silent = dataclasses.replace(sc, expected=dataclasses.replace(sc.expected, rights=None))
    assert rec.rights and scenarios.compare(silent, replace(rec, rights=())) == []


def test_the_score_does_not_read_rights(knowledge: Knowledge, library: scenarios.Library) -> None:
    """A trainee's result that differs from the key only in its rights costs nothing."""
    for sc in _with_rights(library):
        rec = recommend(knowledge, sc.municipality, sc.answers, sc.contact_date, "da")
        prediction = debrief.Prediction(rec.level.id, frozenset(n.to for n in rec.notifications))
        theirs = replace(rec, rights=())
        assert debrief.score_differences(rec, prediction, theirs, [], ()) == [], sc.id


def test_a_missing_right_is_reported_at_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], library: scenarios.Library
) -> None:
    sc = _with_rights(library)[0]
    data = copy_data(tmp_path)
    file = data / sc.location.file
    right = (sc.expected.rights or ())[-1]
    text = file.read_text(encoding="utf-8")
    start = text.index(f'id = "{sc.id}"')
    old = f'  {{ id = "{right.id}", section = "{right.section}" }},\n'
    assert old in text[start:]
    file.write_text(text[:start] + text[start:].replace(old, "", 1), encoding="utf-8")
    line = text.count("\n", 0, text.index("rights = [", start)) + 1
    assert main(["scenarios", "test", "--data", str(data), "--lang", "en"]) == 1
    out = capsys.readouterr().out
    assert f"{sc.location.file}:{line}:1: {sc.id}: rights: expected " in out
    assert f"got {scenarios.ids_text(r.id for r in (sc.expected.rights or ()))}" in out


@pytest.mark.parametrize(
    ("new", "message"),
    [
        ('{ id = "free_chocie", section = "x" }', "unknown right 'free_chocie' (did you mean 'free_choice'?)"),
        ('{ id = "free_choice", section = " " }', "section is empty"),
    ],
)
def test_a_bad_right_is_located(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], library: scenarios.Library, new: str, message: str
) -> None:
    sc = _with_rights(library)[0]
    data = copy_data(tmp_path)
    file = data / sc.location.file
    first = (sc.expected.rights or ())[0]
    edit(file, f'{{ id = "{first.id}", section = "{first.section}" }}', new)
    assert main(["scenarios", "test", "--data", str(data)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"{sc.location.file}:"), err
    assert message in err[0]
