"""Danish working days: when a step that serves a legal deadline must be done.

The legal date of a deadline stays as the law counts it (calendar days from the contact).
What the centre must do to meet it (book the treatment, the doctor) cannot happen on a
Saturday, a Sunday or a public holiday, so such a step is due on the last working day on
or before the deadline (contract version 3). The public holidays come from the
maintained ``holidays`` package (offline; it knows, e.g., that Store bededag ended in 2024).
"""

from __future__ import annotations

import datetime
from functools import lru_cache

import holidays

from triage.rules.model import Lang

_WEEKDAYS: dict[Lang, tuple[str, ...]] = {
    "da": ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
_HOLIDAY_LANGUAGE: dict[Lang, str] = {"da": "da", "en": "en_US"}


@lru_cache(maxsize=64)
def _holidays(year: int, lang: Lang) -> dict[datetime.date, str]:
    found = holidays.country_holidays("DK", years=year, language=_HOLIDAY_LANGUAGE[lang])
    return dict(found.items())


def holiday(day: datetime.date, lang: Lang = "da") -> str | None:
    """The name of the Danish public holiday on ``day``, or None."""
    return _holidays(day.year, lang).get(day)


def is_working_day(day: datetime.date) -> bool:
    return day.weekday() < 5 and holiday(day) is None


def last_working_day(day: datetime.date) -> datetime.date:
    """``day`` itself if it is a working day, else the nearest working day before it."""
    while not is_working_day(day):
        day -= datetime.timedelta(days=1)
    return day


def day_name(day: datetime.date, lang: Lang) -> str:
    """What kind of day it is, for a warning: the holiday's name, else the weekday."""
    return holiday(day, lang) or _WEEKDAYS[lang][day.weekday()]
