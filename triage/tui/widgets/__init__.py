"""Widgets of the wizard: each renders a ``Call`` and posts what the counsellor pressed."""

from triage.tui.widgets.answers import AnswersColumn
from triage.tui.widgets.header import CallHeader, status_badge
from triage.tui.widgets.panel import RecommendationPanel, compact
from triage.tui.widgets.question import QuestionView

__all__ = ["AnswersColumn", "CallHeader", "QuestionView", "RecommendationPanel", "compact", "status_badge"]
