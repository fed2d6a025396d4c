"""One parser per question: what a counsellor typed, or an answers file holds, as an answer, or why not.

The wizard, ``triage ask``, ``triage recommend --answers`` and the scenario files all read an
answer here, so that the flow's ``min``/``max``, options and ``min_selected`` decide what is
accepted everywhere, and a refusal reads the same in every front end, in its language.

``parse_answer`` takes a value as a file holds it (``true``, ``16``, ``"self"``, a list);
``parse_typed`` takes what was typed into a number field and reads it as such a value first.
The messages live here rather than in ``triage.output.i18n`` (which includes them in its
catalogue) because the rules core cannot import the output layer.
"""

from __future__ import annotations

import datetime
import re
from typing import Literal

from triage.rules.errors import suggestion
from triage.rules.model import UNKNOWN, Answer, Lang, Question
from triage.rules.printable import excerpt

Reason = Literal["wrong_type", "out_of_range", "not_an_option", "listed_twice", "too_few"]

MESSAGES: dict[str, tuple[str, str]] = {
    "answer_expected_bool": (
        "forventede true eller false{unknown}, fik {got}",
        "expected true or false{unknown}, got {got}",
    ),
    "answer_expected_int": (
        "forventede et helt tal{unknown}, fik {got}",
        "expected a whole number{unknown}, got {got}",
    ),
    "answer_type_a_number": ("Skriv et helt tal fra {lo} til {hi}", "Type a whole number from {lo} to {hi}"),
    "answer_or_unknown": (" eller '{unknown}'", " or '{unknown}'"),
    "answer_out_of_range": ("{value} er uden for intervallet ({lo}-{hi})", "{value} is out of range ({lo}-{hi})"),
    "answer_expected_choice": ("forventede en af {options}, fik {got}", "expected one of {options}, got {got}"),
    "answer_not_an_option": (
        "'{value}' er ikke en mulighed{hint} (muligheder: {options})",
        "'{value}' is not an option{hint} (options: {options})",
    ),
    "answer_expected_list": ("forventede en liste af {options}, fik {got}", "expected a list of {options}, got {got}"),
    "answer_listed_twice": ("en mulighed står der to gange", "an option is listed twice"),
    "answer_too_few": ("vælg mindst {n}", "choose at least {n}"),
    # an answers file (`triage recommend --answers`)
    "answers_too_large": (
        "filen er for stor (en svarfil er højst 1 MB)",
        "file is too large (an answers file is at most 1 MB)",
    ),
    "answers_cannot_read": ("kan ikke læse filen ({error})", "cannot read file ({error})"),
    "answers_empty": ("filen er tom", "file is empty"),
    "answers_not_utf8": ("filen er ikke UTF-8-tekst", "file is not UTF-8 text"),
    "answers_bad_json": ("ikke gyldig JSON: {error}", "not valid JSON: {error}"),
    "answers_bad_toml": ("ikke gyldig TOML: {error}", "not valid TOML: {error}"),
    "answers_given_twice": (
        "givet to gange (JSON ville i stilhed beholde den sidste)",
        "given twice (JSON would silently keep the last)",
    ),
    "answers_not_an_object": ("forventede et JSON-objekt med svar", "expected a JSON object of answers"),
    "answers_no_municipality": (
        "mangler svar (hvilken kommunes standard gælder)",
        "missing answer (which municipality's standard applies)",
    ),
    "answers_unknown_municipality": (
        "ukendt kommune '{value}'{hint} (kendte: {known})",
        "unknown municipality '{value}'{hint} (known: {known})",
    ),
    "answers_expected_date": ("forventede en dato ÅÅÅÅ-MM-DD, fik {got}", "expected a date YYYY-MM-DD, got {got}"),
    "answers_unknown_answer": ("ukendt svar{hint}", "unknown answer{hint}"),
    "answers_missing": (
        "mangler svar: spørgsmålet stilles ved disse svar ({label})",
        "missing answer: the flow asks this for these answers ({label})",
    ),
    "answers_unknown_not_here": (
        "'{unknown}' er ikke et svar her ({label})",
        "'{unknown}' is not an answer here ({label})",
    ),
    "answers_ignored": ("spørges ikke ved disse svar; ignoreret", "not asked for these answers; ignored"),
    "answers_not_known": ("mangler: læst som ved ikke", "missing: read as not known"),
    # what a wrong value is, in a message: "got a list"
    "kind_null": ("null", "null"),
    "kind_decimal": ("et decimaltal ({value})", "a decimal number ({value})"),
    "kind_bool": ("true/false", "true/false"),
    "kind_number": ("et tal", "a number"),
    "kind_list": ("en liste", "a list"),
    "kind_table": ("en tabel", "a table"),
    "kind_date": ("en dato", "a date"),
    "kind_datetime": ("en dato med klokkeslæt ({value})", "a date with a time ({value})"),
}


def message(key: str, lang: Lang, **values: object) -> str:
    """The message ``key`` in ``lang`` (the keys of ``MESSAGES``)."""
    da, en = MESSAGES[key]
    return (da if lang == "da" else en).format(**values)


class BadAnswer(ValueError):
    """A value that is no answer to ``question``; ``str`` is the message in the language asked for."""

    def __init__(self, question: Question, reason: Reason, text: str) -> None:
        super().__init__(text)
        self.question = question
        self.reason = reason

    def sentence(self) -> str:
        """The message as a line of its own, under the field it is about: a capital first."""
        text = str(self)
        return text[:1].upper() + text[1:]


def kind_name(value: object, lang: Lang) -> str:
    """What a wrong value is, for a message: ``'forty'``, ``a list``, ``a decimal number (40.5)``."""
    if value is None:
        return message("kind_null", lang)
    if isinstance(value, float):
        return message("kind_decimal", lang, value=value)
    if isinstance(value, bool):
        return message("kind_bool", lang)
    if isinstance(value, int):
        return message("kind_number", lang)
    if isinstance(value, str):
        return f"'{excerpt(value)}'"
    if isinstance(value, list):
        return message("kind_list", lang)
    if isinstance(value, dict):
        return message("kind_table", lang)
    if isinstance(value, datetime.datetime):  # a subclass of date: asked first
        return message("kind_datetime", lang, value=excerpt(value.isoformat()))
    if isinstance(value, datetime.date):
        return message("kind_date", lang)
    return type(value).__name__


def parse_answer(q: Question, raw: object, lang: Lang) -> Answer:
    """``raw``, a value as an answers file holds it, as the answer to ``q``; raises ``BadAnswer``.

    ``'unknown'`` is taken for a number or a yes/no question that may allow it; whether it is
    allowed for the answers before it is for the caller to ask (``Question.unknown_allowed``).
    """
    if q.kind == "bool":
        if isinstance(raw, bool):
            return raw
        if raw == UNKNOWN and q.allow_unknown is not None:
            return UNKNOWN
        unknown = message("answer_or_unknown", lang, unknown=UNKNOWN) if q.allow_unknown is not None else ""
        got = kind_name(raw, lang)
        raise BadAnswer(q, "wrong_type", message("answer_expected_bool", lang, unknown=unknown, got=got))
    if q.kind == "int":
        return _number(q, raw, lang)
    options = [o.value for o in q.options]
    shown = ", ".join(options)
    if q.kind == "choice":
        if not isinstance(raw, str):
            got = kind_name(raw, lang)
            raise BadAnswer(q, "wrong_type", message("answer_expected_choice", lang, options=shown, got=got))
        _an_option(q, raw, options, lang)
        return raw
    if not isinstance(raw, list | tuple) or not all(isinstance(v, str) for v in raw):
        raise BadAnswer(q, "wrong_type", message("answer_expected_list", lang, options=shown, got=kind_name(raw, lang)))
    for v in raw:
        _an_option(q, v, options, lang)
    if len(set(raw)) != len(raw):
        raise BadAnswer(q, "listed_twice", message("answer_listed_twice", lang))
    if len(raw) < q.min_selected:
        raise BadAnswer(q, "too_few", message("answer_too_few", lang, n=q.min_selected))
    return tuple(raw)


def _an_option(q: Question, value: str, options: list[str], lang: Lang) -> None:
    if value not in options:
        hint = suggestion(value[:100], options, lang)
        text = message("answer_not_an_option", lang, value=excerpt(value), hint=hint, options=", ".join(options))
        raise BadAnswer(q, "not_an_option", text)


def _number(q: Question, raw: object, lang: Lang) -> int | str:
    if raw == UNKNOWN and q.allow_unknown is not None:
        return UNKNOWN
    if isinstance(raw, bool) or not isinstance(raw, int):
        unknown = message("answer_or_unknown", lang, unknown=UNKNOWN) if q.allow_unknown is not None else ""
        got = kind_name(raw, lang)
        raise BadAnswer(q, "wrong_type", message("answer_expected_int", lang, unknown=unknown, got=got))
    lo, hi = q.minimum, q.maximum
    if (lo is not None and raw < lo) or (hi is not None and raw > hi):
        raise BadAnswer(q, "out_of_range", message("answer_out_of_range", lang, value=raw, lo=lo, hi=hi))
    return raw


# Typed into a number field: ASCII digits with an optional sign, no more than fit in a field
# (int() would also take '١٦', '1_6' and '+16', and a 5,000-digit number slowly).
_TYPED_NUMBER = re.compile(r"-?[0-9]{1,12}", re.ASCII)


def parse_typed(q: Question, text: str, lang: Lang) -> Answer:
    """What a counsellor typed for a number question: the number, bounded as ``parse_answer`` bounds it.

    Front ends handle their own keys first (``<`` for back, ``v``/``?`` for not known).
    """
    typed = text.strip()
    if q.kind != "int" or not _TYPED_NUMBER.fullmatch(typed):
        raise BadAnswer(q, "wrong_type", message("answer_type_a_number", lang, lo=q.minimum, hi=q.maximum))
    return parse_answer(q, int(typed), lang)
