"""Dates as people read them, through Babel's locale data: ``08.12.2026`` and ``8. december 2026``
in Danish, "i dag" for the day of the call. ISO dates (``2026-12-08``) only in JSON and file names.

Babel is imported on the first date shown, not before: the picker, the first screen, shows none.
"""

from __future__ import annotations

import datetime
from functools import lru_cache

from triage.output.i18n import t
from triage.rules.model import Lang

# CLDR patterns: the glossary's 17.12.2026, and "17. december 2026" in running text.
_SHORT = {"da": "dd.MM.y", "en": "d MMM y"}
_LONG = {"da": "d. MMMM y", "en": "d MMMM y"}
_LOCALE = {"da": "da_DK", "en": "en_GB"}


@lru_cache(maxsize=256)
def _format(d: datetime.date, pattern: str, locale: str) -> str:
    from babel.dates import format_date

    return format_date(d, format=pattern, locale=locale)


def short_date(d: datetime.date, lang: Lang) -> str:
    """``08.12.2026`` (Danish), ``8 Dec 2026`` (English)."""
    return _format(d, _SHORT[lang], _LOCALE[lang])


def long_date(d: datetime.date, lang: Lang) -> str:
    """``8. december 2026`` (Danish), ``8 December 2026`` (English)."""
    return _format(d, _LONG[lang], _LOCALE[lang])


def day(d: datetime.date, lang: Lang, today: datetime.date | None = None) -> str:
    """``i dag`` for ``today`` (the day of the call), else the short date."""
    return t("today", lang) if d == today else short_date(d, lang)
