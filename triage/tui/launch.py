"""Start the wizard with finished objects: data is loaded and checked before the app exists."""

from __future__ import annotations

import asyncio
import datetime
import os
import signal
from collections.abc import Mapping
from types import FrameType
from typing import TYPE_CHECKING, Any

from triage.rules.errors import Exit, after_signal
from triage.rules.model import Knowledge, Lang

if TYPE_CHECKING:
    from textual.app import App

# Signals that end a full-screen run the way Ctrl+Q does: the app closes, and Textual gives
# the terminal back (main screen, echo, cursor) instead of the process dying inside it.
ENDING_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


def terminal_is_dark(environ: Mapping[str, str]) -> bool:
    """Follow the terminal's light/dark setting where it says (COLORFGBG); dark otherwise."""
    background = environ.get("COLORFGBG", "").rpartition(";")[2]
    return background not in ("7", "15")


def settle() -> None:
    """Exempt what lives for the whole run from the garbage collector's full scans.

    Modules, classes and the loaded rules stay until the wizard exits, yet every full
    collection walked them all again: those walks were the longest stalls after a key
    (benchmarks/keystroke.py reports the slowest keys).
    Objects made afterwards are collected as usual.
    """
    import gc

    gc.freeze()


def run_app(app: App[Any]) -> int:
    """``app.run()``; SIGTERM or SIGHUP close the app as Ctrl+Q does, exit code 128 + signal.

    The handler runs in the main thread, which is the event loop's: it asks the loop to call
    ``app.exit`` (``call_soon_threadsafe`` wakes the loop). Before the loop runs or after it
    has stopped, the terminal is not Textual's, and the process simply ends.
    """

    def ending(number: int, _frame: FrameType | None) -> None:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            raise SystemExit(after_signal(number)) from None
        loop.call_soon_threadsafe(lambda: app.exit(return_code=after_signal(number)))

    previous = {sig: signal.signal(sig, ending) for sig in ENDING_SIGNALS}
    try:
        app.run()
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return app.return_code or Exit.OK


def run_wizard(knowledge: Knowledge, municipality: str | None, lang: Lang) -> int:
    from triage.tui.app import WizardApp

    settle()
    app = WizardApp(
        knowledge,
        municipality=municipality,
        lang=lang,
        today=datetime.date.today(),
        dark=terminal_is_dark(os.environ),
    )
    return run_app(app)
