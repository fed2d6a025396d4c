"""Every bad-input path of `triage recommend`: one located line on stderr, exit 2, no traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import BASE, ROOT

GOOD = {
    "municipality": "holbaek",
    "contact_date": "2026-11-24",
    **{k: list(v) if isinstance(v, tuple) else v for k, v in BASE.items()},
}


def run(tmp_path: Path, name: str, content: bytes | str) -> subprocess.CompletedProcess[str]:
    path = tmp_path / name
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return subprocess.run(
        [sys.executable, "-m", "triage", "--lang", "en", "recommend", "--answers", str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )


def with_(**changes: object) -> str:
    data = {**GOOD, **changes}
    return json.dumps({k: v for k, v in data.items() if v is not None}, indent=1)


CASES = [
    ("wrong_type_bool", with_(resident="yes"), "resident: expected true or false, got 'yes'"),
    ("wrong_type_int", with_(age="forty"), "age: expected a whole number or 'unknown', got 'forty'"),
    ("out_of_range", with_(age=130), "age: 130 is out of range (0-120)"),
    (
        "unknown_option",
        with_(caller="parent"),
        "caller: 'parent' is not an option (options: self, relative, professional)",
    ),
    (
        "unknown_substance",
        with_(substances=["cannabiss"]),
        "substances: 'cannabiss' is not an option (did you mean 'cannabis'?)",
    ),
    ("unknown_key", with_(pregnant="self"), "pregnant: unknown answer (did you mean 'pregnancy'?)"),
    ("missing_key", with_(age=None), "age: missing answer"),
    (
        "unknown_municipality",
        with_(municipality="holbek"),
        "municipality: unknown municipality 'holbek' (did you mean 'holbaek'?)",
    ),
    ("bad_date", with_(contact_date="24-11-2026"), "contact_date: expected a date YYYY-MM-DD"),
    ("empty_list", with_(substances=[]), "substances: choose at least 1"),
]


@pytest.mark.parametrize(("case", "content", "message"), CASES, ids=[c[0] for c in CASES])
def test_bad_answer(tmp_path: Path, case: str, content: str, message: str) -> None:
    result = run(tmp_path, "answers.json", content)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert message in lines[0]
    assert lines[0].startswith(str(tmp_path / "answers.json"))


def test_line_number_is_given(tmp_path: Path) -> None:
    result = run(tmp_path, "answers.json", with_(age=130))
    line = next(i for i, text in enumerate(with_(age=130).splitlines(), 1) if '"age"' in text)
    assert f"answers.json:{line}:" in result.stderr


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.toml", "", "file is empty"),
        ("latin1.toml", "municipality = 'holbæk'\n".encode("latin-1"), "file is not UTF-8 text"),
        ("broken.toml", "municipality = \n", "not valid TOML"),
        ("broken.json", '{"municipality": }', "not valid JSON"),
        ("list.json", "[1, 2]", "expected a JSON object of answers"),
        ("huge.toml", "# " + "x" * (10 * 1024 * 1024), "file is too large"),
    ],
    ids=["empty", "latin1", "toml-syntax", "json-syntax", "json-list", "10MB"],
)
def test_unreadable_file(tmp_path: Path, name: str, content: bytes | str, message: str) -> None:
    result = run(tmp_path, name, content)
    assert result.returncode == 2 and message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_missing_file() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "triage", "--lang", "en", "recommend", "--answers", "/nonexistent.toml"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2 and "/nonexistent.toml: cannot read file" in result.stderr


def test_ignored_key_is_a_warning_not_an_error(tmp_path: Path) -> None:
    content = with_(resident=False)  # the drug questions are not asked of non-residents
    result = run(tmp_path, "answers.json", content)
    assert result.returncode == 0
    assert "substances: not asked for these answers; ignored" in result.stderr
    assert json.loads(result.stdout)["service_level"] == "refer_home_municipality"


def test_stdin_and_formats(tmp_path: Path) -> None:
    for fmt in ("json", "text", "markdown"):
        result = subprocess.run(
            [sys.executable, "-m", "triage", "--lang", "en", "recommend", "--answers", "-", "--format", fmt],
            input=with_(),
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        assert ("outpatient" in result.stdout) or ("Ambulant" in result.stdout)


def test_a_control_character_in_a_value_stays_on_one_line(tmp_path: Path) -> None:
    """Found by the hypothesis battery: a municipality of '\\r' split the message in two."""
    proc = run(tmp_path, "answers.json", with_(municipality="\r"))
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1
    assert "unknown municipality '\\r'" in proc.stderr
