"""SIGTERM or SIGHUP to the wizard, training or `ask` (issue 12, item 10): the terminal is given
back as after Ctrl+Q — main screen, echo on, cursor shown — and the process ends at once."""

from __future__ import annotations

import signal
import sys
import termios

import pexpect
import pytest

from tests.privacy import Sandbox

CASES = {
    "wizard": (["--lang", "en", "--municipality", "holbaek"], "Question 1 of"),
    "train": (["train", "--lang", "en", "--scenario", "holbaek-youth-17"], "Question 1 of"),
    "ask": (["ask", "--lang", "en", "--municipality", "holbaek"], r"\(y/n; < back\)"),
}


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
@pytest.mark.parametrize("mode", list(CASES))
def test_a_signal_gives_the_terminal_back(mode: str, sig: signal.Signals, sandbox: Sandbox) -> None:
    args, ready = CASES[mode]
    child = pexpect.spawn(
        sys.executable,
        ["-m", "triage", *args],
        env=sandbox.child_env() | {"TERM": "xterm-256color", "PROMPT_TOOLKIT_NO_CPR": "1"},
        cwd=str(sandbox.cwd),
        timeout=30,
        dimensions=(24, 80),
    )
    try:
        if mode == "train":  # the first round asks the trainee's name once, before the screen starts
            child.expect("never a CPR number")
            child.sendline("KT")
        child.expect(ready)
        assert not termios.tcgetattr(child.child_fd)[3] & termios.ECHO  # the program has the terminal
        child.kill(sig)
        child.expect(pexpect.EOF)
        after = child.before
        modes = termios.tcgetattr(child.child_fd)
    finally:
        child.close()
    assert modes[3] & termios.ECHO and modes[3] & termios.ICANON, "echo and line editing restored"
    assert b"Traceback" not in after
    if mode != "ask":
        assert b"\x1b[?1049l" in after  # back from the alternate screen
    assert after.rfind(b"\x1b[?25h") > after.rfind(b"\x1b[?25l")  # the cursor shown last
    assert child.exitstatus == 128 + sig or child.signalstatus == sig
