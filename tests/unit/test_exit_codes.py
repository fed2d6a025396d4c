"""Exit codes are defined once (``triage.rules.errors.Exit``) and carried by the error types.

A bare ``return 2`` or ``EXIT_BAD = 2`` in a command lets two commands drift apart on what a
code means; the contract's table is one enum, and an error says which code it ends with.
"""

from __future__ import annotations

import argparse
import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT
from triage.cli import main as cli
from triage.rules.errors import AnswersError, DataError, Exit, Problem, TriageError

FRONT_ENDS = [*sorted((ROOT / "triage" / "cli").glob("*.py")), ROOT / "triage" / "tui" / "launch.py"]
FRONT_ENDS.append(ROOT / "triage" / "tui" / "train_app.py")


def test_the_contract_codes() -> None:
    assert (Exit.OK, Exit.FINDINGS, Exit.BAD_INPUT) == (0, 1, 2)
    assert (Exit.STOPPED, Exit.PIPE_CLOSED) == (130, 141)


@pytest.mark.parametrize("error", [TriageError, DataError, AnswersError])
def test_bad_input_carries_its_code(error: type[TriageError]) -> None:
    assert error(Problem("f", "k", "m")).exit_code == Exit.BAD_INPUT


def test_the_command_line_ends_with_the_code_the_error_carries(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    class Odd(TriageError):
        exit_code = Exit.FINDINGS

    def failing(_args: argparse.Namespace) -> int:
        raise Odd(Problem("f.toml", "key", "what is wrong", 3))

    monkeypatch.setattr(cli, "cmd_recommend", failing)
    assert cli.main(["recommend", "--answers", "x"]) == Exit.FINDINGS
    assert capsys.readouterr().err == "f.toml:3: key: what is wrong\n"


def _literal_codes(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        value = None
        if isinstance(node, ast.Return) and node.value is not None:
            value = node.value
        elif isinstance(node, ast.Call) and getattr(node.func, "id", None) == "SystemExit" and node.args:
            value = node.args[0]
        elif isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id.startswith("EXIT_") for t in ast.walk(node) if isinstance(t, ast.Name)
        ):
            found.append(f"{path.name}:{node.lineno}: an EXIT_ constant")
        branches = [value.body, value.orelse] if isinstance(value, ast.IfExp) else [value]
        for v in branches:
            if isinstance(v, ast.Constant) and type(v.value) is int:
                found.append(f"{path.name}:{node.lineno}: {v.value}")
        if isinstance(value, ast.BinOp) and isinstance(value.left, ast.Constant) and value.left.value == 128:
            found.append(f"{path.name}:{node.lineno}: 128 + a signal")
    return found


def test_no_front_end_spells_an_exit_code_itself() -> None:
    found = [hit for path in FRONT_ENDS for hit in _literal_codes(path)]
    assert found == []
