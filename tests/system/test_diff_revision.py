"""Issue 22, point 11: `triage diff` against a git revision, as an unlucky or hostile setting
tries it. Each is one line and exit 2 (never 1, which means "changes"), and no temporary
folder is left behind."""

from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

import pytest

from tests.conftest import ROOT
from triage.cli import revision
from triage.cli.main import main
from triage.rules.errors import DataError


def repo_with_data(tmp_path: Path, name: str = "repo") -> Path:
    repo = tmp_path / name
    repo.mkdir()
    shutil.copy(ROOT / "municipalities.toml", repo)
    shutil.copytree(ROOT / "flows", repo / "flows")
    commit(repo)
    return repo


def commit(repo: Path) -> None:
    git = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    env = revision.git_environment()
    if not (repo / ".git").exists():
        subprocess.run([*git, "init", "-q"], check=True, env=env)
    subprocess.run([*git, "add", "."], check=True, env=env)
    subprocess.run([*git, "commit", "-qm", "data"], check=True, env=env)


@pytest.fixture
def tmpdir_watch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private TMPDIR, to see that nothing is left in it."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def test_an_empty_old_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", ""]) == 2  # compared the current folder before
    assert "OLD: empty" in capsys.readouterr().err


def test_git_dir_and_work_tree_in_the_environment_are_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = repo_with_data(tmp_path)
    other = tmp_path / "other"
    other.mkdir()
    subprocess.run(["git", "-C", str(other), "init", "-q"], check=True, env=revision.git_environment())
    monkeypatch.setenv("GIT_DIR", str(other / ".git"))
    monkeypatch.setenv("GIT_WORK_TREE", str(other))
    assert main(["diff", "HEAD", "--data", str(repo)]) == 0
    assert "no change" in capsys.readouterr().out.lower()


def test_a_blob_that_is_not_utf8_is_an_error_not_replacement_characters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = repo_with_data(tmp_path)
    muni = repo / "municipalities.toml"
    good = muni.read_bytes()
    muni.write_bytes(b"# f\xe6lles (Latin-1)\n" + good)
    commit(repo)
    muni.write_bytes(good)
    assert main(["diff", "HEAD", "--data", str(repo)]) == 2
    assert "HEAD:municipalities.toml:1: file is not UTF-8 text" in capsys.readouterr().err


def test_the_size_is_checked_before_a_blob_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = repo_with_data(tmp_path)
    calls: list[tuple[str, ...]] = []
    real = revision._git

    def spy(cwd: Path, *args: str, limit: int | None = None) -> object:
        calls.append(args)
        return real(cwd, *args, limit=limit)

    monkeypatch.setattr(revision, "_git", spy)
    monkeypatch.setattr(revision, "MAX_DATA_BYTES", 1000)  # every shipped file is larger
    with pytest.raises(DataError, match=r"HEAD:flows/intake.toml: file is too large"), revision.old_data("HEAD", repo):
        pass
    assert not any(args[:2] == ("cat-file", "blob") for args in calls)  # never read whole


def test_dubious_ownership_is_said_as_such(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = repo_with_data(tmp_path)
    if os.geteuid() != 0:
        pytest.skip("giving a repository to another user needs root")
    for path in [repo, *repo.rglob("*")]:
        os.lchown(path, 12345, 12345)
    assert main(["diff", "HEAD", "--data", str(repo)]) == 2
    err = capsys.readouterr().err
    assert "dubious ownership" in err and "not in a git work tree" not in err


def test_sigterm_while_reading_removes_the_temporary_folder(tmp_path: Path, tmpdir_watch: Path) -> None:
    repo = repo_with_data(tmp_path)
    with pytest.raises(SystemExit) as ended, revision.old_data("HEAD", repo) as (folder, _):
        assert folder.parent == tmpdir_watch and folder.is_dir()
        handler = signal.getsignal(signal.SIGTERM)
        assert callable(handler)
        handler(signal.SIGTERM, None)  # what the signal would do
    assert ended.value.code == 128 + signal.SIGTERM
    assert list(tmpdir_watch.iterdir()) == []


@pytest.mark.parametrize("error", [MemoryError(), OSError(errno.ENOSPC, "No space left on device")])
def test_memory_error_or_a_full_tmpdir_is_one_line_and_cleaned(
    tmp_path: Path, tmpdir_watch: Path, monkeypatch: pytest.MonkeyPatch, error: BaseException,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    repo = repo_with_data(tmp_path)

    def failing(self: Path, data: bytes) -> int:
        raise error

    monkeypatch.setattr(Path, "write_bytes", failing)
    assert main(["diff", "HEAD", "--data", str(repo)]) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    assert list(tmpdir_watch.iterdir()) == []


def test_a_fault_of_triage_exits_2_not_1(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """Python's exit code for a traceback is 1, which `diff` documents as "changes"."""
    from triage.cli import diff_report

    def broken(*args: object, **kwargs: object) -> int:
        raise RuntimeError("a bug")

    monkeypatch.setattr(diff_report, "run", broken)
    assert main(["diff", str(ROOT)]) == 2
    assert capsys.readouterr().err == "triage: internal error (RuntimeError: a bug); --dev shows where\n"
    with pytest.raises(RuntimeError):
        main(["--dev", "diff", str(ROOT)])
