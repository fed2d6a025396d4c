"""The wizard's screens, one per module.

Re-exported lazily: the first paint needs only the call and picker screens, and every
module not imported before it shortens the counsellor's wait (benchmarks/startup.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from triage.tui.lazy import exports

if TYPE_CHECKING:
    from triage.tui.screens.call import CallScreen
    from triage.tui.screens.citations import CitationsScreen
    from triage.tui.screens.emergency import EmergencyScreen
    from triage.tui.screens.picker import PickerScreen
    from triage.tui.screens.summary import SummaryScreen

__all__ = ["CallScreen", "CitationsScreen", "EmergencyScreen", "PickerScreen", "SummaryScreen"]

__getattr__ = exports(
    __name__,
    {
        "CallScreen": "call",
        "CitationsScreen": "citations",
        "EmergencyScreen": "emergency",
        "PickerScreen": "picker",
        "SummaryScreen": "summary",
    },
)
