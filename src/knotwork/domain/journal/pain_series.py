"""Turn journal records into time-ordered pain readings per spot.

A session's before/after scores may arrive twice: in the session record and
as pain entries linked by ``session_id`` and ``phase``. These helpers merge
the two views so each measurement counts once, and they leave out "after"
scores when tracing the course of a spot, because the minutes right after
ball work show the immediate effect rather than how the spot is doing.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, timedelta, tzinfo
from operator import attrgetter
from time import localtime
from typing import NamedTuple

from knotwork.domain.journal.records import PainEntry, SessionRecord
from knotwork.kb.record import record


class Reading(NamedTuple):
    """One pain score at one spot at one moment.

    ``seconds`` orders readings and measures windows; ``local`` is the same
    moment on the person's wall clock, in seconds since 1970-01-01 00:00,
    for days, weeks and times of day. Plain numbers keep five years of
    readings cheap to sort, search and bucket.
    """

    at: datetime
    pain: int
    side: str | None
    journal: bool  # logged on its own rather than as part of a session
    seconds: float
    local: float


DAY = 86400.0
EPOCH = date(1970, 1, 1)
_NAIVE_EPOCH = datetime(1970, 1, 1)
_by_instant = attrgetter("seconds")


def instant(moment: datetime) -> float:
    """Return seconds since the epoch; a naive moment counts as wall-clock time."""
    if moment.tzinfo is None:
        return (moment - _NAIVE_EPOCH).total_seconds()
    return moment.timestamp()


class LocalClock:
    """Read instants on the person's clock (default zone: this machine's).

    Converting each of thousands of moments with ``astimezone`` is slow, so
    the UTC offset is looked up at each UTC midnight once and kept for the
    whole day when it is the same at both ends (no daylight-saving change
    within it). In the machine's zone the C library's ``localtime`` answers
    (it is what ``astimezone()`` itself asks). Share one clock between the
    passes over the same journal.
    """

    def __init__(self, tz: tzinfo | None = None) -> None:
        self.tz = tz
        self._midnights: dict[int, float] = {}
        self._days: dict[int, float] = {}  # UTC day -> offset, if one all day

    def _exact(self, seconds: float) -> float:
        if self.tz is None:
            return float(localtime(seconds).tm_gmtoff)
        moment = datetime.fromtimestamp(seconds, UTC).astimezone(self.tz)
        offset = moment.utcoffset()
        return 0.0 if offset is None else offset.total_seconds()

    def _midnight(self, day: int) -> float:
        offset = self._midnights.get(day)
        if offset is None:
            offset = self._midnights[day] = self._exact(day * DAY)
        return offset

    def _offset(self, seconds: float) -> float:
        day = int(seconds // DAY)
        start, end = self._midnight(day), self._midnight(day + 1)
        if start != end:  # the clocks change that day
            return self._exact(seconds)
        self._days[day] = start
        return start

    def local_seconds(self, moment: datetime, seconds: float) -> float:
        """Return the moment as wall-clock seconds since 1970-01-01 00:00."""
        if moment.tzinfo is None:
            return seconds
        offset = self._days.get(int(seconds // DAY))
        return seconds + (self._offset(seconds) if offset is None else offset)

    def read(self, moment: datetime) -> tuple[float, float]:
        """Return (instant, wall-clock seconds) for a moment."""
        if moment.tzinfo is None:
            seconds = (moment - _NAIVE_EPOCH).total_seconds()
            return seconds, seconds
        seconds = moment.timestamp()
        offset = self._days.get(int(seconds // DAY))  # local_seconds, inlined
        if offset is None:
            offset = self._offset(seconds)
        return seconds, seconds + offset


def make_reading(
    at: datetime,
    pain: int,
    side: str | None = None,
    journal: bool = True,
    clock: LocalClock | None = None,
) -> Reading:
    """Return a reading, computing its instant and wall-clock seconds."""
    seconds, local = (clock or LocalClock()).read(at)
    return Reading(at, pain, side, journal, seconds, local)


def local_day(local: float) -> int:
    """Return the day number (days since 1970-01-01) of wall-clock seconds."""
    return int(local // DAY)


def weekday_of(day_number: int) -> int:
    """Return 0 for Monday ... 6 for Sunday (1970-01-01 was a Thursday)."""
    return (day_number + 3) % 7


def hour_of(local: float) -> int:
    """Return the wall-clock hour of wall-clock seconds."""
    return int(local % DAY // 3600)


@record
class SessionPain:
    """A session's pain scores per spot, before and after."""

    before: dict[str, int]
    after: dict[str, int]


def to_local(moment: datetime, tz: tzinfo | None = None) -> datetime:
    """Return an aware moment in the person's zone (default: this machine's).

    Naive moments are already local. Weekdays, times of day and weeks must be
    read on the person's clock, while the journal hands back UTC.
    """
    return moment if moment.tzinfo is None else moment.astimezone(tz)


def session_end(session: SessionRecord) -> datetime:
    """Return when the session ended, or when it started if never closed."""
    return session.ended_at or session.started_at


def session_spots(session: SessionRecord) -> set[str]:
    """Return the spots a session scored or worked on."""
    spots = {step.target for step in session.steps if not step.skipped}
    spots.update(session.pain_before)
    spots.update(session.pain_after)
    return spots


def session_pain(
    sessions: Sequence[SessionRecord], pain: Iterable[PainEntry]
) -> dict[str, SessionPain]:
    """Return each session's before/after scores, filling gaps from linked entries."""
    linked: dict[str, list[PainEntry]] = defaultdict(list)
    for entry in pain:
        if entry.session_id is not None and entry.phase in ("before", "after"):
            linked[entry.session_id].append(entry)
    out: dict[str, SessionPain] = {}
    for session in sessions:
        if session.id not in linked:  # the common case: share, don't copy
            out[session.id] = SessionPain(session.pain_before, session.pain_after)
            continue
        before = dict(session.pain_before)
        after = dict(session.pain_after)
        for entry in sorted(linked.get(session.id, ()), key=lambda e: e.at):
            recorded = (
                session.pain_before if entry.phase == "before" else session.pain_after
            )
            scores = before if entry.phase == "before" else after
            if entry.spot not in recorded:  # the session record wins
                scores[entry.spot] = entry.pain
        out[session.id] = SessionPain(before, after)
    return out


def collect_readings(
    pain: Iterable[PainEntry],
    sessions: Sequence[SessionRecord],
    tz: tzinfo | None = None,
    clock: LocalClock | None = None,
) -> dict[str, list[Reading]]:
    """Return time-ordered readings per spot, without post-session scores."""
    read = (clock or LocalClock(tz)).read
    by_spot: dict[str, list[Reading]] = defaultdict(list)
    logged_before: set[tuple[str, str]] = set()
    for entry in pain:  # the hot loop: five years of entries pass through it
        phase = entry.phase
        if phase == "after":
            continue
        session_id = entry.session_id
        if session_id is not None and phase == "before":
            logged_before.add((session_id, entry.spot))
        at = entry.at
        seconds, local = read(at)
        by_spot[entry.spot].append(
            Reading(at, entry.pain, entry.side, session_id is None, seconds, local)
        )
    for session in sessions:
        seconds, local = read(session.started_at)
        for spot, value in session.pain_before.items():
            if (session.id, spot) not in logged_before:
                reading = Reading(
                    session.started_at, value, None, False, seconds, local
                )
                by_spot[spot].append(reading)
    for readings in by_spot.values():
        readings.sort(key=_by_instant)
    return dict(by_spot)


def week_start(day: date) -> date:
    """Return the Monday of the week holding this day."""
    return day - timedelta(days=day.weekday())


def weekly_means(readings: Sequence[Reading]) -> list[tuple[date, float, int]]:
    """Return (Monday, mean pain, count) for each local week that has readings."""
    sums: dict[int, list[int]] = {}
    for r in readings:
        day = int(r.local // DAY)  # local_day, inlined: this runs per reading
        monday = day - (day + 3) % 7
        bucket = sums.get(monday)
        if bucket is None:
            sums[monday] = [r.pain, 1]
        else:
            bucket[0] += r.pain
            bucket[1] += 1
    return [
        (EPOCH + timedelta(days=monday), total / n, n)
        for monday, (total, n) in sorted(sums.items())
    ]


def slope_per_week(readings: Sequence[Reading]) -> float | None:
    """Return the least-squares slope in points per week, or None if undefined."""
    if len(readings) < 2:
        return None
    origin = readings[0].seconds
    xs = [(r.seconds - origin) / DAY for r in readings]
    ys = [float(r.pain) for r in readings]
    n = len(xs)
    mean_x = sum(xs) / n
    mean_y = sum(ys) / n
    # Lists rather than generators: the same sums, a third quicker.
    spread = sum([(x - mean_x) ** 2 for x in xs])
    if spread == 0:
        return None
    cov = sum([(x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)])
    return 7.0 * cov / spread


def mean_between(readings: Sequence[Reading], start: float, end: float) -> float | None:
    """Return the mean pain of readings with start <= seconds <= end, or None."""
    low = bisect.bisect_left(readings, start, key=_by_instant)
    high = bisect.bisect_right(readings, end, key=_by_instant)
    values = [r.pain for r in readings[low:high]]
    return sum(values) / len(values) if values else None
