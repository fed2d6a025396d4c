"""`triage diff` against a git revision: real git processes make the repository it reads."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.unit.test_diff import copy
from triage.cli.main import main


def test_a_git_revision(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """OLD may be a revision of the git work tree that holds NEW: read with git show, nothing checked out."""
    repo = copy(tmp_path, "repo")
    git = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-qm", "data"], check=True)
    path = repo / "municipalities.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace('when = "age < 13"', 'when = "age < 15"'), encoding="utf-8"
    )
    assert main(["diff", "HEAD", "--data", str(repo)]) == 1
    assert "holbaek: " in capsys.readouterr().out
    assert main(["diff", "HEAD~5", "--data", str(repo)]) == 2
    assert "HEAD~5:flows/intake.toml" in capsys.readouterr().err
    plain = copy(tmp_path, "plain")
    assert main(["diff", "HEAD", str(plain)]) == 2
    assert "not in a git work tree" in capsys.readouterr().err
