"""Start the wizard with finished objects: data is loaded and checked before the app exists."""

from __future__ import annotations

import datetime

from triage.model import Knowledge, Lang


def run_wizard(knowledge: Knowledge, municipality: str | None, lang: Lang) -> int:
    from triage.tui.app import WizardApp

    app = WizardApp(knowledge, municipality=municipality, lang=lang, today=datetime.date.today())
    app.run()
    return 0
