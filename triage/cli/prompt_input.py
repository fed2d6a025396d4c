"""What a counsellor types at ``triage ask``'s prompts, and what it means.

The call itself is a ``triage.rules.session.Session``, the same state the wizard keeps;
this module only reads typed text (a number, yes/no, back), so that the prompt logic is
tested without a terminal.
"""

from __future__ import annotations

import re

from triage.output.i18n import t
from triage.rules.model import Lang, Question

BACK_KEY = "<"


def parse_int(q: Question, text: str, lang: Lang) -> tuple[int | None, str | None]:
    """What a counsellor typed for a number question: (the number, None) or (None, why not)."""
    text = text.strip()
    lo, hi = q.minimum, q.maximum
    if not re.fullmatch(r"-?\d{1,6}", text):
        return None, t("ask_int_invalid", lang, lo=lo, hi=hi)
    value = int(text)
    if (lo is not None and value < lo) or (hi is not None and value > hi):
        return None, t("ask_int_invalid", lang, lo=lo, hi=hi)
    return value, None


def is_back(text: str) -> bool:
    return text.strip() == BACK_KEY


def multi_problem(q: Question, chosen: list[str], lang: Lang) -> str | None:
    """Why a checkbox answer cannot be taken, or None."""
    if len(chosen) < q.min_selected:
        return t("ask_multi_min", lang, n=q.min_selected)
    return None
