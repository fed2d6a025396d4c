"""Text from a file made safe to print: one function at every boundary to a terminal or a log.

A data file or an answers file can hold control characters: ESC starts sequences that set the
window title, write to the clipboard (OSC 52), clear the screen or move the cursor, so a data
edit could hide itself from review or a value could rewrite what a counsellor sees. ``check``
refuses them in the data (``triage.data.controls``); whatever still reaches a renderer, an error
message or a notification goes through ``printable`` and is shown as a visible escape
(``\\x1b``), never acted on. Error messages echo at most ``excerpt``: a bounded, escaped prefix
(an 840 KB value, or an answer with a CPR number, is not repeated whole into a log).
"""

from __future__ import annotations

import re

# C0 controls, DEL and C1 controls (ESC is C0), the Unicode line and paragraph separators, and the
# bidirectional overrides that reorder what is shown. Tab and newline are kept where text may have lines.
_OTHERS = "\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
_CONTROLS = re.compile(f"[\\x00-\\x1f{_OTHERS}]")
_CONTROLS_BUT_LINES = re.compile(f"[\\x00-\\x08\\x0b-\\x1f{_OTHERS}]")
EXCERPT = 60  # characters of a bad value that an error message repeats


_SHORT = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _SHORT:
        return _SHORT[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def control_characters(text: str, *, lines: bool = False) -> list[int]:
    """The positions of the characters ``printable`` would escape."""
    pattern = _CONTROLS_BUT_LINES if lines else _CONTROLS
    return [m.start() for m in pattern.finditer(text)]


def printable(text: str, *, lines: bool = False) -> str:
    """``text`` with every control character shown as ``\\xNN``; ``lines``: keep newline and tab."""
    pattern = _CONTROLS_BUT_LINES if lines else _CONTROLS
    return pattern.sub(_escape, text)


def excerpt(value: object, limit: int = EXCERPT) -> str:
    """At most ``limit`` characters of ``value``, escaped, with "…" when cut."""
    text = str(value)
    cut = len(text) > limit
    return printable(text[:limit]) + ("…" if cut else "")
