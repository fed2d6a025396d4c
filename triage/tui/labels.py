"""Short texts the picker and the call both show: a clipped line and a standard's status badge.

Kept apart from the widgets so that the first screen, the picker, imports no widget it
does not show (benchmarks/startup.py).
"""

from __future__ import annotations

import os

from rich.text import Text

from triage.output.i18n import t
from triage.rules.model import Lang, Municipality


def clip(text: str, width: int) -> str:
    """Cut ``text`` to ``width`` cells with an ellipsis (the options list would wrap it)."""
    return text if len(text) <= width else text[: width - 1] + "…"


def status_badge(m: Municipality, lang: Lang) -> Text:
    """A badge that cannot be overlooked when the standard is a draft or outdated."""
    status = m.standard.status
    if "NO_COLOR" in os.environ:  # monochrome (see tui/app.py: Textual decides): draft or outdated in reverse video
        style = "bold" if status == "current" else "bold reverse"
    else:
        style = "bold green" if status == "current" else "bold black on yellow"
    return Text(f" {t('status_' + status, lang)} ", style=style)
