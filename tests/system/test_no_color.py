"""NO_COLOR=1 (issue 12, item 1): the wizard is drawn in the terminal's own foreground on its own
background — no colour at all, so never black on black — with reverse video where colour
carried meaning (a draft or outdated standard, the emergency screen)."""

from __future__ import annotations

import io
import re
import sys

import pexpect

from tests.privacy import Sandbox

SGR = re.compile(rb"\x1b\[([0-9;]*)m")


def colours(sgr: bytes) -> list[str]:
    """The colour settings in one SGR sequence (30-37, 38;…, 40-47, 48;…, 90-107)."""
    out, parts, i = [], sgr.split(b";"), 0
    while i < len(parts):
        p = parts[i].decode() or "0"
        if p in ("38", "48"):
            step = 3 if i + 1 < len(parts) and parts[i + 1] == b"5" else 5
            out.append(";".join(x.decode() for x in parts[i : i + step]))
            i += step
            continue
        if 30 <= int(p) <= 37 or 40 <= int(p) <= 47 or 90 <= int(p) <= 107:
            out.append(p)
        i += 1
    return out


def test_no_color_draws_no_colour_and_marks_with_reverse_video(sandbox: Sandbox) -> None:
    child = pexpect.spawn(
        sys.executable,
        ["-m", "triage", "--lang", "en"],
        env=sandbox.child_env() | {"TERM": "xterm-256color", "NO_COLOR": "1"},
        cwd=str(sandbox.cwd),
        timeout=30,
        dimensions=(24, 80),
    )
    child.logfile_read = io.BytesIO()
    try:
        child.expect("Choose the municipality")
        child.expect("Pitstop")
        child.send("faxe")
        child.expect("Faxe")
        child.send("\r")
        child.expect("Question 1 of")
        child.send("j")  # acute danger: the emergency screen
        child.expect("ACUTE DANGER")
        child.expect("112")
        child.sendcontrol("q")
        child.expect("Quit anyway")
        child.send("y")
        child.expect(pexpect.EOF)
    finally:
        child.close()
    drawn = child.logfile_read.getvalue()
    found = {c for m in SGR.finditer(drawn) for c in colours(m.group(1))}
    assert found == set(), sorted(found)[:10]  # before: 38;5;16 on 48;5;16, black on black
    assert re.search(rb"\x1b\[(?:[0-9]+;)*7(?:;[0-9]+)*m OUTDATED ", drawn), "outdated badge reversed"
    assert re.search(rb"\x1b\[(?:[0-9]+;)*7(?:;[0-9]+)*mACUTE DANGER", drawn), "the emergency title in reverse video"
