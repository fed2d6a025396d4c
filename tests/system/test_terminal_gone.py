"""Issue 22, points 8 and 13: a wizard whose terminal goes away without a SIGHUP ends instead of
spinning; exported COLUMNS/LINES do not override the terminal's real size."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pexpect
import pytest

from tests.privacy import Sandbox


def _read_until(fd: int, wanted: bytes, deadline: float) -> bytes:
    seen = b""
    while wanted not in seen:
        if time.monotonic() > deadline:
            raise AssertionError(f"never saw {wanted!r}: {seen[-400:]!r}")
        import select

        ready, _, _ = select.select([fd], [], [], 0.5)
        if ready:
            seen += os.read(fd, 65536)
    return seen


@pytest.mark.parametrize("mode", [["--municipality", "holbaek"], ["train", "--scenario", "holbaek-youth-17"]])
def test_the_wizard_ends_when_its_terminal_is_gone_without_a_sighup(mode: list[str], sandbox: Sandbox) -> None:
    """The pseudo-terminal is not the child's controlling terminal (a new session, as through
    `su -c`): closing it sends no SIGHUP, the child's reads only see end-of-file."""
    master, slave = os.openpty()
    os.set_inheritable(slave, True)
    env = sandbox.child_env() | {"TERM": "xterm-256color"}
    child = subprocess.Popen(
        [sys.executable, "-m", "triage", "--lang", "en", *mode],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        cwd=sandbox.cwd,
        start_new_session=True,
    )
    os.close(slave)
    try:
        _read_until(master, b"Question 1 of", time.monotonic() + 30)
        os.close(master)  # the terminal window is closed
        code = child.wait(timeout=20)  # spun for ever before
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert code == 128 + 1  # as after a SIGHUP


def test_exported_columns_and_lines_do_not_override_the_real_size(sandbox: Sandbox) -> None:
    child = pexpect.spawn(
        sys.executable,
        ["-m", "triage", "--lang", "en", "--municipality", "holbaek"],
        env=sandbox.child_env() | {"TERM": "xterm-256color", "COLUMNS": "200", "LINES": "60"},
        cwd=str(sandbox.cwd),
        timeout=30,
        dimensions=(24, 80),
    )
    try:
        child.expect("Question 1 of")
        child.expect(r"\x1b\[24;\d+H")  # drawn on the 24th row, the terminal's last ...
        with pytest.raises(pexpect.TIMEOUT):
            child.expect(r"\x1b\[(2[5-9]|[3-6]\d);\d+H", timeout=3)  # ... and never below it
        child.sendcontrol("q")
        child.expect(pexpect.EOF)
    finally:
        child.close()
