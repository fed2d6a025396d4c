"""The wizard's screens, one per module."""

from triage.tui.screens.call import CallScreen
from triage.tui.screens.citations import CitationsScreen
from triage.tui.screens.emergency import EmergencyScreen
from triage.tui.screens.picker import PickerScreen
from triage.tui.screens.summary import SummaryScreen

__all__ = ["CallScreen", "CitationsScreen", "EmergencyScreen", "PickerScreen", "SummaryScreen"]
