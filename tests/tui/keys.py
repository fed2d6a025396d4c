"""The keys a counsellor presses in the wizard for a mapping of answers, read from the flow.

Tests say what the call is (``{"caller": "relative", "age": "unknown", ...}``) and this module
finds the keys: it walks the flow as the wizard does (the same ``Session``), asks each
question's kind and the keys the wizard shows for its options (``choices``), and emits them
in the order the questions come. A change of the flow (a question added, an option's key
moved) changes the keys, not the tests.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from triage.output.answer_keys import UNKNOWN_KEYS
from triage.rules.model import UNKNOWN, Knowledge, Lang, Question
from triage.rules.session import Session
from triage.tui.widgets.question import choices

CONTACT = datetime.date(2026, 11, 24)


class NotAnswered(KeyError):
    """The flow asks a question the mapping gives no answer for."""


def answer_keys(q: Question, value: Any, lang: Lang = "da") -> list[str]:
    """The keys that give ``value`` to ``q`` on the wizard's question screen."""
    if q.kind == "int":
        typed = UNKNOWN_KEYS[0] if value == UNKNOWN else str(int(value))
        return [*typed, "enter"]
    if q.kind == "multi":
        values = (value,) if isinstance(value, str) else tuple(value)
        keyed = {v: key.split("/")[0] for v, key, _ in choices(q, lang)}
        return [*(keyed[v] for v in values), "enter"]
    wanted = ("yes" if value else "no") if q.kind == "bool" and value != UNKNOWN else value
    for i, (v, key, _) in enumerate(choices(q, lang, unknown_ok=value == UNKNOWN), 1):
        if v == wanted:
            return [key.split("/")[0] if key else str(i)]
    raise ValueError(f"{q.id}: no option {value!r}")


def call_keys(
    knowledge: Knowledge,
    municipality: str,
    answers: Mapping[str, Any],
    *,
    lang: Lang = "da",
    until: str | None = None,
    emergency: bool = True,
) -> list[str]:
    """The keys of a call with ``answers``, from the first question to the summary.

    ``until``: stop before that question is answered (the call's screen as it is then asked).
    ``emergency``: press Enter on the emergency screen when an answer opens it (the wizard;
    training shows none). Raises ``NotAnswered`` when the flow asks what ``answers`` lacks.
    """
    session = Session(knowledge, lang, CONTACT, municipality)
    keys: list[str] = []
    while (q := session.question) is not None:
        if q.id == until:
            return keys
        if q.id not in answers:
            raise NotAnswered(q.id)
        value = answers[q.id]
        keys += answer_keys(q, value, lang)
        before = session.recommendation
        session = session.answer(q.id, tuple(value) if isinstance(value, list) else value)
        rec = session.recommendation
        opened = rec is not None and rec.level.id == "emergency" and (before is None or before.level.id != "emergency")
        if emergency and opened:
            keys.append("enter")  # on from the emergency screen to the questions the duty to notify needs
    if until is not None:
        raise NotAnswered(until)
    return keys


def rest_keys(app: Any, answers: Mapping[str, Any]) -> list[str]:
    """The keys that answer the questions still open in ``app``'s call (after a change)."""
    session: Session = app.call
    keys: list[str] = []
    while (q := session.question) is not None:
        if q.id not in answers:
            raise NotAnswered(q.id)
        keys += answer_keys(q, answers[q.id], session.lang)
        session = session.answer(q.id, answers[q.id])
    return keys


def reopen_keys(session: Session, qid: str) -> list[str]:
    """Tab into the answers column, and Enter on the answer to ``qid`` (to change it)."""
    asked = [q.id for q in session.flow_state.asked]
    return ["tab", "home", *["down"] * asked.index(qid), "enter"]
