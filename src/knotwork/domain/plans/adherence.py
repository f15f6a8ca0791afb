"""Adherence: sessions done each week against the weekly plan in force.

A saved plan is the planner's ``WeekPlan.to_json()``; it takes effect in the
week of its ``starts_on`` day (the Monday its calendar starts), or, for a plan
saved without one, in the week it was saved; it asks for one session per
planned slot.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from contextlib import suppress
from datetime import date, timedelta, tzinfo
from typing import Any

from knotwork.domain.journal.extra_records import SavedPlan
from knotwork.domain.journal.pain_series import (
    DAY,
    EPOCH,
    LocalClock,
    to_local,
    week_start,
    weekday_of,
)
from knotwork.domain.journal.records import SessionRecord
from knotwork.kb.record import record

WEEK = timedelta(days=7)


@record
class PlanTarget:
    """How many sessions a week a plan asks for, from the week it starts."""

    start: date
    sessions_per_week: int


def plan_target(saved: SavedPlan, tz: tzinfo | None = None) -> PlanTarget | None:
    """Read a saved ``WeekPlan.to_json()``: one session per planned slot.

    Returns None for a plan of another shape, which adherence cannot count.
    """
    try:
        planned = sum(len(day["sessions"]) for day in saved.plan["days"])
    except (KeyError, TypeError):
        return None
    start = to_local(saved.created_at, tz).date()
    starts_on = saved.plan.get("starts_on")
    if isinstance(starts_on, str):
        # An unreadable day falls back to when the plan was saved.
        with suppress(ValueError):
            start = date.fromisoformat(starts_on)
    return PlanTarget(start, planned)


@record
class AdherenceWeek:
    """Sessions planned and done in one week (Monday to Sunday)."""

    week_start: date
    planned: int
    done: int


@record
class Adherence:
    """Sessions done against the plan; the rate counts finished weeks only."""

    weeks: tuple[AdherenceWeek, ...]
    rate: float | None

    def to_json(self) -> dict[str, Any]:
        """Return adherence as plain JSON data."""
        return {
            "rate": None if self.rate is None else round(self.rate, 3),
            "weeks": [
                {"week": w.week_start.isoformat(), "planned": w.planned, "done": w.done}
                for w in self.weeks
            ],
        }


def measure_adherence(
    sessions: Sequence[SessionRecord],
    plans: Sequence[PlanTarget],
    today: date,
    since: date | None = None,
    tz: tzinfo | None = None,
    clock: LocalClock | None = None,
) -> Adherence | None:
    """Count sessions per week against the plan in force that week.

    Every session started counts as done, finished or stopped early: a stop
    is the person doing the work and listening to their body.
    """
    if not plans:
        return None
    ordered = sorted(plans, key=lambda p: p.start)
    # Days counted on the person's clock; LocalClock reads five years of
    # sessions several times faster than astimezone() would.
    read = (clock or LocalClock(tz)).read
    days = [int(read(s.started_at)[1] // DAY) for s in sessions]
    done = Counter([day - weekday_of(day) for day in days])  # Mondays
    week = week_start(ordered[0].start)
    if since is not None:
        week = max(week, week_start(since))
    this_week = week_start(today)
    weeks: list[AdherenceWeek] = []
    plan_index = 0
    while week <= this_week:
        while (
            plan_index + 1 < len(ordered)
            and week_start(ordered[plan_index + 1].start) <= week
        ):
            plan_index += 1
        planned = ordered[plan_index].sessions_per_week
        done_that_week = done.get((week - EPOCH).days, 0)
        weeks.append(AdherenceWeek(week, planned, done_that_week))
        week += WEEK
    finished = [w for w in weeks if w.week_start < this_week]
    planned_total = sum(w.planned for w in finished)
    kept = sum(min(w.done, w.planned) for w in finished)
    rate = kept / planned_total if planned_total else None
    return Adherence(tuple(weeks), rate)
