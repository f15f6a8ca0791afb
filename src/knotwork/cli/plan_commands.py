"""`knotwork plan`: a week of ball work around training days, and its calendar."""

from __future__ import annotations

from datetime import date, time
from typing import TYPE_CHECKING

from knotwork.cli.consult_commands import JSON, NO_PROFILE, PROFILE
from knotwork.cli.grammar import arg, command, path, whole
from knotwork.cli.output import echo, emit_json, fail

if TYPE_CHECKING:
    from pathlib import Path

    from knotwork.domain.plans.week import WeekPlan
    from knotwork.services.core import Knotwork

PLAN_EXAMPLE = "Example: knotwork plan --train mon,wed,fri --focus calf"


@command(
    arg(
        "--train",
        action="append",
        metavar="DAYS",
        help="Training days, e.g. mon,wed,fri (repeatable).",
    ),
    arg(
        "--focus",
        action="append",
        metavar="ID",
        help="A muscle or region id to aim at (repeatable).",
    ),
    arg(
        "--minutes-per-week",
        type=whole(),
        help="Weekly budget in minutes, spread over days.",
    ),
    arg("--days", type=whole(), help="Active days a week, 3-7 (default: 7)."),
    arg("--start", help="Calendar start, YYYY-MM-DD (default: next Monday)."),
    arg(
        "--time",
        dest="at",
        action="append",
        metavar="[KIND=]HH:MM",
        help="Session start, HH:MM for all or KIND=HH:MM for one kind "
        "(defaults: pre-workout 07:30, post-workout 18:30, rest-day 12:30).",
    ),
    arg(
        "--ics", type=path, metavar="FILE", help="Write the week as an iCalendar file."
    ),
    arg(
        "--save",
        action="store_true",
        help="Keep the plan, so progress counts sessions against it.",
    ),
    PROFILE,
    NO_PROFILE,
    JSON,
)
def plan(
    core: Knotwork,
    train: list[str] | None,
    focus: list[str] | None,
    minutes_per_week: int | None,
    days: int | None,
    start: str | None,
    at: list[str] | None,
    ics: Path | None,
    save: bool,
    profile: bool,
    as_json: bool,
) -> None:
    """Plan a week of short ball sessions around your training days.

    Before a workout: a few minutes on the tightest areas; after it: the
    muscles you trained; rest days: easy work. Little and often. Without
    --train, the days saved with `profile train` are used (not with
    --no-profile).

    Example: knotwork plan --train mon,wed,fri --focus calf --ics week.ics
    """
    from knotwork.domain.plans.week import (
        BadBudget,
        BadDayCount,
        UnknownDay,
        UnknownFocus,
    )

    first, times = _calendar_options(start, at or [])
    try:
        week = core.plan(
            train or [], focus or [], minutes_per_week, days, use_profile=profile
        )
    except UnknownDay as exc:
        fail(f"unknown day '{exc}'.", "Use mon, tue, wed, thu, fri, sat, sun.")
    except UnknownFocus as exc:
        fail(
            f"unknown focus '{exc}'.",
            "See the ids with: knotwork muscles / knotwork regions",
        )
    except (BadDayCount, BadBudget) as exc:
        fail(f"{exc}.", PLAN_EXAMPLE)
    written = _write_calendar(week, ics, first, times) if ics else None
    # The calendar and the adherence count start on the same Monday.
    data = week.to_json() | {"starts_on": first.isoformat()}
    if save:
        data["saved_id"] = core.save_plan(data)
    if as_json:
        emit_json(data)
    else:
        _print_week(week)
    if save and not as_json:
        echo(f"Saved; progress counts sessions against it from {first}.")
    if written:
        # With --json, stdout carries only the JSON so a script can parse it.
        echo(written, err=as_json)


COMMANDS = (plan,)


def _calendar_options(start: str | None, at: list[str]) -> tuple[date, dict[str, time]]:
    """Check --start and --time even without --ics, so a typo is never ignored."""
    from knotwork.exports.ical import ScheduleError, next_monday, parse_times

    try:
        first = date.fromisoformat(start) if start else next_monday(date.today())
    except ValueError:
        fail(f"'{start}' is not a date.", "Use YYYY-MM-DD, e.g. --start 2025-03-03")
    from knotwork.domain.limits import OutOfRange, check_plan_day

    try:
        check_plan_day(first, "--start")
    except OutOfRange as error:
        fail(str(error))
    try:
        times = parse_times(at)
    except ScheduleError as exc:
        fail(f"{exc}.", "Example: --time 07:00 --time post-workout=19:00")
    return first, times


def _write_calendar(
    week: WeekPlan, path: Path, first: date, times: dict[str, time]
) -> str:
    """Write the plan's calendar file and say what was written."""
    from knotwork.exports.ical import ScheduleError, plan_calendar, write_ics

    try:
        calendar = plan_calendar(week.slots, first, times)
    except ScheduleError as exc:
        fail(f"{exc}.", "Example: --time 07:00 --time post-workout=19:00")
    try:
        write_ics(path, calendar)
    except OSError as exc:
        fail(f"couldn't write {path}: {exc.strerror or exc}.")
    return f"Wrote {len(week.slots)} weekly events to {path}, from {first}."


def _print_week(week: WeekPlan) -> None:
    from knotwork.cli.layout import Table, say, show
    from knotwork.cli.style import coloured, dim

    table = Table(
        ("Day", "", "Sessions", "Min"),
        title=f"Your week: {week.total_minutes} min over {week.active_days} days",
        right=("Min",),
    )
    for day in week.days:
        sessions = "\n".join(f"{s.minutes} min {s.kind}" for s in day.sessions)
        table.add_row(
            day.day,
            "training" if day.training else "",
            sessions or dim("off"),
            str(day.minutes) if day.sessions else "",
        )
    show(table.render())
    focus = week.slots[0].focus if week.slots else ()
    if focus:
        say(f"Focus: {', '.join(focus)}")
    for note in week.notes:
        say(f"{coloured('Note:', 'yellow')} {note}")
