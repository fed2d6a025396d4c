"""Line and column of every key in a TOML text.

``tomllib`` parses values but forgets where they stood, and maintainers need errors like
``municipalities.toml:118:5: holbaek.rules[7].when: ...``. This small scanner walks the
text once, understands strings, comments, arrays, inline tables and ``[[arrays]]`` well
enough to record where each key path begins, and never raises: on text it cannot follow
it returns what it found so far.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Mapping
from typing import Any

from triage.rules.record import Record

PathPart = str | int
Path = tuple[PathPart, ...]

_BARE = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")


class Position(Record):
    line: int
    column: int
    value_line: int
    value_column: int


class _Stop(Exception):
    """The scanner cannot follow the text any further."""


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.i = 0
        self.line = 1
        self.col = 1
        self.out: dict[Path, Position] = {}
        self.aot: dict[Path, int] = {}  # array of tables -> number of elements so far

    # -- low level -------------------------------------------------------------------
    def peek(self, n: int = 0) -> str:
        j = self.i + n
        return self.text[j] if j < len(self.text) else ""

    def startswith(self, s: str) -> bool:
        return self.text.startswith(s, self.i)

    def advance(self, n: int = 1) -> None:
        for _ in range(n):
            if self.i >= len(self.text):
                return
            if self.text[self.i] == "\n":
                self.line += 1
                self.col = 1
            else:
                self.col += 1
            self.i += 1

    def skip_space(self, newlines: bool) -> None:
        while self.i < len(self.text):
            ch = self.text[self.i]
            if ch in " \t\r" or (newlines and ch == "\n"):
                self.advance()
            elif ch == "#":
                while self.i < len(self.text) and self.text[self.i] != "\n":
                    self.advance()
            else:
                return

    def record(self, path: Path, line: int, col: int, vline: int | None = None, vcol: int | None = None) -> None:
        if path not in self.out:
            self.out[path] = Position(line, col, vline or line, vcol or col)

    # -- pieces ----------------------------------------------------------------------
    def string(self) -> str:
        for delim in ('"""', "'''"):
            if self.startswith(delim):
                self.advance(3)
                start = self.i
                while self.i < len(self.text) and not self.startswith(delim):
                    self.advance(2 if delim == '"""' and self.peek() == "\\" else 1)
                value = self.text[start : self.i]
                self.advance(3)
                while self.peek() == delim[0]:  # up to two quotes may close the content
                    self.advance()
                return value
        delim = self.peek()
        self.advance()
        start = self.i
        while self.i < len(self.text) and self.peek() != delim:
            if self.peek() == "\n":
                raise _Stop
            self.advance(2 if delim == '"' and self.peek() == "\\" else 1)
        value = self.text[start : self.i]
        self.advance()
        return value

    def simple_key(self) -> tuple[str, int, int]:
        line, col = self.line, self.col
        if self.peek() in "\"'":
            return self.string(), line, col
        start = self.i
        while self.peek() in _BARE and self.peek() != "":
            self.advance()
        if self.i == start:
            raise _Stop
        return self.text[start : self.i], line, col

    def key(self) -> list[tuple[str, int, int]]:
        parts = [self.simple_key()]
        self.skip_space(False)
        while self.peek() == ".":
            self.advance()
            self.skip_space(False)
            parts.append(self.simple_key())
            self.skip_space(False)
        return parts

    def value(self, path: Path) -> None:
        ch = self.peek()
        if ch in "\"'":
            self.string()
        elif ch == "[":
            self.advance()
            index = 0
            while True:
                self.skip_space(True)
                if self.peek() in ("]", ""):
                    self.advance()
                    return
                self.record((*path, index), self.line, self.col)
                self.value((*path, index))
                index += 1
                self.skip_space(True)
                if self.peek() == ",":
                    self.advance()
                elif self.peek() != "]":
                    raise _Stop
        elif ch == "{":
            self.advance()
            while True:
                self.skip_space(False)
                if self.peek() in ("}", ""):
                    self.advance()
                    return
                self.key_value(path)
                self.skip_space(False)
                if self.peek() == ",":
                    self.advance()
                elif self.peek() != "}":
                    raise _Stop
        else:
            while self.peek() not in ("", ",", "]", "}", "\n", "#"):
                self.advance()

    def key_value(self, table: Path) -> None:
        parts = self.key()
        path: Path = table
        for name, line, col in parts[:-1]:
            path = (*path, name)
            self.record(path, line, col)
        name, line, col = parts[-1]
        path = (*path, name)
        self.skip_space(False)
        if self.peek() != "=":
            raise _Stop
        self.advance()
        self.skip_space(False)
        self.record(path, line, col, self.line, self.col)
        self.value(path)

    def resolve(self, names: list[str]) -> Path:
        """A header's path with the current index of every array of tables it passes."""
        path: Path = ()
        plain: tuple[str, ...] = ()
        for name in names:
            plain = (*plain, name)
            path = (*path, name)
            if plain in self.aot:
                path = (*path, self.aot[plain] - 1)
        return path

    def header(self) -> Path:
        double = self.startswith("[[")
        line, col = self.line, self.col
        self.advance(2 if double else 1)
        self.skip_space(False)
        parts = self.key()
        names = [p[0] for p in parts]
        self.advance(2 if double else 1)
        if double:
            plain = tuple(names)
            parent = self.resolve(names[:-1])
            base: Path = (*parent, names[-1])
            index = self.aot.get(plain, 0)
            self.aot[plain] = index + 1
            self.record(base, line, col)
            path: Path = (*base, index)
        else:
            path = self.resolve(names)
        self.record(path, line, col)
        return path

    def document(self) -> None:
        table: Path = ()
        while True:
            self.skip_space(True)
            if self.i >= len(self.text):
                return
            if self.peek() == "[":
                table = self.header()
            else:
                self.key_value(table)
            # whatever remains on the line is not a key
            self.skip_space(False)
            while self.i < len(self.text) and self.peek() != "\n":
                self.advance()


class TomlError(Exception):
    """Text that is not TOML, or TOML beyond what Python can parse; ``message`` is for a person."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None) -> None:
        super().__init__(message)
        self.message, self.line, self.column = message, line, column


_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")
TOO_DEEP = "nested too deeply"
TOO_MANY_DIGITS = "a number with too many digits"


def loads(text: str) -> dict[str, Any]:
    """``tomllib.loads``, every failure a ``TomlError`` with its line where known.

    Beyond syntax errors, Python's own limits are bad input too: arrays or inline tables
    nested deeper than the recursion limit (``RecursionError``), and an integer beyond the
    4300-digit limit of ``int()`` (``ValueError``).
    """
    import tomllib

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        msg = str(err)
        m = _TOML_POSITION.search(msg)
        line, column = (int(m.group(1)), int(m.group(2))) if m else (None, None)
        raise TomlError(_TOML_POSITION.sub("", msg), line, column) from None
    except RecursionError:
        raise TomlError(TOO_DEEP) from None
    except ValueError as err:  # int(): "Exceeds the limit (4300 digits) for integer string conversion"
        raise TomlError(TOO_MANY_DIGITS if "digits" in str(err) else str(err)) from None


def locate(text: str) -> dict[Path, Position]:
    """Position of every key path, array element and table header found in ``text``."""
    scanner = _Scanner(text)
    with contextlib.suppress(_Stop, RecursionError, IndexError, ValueError):
        scanner.document()
    return scanner.out


def nearest(positions: Mapping[Path, Position], path: Path) -> tuple[Path, Position] | None:
    """The position of ``path``, or of its longest known prefix."""
    for n in range(len(path), 0, -1):
        found = positions.get(path[:n])
        if found is not None:
            return path[:n], found
    return None


def string_offset(text: str, position: Position, offset: int) -> tuple[int, int]:
    """Line and column of character ``offset`` of the string value that starts at ``position``."""
    lines = text.split("\n")
    if position.value_line > len(lines):
        return position.value_line, position.value_column
    index = sum(len(line) + 1 for line in lines[: position.value_line - 1]) + position.value_column - 1
    line, col = position.value_line, position.value_column
    for delim in ('"""', "'''", '"', "'"):
        if text.startswith(delim, index):
            index += len(delim)
            col += len(delim)
            if len(delim) == 3 and text.startswith("\n", index):
                index += 1
                line, col = line + 1, 1
            break
    else:
        return line, col
    for ch in text[index : index + offset]:
        if ch == "\n":
            line, col = line + 1, 1
        else:
            col += 1
    return line, col
