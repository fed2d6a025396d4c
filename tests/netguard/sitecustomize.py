"""Installed into child processes by the privacy tests (PYTHONPATH): no network in there either."""

import os
from pathlib import Path

from guard import NetworkGuard

_log = os.environ.get("TRIAGE_NETGUARD_LOG")
if _log:
    NetworkGuard(Path(_log)).install()
