"""The wizard and training need a keyboard and a screen (issue 12, items 11 and 12): without
them, one line saying what to use instead and exit 2 — never keystrokes read from a file, a
busy loop on /dev/null, or the screen (answers and all) written into a redirected file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

EXAMPLE = ROOT / "examples" / "holbaek-youth.toml"
COMMANDS = [["--lang", "en"], ["train", "--lang", "en"]]


def run(
    args: list[str],
    *,
    stdin: object,
    stderr: object = subprocess.PIPE,
    term: str = "xterm-256color",
    stdout: object = subprocess.PIPE,
) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "TERM": term, "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(
        [sys.executable, "-m", "triage", *args],
        stdin=stdin,
        stdout=stdout,
        stderr=stderr,
        env=env,
        cwd=ROOT,
        check=False,
        timeout=60,  # the old wizard on /dev/null spun for ever
    )


@pytest.mark.parametrize("args", COMMANDS, ids=["wizard", "train"])
@pytest.mark.parametrize("source", ["devnull", "file"])
def test_without_a_keyboard_it_points_to_recommend(args: list[str], source: str) -> None:
    with open(os.devnull if source == "devnull" else EXAMPLE, "rb") as stdin:
        result = run(args, stdin=stdin)
    assert result.returncode == 2
    assert result.stdout == b""
    err = result.stderr.decode()
    assert len(err.splitlines()) == 1 and "triage recommend --answers FILE|-" in err and "stdin" in err, err


@pytest.mark.parametrize("args", COMMANDS, ids=["wizard", "train"])
def test_a_dumb_terminal_points_to_ask(args: list[str]) -> None:
    primary, secondary = os.openpty()
    try:
        result = run(args, stdin=secondary, stdout=secondary, term="dumb")
    finally:
        os.close(primary)
        os.close(secondary)
    assert result.returncode == 2
    err = result.stderr.decode()
    assert len(err.splitlines()) == 1 and "TERM=dumb" in err and "triage ask" in err, err


@pytest.mark.parametrize("args", COMMANDS, ids=["wizard", "train"])
def test_a_screen_redirected_to_a_file_is_refused(args: list[str], tmp_path: Path) -> None:
    """`triage 2> file`: Textual draws on stderr, so the file would hold every answer, 0644."""
    screen = tmp_path / "screen.txt"
    primary, secondary = os.openpty()
    try:
        with screen.open("wb") as stderr:
            result = run(args, stdin=secondary, stdout=secondary, stderr=stderr)
    finally:
        os.close(primary)
        os.close(secondary)
    assert result.returncode == 2
    text = screen.read_text(encoding="utf-8")
    assert len(text.splitlines()) == 1 and "not a terminal" in text and "triage ask" in text, text
