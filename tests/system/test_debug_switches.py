"""Issue 22, point 5: Textual's debug switches write the answers (TEXTUAL_LOG: every key and
value in a 0644 log; TEXTUAL_SCREENSHOT: an SVG of the screen in the working folder). A real
wizard with them set writes nothing; `--dev` is the documented way to have them."""

from __future__ import annotations

import sys

import pexpect
import pytest

from tests.privacy import Sandbox

SWITCHES = {"TEXTUAL_LOG": "textual.log", "TEXTUAL_SCREENSHOT": "0", "TEXTUAL_SCREENSHOT_FILENAME": "shot.svg"}


def wizard(sandbox: Sandbox, *extra: str) -> None:
    env = sandbox.child_env() | {"TERM": "xterm-256color"}
    env |= {k: (str(sandbox.cwd / v) if k == "TEXTUAL_LOG" else v) for k, v in SWITCHES.items()}
    child = pexpect.spawn(
        sys.executable,
        ["-m", "triage", "--lang", "en", "--municipality", "holbaek", *extra],
        env=env,
        cwd=str(sandbox.cwd),
        timeout=30,
        dimensions=(24, 80),
    )
    try:
        child.expect("Question 1 of")
        child.send("n")  # an answer on screen
        child.expect("Who is calling")
        with pytest.raises(pexpect.TIMEOUT):  # the screenshot timer (0 s) has had its time
            child.expect("never shown", timeout=2)
        child.sendcontrol("q")
        child.expect("Quit anyway")
        child.send("y")
        child.expect(pexpect.EOF)
    finally:
        child.close()


def test_the_debug_switches_write_nothing(sandbox: Sandbox) -> None:
    wizard(sandbox)
    assert sandbox.written() == []


def test_dev_honours_them(sandbox: Sandbox) -> None:
    wizard(sandbox, "--dev")
    assert "work/textual.log" in sandbox.written()
