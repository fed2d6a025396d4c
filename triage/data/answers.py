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
from collections.abc import Callable, Mapping
from typing import Any

from triage.data import tomlpos
from triage.data.schema import contact_date_problem
from triage.rules.engine import META_KEYS, walk
from triage.rules.errors import AnswersError, Problem, suggestion
from triage.rules.model import UNKNOWN, Answer, Knowledge, Lang
from triage.rules.parsing import BadAnswer, kind_name, message, parse_answer
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


def too_large(name: str, lang: Lang = "en") -> AnswersError:
    return AnswersError(Problem(name, "", message("answers_too_large", lang)))


def read(name: str, lang: Lang = "en") -> tuple[str, bytes]:
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
        raise too_large(shown, lang) from None
    except OSError as err:
        error = err.strerror or err
        raise AnswersError(Problem(shown, "", message("answers_cannot_read", lang, error=error))) from None


def decode(name: str, raw: bytes, lang: Lang = "en") -> str:
    """Bytes to text, refusing what no counsellor meant to hand us."""
    if len(raw) > MAX_BYTES:
        raise too_large(name, lang)
    if not raw.strip():
        raise AnswersError(Problem(name, "", message("answers_empty", lang)))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise AnswersError(Problem(name, "", message("answers_not_utf8", lang), line)) from None


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


def _parse(name: str, text: str, as_json: bool, lang: Lang) -> dict[str, Any]:
    """Parse text into a table of answers."""
    if as_json:

        def bad_json(error: str, line: int | None = None, column: int | None = None) -> AnswersError:
            return AnswersError(Problem(name, "", message("answers_bad_json", lang, error=error), line, column))

        try:
            data = json.loads(text, object_pairs_hook=_no_duplicates)
        except _DuplicateKey as dup:
            seen = [m.start() for m in re.finditer(r'"' + re.escape(dup.key) + r'"\s*:', text)]
            line = text.count("\n", 0, seen[-1]) + 1 if seen else None
            raise AnswersError(Problem(name, dup.key, message("answers_given_twice", lang), line)) from None
        except json.JSONDecodeError as err:
            raise bad_json(err.msg, err.lineno, err.colno) from None
        except RecursionError:
            raise bad_json(tomlpos.TOO_DEEP) from None
        except ValueError:  # int(): beyond Python's 4300-digit limit
            raise bad_json(tomlpos.TOO_MANY_DIGITS) from None
        if not isinstance(data, dict):
            raise AnswersError(Problem(name, "", message("answers_not_an_object", lang), 1, 1))
        return data
    try:
        return tomlpos.loads(text)
    except tomlpos.TomlError as err:
        error = message("answers_bad_toml", lang, error=err.message)
        raise AnswersError(Problem(name, "", error, err.line, err.column)) from None


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


def _meta(
    name: str,
    data: Mapping[str, Any],
    knowledge: Knowledge,
    today: datetime.date,
    lang: Lang,
    problem: Callable[[str, str], AnswersError],
) -> tuple[str, datetime.date]:
    """The municipality and the contact date of an answers file (default: ``today``)."""
    municipality = data.get("municipality")
    if municipality is None:
        raise AnswersError(Problem(name, "municipality", message("answers_no_municipality", lang)))
    if not isinstance(municipality, str) or municipality not in knowledge.municipalities:
        ids = list(knowledge.municipalities)
        shown = municipality if isinstance(municipality, str) else kind_name(municipality, lang)
        hint = suggestion(str(shown)[:100], ids, lang)
        value = excerpt(shown)
        raise problem(
            "municipality", message("answers_unknown_municipality", lang, value=value, hint=hint, known=", ".join(ids))
        )
    if "contact_date" not in data:
        return municipality, today
    contact_date = _date(data["contact_date"])
    if contact_date is None:
        raise problem("contact_date", message("answers_expected_date", lang, got=kind_name(data["contact_date"], lang)))
    out_of_range = contact_date_problem(contact_date)  # the data's own wording (schema), in English
    if out_of_range is not None:
        raise problem("contact_date", out_of_range)
    return municipality, contact_date


def parse(name: str, raw: bytes, knowledge: Knowledge, today: datetime.date, lang: Lang = "en") -> Answers:
    """Check an answers file completely; raises ``AnswersError`` naming file, key and line, in ``lang``."""
    text = decode(name, raw, lang)
    as_json = _is_json(name, text)
    data = _parse(name, text, as_json, lang)
    found: dict[str, tuple[int, int]] = {}

    def where(key: str) -> tuple[int | None, int | None]:
        if not found:
            found.update(_positions(text, as_json))
        return found.get(key, (None, None))

    def problem(key: str, text: str) -> AnswersError:
        return AnswersError(Problem(name, excerpt(key), text, *where(key)))

    flow = knowledge.flow
    municipality, contact_date = _meta(name, data, knowledge, today, lang, problem)
    values: dict[str, Answer] = {}
    known = [q.id for q in flow.questions]
    for key, value in data.items():
        if key in META_KEYS:
            continue
        q = flow.question(key)
        if q is None:
            hint = suggestion(key[:100], [*known, *META_KEYS], lang)
            raise problem(key, message("answers_unknown_answer", lang, hint=hint))
        try:
            values[key] = parse_answer(q, value, lang)
        except BadAnswer as bad:
            raise problem(key, str(bad)) from None

    not_known: list[str] = []
    state = walk(flow, values, use_defaults=True)
    while state.next is not None:
        q = state.next
        # A file written for contract version 1 lacks what version 2 newly asks: not known, never false.
        if q.unknown_if_missing is None or q.unknown_if_missing.evaluate(state.answers) is not True:
            raise AnswersError(Problem(name, q.id, message("answers_missing", lang, label=q.label_text(lang, None))))
        not_known.append(q.id)
        state = walk(flow, values, use_defaults=True, not_known=not_known)
    for q in state.asked:
        if q.allow_unknown is not None and state.answers.get(q.id) == UNKNOWN and not q.unknown_allowed(state.answers):
            label = q.label_text(lang, None)
            raise problem(q.id, message("answers_unknown_not_here", lang, unknown=UNKNOWN, label=label))
    ignored, read_as_not_known = message("answers_ignored", lang), message("answers_not_known", lang)
    warnings = tuple(str(Problem(name, key, ignored, *where(key))) for key in state.ignored) + tuple(
        str(Problem(name, key, read_as_not_known, *where(key))) for key in not_known
    )
    return Answers(municipality, contact_date, dict(state.answers), warnings, tuple(not_known))
