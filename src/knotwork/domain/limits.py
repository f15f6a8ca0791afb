"""Every bound on what knotwork accepts, in one place for CLI, API and import.

(The longest description the reader takes, ``MAX_TEXT_CHARS``, lives with
the health screen that reads it.)

Adapters and stores read these; none keeps its own copy. They are generous
for real use (decades of daily entries) and small enough that no input can
exhaust memory or reach past what the database and ``datetime`` can hold.
"""

from __future__ import annotations

import math
from datetime import UTC, date, datetime, timedelta

from knotwork.errors import KnotworkError

# Request bodies, checked before they are read: an import carries a whole
# journal; everything else is a form or a small JSON document.
IMPORT_BODY_BYTES = 10 * 1024 * 1024
BODY_BYTES = 64 * 1024
# Imported JSON: a knotwork export is five levels deep; allow room, no more.
IMPORT_MAX_DEPTH = 32
IMPORT_MAX_ITEMS = 1_000_000
# The one date range: nothing before 1900, nothing more than a day ahead (a
# day absorbs every time zone, from UTC-12:00 to UTC+14:00).
EARLIEST_DAY = date(1900, 1, 1)
FUTURE_ALLOWANCE = timedelta(days=1)
# A weekly plan's calendar may start years ahead (it repeats weekly anyway).
PLAN_HORIZON = timedelta(days=10 * 366)
# A routine longer than three hours is not self-care; a session's clock may
# run up to 1000x faster (tests, demos), never infinitely fast, and no slower
# than a tenth (a slower clock would look like a hang).
MAX_ROUTINE_MINUTES = 180
MIN_SPEED, MAX_SPEED = 0.1, 1000.0
# A re-test's range: no joint turns or lifts further than this from where it
# started, so a larger reading is a sensor glitch or a typo.
MAX_DEGREES = 180


class OutOfRange(KnotworkError):
    """A value outside what knotwork accepts; the message names the range."""


def latest_day(now: datetime | None = None) -> date:
    """Return the last day accepted: one day after today in UTC."""
    return ((now or datetime.now(UTC)) + FUTURE_ALLOWANCE).date()


def check_day(day: date, what: str = "date", now: datetime | None = None) -> date:
    """Return ``day`` if it lies in the accepted range, else raise OutOfRange."""
    last = latest_day(now)
    if not EARLIEST_DAY <= day <= last:
        raise OutOfRange(
            f"{what} must be between {EARLIEST_DAY.isoformat()} and "
            f"{last.isoformat()}, not {day.isoformat()}"
        )
    return day


def check_plan_day(day: date, what: str = "start", now: datetime | None = None) -> date:
    """Return a plan's first day if it lies from 1900 to ten years ahead, else raise.

    Plans look forward (next Monday, a trip next month); the journal does not.
    """
    last = (now or datetime.now(UTC)).date() + PLAN_HORIZON
    if not EARLIEST_DAY <= day <= last:
        raise OutOfRange(
            f"{what} must be between {EARLIEST_DAY.isoformat()} and "
            f"{last.isoformat()}, not {day.isoformat()}"
        )
    return day


def check_moment(
    moment: datetime, what: str = "time", now: datetime | None = None
) -> datetime:
    """Return ``moment`` if its UTC day lies in the range, else raise OutOfRange.

    Naive moments are read as UTC. Converting a year-1 time with a +14:00
    offset to UTC would overflow, so the local day is checked first.
    """
    check_day(moment.date(), what, now)
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    check_day(aware.astimezone(UTC).date(), what, now)
    return moment


def check_finite(value: float, what: str = "number") -> float:
    """Return ``value`` unless it is NaN or infinite."""
    if not math.isfinite(value):
        raise OutOfRange(f"{what} must be a finite number, not {value}")
    return value
