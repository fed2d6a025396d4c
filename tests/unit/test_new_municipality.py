"""`triage new-municipality ID --name NAME`: a municipality added as data only.

Every test works on a temporary copy of the shipped data (municipalities.toml and flows/,
scenarios included) and reads the IDs it needs from that data, never a list of its own.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT
from triage.cli.check_report import run as run_check
from triage.cli.main import main
from triage.data.loader import load
from triage.training import scenarios
from triage.training.scenarios import run_one

M = "municipalities.toml"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copy(ROOT / M, folder / M)
    shutil.copytree(ROOT / "flows", folder / "flows")
    return folder


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def add(folder: Path, *args: str) -> int:
    return main(["new-municipality", *args, "--data", str(folder), "--lang", "en"])


def test_the_table_is_appended_and_nothing_before_it_changes(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = (data / M).read_bytes()
    assert add(data, "norddjurs", "--name", "Norddjurs") == 0
    after = (data / M).read_bytes()
    assert after.startswith(before) and len(after) > len(before)
    lines = after.decode("utf-8").splitlines()
    header = lines.index("[norddjurs]") + 1
    out = capsys.readouterr().out
    assert f"norddjurs was added to municipalities.toml (line {header}) with an example in" in out
    assert "flows/scenarios/norddjurs.toml" in out


def test_the_new_municipality_loads_with_no_rules_of_its_own_and_a_draft_source(data: Path) -> None:
    assert add(data, "norddjurs", "--name", 'Nord "Djurs"') == 0
    muni = load(data).municipalities["norddjurs"]
    assert muni.name == 'Nord "Djurs"'
    assert all(r.origin == "law" for r in muni.rules)
    assert muni.standard.status == "draft"
    assert muni.recipients and all("(udfyldes)" in unit for unit in muni.recipients.values())
    assert "udfyldes" in muni.centre.address


def test_the_example_scenario_loads_and_is_the_only_one_for_it(data: Path) -> None:
    assert add(data, "norddjurs", "--name", "Norddjurs") == 0
    library = scenarios.load(load(data))
    mine = library.select(municipality="norddjurs")
    assert [s.id for s in mine] == ["norddjurs-adult"]
    assert mine[0].answers["caller"] == "self" and mine[0].answers["wants_treatment"] is True


def test_the_example_expects_what_the_law_gives_once_a_level_is_decided(data: Path) -> None:
    """The law's offers, deadlines and warnings for the example, with the level given by one local
    rule; the level itself comes from the law's level rules (the test below)."""
    assert add(data, "norddjurs", "--name", "Norddjurs") == 0
    with (data / M).open("a", encoding="utf-8") as f:
        f.write(
            '\n[[norddjurs.rules]]\nkind = "level"\nid = "example_level"\nlevel = "outpatient"\nwhen = "true"\n'
            'text = { da = "x", en = "x" }\ncite = [{ source = "law", section = "x", law = "SEL § 101" }]\n'
        )
    knowledge = load(data)
    library = scenarios.load(knowledge)
    results = [run_one(knowledge, s) for s in library.select(municipality="norddjurs")]
    assert [r.mismatches for r in results] == [()]


def test_the_new_municipality_passes_check_and_its_scenario(data: Path) -> None:
    assert add(data, "norddjurs", "--name", "Norddjurs") == 0
    assert run_check(str(data), "json") == 0
    knowledge = load(data)
    results = [run_one(knowledge, s) for s in scenarios.load(knowledge).select(municipality="norddjurs")]
    assert [r.mismatches for r in results] == [()]


def test_a_file_without_a_last_newline_gets_one_first(data: Path) -> None:
    text = (data / M).read_bytes().rstrip(b"\n")
    (data / M).write_bytes(text)
    assert add(data, "norddjurs", "--name", "Norddjurs") == 0
    after = (data / M).read_bytes()
    assert after.startswith(text + b"\n")
    assert "norddjurs" in load(data).municipalities


def test_what_does_not_load_is_taken_back(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    template = data / "flows" / "templates" / "new-municipality.toml"
    template.write_text(
        template.read_text(encoding="utf-8").replace('address = "udfyldes"', 'adress = "udfyldes"'), encoding="utf-8"
    )
    before = snapshot(data)
    assert add(data, "norddjurs", "--name", "Norddjurs") == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1
    assert err[0].startswith("municipalities.toml:")
    assert "norddjurs.centre.adress: unknown key 'adress'" in err[0]
    assert "(the new municipality does not load; nothing was changed)" in err[0]
    assert snapshot(data) == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["Nord", "--name", "Nord"], "'Nord' is not an ID: lower-case letters a-z, digits and _"),
        (["1abc", "--name", "X"], "'1abc' is not an ID"),
        (["nord-djurs", "--name", "X"], "'nord-djurs' is not an ID"),
        (["x" * 41, "--name", "X"], "is not an ID"),
        (["law", "--name", "Lov"], "'law' is the name of the law's layer (flows/law.toml)"),
        (["norddjurs"], "--name is missing: the municipality's name as it is shown"),
        (["norddjurs", "--name", " "], "--name is missing"),
        (["norddjurs", "--name", "Nord\ndjurs"], "--name: one line of at most 60 characters"),
        (["topics", "--name", "X"], "flows/scenarios/topics.toml already exists; nothing was written"),
    ],
)
def test_refused_in_one_line_exit_2_nothing_written(
    data: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    before = snapshot(data)
    assert add(data, *args) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and err[0].startswith("new-municipality: ") and message in err[0], err
    assert snapshot(data) == before


def test_an_existing_id_is_refused(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    existing = next(iter(load(data).municipalities))
    before = snapshot(data)
    assert add(data, existing, "--name", "X") == 2
    assert capsys.readouterr().err == f"new-municipality: '{existing}' is already in municipalities.toml\n"
    assert snapshot(data) == before


def test_the_help_is_danish(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["new-municipality", "--help"])
    out = capsys.readouterr().out
    assert "den nye kommunes ID: små bogstaver, cifre, _" in out
    assert "dens navn, som det vises, fx Norddjurs" in out
