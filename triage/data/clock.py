"""Today's date as a Danish centre counts it: the date in Europe/Copenhagen, not the machine's.

A laptop set to UTC (or a server) is an hour or two behind Denmark: a call at 00:30 on
a Tuesday in Copenhagen is still Monday in UTC, and every deadline would count from the
wrong day. The zone comes from the operating system's tz database, or from the ``tzdata``
package where there is none (Windows, slim containers).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from zoneinfo import ZoneInfo

DANISH_TIME = ZoneInfo("Europe/Copenhagen")

# What reads the current moment; a test gives its own (no sleeps, no patched modules).
Now = Callable[[], datetime.datetime]
Today = Callable[[], datetime.date]


def utc_now() -> datetime.datetime:
    return datetime.datetime.now(datetime.UTC)


def danish_today(now: Now = utc_now) -> datetime.date:
    """The date in Copenhagen at the moment ``now`` returns (an aware datetime)."""
    return now().astimezone(DANISH_TIME).date()
