"""No control characters in the data: a data edit must not be able to drive the terminal.

An ESC in a municipality's name set the window title and wrote the clipboard (OSC 52) at every
redraw of the picker; a clear-screen and fake lines in a recipient string hid an edit from the
review of ``triage diff``. Every string and key of a data file is checked when it is loaded, so
``check`` reports it with file, key and line and no other command runs on it. Newline and tab are
allowed only in the texts that may have lines (``da``, ``en``, ``note``) and in conditions, which
a maintainer may break over lines (``when``, ``allow_unknown``, ``unknown_if_missing``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from triage.rules.printable import control_characters, excerpt

MULTI_LINE_KEYS = frozenset({"da", "en", "note", "when", "allow_unknown", "unknown_if_missing"})
KeyPath = tuple[str | int, ...]


def strings(value: Any, path: KeyPath = ()) -> Iterator[tuple[KeyPath, str]]:
    """Every key and string value in parsed TOML, with the path to it."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield (*path, key), key
            yield from strings(item, (*path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from strings(item, (*path, i))
    elif isinstance(value, str):
        yield path, value


def findings(data: Any) -> Iterator[tuple[KeyPath, str]]:
    """(path, message) for each string holding a control character."""
    for path, text in strings(data):
        lines = bool(path) and path[-1] in MULTI_LINE_KEYS
        found = control_characters(text, lines=lines)
        if found:
            char = text[found[0]]
            allowed = " (only newline and tab, and only in da, en, note and conditions)" if not lines else ""
            yield path, f"control character {excerpt(char)} in '{excerpt(text)}'{allowed}"
