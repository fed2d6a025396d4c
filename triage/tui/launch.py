"""Start the wizard with finished objects: data is loaded and checked before the app exists."""

from __future__ import annotations

import datetime
import os
from collections.abc import Mapping

from triage.rules.model import Knowledge, Lang


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
    app.run()
    return 0
