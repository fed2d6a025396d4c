"""`triage check`: one test per kind of finding, each on a small broken copy of the data.

The copy is the shipped flow and national law with one small, complete municipality
(`testby`, tests/fixtures/data.py) instead of the real ones, so that these tests do not move when a real
standard's rules are edited. Each test breaks one thing and asserts the exact line.
"""

from __future__ import annotations

import io
import json
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.fixtures.data import BARE, TESTBY
from tests.fixtures.data import make_data as fixture_data
from triage.cli import check_report
from triage.data.loader import load


def make_data(tmp_path: Path, municipalities: str = TESTBY) -> Path:
    """The test data in ``tmp_path/data``."""
    return fixture_data(tmp_path / "data", municipalities)


def broken(tmp_path: Path, file: str, old: str, new: str) -> Path:
    """The test data with ``old`` replaced once by ``new`` in ``file`` (which must contain it)."""
    folder = make_data(tmp_path)
    path = folder / file
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, f"{old!r} is not in {file}: the test must break something"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return folder


def line_of(folder: Path, file: str, needle: str, nth: int = 0) -> int:
    """The line number of the ``nth`` line (from 0) of ``file`` that contains ``needle``."""
    lines = (folder / file).read_text(encoding="utf-8").splitlines()
    return [i for i, line in enumerate(lines, 1) if needle in line][nth]


def run_check(folder: Path, fmt: str = "text") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = check_report.run(str(folder), fmt)
    return code, out.getvalue(), err.getvalue()


def findings(folder: Path) -> tuple[int, list[str]]:
    code, _, err = run_check(folder)
    lines = [line for line in err.splitlines() if line and ":" in line.split(" ")[0]]
    return code, lines


def test_the_small_municipality_is_clean(tmp_path: Path) -> None:
    code, out, err = run_check(make_data(tmp_path))
    assert (code, err) == (0, "")
    assert "testby" in out and "OK" in out


def test_the_shipped_data_is_clean() -> None:
    code, out, _ = run_check(ROOT, "json")
    report = json.loads(out)
    assert code == 0 and report["ok"] is True
    # Every municipality of the data is checked (read from the data: a new one needs no test edit).
    assert [m["id"] for m in report["municipalities"]] == list(load(ROOT).municipalities)
    assert all(m["classes"] > 1000 and not m["dead_rules"] for m in report["municipalities"])


# --- 1. the files: keys, types, IDs, conditions, citations ---------------------------------

M = "municipalities.toml"


@pytest.mark.parametrize(
    ("old", "new", "needle", "column", "expected"),
    [
        (
            'recipients = { child_welfare = "Familieafdelingen"',
            'recipent = "x"\nrecipients = { child_welfare = "Familieafdelingen"',
            "recipent",
            1,
            "testby.recipent: unknown key 'recipent' (did you mean 'recipients'?)",
        ),
        (
            'section = "Voksne", law = "SEL § 101" }]',
            'section = "Voksne", law = 101 }]',
            "law = 101",
            47,
            "testby.rules[4].cite[0].law: expected a string or nothing, got an integer",
        ),
        (
            'level = "outpatient"',
            'level = "outpatent"',
            'level = "outpatent"',
            1,
            "testby.rules[4].level: unknown level 'outpatent' (did you mean 'outpatient'?)",
        ),
        (
            'to = "child_welfare"',
            'to = "child_welfar"',
            'to = "child_welfar"',
            1,
            "testby.rules[5].to: unknown notification 'child_welfar' (did you mean 'child_welfare'?)",
        ),
        (
            'cite = [{ source = "std", section = "Unge" }]',
            'cite = [{ source = "stf", section = "Unge" }]',
            'source = "stf"',
            11,
            "testby.rules[3].cite[0].source: unknown source 'stf' (did you mean 'std'?) (sources: law, std)",
        ),
        (
            'when = "age >= 18 and wants_treatment"',
            'when = "age >= 18 and wants_treatment and (caller"',
            "age >= 18 and wants_treatment and (caller",
            50,
            "testby.rules[4].when: expected ')' but found end of expression",
        ),
        (
            'when = "resident and children_at_home and',
            'when = "resident and children_at_hom and',
            "children_at_hom",
            22,
            "testby.rules[5].when: unknown answer 'children_at_hom' (did you mean 'children_at_home'?)",
        ),
        (
            "when = \"caller == 'relative'\"",
            "when = \"caller == 'relativ'\"",
            "relativ'",
            19,
            "testby.rules[1].when: 'relativ' is not an option of caller (options: self, relative, professional)",
        ),
        (
            'cite = [{ source = "std", section = "Pårørende" }]',
            "cite = []",
            "cite = []",
            1,
            "testby.rules[1].cite: a rule needs at least one citation",
        ),
    ],
    ids=[
        "misspelt_key",
        "wrong_type",
        "unknown_level",
        "unknown_notification",
        "unknown_source",
        "condition_syntax",
        "unknown_answer",
        "unknown_option",
        "no_citation",
    ],
)
def test_file_findings(tmp_path: Path, old: str, new: str, needle: str, column: int, expected: str) -> None:
    folder = broken(tmp_path, M, old, new)
    code, lines = findings(folder)
    assert code == 1
    assert lines == [f"{M}:{line_of(folder, M, needle)}:{column}: {expected}"]


def test_duplicate_rule_id_is_reported_at_the_second(tmp_path: Path) -> None:
    folder = broken(tmp_path, M, 'id = "youth"', 'id = "adult"')
    code, lines = findings(folder)
    assert code == 1
    second = line_of(folder, M, 'id = "adult"', nth=1)
    assert lines == [f"{M}:{second}:1: testby.rules[4].id: duplicate rule ID 'adult'"]


def test_duplicate_question(tmp_path: Path) -> None:
    folder = broken(tmp_path, "flows/intake.toml", 'id = "resident"', 'id = "caller"')
    code, lines = findings(folder)
    line = line_of(folder, "flows/intake.toml", 'id = "caller"', nth=1)
    assert code == 1
    assert f"flows/intake.toml:{line}:1: questions[4].id: duplicate question 'caller'" in lines


# --- 2. the flow ---------------------------------------------------------------------------


def test_question_reading_a_later_answer(tmp_path: Path) -> None:
    folder = broken(
        tmp_path,
        "flows/intake.toml",
        'when = "not acute_danger"\nmin = 0',
        'when = "not acute_danger and not anonymous"\nmin = 0',
    )
    code, lines = findings(folder)
    line = line_of(folder, "flows/intake.toml", "and not anonymous")
    assert code == 1
    assert lines[0] == (
        f"flows/intake.toml:{line}:1: questions[5].when: reads anonymous,"
        " which the flow does not ask before this question"
    )


def test_question_never_asked_and_rule_reading_it(tmp_path: Path) -> None:
    folder = broken(
        tmp_path,
        "flows/intake.toml",
        'kind = "bool"\nlabel = { da = "Bor der børn',
        'kind = "bool"\nwhen = "age < 0"\nlabel = { da = "Bor der børn',
    )
    code, lines = findings(folder)
    q_line = line_of(folder, "flows/intake.toml", 'when = "age < 0"')
    rule_line = line_of(folder, M, 'id = "children"') - 2
    assert code == 1
    assert (
        f"{M}:{rule_line}:1: testby.rules[5]: rule 'children' reads 'children_at_home', which the flow never asks"
        in lines
    )
    assert (
        f"flows/intake.toml:{q_line}:1: questions[14].when: question 'children_at_home' is never asked"
        " (its condition is false for every conversation)"
    ) in lines


# --- 3. the proof over every class of answers ----------------------------------------------


def test_dead_rule(tmp_path: Path) -> None:
    folder = broken(
        tmp_path,
        M,
        "when = \"age < 18 and wants_treatment and parental_consent == 'yes'\"",
        "when = \"age < 18 and wants_treatment and parental_consent == 'yes' and caller == 'relative'\"",
    )
    code, lines = findings(folder)
    start = line_of(folder, M, 'id = "youth"') - 2
    assert code == 1
    assert f"{M}:{start}:1: testby.rules[3]: rule 'youth' never applies (dead rule)" in lines


def test_acute_danger_without_emergency(tmp_path: Path) -> None:
    rule = (
        '[[testby.rules]]\nkind = "level"\nid = "emergency"\nlevel = "outpatient"\nwhen = "acute_danger"\n'
        'text = { da = "x", en = "x" }\ncite = [{ source = "std", section = "Akut" }]\n'
    )
    folder = make_data(tmp_path, TESTBY + "\n" + rule)
    code, _out, err = run_check(folder)
    assert code == 1
    assert (
        f"{M}:1:1: testby: acute danger without the emergency level (invariant 'acute_danger_is_emergency';"
        " the level 'outpatient' came from rule 'emergency')" in err.splitlines()
    )
    assert "acute_danger = true\n" in err.split("(triage recommend --answers -):\n", 1)[1]


def test_pregnancy_without_notification(tmp_path: Path) -> None:
    folder = make_data(
        tmp_path, TESTBY.replace('replaces = ["outpatient"]', 'replaces = ["outpatient", "pregnancy_notify"]')
    )
    code, lines = findings(folder)
    assert code == 1
    assert any(line.startswith(f"{M}:1:1: testby: a pregnancy without a notification (invariant") for line in lines)


def test_children_without_notification(tmp_path: Path) -> None:
    folder = broken(
        tmp_path, M, 'when = "resident and children_at_home', 'when = "resident and age < 18 and children_at_home'
    )
    code, lines = findings(folder)
    assert code == 1
    (found,) = [line for line in lines if "children at home without" in line]  # one finding, however many classes
    assert found.startswith(f"{M}:1:1: testby: children at home without a child-welfare notification (invariant")


def test_json_report_names_the_finding_and_the_counterexample(tmp_path: Path) -> None:
    folder = broken(tmp_path, M, 'when = "age >= 18 and wants_treatment"', 'when = "age >= 19 and wants_treatment"')
    code, out, _ = run_check(folder, "json")
    report = json.loads(out)
    assert code == 1 and report["ok"] is False
    gap = {"file": M, "line": 1, "column": 1, "key": "testby", "message": "no service level applies"}
    (found,) = [f for f in report["findings"] if f["message"] == gap["message"]]
    assert found == {**gap, "municipality": "testby", "counterexample": found["counterexample"]}
    assert "age = 18" in found["counterexample"]  # each finding with the conversation that shows it
    (testby,) = report["municipalities"]
    assert "age = 18" in testby["counterexample"]


def test_json_findings_are_objects_naming_the_municipality_and_the_rule(tmp_path: Path) -> None:
    """Contract, exit codes: each finding is an object; ``municipality`` and ``rule`` only where there is one."""
    folder = broken(
        tmp_path,
        "flows/intake.toml",
        'kind = "bool"\nlabel = { da = "Bor der børn',
        'kind = "bool"\nwhen = "age < 0"\nlabel = { da = "Bor der børn',
    )
    code, out, err = run_check(folder, "json")
    found = json.loads(out)["findings"]
    assert code == 1 and err == ""
    rule_line = line_of(folder, M, 'id = "children"') - 2
    assert {
        "file": M,
        "line": rule_line,
        "column": 1,
        "key": "testby.rules[5]",
        "message": "rule 'children' reads 'children_at_home', which the flow never asks",
        "municipality": "testby",
        "rule": "children",
    } in found
    (question,) = [f for f in found if f["file"] == "flows/intake.toml"]
    assert set(question) == {"file", "line", "column", "key", "message"}  # the flow's: no municipality, no rule
    assert question["message"].startswith("question 'children_at_home' is never asked")


def test_the_text_report_is_made_from_the_same_findings(tmp_path: Path) -> None:
    youth = "when = \"age < 18 and wants_treatment and parental_consent == 'yes'\""
    folder = broken(tmp_path, M, youth, youth[:-1] + " and caller == 'relative'\"")  # a dead rule
    _, out, _ = run_check(folder, "json")
    _, lines = findings(folder)
    as_objects = json.loads(out)["findings"]
    assert lines and len(lines) == len(as_objects)
    assert any(f.get("rule") == "youth" for f in as_objects)
    for line, f in zip(lines, as_objects, strict=True):
        assert line == f"{f['file']}:{f['line']}:{f['column']}: {f['key']}: {f['message']}"


def test_an_unreadable_folder_as_json_is_an_object_too(tmp_path: Path) -> None:
    code, out, _ = run_check(tmp_path / "nowhere", "json")
    assert code == 2
    (finding,) = json.loads(out)["findings"]
    assert finding["file"] == str(tmp_path / "nowhere") and finding["message"] == "data folder not found"


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("da", ["Kommune", "klasser afprøvet", "døde regler", "mindste samtale, der viser det", "1 fund"]),
        (
            "en",
            [
                "Municipality",
                "classes checked",
                "dead rules",
                "the smallest conversation that shows it",
                "1 finding(s)",
            ],
        ),
    ],
)
def test_the_text_report_speaks_the_chosen_language(tmp_path: Path, lang: str, words: list[str]) -> None:
    folder = broken(tmp_path, M, 'when = "age >= 18 and wants_treatment"', 'when = "age >= 19 and wants_treatment"')
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = check_report.run(str(folder), "text", "da" if lang == "da" else "en")
    text = out.getvalue() + err.getvalue()
    assert code == 1
    for word in words:
        assert word in text, (word, text)
    assert ("smallest conversation" in text) == (lang == "en")
    assert ("mindste samtale" in text) == (lang == "da")


# --- 4. unreadable input: exit 2 ----------------------------------------------------------


def test_invalid_toml_is_unreadable(tmp_path: Path) -> None:
    folder = broken(tmp_path, M, 'name = "Testby"', 'name = "Testby')
    code, _, err = run_check(folder)
    assert code == 2
    assert err.strip() == f"{M}:2:15: not valid TOML: Illegal character '\\n'"


def test_missing_folder_is_unreadable(tmp_path: Path) -> None:
    code, _, err = run_check(tmp_path / "nowhere")
    assert code == 2
    assert err.strip() == f"{tmp_path / 'nowhere'}: data folder not found"


def test_no_municipality_at_all(tmp_path: Path) -> None:
    """Found by the loader fuzzer: an emptied file used to load as a valid, empty standard."""
    code, lines = findings(make_data(tmp_path, "# everything deleted\n"))
    assert (code, lines) == (1, [f"{M}:1:1: no municipality: add a table such as [holbaek]"])


def test_a_value_left_out_of_a_list_is_a_gap(tmp_path: Path) -> None:
    """Issue 22: the adult rule written as a list of ages with 22 missing. The proof cuts the
    ages at every value a list names, so the 22-year-old without a level is found."""
    ages = ", ".join(str(a) for a in range(18, 121) if a != 22)
    folder = broken(
        tmp_path, M, 'when = "age >= 18 and wants_treatment"', f'when = "age in [{ages}] and wants_treatment"'
    )
    code, _out, err = run_check(folder)
    assert code == 1
    assert f"{M}:1:1: testby: no service level applies" in err.splitlines()
    assert "age = 22" in err.split("(triage recommend --answers -):\n", 1)[1]


def test_not_in_a_list_is_cut_at_its_values(tmp_path: Path) -> None:
    """`age not in [40]`: the 40-year-old is a class of its own, and gets no level here."""
    folder = broken(
        tmp_path,
        M,
        'when = "age >= 18 and wants_treatment"',
        'when = "age >= 18 and age not in [40] and wants_treatment"',
    )
    code, _out, err = run_check(folder)
    assert code == 1
    assert "age = 40" in err.split("(triage recommend --answers -):\n", 1)[1]


# --- issue 18: the law as a base layer, invariants and overlaps as data ----------------------


def test_a_municipality_without_rules_gets_the_law_and_passes(tmp_path: Path) -> None:
    code, out, err = run_check(make_data(tmp_path, BARE))
    assert (code, err) == (0, "")
    assert "bareby" in out


def test_overlapping_ordinary_levels_are_named_at_the_rule(tmp_path: Path) -> None:
    folder = broken(
        tmp_path, M, "when = \"age < 18 and wants_treatment and parental_consent == 'yes'\"",
        "when = \"age < 19 and wants_treatment and (age >= 18 or parental_consent == 'yes')\"",
    )  # fmt: skip
    code, out, _ = run_check(folder, "json")
    (overlap,) = [f for f in json.loads(out)["findings"] if "both apply" in f["message"]]
    assert code == 1
    assert overlap["line"] == line_of(folder, M, 'id = "adult"') - 2 and overlap["rule"] == "adult"
    assert overlap["message"].startswith("level rules 'youth' (youth_outpatient) and 'adult' (outpatient) both apply")
    assert "age = 18" in overlap["counterexample"]


def test_an_overlap_marked_intended_is_not_a_finding(tmp_path: Path) -> None:
    folder = broken(
        tmp_path, M, "when = \"age < 18 and wants_treatment and parental_consent == 'yes'\"",
        "when = \"age < 19 and wants_treatment and (age >= 18 or parental_consent == 'yes')\"",
    )  # fmt: skip
    path = folder / M
    path.write_text(
        path.read_text(encoding="utf-8").replace('id = "adult"\n', 'id = "adult"\noverlaps = ["youth"]\n'),
        encoding="utf-8",
    )
    assert run_check(folder)[0] == 0


def test_a_treatment_level_without_the_guarantee(tmp_path: Path) -> None:
    folder = make_data(
        tmp_path, TESTBY.replace('replaces = ["outpatient"]', 'replaces = ["outpatient", "treatment_guarantee"]')
    )
    code, lines = findings(folder)
    assert code == 1
    assert any(
        "without the 14-day guarantee" in line and "invariant 'treatment_carries_guarantee'" in line for line in lines
    )


def test_a_cited_exception_to_the_guarantee_is_accepted(tmp_path: Path) -> None:
    waiver = (
        '[[testby.rules]]\nkind = "warning"\nid = "no_guarantee"\nwhen = "level == \'outpatient\'"\n'
        'waives = ["treatment_start"]\ntext = { da = "x", en = "x" }\n'
        'cite = [{ source = "std", section = "Undtagelse" }]\n'
    )
    base = TESTBY.replace('replaces = ["outpatient"]', 'replaces = ["outpatient", "treatment_guarantee"]')
    folder = make_data(tmp_path, base + "\n" + waiver)
    _, lines = findings(folder)
    assert not any("without the 14-day guarantee" in line and "'adult'" in line for line in lines)


def test_a_dead_national_rule_names_the_municipality(tmp_path: Path) -> None:
    folder = make_data(tmp_path, TESTBY.replace('replaces = ["outpatient"]', "replaces = []"))
    code, out, _ = run_check(folder, "json")
    found = json.loads(out)["findings"]
    dead = [f for f in found if f.get("rule") == "outpatient" and "never applies" in f["message"]]
    overlap = [f for f in found if "both apply" in f["message"]]
    assert code == 1 and (dead or overlap)
    for f in dead:
        assert f["file"] == M and f["municipality"] == "testby" and "in Testby (testby)" in f["message"]
    for f in overlap:
        assert f["file"] == M and 'replaces = ["outpatient"]' in f["message"]


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        (
            "flows/law.toml",
            "holds = \"role == 'emergency'\"",
            "holds = \"role == 'emergncy'\"",
            "'emergncy' is not an option of role",
        ),
        (
            "flows/law.toml",
            "holds = \"'child_welfare' in notifications\"",
            "holds = \"'child_wellfare' in notifications\"",
            "child_wellfare",
        ),
        ("flows/intake.toml", 'question = "anonymous"', 'question = "anonymus"', "unknown question 'anonymus'"),
        ("flows/intake.toml", 'role = "guarantee"', 'role = "garantee"', "garantee"),
        (
            M,
            'id = "adult"\n',
            'id = "adult"\noverlaps = ["yuoth"]\n',
            "no level rule 'yuoth' here (did you mean 'youth'?)",
        ),
    ],
)
def test_the_new_data_is_checked_where_it_is_written(
    tmp_path: Path, file: str, old: str, new: str, message: str
) -> None:
    folder = broken(tmp_path, file, old, new)
    code, lines = findings(folder)
    needle = new.splitlines()[-1] if file == M else new
    assert code == 1
    assert any(line.startswith(f"{file}:{line_of(folder, file, needle)}:") and message in line for line in lines), lines
