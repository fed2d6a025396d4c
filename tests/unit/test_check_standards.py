"""`triage check --standards DIR`: each cited section is a heading of its standard's text.

The data is test_check's small municipality `testby`, its source given a text file in a
temporary standards folder; each test breaks one thing and asserts the exact line.
"""

from __future__ import annotations

import io
import json
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from tests.unit.test_check import TESTBY, line_of, make_data
from triage.cli import check_report
from triage.cli.main import main
from triage.verify import sections

STANDARD = """\
# Kvalitetsstandard for Testby

## Visitation
Borgeren henvender sig.

## Pårørende
Rådgivning til pårørende.

## Anonym behandling
Efter servicelovens § 101a.

## Unge
Fra 13 år.

## Voksne
Efter servicelovens § 101.

## Børn
Underretning.

## Rådgivning
Samtaler.
"""

M = "municipalities.toml"


def folders(tmp_path: Path, data: str = TESTBY, standard: str | None = STANDARD) -> tuple[Path, Path]:
    """The test data with its source's ``file`` set, and a standards folder holding that file."""
    folder = make_data(tmp_path, data.replace('status = "current"\n', 'status = "current"\nfile = "testby.txt"\n', 1))
    standards = tmp_path / "standards"
    standards.mkdir()
    if standard is not None:
        (standards / "testby.txt").write_text(standard, encoding="utf-8")
    return folder, standards


def run(folder: Path, standards: Path, fmt: str = "text", lang: str = "en") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = check_report.run(str(folder), fmt, "en" if lang == "en" else "da", str(standards))
    return code, out.getvalue(), err.getvalue()


def test_every_section_a_heading_is_clean(tmp_path: Path) -> None:
    code, out, err = run(*folders(tmp_path))
    assert code == 0, err
    assert "7 cited sections read against the headings in" in err
    assert "OK" in out


def test_a_misspelt_section_is_found_at_its_own_line_with_the_heading_it_means(tmp_path: Path) -> None:
    folder, standards = folders(tmp_path, TESTBY.replace('section = "Unge" }', 'section = "Ugne" }'))
    code, _, err = run(folder, standards)
    line = line_of(folder, M, 'section = "Ugne"')
    column = (folder / M).read_text(encoding="utf-8").splitlines()[line - 1].index("section") + 1
    assert code == 1
    assert (
        f"municipalities.toml:{line}:{column}: testby.rules[3].cite[0].section: rule 'youth': section 'Ugne'"
        " is not a heading of testby.txt (did you mean 'Unge'?)"
    ) in err.splitlines()


def test_the_finding_in_json_names_municipality_and_rule(tmp_path: Path) -> None:
    folder, standards = folders(tmp_path, TESTBY.replace('section = "Voksne"', 'section = "Vosne"'))
    code, out, _ = run(folder, standards, "json")
    report = json.loads(out)
    line = line_of(folder, M, 'section = "Vosne"')
    assert code == 1 and report["ok"] is False
    assert report["findings"] == [
        {
            "file": "municipalities.toml",
            "line": line,
            "column": 27,  # cite = [{ source = "std", section = ...
            "key": "testby.rules[4].cite[0].section",
            "message": "rule 'adult': section 'Vosne' is not a heading of testby.txt (did you mean 'Voksne'?)",
            "municipality": "testby",
            "rule": "adult",
        }
    ]
    assert report["standards"]["verified"] == 7 and report["standards"]["not_verified"] == []


def test_a_source_without_a_file_is_a_note_not_a_finding(tmp_path: Path) -> None:
    folder = make_data(tmp_path)
    standards = tmp_path / "standards"
    standards.mkdir()
    code, out, err = run(folder, standards, lang="da")
    assert code == 0
    assert "bemærk: testby: kilden 'std' er ikke efterprøvet (7 henvisninger): kilden har ingen file" in err
    _, out, _ = run(folder, standards, "json")
    assert json.loads(out)["standards"]["not_verified"] == [
        {"municipality": "testby", "source": "std", "file": None, "reason": "no_file", "citations": 7}
    ]


def test_a_file_missing_from_the_folder_is_a_note(tmp_path: Path) -> None:
    code, _, err = run(*folders(tmp_path, standard=None))
    assert code == 0
    assert "note: testby: source 'std' not verified (7 citations): testby.txt is not in the folder" in err


def test_without_standards_nothing_is_read(tmp_path: Path) -> None:
    folder, _ = folders(tmp_path, TESTBY.replace('section = "Unge" }', 'section = "Ugne" }'))
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = check_report.run(str(folder), "text", "en")
    assert code == 0 and "cited sections" not in err.getvalue()


def test_cli_no_such_standards_folder_is_one_line_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, _ = folders(tmp_path)
    code = main(["check", str(folder), "--standards", str(tmp_path / "nowhere"), "--lang", "en"])
    err = capsys.readouterr().err
    assert code == 2
    assert err == f"--standards: {tmp_path / 'nowhere'}: no such folder (the standards' text files)\n"


def test_cli_finding_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder, standards = folders(tmp_path, TESTBY.replace('section = "Unge" }', 'section = "Ugne" }'))
    code = main(["--data", str(folder), "check", "--standards", str(standards), "--format", "json"])
    assert code == 1
    assert json.loads(capsys.readouterr().out)["findings"][0]["rule"] == "youth"


# --- the headings of a standard's text --------------------------------------------------


def titles(text: str) -> list[str]:
    return [h.title for h in sections.headings(text)]


def test_markdown_headings_and_table_rows_are_headings_a_table_of_contents_is_not() -> None:
    text = (
        "# Titel\n\n## Indhold\n\nUngebehandling .....\t4\n\n## Ungebehandling\nTekst.\n\n"
        "Målgruppe\t<p>Fra 13 år.</p>\n#### Dagbehandling (ekstern leverandør)\nTekst.\n"
    )
    assert titles(text) == ["Titel", "Indhold", "Ungebehandling", "Målgruppe", "Dagbehandling (ekstern leverandør)"]


def test_plain_headings_stand_alone() -> None:
    text = (
        "Kvalitetsstandard for rådgivning\n\nRusmiddelcentret\nPræstøvej 78\n4640 Faxe\n\n"
        "Målgruppe\n\nMålgruppen kan inddeles i tre, og denne linje er lang nok til at være løbende tekst.\n\n"
        "Formålet er også:\n\n- borgeren får indsigt\n\nHvad koster det?\n\nDet er gratis.\n\n"
        "Klagen skal være indgivet inden 2 år efter det tidspunkt, hvor klageren\n\nvar bekendt med det.\n"
    )
    assert titles(text) == ["Kvalitetsstandard for rådgivning", "Målgruppe", "Hvad koster det?"]


def test_a_section_runs_to_the_next_heading_of_its_level() -> None:
    text = "### Form og indhold\nA § 101.\n#### Dagbehandling\nB.\n### Frit valg\nC.\n"
    assert sections.section_text(text, "Form og indhold") == "### Form og indhold\nA § 101.\n#### Dagbehandling\nB."
    assert sections.section_text(text, "Dagbehandling") == "#### Dagbehandling\nB."
    assert sections.section_text(text, "Indhold") is None


def test_closest_heading() -> None:
    assert sections.closest("Ungebehandlnig", ["Ungebehandling", "Målgruppe"]) == "Ungebehandling"
    assert sections.closest("Økonomi", ["Ungebehandling", "Målgruppe"]) is None
