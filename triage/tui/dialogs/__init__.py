"""Small modal questions: confirm, and where to save."""

from triage.tui.dialogs.confirm import ConfirmDialog
from triage.tui.dialogs.export import ExportDialog

__all__ = ["ConfirmDialog", "ExportDialog"]
