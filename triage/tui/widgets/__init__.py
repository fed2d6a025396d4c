"""Widgets of the wizard: each renders a ``Session`` and posts what the counsellor pressed.

Re-exported lazily, as the screens are: the picker shows none of them, and importing them
all before its first paint would only make the counsellor wait (benchmarks/startup.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from triage.tui.lazy import exports

if TYPE_CHECKING:
    from triage.tui.widgets.answers import AnswersColumn
    from triage.tui.widgets.header import CallHeader
    from triage.tui.widgets.panel import RecommendationPanel, compact
    from triage.tui.widgets.question import QuestionView

__all__ = ["AnswersColumn", "CallHeader", "QuestionView", "RecommendationPanel", "compact"]

__getattr__ = exports(
    __name__,
    {
        "AnswersColumn": "answers",
        "CallHeader": "header",
        "QuestionView": "question",
        "RecommendationPanel": "panel",
        "compact": "panel",
    },
)
