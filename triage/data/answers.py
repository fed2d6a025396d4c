"""Read an answers file (TOML or JSON) and check every answer against the flow.

An answers file is the contract's input: a counsellor's or a script's record of one
first conversation. Mistakes are reported as one located line (file, line, key) and
nothing is guessed: a wrong type is an error, a typo of a key gets "did you mean".
Answers to questions the flow would not ask are kept aside as warnings, never errors.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Mapping
from typing import Any

from triage.data import tomlpos
from triage.data.schema import contact_date_problem
from triage.rules.engine import META_KEYS, walk
from triage.rules.errors import AnswersError, Problem, suggestion
from triage.rules.model import UNKNOWN, Answer, Knowledge, Question
from triage.rules.printable import excerpt
from triage.rules.record import Record

MAX_BYTES = 1024 * 1024  # a real answers file is a few hundred bytes


class Answers(Record):
    """A checked, complete set of answers for one municipality."""

    municipality: str
    contact_date: datetime.date
    values: Mapping[str, Answer]
    warnings: tuple[str, ...] = ()
    not_known: tuple[str, ...] = ()  # asked of these answers, absent, and read as not known


def too_large(name: str) -> AnswersError:
    return AnswersError(Problem(name, "", "file is too large (an answers file is at most 1 MB)"))


def read(name: str) -> tuple[str, bytes]:
    """The bytes of an answers file (``-``: stdin) and the name to report it by, never more than
    ``MAX_BYTES`` + 1 of them: ``/dev/zero`` or gigabytes piped in are refused, not read whole."""
    import sys
    from pathlib import Path

    from triage.data.files import TooLarge, read_bounded, read_stream

    shown = "<stdin>" if name == "-" else name
    try:
        if name == "-":
            return shown, read_stream(sys.stdin.buffer, MAX_BYTES, shown)
        return shown, read_bounded(Path(name), MAX_BYTES)
    except TooLarge:
        raise too_large(shown) from None
    except OSError as err:
        raise AnswersError(Problem(shown, "", f"cannot read file ({err.strerror or err})")) from None


def decode(name: str, raw: bytes) -> str:
    """Bytes to text, refusing what no counsellor meant to hand us."""
    if len(raw) > MAX_BYTES:
        raise too_large(name)
    if not raw.strip():
        raise AnswersError(Problem(name, "", "file is empty"))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise AnswersError(Problem(name, "", "file is not UTF-8 text", line)) from None


def _is_json(name: str, text: str) -> bool:
    if name.endswith(".json"):
        return True
    if name.endswith(".toml"):
        return False
    return text.lstrip().startswith("{")




class _DuplicateKey(Exception):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """TOML refuses a key given twice; JSON would keep the last one without a word. Refuse it too."""
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _DuplicateKey(key)
        out[key] = value
    return out


def _parse(name: str, text: str, as_json: bool) -> dict[str, Any]:
    """Parse text into a table of answers."""
    if as_json:
        try:
            data = json.loads(text, object_pairs_hook=_no_duplicates)
        except _DuplicateKey as dup:
            seen = [m.start() for m in re.finditer(r'"' + re.escape(dup.key) + r'"\s*:', text)]
            line = text.count("\n", 0, seen[-1]) + 1 if seen else None
            message = "given twice (JSON would silently keep the last)"
            raise AnswersError(Problem(name, dup.key, message, line)) from None
        except json.JSONDecodeError as err:
            raise AnswersError(Problem(name, "", f"not valid JSON: {err.msg}", err.lineno, err.colno)) from None
        except RecursionError:
            raise AnswersError(Problem(name, "", f"not valid JSON: {tomlpos.TOO_DEEP}")) from None
        except ValueError:  # int(): beyond Python's 4300-digit limit
            raise AnswersError(Problem(name, "", f"not valid JSON: {tomlpos.TOO_MANY_DIGITS}")) from None
        if not isinstance(data, dict):
            raise AnswersError(Problem(name, "", "expected a JSON object of answers", 1, 1))
        return data
    try:
        return tomlpos.loads(text)
    except tomlpos.TomlError as err:
        raise AnswersError(Problem(name, "", f"not valid TOML: {err.message}", err.line, err.column)) from None


def _positions(text: str, as_json: bool) -> dict[str, tuple[int, int]]:
    """The line and column of each top-level key; looked up only when a message needs one."""
    lines: dict[str, tuple[int, int]] = {}
    if as_json:
        for m in re.finditer(r'"((?:[^"\\]|\\.)*)"\s*:', text):
            key = m.group(1)
            if key not in lines:
                line = text.count("\n", 0, m.start()) + 1
                lines[key] = (line, m.start() - (text.rfind("\n", 0, m.start()) + 1) + 1)
        return lines
    for path, pos in tomlpos.locate(text).items():
        if len(path) == 1 and isinstance(path[0], str):
            lines[path[0]] = (pos.line, pos.column)
    return lines


def _kind_name(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, float):
        return f"a decimal number ({value})"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int):
        return "a number"
    if isinstance(value, str):
        return f"'{excerpt(value)}'"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, datetime.datetime):  # a subclass of date: asked first
        return f"a date with a time ({excerpt(value.isoformat())})"
    if isinstance(value, datetime.date):
        return "a date"
    return type(value).__name__


def check_value(q: Question, value: Any) -> tuple[Answer | None, str | None]:
    """One answer against its question: (the answer, None) or (None, what is wrong)."""
    options = [o.value for o in q.options]
    if q.kind == "bool":
        if isinstance(value, bool):
            return value, None
        return None, f"expected true or false, got {_kind_name(value)}"
    if q.kind == "int":
        if value == UNKNOWN and q.allow_unknown is not None:
            return UNKNOWN, None
        if isinstance(value, bool) or not isinstance(value, int):
            unknown = f" or '{UNKNOWN}'" if q.allow_unknown is not None else ""
            return None, f"expected a whole number{unknown}, got {_kind_name(value)}"
        lo, hi = q.minimum, q.maximum
        if (lo is not None and value < lo) or (hi is not None and value > hi):
            return None, f"{value} is out of range ({lo}-{hi})"
        return value, None
    if q.kind == "choice":
        if not isinstance(value, str):
            return None, f"expected one of {', '.join(options)}, got {_kind_name(value)}"
        if value not in options:
            return (
                None,
                f"'{excerpt(value)}' is not an option{suggestion(value[:100], options)}"
                f" (options: {', '.join(options)})",
            )
        return value, None
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        return None, f"expected a list of {', '.join(options)}, got {_kind_name(value)}"
    for v in value:
        if v not in options:
            return (
                None,
                f"'{v}' is not an option{suggestion(v, options)} (options: {', '.join(options)})",
            )
    if len(set(value)) != len(value):
        return None, "an option is listed twice"
    if len(value) < q.min_selected:
        return None, f"choose at least {q.min_selected}"
    return tuple(value), None


def _date(value: Any) -> datetime.date | None:
    if isinstance(value, datetime.datetime):
        return None
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def parse(name: str, raw: bytes, knowledge: Knowledge, today: datetime.date) -> Answers:
    """Check an answers file completely; raises ``AnswersError`` naming file, key and line."""
    text = decode(name, raw)
    as_json = _is_json(name, text)
    data = _parse(name, text, as_json)
    found: dict[str, tuple[int, int]] = {}

    def where(key: str) -> tuple[int | None, int | None]:
        if not found:
            found.update(_positions(text, as_json))
        return found.get(key, (None, None))

    def problem(key: str, message: str) -> AnswersError:
        return AnswersError(Problem(name, excerpt(key), message, *where(key)))

    flow = knowledge.flow
    municipality = data.get("municipality")
    if municipality is None:
        raise AnswersError(Problem(name, "municipality", "missing answer (which municipality's standard applies)"))
    if not isinstance(municipality, str) or municipality not in knowledge.municipalities:
        ids = list(knowledge.municipalities)
        shown = municipality if isinstance(municipality, str) else _kind_name(municipality)
        raise problem(
            "municipality",
            f"unknown municipality '{excerpt(shown)}'{suggestion(str(shown)[:100], ids)} (known: {', '.join(ids)})",
        )
    contact_date = today
    if "contact_date" in data:
        d = _date(data["contact_date"])
        if d is None:
            raise problem(
                "contact_date",
                f"expected a date YYYY-MM-DD, got {_kind_name(data['contact_date'])}",
            )
        out_of_range = contact_date_problem(d)
        if out_of_range is not None:
            raise problem("contact_date", out_of_range)
        contact_date = d

    values: dict[str, Answer] = {}
    known = [q.id for q in flow.questions]
    for key, value in data.items():
        if key in META_KEYS:
            continue
        q = flow.question(key)
        if q is None:
            raise problem(key, f"unknown answer{suggestion(key[:100], [*known, *META_KEYS])}")
        checked, error = check_value(q, value)
        if error is not None or checked is None:
            raise problem(key, error or "invalid answer")
        values[key] = checked

    not_known: list[str] = []
    state = walk(flow, values, use_defaults=True)
    while state.next is not None:
        q = state.next
        # A file written for contract version 1 lacks what version 2 newly asks: not known, never false.
        if q.unknown_if_missing is None or q.unknown_if_missing.evaluate(state.answers) is not True:
            raise AnswersError(
                Problem(name, q.id, f"missing answer: the flow asks this for these answers ({q.label.en})")
            )
        not_known.append(q.id)
        state = walk(flow, values, use_defaults=True, not_known=not_known)
    for q in state.asked:
        if q.kind == "int" and state.answers.get(q.id) == UNKNOWN and not q.unknown_allowed(state.answers):
            raise problem(q.id, f"'{UNKNOWN}' is not an answer here ({q.label.en})")
    warnings = tuple(
        str(Problem(name, key, "not asked for these answers; ignored", *where(key))) for key in state.ignored
    ) + tuple(str(Problem(name, key, "missing: read as not known", *where(key))) for key in not_known)
    return Answers(municipality, contact_date, dict(state.answers), warnings, tuple(not_known))
