"""The iCalendar export round-trips through icalendar and writes atomically."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from knotwork.domain.plans.week import build_week_plan
from knotwork.exports.ical import (
    PRODID,
    ScheduleError,
    first_date,
    next_monday,
    parse_times,
    plan_calendar,
    write_ics,
)

STAMP = datetime(2025, 1, 1, 9, 0, tzinfo=UTC)
START = date(2025, 3, 5)  # a Wednesday


def export(tmp_path: Path, **plan_args: object) -> Calendar:
    plan = build_week_plan(**plan_args)  # type: ignore[arg-type]
    path = tmp_path / "week.ics"
    write_ics(path, plan_calendar(plan.slots, START, stamp=STAMP))
    return Calendar.from_ical(path.read_bytes())


def test_one_weekly_event_per_slot_with_duration_and_rrule(tmp_path: Path) -> None:
    plan = build_week_plan(["mon,wed,fri"], ["calf"])
    calendar = export(tmp_path, train=["mon,wed,fri"], focus=["calf"])
    events = calendar.walk("VEVENT")
    assert len(events) == len(plan.slots) == 10
    for slot, event in zip(plan.slots, events, strict=True):
        rule = event["RRULE"]
        assert rule["FREQ"] == ["WEEKLY"]
        assert rule["BYDAY"] == [slot.day[:2].upper()]
        assert event.decoded("DURATION") == timedelta(minutes=slot.minutes)
        begins = event.decoded("DTSTART")
        assert begins.tzinfo is None  # floating local time
        assert begins.date() >= START
        assert begins.date() - START < timedelta(days=7)
        assert begins.strftime("%a").lower() == slot.day
        assert event.decoded("DTSTAMP") == STAMP


def test_calendar_header_and_crlf_lines(tmp_path: Path) -> None:
    plan = build_week_plan(["tue"])
    path = tmp_path / "week.ics"
    write_ics(path, plan_calendar(plan.slots, START, stamp=STAMP))
    raw = path.read_bytes()
    assert raw.startswith(b"BEGIN:VCALENDAR\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b"")
    calendar = Calendar.from_ical(raw)
    assert str(calendar["PRODID"]) == PRODID
    assert str(calendar["VERSION"]) == "2.0"


def test_default_times_by_kind_and_first_dates(tmp_path: Path) -> None:
    calendar = export(tmp_path, train=["wed"])
    starts = {
        (str(e["SUMMARY"]).split()[2], e.decoded("DTSTART"))
        for e in calendar.walk("VEVENT")
        if e["RRULE"]["BYDAY"] in (["WE"], ["TU"])
    }
    assert starts == {
        ("pre-workout", datetime(2025, 3, 5, 7, 30)),
        ("post-workout", datetime(2025, 3, 5, 18, 30)),
        ("rest-day", datetime(2025, 3, 11, 12, 30)),
    }


def test_summary_description_and_ten_minute_display_alarm(tmp_path: Path) -> None:
    calendar = export(tmp_path, train=["mon"], focus=["calf", "hamstrings_lateral"])
    event = calendar.walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == (
        "knotwork: 4-min pre-workout ball work (calf, biceps femoris)"
    )
    text = str(event["DESCRIPTION"])
    assert "Focus: calf, biceps femoris." in text
    assert "5-6/10" in text
    alarms = event.walk("VALARM")
    assert len(alarms) == 1
    assert str(alarms[0]["ACTION"]) == "DISPLAY"
    assert alarms[0].decoded("TRIGGER") == timedelta(minutes=-10)
    assert str(alarms[0]["DESCRIPTION"])


def test_uids_are_unique_and_stable_across_exports(tmp_path: Path) -> None:
    first = export(tmp_path, train=["mon,thu"], focus=["soleus"])
    again = export(tmp_path, train=["mon,thu"], focus=["soleus"])
    uids = [str(e["UID"]) for e in first.walk("VEVENT")]
    assert len(set(uids)) == len(uids)
    assert uids == [str(e["UID"]) for e in again.walk("VEVENT")]
    changed = export(tmp_path, train=["mon,thu"], focus=["calf"])
    assert not set(uids) & {str(e["UID"]) for e in changed.walk("VEVENT")}


def test_one_time_moves_every_kind_and_a_kind_time_moves_one() -> None:
    times = parse_times(["06:45", "post-workout=19:05"])
    assert times == {
        "pre-workout": time(6, 45),
        "post-workout": time(19, 5),
        "rest-day": time(6, 45),
    }
    plan = build_week_plan(["fri"])
    calendar = Calendar.from_ical(
        plan_calendar(plan.slots, START, times, stamp=STAMP).to_ical()
    )
    fri = [e for e in calendar.walk("VEVENT") if e["RRULE"]["BYDAY"] == ["FR"]]
    assert [e.decoded("DTSTART").time() for e in fri] == [time(6, 45), time(19, 5)]


@pytest.mark.parametrize("value", ["7", "25:00", "07:61", "lunch=12:00", "7.30"])
def test_bad_times_are_refused(value: str) -> None:
    with pytest.raises(ScheduleError):
        parse_times([value])


def test_post_workout_starting_inside_the_pre_workout_is_refused() -> None:
    plan = build_week_plan(["mon"])
    with pytest.raises(ScheduleError, match="post-workout"):
        plan_calendar(plan.slots, START, parse_times(["07:00"]))


def test_dates() -> None:
    assert next_monday(date(2025, 3, 5)) == date(2025, 3, 10)
    assert next_monday(date(2025, 3, 10)) == date(2025, 3, 17)
    assert first_date(START, "wed") == START
    assert first_date(START, "tue") == date(2025, 3, 11)


def test_a_failed_write_leaves_the_old_file_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "week.ics"
    path.write_bytes(b"old")
    calendar = plan_calendar(build_week_plan(["mon"]).slots, START, stamp=STAMP)

    def broken_replace(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        write_ics(path, calendar)
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["week.ics"]
