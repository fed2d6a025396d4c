"""What a counsellor types at ``triage ask``'s prompts, and what it means.

The call itself is a ``triage.rules.session.Session``, the same state the wizard keeps;
this module only reads typed text (a number, back) and ticked options, so that the prompt
logic is tested without a terminal. What an answer may be is decided by the one parser,
``triage.rules.parsing``, as in the wizard and in an answers file.
"""

from __future__ import annotations

from triage.rules.model import Lang, Question
from triage.rules.parsing import BadAnswer, parse_answer, parse_typed

BACK_KEY = "<"


def is_back(text: str) -> bool:
    return text.strip() == BACK_KEY


def typed_problem(q: Question, typed: str | list[str], lang: Lang) -> str | None:
    """Why what was typed (a number) or ticked (options) is no answer to ``q``, or None: the one parser's word."""
    try:
        if isinstance(typed, str):
            parse_typed(q, typed, lang)
        else:
            parse_answer(q, typed, lang)
    except BadAnswer as bad:
        return bad.sentence()
    return None
