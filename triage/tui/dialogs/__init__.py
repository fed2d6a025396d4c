"""Small modal questions: confirm, and where to save (imported when first shown)."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from triage.tui.dialogs.confirm import ConfirmDialog
    from triage.tui.dialogs.export import ExportDialog

__all__ = ["ConfirmDialog", "ExportDialog"]

_MODULES = {"ConfirmDialog": "confirm", "ExportDialog": "export"}


def __getattr__(name: str) -> Any:
    if name in _MODULES:
        return getattr(import_module(f"triage.tui.dialogs.{_MODULES[name]}"), name)
    raise AttributeError(name)
