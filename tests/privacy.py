"""Test helpers that prove triage's privacy promises; shared by the CLI, prompt and TUI tests.

- ``no_network``: sockets, DNS and ``create_connection`` fail and every attempt is recorded.
- ``sandbox``: HOME, the XDG folders, TMPDIR and the working directory are fresh empty
  folders; ``sandbox.written()`` lists everything that appeared in any of them.
- ``sandbox.child_env()``: the same for a child process, with the network guard installed
  there too (attempts land in ``sandbox.net_log``).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.netguard.guard import NetworkGuard

ROOT = Path(__file__).resolve().parent.parent
NETGUARD_DIR = Path(__file__).resolve().parent / "netguard"

# Every place a program conventionally writes without being told where.
HOME_VARS = {
    "HOME": "home",
    "XDG_CONFIG_HOME": "config",
    "XDG_DATA_HOME": "data",
    "XDG_CACHE_HOME": "cache",
    "XDG_STATE_HOME": "state",
    "XDG_RUNTIME_DIR": "runtime",
    "TMPDIR": "tmp",
}


@dataclass(frozen=True)
class Sandbox:
    root: Path  # holds one empty folder per variable above, and ``work`` (the cwd)
    net_log: Path  # outside root: network attempts of child processes

    @property
    def cwd(self) -> Path:
        return self.root / "work"

    def folder(self, var: str) -> Path:
        return self.root / HOME_VARS[var]

    def written(self) -> list[str]:
        """Every file or folder that appeared under HOME, XDG_*, TMPDIR or the cwd, relative to them."""
        made = {self.cwd, *(self.root / d for d in HOME_VARS.values())}
        return sorted(str(p.relative_to(self.root)) for p in self.root.rglob("*") if p not in made)

    def child_env(self) -> dict[str, str]:
        """Environment for a child process: the empty folders, and the network guard preloaded."""
        env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "TRIAGE_"))}
        env.update({var: str(self.root / d) for var, d in HOME_VARS.items()})
        env["PYTHONPATH"] = os.pathsep.join([str(NETGUARD_DIR), str(ROOT)])
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        env["TRIAGE_NETGUARD_LOG"] = str(self.net_log)
        return env

    def network_attempts(self) -> list[str]:
        return self.net_log.read_text(encoding="utf-8").splitlines() if self.net_log.exists() else []


@pytest.fixture
def no_network() -> Iterator[NetworkGuard]:
    """Make the network unusable for the test; the guard's ``attempts`` lists what was tried."""
    guard = NetworkGuard().install()
    try:
        yield guard
    finally:
        guard.uninstall()


@pytest.fixture
def sandbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Sandbox:
    """Empty HOME, XDG folders, TMPDIR and cwd for this test (in-process and for children)."""
    root = tmp_path / "sandbox"
    for var, d in HOME_VARS.items():
        (root / d).mkdir(parents=True, mode=0o700)
        monkeypatch.setenv(var, str(root / d))
    (root / "work").mkdir()
    monkeypatch.chdir(root / "work")
    monkeypatch.setattr(tempfile, "tempdir", None)  # tempfile caches TMPDIR on first use
    box = Sandbox(root, tmp_path / "network-attempts.log")
    assert box.written() == []
    return box
