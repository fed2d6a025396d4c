"""Start the wizard with finished objects: data is loaded and checked before the app exists."""

from __future__ import annotations

import asyncio
import os
import signal
import threading
from collections.abc import Mapping, MutableMapping
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


def real_terminal_size(environ: MutableMapping[str, str]) -> None:
    """Forget exported COLUMNS and LINES: the full-screen app follows the terminal itself.

    Textual asks ``shutil.get_terminal_size``, which prefers these variables to the terminal:
    exported by a shell profile (or left from another window), they drew the wizard at a size
    the terminal did not have, cut off or with unused space, and a resize changed nothing.
    """
    environ.pop("COLUMNS", None)
    environ.pop("LINES", None)


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
    stop = threading.Event()
    threading.Thread(target=watch_terminal, args=(stop,), name="triage-hangup", daemon=True).start()
    try:
        app.run()
    finally:
        stop.set()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return app.return_code or Exit.OK


def watch_terminal(stop: threading.Event, fd: int = 0) -> None:
    """When the terminal goes away without a SIGHUP, send the SIGHUP that did not come.

    Started through ``su -c`` and then the terminal closed, no SIGHUP reaches the wizard: its
    input then reads end-of-file at once, again and again (Textual's input thread spun at 90 %
    CPU for ever, holding the answers in memory). ``poll`` with no events asked still reports a
    hang-up, and waits without cost until then.
    """
    import select

    if not hasattr(select, "poll") or not hasattr(signal, "SIGHUP"):
        return
    poller = select.poll()
    poller.register(fd, 0)
    while not stop.is_set():
        try:
            events = poller.poll(500)
        except OSError:
            return
        if any(mask & (select.POLLHUP | select.POLLERR | select.POLLNVAL) for _, mask in events):
            if not stop.is_set():
                os.kill(os.getpid(), signal.SIGHUP)
            return


def run_wizard(knowledge: Knowledge, municipality: str | None, lang: Lang) -> int:
    from triage.tui.app import WizardApp

    settle()
    real_terminal_size(os.environ)  # before the app exists: it sizes its console when it is made
    app = WizardApp(
        knowledge,
        municipality=municipality,
        lang=lang,
        dark=terminal_is_dark(os.environ),
    )
    return run_app(app)
