"""Issue 22 (faults and misuse, round 3): escape sequences in data, values echoed whole,
extreme dates and lengths, a FIFO as a data file. Each was seen to fail before its fix."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import CONTACT, ROOT, answers
from triage.cli.main import main
from triage.data import loader
from triage.output.render import to_markdown
from triage.rules import recommendation
from triage.rules.model import Knowledge
from triage.rules.printable import excerpt, printable
from triage.rules.record import replace

ESC = "\x1b"
EXAMPLE = ROOT / "examples" / "holbaek-youth.toml"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copy(ROOT / "municipalities.toml", folder)
    shutil.copytree(ROOT / "flows", folder / "flows")
    return folder


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# --- 4. escape sequences -------------------------------------------------------------------
HOSTILE = {
    "osc-title-clipboard": r"\u001b]2;pwned\u0007\u001b]52;c;aGk=\u0007",
    "clear-screen": r"\u001b[2J\u001b[H",
    "c1-csi": r"\u009b2J",
    "del": r"\u007f",
    "newline-in-a-name": r"\nNo change",
    "nul": r"\u0000",
}


@pytest.mark.parametrize("kind", list(HOSTILE))
def test_check_refuses_control_characters_in_a_data_string(
    data: Path, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(data / "municipalities.toml", 'name = "Holbæk"', f'name = "Holbæk{HOSTILE[kind]}"')
    code = main(["check", str(data)])
    out, err = capsys.readouterr()
    assert code in (1, 2)
    assert ESC not in out + err and "\x9b" not in out + err and "\x7f" not in out + err
    assert re.match(r"municipalities\.toml:\d+:\d+: holbaek\.name: control character", err), err
    assert len(err.splitlines()) == 1


def test_no_command_runs_on_data_with_control_characters(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A recipient string with a clear-screen and fake lines: refused by `recommend` and `diff` too."""
    muni = data / "municipalities.toml"
    edit(muni, 'child_welfare = "Børn, Unge og Familie"', 'child_welfare = "Børn\\u001b[2J\\nNo changes."')
    assert main(["--data", str(data), "recommend", "--answers", str(EXAMPLE), "--format", "text"]) == 2
    assert main(["diff", str(ROOT), str(data)]) == 2
    out, err = capsys.readouterr()
    assert ESC not in out + err
    assert "control character" in err


def test_newlines_and_tabs_are_allowed_in_texts(data: Path) -> None:
    edit(data / "municipalities.toml", 'note = "', 'note = "two\\n\\tlines: ')
    assert loader.load(data).municipalities


def test_markdown_escapes_what_reaches_it(knowledge: Knowledge) -> None:
    """Defence in depth: a string that got past the loader is shown, not acted on."""
    m = knowledge.municipalities["holbaek"]
    named = replace(m, name="H\x1b]2;x\x07")
    hostile = replace(knowledge, municipalities={**knowledge.municipalities, "holbaek": named})

    rec = recommendation.recommend(hostile, "holbaek", answers(), CONTACT, "en")
    text = to_markdown(rec, hostile.flow)
    assert ESC not in text and "\x07" not in text and "H\\x1b]2;x\\x07" in text


def test_printable_and_excerpt() -> None:
    assert printable("a\x1b[2Jb\x9b\x7f") == "a\\x1b[2Jb\\x9b\\x7f"
    assert printable("a\nb\tc\rd", lines=True) == "a\nb\tc\\rd"
    assert printable("\u202eevil") == "\\u202eevil"
    assert excerpt("x" * 1000) == "x" * 60 + "…"
    assert excerpt("0101901234 Hansen") == "0101901234 Hansen"


def test_an_840_kb_value_is_echoed_as_a_short_prefix(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.toml"
    text = EXAMPLE.read_text(encoding="utf-8").replace('caller = "self"', f'caller = "{"x" * 840_000}"')
    bad.write_text(text, encoding="utf-8")
    assert main(["recommend", "--answers", str(bad)]) == 2
    for args in (["diff", str(ROOT), "--municipality", "y" * 840_000], ["ask", "--date", "z" * 840_000]):
        assert main(args) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 3
    assert all(len(line) < 400 for line in err.splitlines()), [len(line) for line in err.splitlines()]
    assert "x" * 60 + "…" in err


# --- 9. extreme dates and lengths ----------------------------------------------------------
@pytest.mark.parametrize("days", ["3000000", "-5"])
def test_days_out_of_bounds_are_refused_by_check(data: Path, days: str, capsys: pytest.CaptureFixture[str]) -> None:
    edit(data / "municipalities.toml", "days = 14", f"days = {days}")
    assert main(["check", str(data)]) in (1, 2)
    assert main(["--data", str(data), "recommend", "--answers", str(EXAMPLE)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and ".days: expected" in err


@pytest.mark.parametrize("date", ["9999-12-31", "9999-12-18", "0001-01-01"])
def test_an_extreme_contact_date_is_one_line(tmp_path: Path, date: str, capsys: pytest.CaptureFixture[str]) -> None:
    answers = tmp_path / "a.toml"
    answers.write_text(re.sub(r"contact_date = .*", f"contact_date = {date}", EXAMPLE.read_text("utf-8")), "utf-8")
    assert main(["recommend", "--answers", str(answers)]) == 2
    assert main(["diff", str(ROOT), str(ROOT), "--date", date]) == 2
    assert main(["ask", "--date", date]) == 2  # refused before any question is asked
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 3 and all("out of range" in line for line in lines), lines


# --- 13. a TOML datetime as contact_date ---------------------------------------------------
def test_a_datetime_as_contact_date_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers = tmp_path / "a.toml"
    text = re.sub(r"contact_date = .*", "contact_date = 2026-11-24T10:00:00", EXAMPLE.read_text("utf-8"))
    answers.write_text(text, "utf-8")
    assert main(["recommend", "--answers", str(answers), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "got a date with a time" in err
    assert main(["recommend", "--answers", str(answers)]) == 2  # Danish, the default
    assert "fik en dato med klokkeslæt (2026-11-24T10:00:00)" in capsys.readouterr().err


# --- 12. a FIFO as a data file ---------------------------------------------------------------
def test_a_fifo_as_a_data_file_is_refused_not_waited_on(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    law = data / "flows" / "law.toml"
    law.unlink()
    os.mkfifo(law)
    assert main(["check", str(data)]) == 2
    assert main(["diff", str(ROOT), str(data)]) == 2
    err = capsys.readouterr().err
    assert "flows/law.toml" in err and "not a regular file" in err


# --- 13. COLUMNS=0 ------------------------------------------------------------------------------


# --- 12. the work bounded, not only the bytes ------------------------------------------------
def test_a_huge_or_is_refused_naming_the_limit(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    terms = " or ".join(f"age == {n % 100}" for n in range(5000))  # the probe had 1.15 million
    edit(data / "municipalities.toml", 'when = "not resident"', f'when = "{terms}"')
    assert main(["check", str(data)]) in (1, 2)
    err = capsys.readouterr().err
    assert "condition is too long (more than 1000 terms)" in err and len(err.splitlines()) == 1


def test_many_named_options_are_refused_before_enumerating(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """30 substance options that a condition names: 2**30 classes, a MemoryError in `check`."""
    extra = "".join(f'  {{ value = "o{n}", label = {{ da = "O{n}", en = "O{n}" }} }},\n' for n in range(30))
    intake = data / "flows" / "intake.toml"
    edit(intake, '  { value = "other", key = "x"', extra + '  { value = "other", key = "x"')
    named = ", ".join(["'alcohol'", *(f"'o{n}'" for n in range(30))])
    edit(intake, "resident and substances != ['alcohol']\"", f'resident and substances != [{named}]"')
    assert main(["check", str(data)]) == 2
    assert main(["diff", str(ROOT), str(data)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 2 and all("substances: conditions name 31 of its options" in line for line in err), err


def test_many_questions_are_refused_before_enumerating(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """25 new yes/no questions that conditions read: `check` ran for more than a minute."""
    def when(n: int) -> str:
        return f"extra_{n - 1} or not extra_{n - 1}" if n else "true"

    questions = "".join(
        f'\n[[questions]]\nid = "extra_{n}"\nkind = "bool"\nwhen = "{when(n)}"\n'
        f'label = {{ da = "E{n}?", en = "E{n}?" }}\nhelp = {{ da = "E", en = "E" }}\n'
        for n in range(26)
    )
    intake = data / "flows" / "intake.toml"
    text = intake.read_text(encoding="utf-8")
    at = text.index("[[questions]]")
    intake.write_text(text[:at] + questions.lstrip("\n") + "\n" + text[at:], encoding="utf-8")
    assert main(["check", str(data)]) == 2
    err = capsys.readouterr().err
    assert "the proof walks at most 150,000,000" in err and len(err.splitlines()) == 1
