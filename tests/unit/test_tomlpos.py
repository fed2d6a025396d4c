"""``tomlpos`` points where it says: every key path it reports exists in ``tomllib``'s parse,
and the text at its line and column starts with that key (or, for a table, with the header
that names it). Checked on every shipped data file and on generated documents."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import ROOT
from triage.data.tomlpos import Position, locate

SHIPPED = sorted(
    [ROOT / "municipalities.toml", *(ROOT / "flows").glob("*.toml"), *(ROOT / "flows" / "scenarios").glob("*.toml")]
)
HEADER = re.compile(r"\[\[?")
KEY_PART = re.compile(r'\s*("(?:[^"\\]|\\.)*"|\'[^\']*\'|[A-Za-z0-9_-]+)\s*(\.?)')


def header_name(at: str) -> str:
    """The last key of the table header that ``at`` starts with."""
    i, name = HEADER.match(at).end(), ""  # type: ignore[union-attr]
    while m := KEY_PART.match(at, i):
        token, i = m.group(1), m.end()
        name = json.loads(token) if token.startswith('"') else token.strip("'")
        if not m.group(2):
            break
    return name


def _key_text(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else json.dumps(key, ensure_ascii=False)


def mismatches(text: str, positions: dict[Any, Position] | None = None) -> list[str]:
    """Every reported position that is not where its key is, described; empty when all hold."""
    data = tomllib.loads(text)
    lines = text.split("\n")
    wrong: list[str] = []
    for path, pos in (locate(text) if positions is None else positions).items():
        node: Any = data
        try:
            for part in path:
                node = node[part]
        except (KeyError, IndexError, TypeError):
            wrong.append(f"{path}: not in tomllib's parse")
            continue
        last = path[-1]
        if not isinstance(last, str):
            continue
        at = lines[pos.line - 1][pos.column - 1 :]
        if HEADER.match(at):
            if header_name(at) != last:
                wrong.append(f"{path}: header {at[:30]!r} at {pos.line}:{pos.column}")
        elif not at.startswith(_key_text(last)):
            wrong.append(f"{path}: {at[:20]!r} at {pos.line}:{pos.column}")
    return wrong


@pytest.mark.parametrize("file", SHIPPED, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_key_of_the_shipped_data_is_located_where_it_stands(file: Path) -> None:
    text = file.read_text(encoding="utf-8")
    assert len(locate(text)) > 10
    assert mismatches(text) == []


def test_a_wrong_position_or_path_is_noticed() -> None:
    """The check above can fail: a position one column off, or a path tomllib lacks, is reported."""
    text = 'a = 1\n[t]\nkey = "v"\n'
    positions = locate(text)
    assert positions[("t", "key")] == Position(3, 1, 3, 7)
    assert mismatches(text) == []
    off = {**positions, ("t", "key"): Position(3, 2, 3, 7)}
    assert mismatches(text, off) == ["('t', 'key'): 'ey = \"v\"' at 3:2"]
    assert mismatches(text, {("t", "nokey"): Position(3, 1, 3, 7)}) == ["('t', 'nokey'): not in tomllib's parse"]


KEYS = st.one_of(
    st.from_regex(r"[a-z][a-z0-9_-]{0,8}", fullmatch=True),
    st.text(alphabet="abc æø.-", min_size=1, max_size=6),
)
SCALARS = st.one_of(
    st.booleans(),
    st.integers(-1000, 1000),
    st.text(alphabet="abc æøå'\"\\#=[]{}\n", max_size=12),
)


def _value(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, list):
        return "[" + ", ".join(_value(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{ " + ", ".join(f"{_key_text(k)} = {_value(x)}" for k, x in v.items()) + " }"
    return json.dumps(v, ensure_ascii=False)


def _dump(doc: dict[str, Any]) -> str:
    """A TOML text of ``doc``: scalars and inline values first, then tables and arrays of tables."""
    out: list[str] = []
    for k, v in doc.items():
        if not isinstance(v, dict) and not (isinstance(v, list) and v and all(isinstance(x, dict) for x in v)):
            out.append(f"{_key_text(k)} = {_value(v)}")
    for k, v in doc.items():
        if isinstance(v, dict):
            out.append(f"\n[{_key_text(k)}]  # a table")
            out += [f"{_key_text(kk)} = {_value(vv)}" for kk, vv in v.items()]
        elif isinstance(v, list) and v and all(isinstance(x, dict) for x in v):
            for item in v:
                out.append(f"\n[[{_key_text(k)}]]")
                out += [f"{_key_text(kk)} = {_value(vv)}" for kk, vv in item.items()]
    return "\n".join(out) + "\n"


INLINE = st.one_of(SCALARS, st.lists(SCALARS, max_size=3), st.dictionaries(KEYS, SCALARS, max_size=3))
DOCS = st.dictionaries(
    KEYS,
    st.one_of(
        INLINE,
        st.dictionaries(KEYS, INLINE, max_size=4),
        st.lists(st.dictionaries(KEYS, INLINE, min_size=1, max_size=3), min_size=1, max_size=3),
    ),
    max_size=6,
)


@settings(max_examples=200, deadline=None)
@given(DOCS)
def test_every_key_of_a_generated_document_is_located_where_it_stands(doc: dict[str, Any]) -> None:
    text = _dump(doc)
    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError:  # e.g. an inline table's key that repeats a table's name
        return
    assert mismatches(text) == []
