"""Widgets of the wizard: each renders a ``Call`` and posts what the counsellor pressed.

Re-exported lazily, as the screens are: the picker shows none of them, and importing them
all before its first paint would only make the counsellor wait (benchmarks/startup.py).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from triage.tui.widgets.answers import AnswersColumn
    from triage.tui.widgets.header import CallHeader
    from triage.tui.widgets.panel import RecommendationPanel, compact
    from triage.tui.widgets.question import QuestionView

__all__ = ["AnswersColumn", "CallHeader", "QuestionView", "RecommendationPanel", "compact"]

_MODULES = {
    "AnswersColumn": "answers",
    "CallHeader": "header",
    "QuestionView": "question",
    "RecommendationPanel": "panel",
    "compact": "panel",
}


def __getattr__(name: str) -> Any:
    if name in _MODULES:
        return getattr(import_module(f"triage.tui.widgets.{_MODULES[name]}"), name)
    raise AttributeError(name)
