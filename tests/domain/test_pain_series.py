"""Pain readings per spot: each measurement once, post-session scores apart."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from knotwork.domain.journal.pain_series import (
    LocalClock,
    collect_readings,
    instant,
    make_reading,
    session_pain,
    slope_per_week,
    to_local,
    weekly_means,
)
from tests.domain.journal_factories import day, pain, session

SPOT = "calf"


def test_linked_entries_fill_in_what_the_session_record_lacks() -> None:
    record = session("s1", day(0), {SPOT: 6}, {})
    entries = [
        pain(SPOT, 5, day(0), session_id="s1", phase="before"),  # record wins
        pain(SPOT, 2, day(0, minute=7), session_id="s1", phase="after"),
    ]
    levels = session_pain([record], entries)["s1"]
    assert (levels.before, levels.after) == ({SPOT: 6}, {SPOT: 2})


def test_readings_leave_out_after_scores_and_mark_journal_entries() -> None:
    record = session("s1", day(1), {SPOT: 6}, {SPOT: 3})
    entries = [
        pain(SPOT, 4, day(0)),
        pain(SPOT, 2, day(1), session_id="s1", phase="after"),
    ]
    readings = collect_readings(entries, [record])[SPOT]
    assert [(r.pain, r.journal) for r in readings] == [(4, True), (6, False)]


def test_weekly_means_group_by_monday() -> None:
    readings = [make_reading(day(n), v) for n, v in ((0, 4), (6, 6), (7, 2))]
    weeks = weekly_means(readings)
    assert [(w.weekday(), m, n) for w, m, n in weeks] == [(0, 5.0, 2), (0, 2.0, 1)]


def test_slope_is_points_per_week() -> None:
    readings = [make_reading(day(n), 7 - n) for n in range(5)]
    assert slope_per_week(readings) == pytest.approx(-7.0)
    assert slope_per_week(readings[:1]) is None


def test_aware_moments_are_read_in_the_persons_zone() -> None:
    east = timezone(timedelta(hours=9))
    moment = datetime(2025, 3, 3, 20, tzinfo=UTC)
    assert to_local(moment, east).weekday() == 1  # Tuesday morning in Tokyo
    naive = datetime(2025, 3, 3, 20)
    assert to_local(naive, east) is naive


def test_the_local_clock_follows_daylight_saving() -> None:
    berlin = ZoneInfo("Europe/Berlin")
    clock = LocalClock(berlin)
    for moment in (
        datetime(2025, 3, 30, 0, 30, tzinfo=UTC),  # 01:30 CET, before the switch
        datetime(2025, 3, 30, 1, 30, tzinfo=UTC),  # 03:30 CEST, after it
        datetime(2025, 7, 1, 12, tzinfo=UTC),
        datetime(2025, 12, 1, 12, tzinfo=UTC),
    ):
        wall = moment.astimezone(berlin).replace(tzinfo=None)
        local = clock.local_seconds(moment, instant(moment))
        expected = (wall - datetime(1970, 1, 1)).total_seconds()
        assert local == pytest.approx(expected, abs=1e-6)  # float rounding only


@settings(max_examples=300)
@given(
    moment=st.datetimes(
        min_value=datetime(1960, 1, 1),
        max_value=datetime(2060, 1, 1),
        timezones=st.sampled_from([UTC, timezone(timedelta(hours=-7))]),
    ),
    zone=st.sampled_from(
        [None, "Europe/Berlin", "America/New_York", "Australia/Lord_Howe"]
    ),
)
def test_the_local_clock_reads_what_astimezone_reads(
    moment: datetime, zone: str | None
) -> None:
    # None is this machine's zone, which the clock asks the C library about.
    tz = None if zone is None else ZoneInfo(zone)
    wall = moment.astimezone(tz).replace(tzinfo=None)
    clock = LocalClock(tz)
    for _ in range(2):  # the second read comes from the clock's day cache
        seconds, local = clock.read(moment)
        assert seconds == moment.timestamp()
        expected = (wall - datetime(1970, 1, 1)).total_seconds()
        assert local == pytest.approx(expected, abs=1e-6)  # float rounding only
