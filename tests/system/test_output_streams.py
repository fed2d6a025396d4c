"""Output to what the shell gives: an encoding without æøå, a pipe closed early (issue 12, item 8;
`triage recommend … | head`). Never a traceback; JSON stays lossless."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT

EXAMPLE = str(ROOT / "examples" / "holbaek-youth.toml")
COMMANDS = [
    ["recommend", "--answers", EXAMPLE, "--format", "text"],
    ["recommend", "--answers", EXAMPLE, "--format", "markdown"],
    ["recommend", "--answers", EXAMPLE],
    ["scenarios", "list"],
    ["scenarios", "test"],
    ["--lang", "en", "scenarios", "test"],
    ["check"],
]
ASCII = {"PYTHONIOENCODING": "ascii"}
C_LOCALE = {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[bytes]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "PYTHONIO", "PYTHONUTF8"))}
    return subprocess.run(
        [sys.executable, "-m", "triage", *args],
        env={**clean, **env, "PYTHONDONTWRITEBYTECODE": "1"},
        capture_output=True,
        cwd=ROOT,
        check=False,
        timeout=120,
    )


@pytest.mark.parametrize("env", [ASCII, C_LOCALE], ids=["PYTHONIOENCODING=ascii", "C-locale"])
@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a).replace(EXAMPLE, "FILE"))
def test_an_output_encoding_without_danish_letters_is_no_error(args: list[str], env: dict[str, str]) -> None:
    result = run(args, env)
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    assert b"Traceback" not in result.stderr
    result.stdout.decode("ascii")  # what could not be written is spelt out, not dropped mid-line
    if args[0] == "recommend" and "--format" in args:
        assert b"Holbaek" in result.stdout  # æ ø å written the Danish way: ae oe aa


def test_json_in_ascii_is_lossless() -> None:
    utf8 = run(["recommend", "--answers", EXAMPLE], {"PYTHONIOENCODING": "utf-8"})
    ascii_ = run(["recommend", "--answers", EXAMPLE], ASCII)
    assert b"\\u00e6" in ascii_.stdout
    assert json.loads(ascii_.stdout) == json.loads(utf8.stdout)


@pytest.mark.parametrize(
    "args",
    [
        ["recommend", "--answers", EXAMPLE, "--format", "markdown"],
        ["recommend", "--answers", EXAMPLE],
        ["scenarios", "list"],
    ],
    ids=["markdown", "json", "scenarios-list"],
)
def test_a_pipe_closed_early_is_no_traceback(args: list[str]) -> None:
    """`triage recommend … | head -1`: the reader is gone before triage writes (deterministic)."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "triage", *args],
            stdout=write_end,
            stderr=subprocess.PIPE,
            cwd=ROOT,
            check=False,
            timeout=120,
        )
    finally:
        os.close(write_end)
    assert result.stderr == b""
    assert result.returncode == 141  # as a shell reports a program ended by SIGPIPE
