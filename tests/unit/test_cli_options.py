"""Global options mean the same before and after the command name (issue 12, item 2)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT
from triage.cli.main import build_parser, main

EXAMPLE = str(ROOT / "examples" / "holbaek-youth.toml")


@pytest.fixture
def bad_data(tmp_path: Path) -> Path:
    (tmp_path / "municipalities.toml").write_text("x = \n", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("before", [True, False])
def test_data_before_or_after_check_is_the_folder_checked(
    bad_data: Path, before: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["--data", str(bad_data), "check"] if before else ["check", "--data", str(bad_data)]
    assert main(argv) == 2
    assert "municipalities.toml:1:5: not valid TOML" in capsys.readouterr().err


@pytest.mark.parametrize(
    "command",
    [["check"], ["recommend", "--answers", "x"], ["ask"], ["scenarios", "test"], ["scenarios", "list"], ["train"], []],
)
def test_every_command_keeps_data_and_lang_given_before_its_name(command: list[str]) -> None:
    args = build_parser().parse_args(["--data", "D", "--lang", "en", *command])
    assert (args.data, args.lang) == ("D", "en")
    after = build_parser().parse_args([*command, "--data", "E", "--lang", "en"]) if command else None
    if after is not None:
        assert (after.data, after.lang) == ("E", "en")
    default = build_parser().parse_args(command)
    assert (default.data, default.lang) == (None, "da")


def test_lang_before_recommend_gives_english(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "en", "recommend", "--answers", EXAMPLE, "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    assert "## Service level:" in out
    assert "Serviceniveau" not in out
