"""Start the wizard with finished objects: data is loaded and checked before the app exists."""

from __future__ import annotations

import datetime
import os
from collections.abc import Mapping

from triage.model import Knowledge, Lang


def terminal_is_dark(environ: Mapping[str, str]) -> bool:
    """Follow the terminal's light/dark setting where it says (COLORFGBG); dark otherwise."""
    background = environ.get("COLORFGBG", "").rpartition(";")[2]
    return background not in ("7", "15")


def run_wizard(knowledge: Knowledge, municipality: str | None, lang: Lang) -> int:
    from triage.tui.app import WizardApp

    app = WizardApp(
        knowledge,
        municipality=municipality,
        lang=lang,
        today=datetime.date.today(),
        dark=terminal_is_dark(os.environ),
    )
    app.run()
    app.parsed_css.keep()  # for the next start; after the app, never while the counsellor waits
    return 0
