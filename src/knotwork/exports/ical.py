"""Export a weekly plan as iCalendar: one weekly, reminded event per session.

Takes any objects shaped like the plan's slots (day, kind, minutes, focus), so
it needs nothing from the domain layer. Times are floating local times: a
calendar app shows them at that clock time wherever the person is.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from knotwork.domain.names import name_of
from knotwork.errors import KnotworkError
from knotwork.exports.atomic import write_atomically
from knotwork.kb.loader import load_kb

if TYPE_CHECKING:  # icalendar is imported only when a calendar is written
    from icalendar import Calendar, Event

PRODID = "-//knotwork//plan//EN"
DEFAULT_TIMES: dict[str, time] = {
    "pre-workout": time(7, 30),
    "post-workout": time(18, 30),
    "rest-day": time(12, 30),
}
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
BYDAY = {day: day[:2].upper() for day in WEEKDAYS}
REMINDER = timedelta(minutes=10)
# Fixed so the same plan exported twice gets the same UIDs, and a calendar app
# re-importing it updates the events instead of duplicating them.
UID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_DNS, "plan.knotwork.invalid")
KIND_LINES = {
    "pre-workout": "Before your workout: brisk work on the tightest spots.",
    "post-workout": "After your workout: slower work on the muscles you trained.",
    "rest-day": "Rest day: easy ball work, then some gentle mobility.",
}
_TIME = re.compile(r"^(?:(?P<kind>[a-z-]+)=)?(?P<h>\d{1,2}):(?P<m>\d{2})$")


class ScheduleError(KnotworkError):
    """Session times that can't make a sensible calendar."""


class CalendarSlot(Protocol):
    """What the calendar needs to know about one planned session."""

    @property
    def day(self) -> str: ...

    @property
    def kind(self) -> str: ...

    @property
    def minutes(self) -> int: ...

    @property
    def focus(self) -> Sequence[str]: ...


def parse_times(values: Iterable[str]) -> dict[str, time]:
    """Read "HH:MM" (every kind) or "KIND=HH:MM" (one kind) into start times."""
    times = dict(DEFAULT_TIMES)
    for value in values:
        match = _TIME.match(value.strip().lower())
        if not match:
            raise ScheduleError(f"'{value}' is not HH:MM or KIND=HH:MM")
        hour, minute = int(match["h"]), int(match["m"])
        if hour > 23 or minute > 59:
            raise ScheduleError(f"'{value}' is not a time of day")
        kind = match["kind"]
        if kind is not None and kind not in DEFAULT_TIMES:
            raise ScheduleError(
                f"'{kind}' is not a session kind ({', '.join(DEFAULT_TIMES)})"
            )
        for k in [kind] if kind else DEFAULT_TIMES:
            times[k] = time(hour, minute)
    return times


def next_monday(today: date) -> date:
    """Return the first Monday after today."""
    return today + timedelta(days=7 - today.weekday())


def first_date(start: date, day: str) -> date:
    """Return the first date on or after ``start`` that falls on ``day``."""
    return start + timedelta(days=(WEEKDAYS.index(day) - start.weekday()) % 7)


def plan_calendar(
    slots: Iterable[CalendarSlot],
    start: date,
    times: Mapping[str, time] | None = None,
    stamp: datetime | None = None,
) -> Calendar:
    """Return a calendar with one weekly recurring event per session."""
    from icalendar import Calendar

    times = {**DEFAULT_TIMES, **(times or {})}
    stamp = stamp or datetime.now(UTC)
    slots = list(slots)
    _check_no_overlap(slots, start, times)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "knotwork plan")
    for slot in slots:
        calendar.add_component(_event(slot, start, times[slot.kind], stamp))
    return calendar


def write_ics(path: Path, calendar: Calendar) -> None:
    """Write the calendar to ``path`` atomically: all of it or nothing."""
    write_atomically(path, calendar.to_ical())


def focus_label(focus_id: str) -> str:
    """Return a short lower-case name for a muscle or region id."""
    name = name_of(focus_id)
    # "Biceps femoris (outer hamstring)" -> "biceps femoris"; "heel, under" -> "heel"
    short = re.split(r" \(|,", name, maxsplit=1)[0]
    return short[:1].lower() + short[1:]


def summary(slot: CalendarSlot) -> str:
    """Return the event title, e.g. "knotwork: 4-min pre-workout ball work (calf)"."""
    title = f"knotwork: {slot.minutes}-min {slot.kind} ball work"
    if slot.focus:
        title += f" ({', '.join(focus_label(f) for f in slot.focus)})"
    return title


def description(slot: CalendarSlot) -> str:
    """Return the event body: the focus, the pressure rule and when to stop."""
    low, high = load_kb().dosing.pressure_target
    focus = (
        ", ".join(focus_label(f) for f in slot.focus)
        if slot.focus
        else "whatever feels tightest today"
    )
    return "\n".join(
        [
            KIND_LINES.get(slot.kind, ""),
            f"Focus: {focus}.",
            f"Pressure: {low}-{high}/10, a discomfort you can breathe through. "
            "Ease off if it climbs higher.",
            "Stop if you feel numbness, tingling, shooting pain or weakness, "
            "and check with a clinician.",
        ]
    ).strip()


def _event(slot: CalendarSlot, start: date, at: time, stamp: datetime) -> Event:
    from icalendar import Alarm, Event

    begins = datetime.combine(first_date(start, slot.day), at)
    event = Event()
    event.add("uid", _uid(slot, begins))
    event.add("dtstamp", stamp)
    event.add("dtstart", begins)
    event.add("duration", timedelta(minutes=slot.minutes))
    event.add("rrule", {"freq": "weekly", "byday": BYDAY[slot.day]})
    event.add("summary", summary(slot))
    event.add("description", description(slot))
    event.add("categories", ["knotwork", slot.kind])
    event.add("transp", "TRANSPARENT")
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", -REMINDER)
    alarm.add("description", summary(slot))
    event.add_component(alarm)
    return event


def _uid(slot: CalendarSlot, begins: datetime) -> str:
    key = "|".join(
        [
            slot.day,
            slot.kind,
            str(slot.minutes),
            ",".join(slot.focus),
            begins.isoformat(),
        ]
    )
    return f"{uuid.uuid5(UID_NAMESPACE, key)}@knotwork"


def _check_no_overlap(
    slots: list[CalendarSlot], start: date, times: Mapping[str, time]
) -> None:
    """Refuse a post-workout session that would begin before the pre-workout ends."""
    for day in WEEKDAYS:
        by_kind = {s.kind: s for s in slots if s.day == day}
        pre, post = by_kind.get("pre-workout"), by_kind.get("post-workout")
        if pre is None or post is None:
            continue
        pre_end = datetime.combine(start, times["pre-workout"]) + timedelta(
            minutes=pre.minutes
        )
        if datetime.combine(start, times["post-workout"]) < pre_end:
            raise ScheduleError(
                f"on {day} the post-workout session would start before the "
                "pre-workout one ends; give it its own time with "
                "--time post-workout=HH:MM"
            )
