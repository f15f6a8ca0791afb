"""Build a week of ball work around training days, within the dosing framework.

The framework comes from the knowledge base: 3-7 days a week; a short session
before a workout on the tightest areas, a longer one after it on the muscles
trained, and easy work on rest days. Little and often beats rarely and long,
so a weekly budget buys as many days as it can before any day gets longer, and
extra minutes go to the shortest day first.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal

from knotwork.errors import KnotworkError
from knotwork.kb.loader import load_kb
from knotwork.kb.record import record

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
Kind = Literal["pre-workout", "post-workout", "rest-day"]
KINDS: tuple[Kind, ...] = ("pre-workout", "post-workout", "rest-day")


class PlanError(KnotworkError):
    """A weekly plan was asked for with inputs it cannot honour."""


class UnknownDay(PlanError):
    """A day name is not one of mon..sun."""


class UnknownFocus(PlanError):
    """A focus id is neither a muscle nor a body region."""


class BadDayCount(PlanError):
    """The number of active days is outside the framework or below the training days."""


class BadBudget(PlanError):
    """The weekly minutes budget is not a positive number."""


@record
class Framework:
    """The dosing bounds a plan must respect, in minutes and days."""

    bounds: dict[Kind, tuple[int, int]]
    days_per_week: tuple[int, int]
    rest_day_cap: int
    minutes_per_area: int

    @classmethod
    def from_kb(cls) -> Framework:
        """Read the framework from the knowledge base's dosing rules."""
        dosing = load_kb().dosing
        rest_low, rest_high = dosing.rest_day_minutes
        return cls(
            bounds={
                "pre-workout": dosing.pre_workout_minutes,
                "post-workout": dosing.post_workout_minutes,
                "rest-day": (rest_low, min(rest_high, dosing.session_minutes[1])),
            },
            days_per_week=dosing.days_per_week,
            rest_day_cap=dosing.session_minutes[1],
            minutes_per_area=dosing.minutes_per_muscle_group[0],
        )

    def default_minutes(self, kind: Kind) -> int:
        """Return the middle of a kind's range: the dose when no budget is given."""
        low, high = self.bounds[kind]
        return (low + high) // 2

    def day_minimum(self, training: bool) -> int:
        """Return the fewest minutes a training or rest day can hold."""
        return sum(self.bounds[k][0] for k in _kinds_for(training))

    def day_maximum(self, training: bool) -> int:
        """Return the most minutes a training or rest day can hold."""
        return sum(self.bounds[k][1] for k in _kinds_for(training))


@record
class Slot:
    """One planned session, shaped to feed the routine builder."""

    day: str
    kind: Kind
    minutes: int
    focus: tuple[str, ...]

    @property
    def context(self) -> Kind:
        """Return the routine context this session is built for."""
        return self.kind

    def to_json(self) -> dict[str, Any]:
        """Return the slot in its documented JSON shape."""
        return {
            "day": self.day,
            "kind": self.kind,
            "minutes": self.minutes,
            "focus": list(self.focus),
            "context": self.context,
        }


@record
class DayPlan:
    """What one weekday holds: training or not, and its sessions."""

    day: str
    training: bool
    sessions: tuple[Slot, ...]

    @property
    def minutes(self) -> int:
        """Return the day's total minutes of ball work."""
        return sum(s.minutes for s in self.sessions)


@record
class WeekPlan:
    """Seven days of sessions plus notes on anything trimmed or worth knowing."""

    days: tuple[DayPlan, ...]
    notes: tuple[str, ...]

    @property
    def slots(self) -> tuple[Slot, ...]:
        """Return every session in week order."""
        return tuple(s for d in self.days for s in d.sessions)

    @property
    def total_minutes(self) -> int:
        """Return the week's total minutes."""
        return sum(d.minutes for d in self.days)

    @property
    def active_days(self) -> int:
        """Return how many days hold at least one session."""
        return sum(1 for d in self.days if d.sessions)

    def to_json(self) -> dict[str, Any]:
        """Return the plan in its documented JSON shape (`knotwork plan --json`)."""
        return {
            "days": [
                {
                    "day": d.day,
                    "training": d.training,
                    "sessions": [s.to_json() for s in d.sessions],
                    "minutes": d.minutes,
                }
                for d in self.days
            ],
            "total_minutes": self.total_minutes,
            "active_days": self.active_days,
            "notes": list(self.notes),
        }


def parse_days(values: Iterable[str]) -> tuple[str, ...]:
    """Turn "mon,wed" style values into day ids in week order, or raise."""
    chosen: set[str] = set()
    for value in values:
        for part in value.split(","):
            name = part.strip().lower()
            if not name:
                continue
            if name not in DAYS:
                raise UnknownDay(name)
            chosen.add(name)
    return tuple(d for d in DAYS if d in chosen)


def validate_focus(ids: Iterable[str]) -> tuple[str, ...]:
    """Return focus ids in order without repeats, or raise on an unknown one."""
    kb = load_kb()
    known = {m.id for m in kb.muscles} | {r.id for r in kb.regions}
    seen: list[str] = []
    for raw in ids:
        focus_id = raw.strip().lower()
        if focus_id not in known:
            raise UnknownFocus(raw)
        if focus_id not in seen:
            seen.append(focus_id)
    return tuple(seen)


def build_week_plan(
    train: Iterable[str] = (),
    focus: Iterable[str] = (),
    minutes_per_week: int | None = None,
    days: int | None = None,
    framework: Framework | None = None,
) -> WeekPlan:
    """Plan a week of sessions around training days, within the framework."""
    fw = framework or Framework.from_kb()
    training = parse_days(train)
    targets = validate_focus(focus)
    fewest_days, most_days = fw.days_per_week
    fewest = max(fewest_days, len(training))
    if days is not None and not fewest <= days <= most_days:
        raise BadDayCount(
            f"--days must be from {fewest} to {most_days}"
            + (f" (you train on {len(training)} days)" if len(training) > 3 else "")
        )
    if minutes_per_week is not None and minutes_per_week < 1:
        raise BadBudget("the weekly budget must be at least 1 minute")
    wanted = days if days is not None else most_days
    notes: list[str] = []
    count = wanted
    if minutes_per_week is not None:
        while count > fewest and _minimum(fw, training, count) > minutes_per_week:
            count -= 1
        if count < wanted:
            dropped = sorted(
                set(spread_days(training, wanted)) - set(spread_days(training, count)),
                key=DAYS.index,
            )
            notes.append(
                f"Trimmed to {count} days: a {minutes_per_week}-min budget can't "
                f"pay for {wanted}, so the rest-day sessions on "
                f"{', '.join(dropped)} were dropped."
            )
    active = spread_days(training, count)
    shape = [(day, day in training) for day in DAYS if day in active]
    if minutes_per_week is None:
        doses = {
            (day, kind): fw.default_minutes(kind)
            for day, is_training in shape
            for kind in _kinds_for(is_training)
        }
    else:
        doses = _distribute(fw, shape, minutes_per_week)
        notes += _budget_notes(fw, shape, minutes_per_week, len(training))
    notes += _focus_notes(fw, targets, doses)
    week = tuple(
        DayPlan(
            day=day,
            training=day in training,
            sessions=tuple(
                Slot(day, kind, doses[(day, kind)], targets)
                for kind in _kinds_for(day in training)
                if day in active
            ),
        )
        for day in DAYS
    )
    return WeekPlan(days=week, notes=tuple(notes))


def spread_days(training: Iterable[str], count: int) -> tuple[str, ...]:
    """Return ``count`` active days: the training days, then rest days spaced out.

    Each rest day goes in the middle of the longest run of empty days, so the
    work is spread across the week rather than bunched.
    """
    active = [d for d in DAYS if d in set(training)]
    while len(active) < count:
        if not active:
            active.append(DAYS[0])
            continue
        positions = sorted(DAYS.index(d) for d in active)
        gaps = [
            ((positions[(i + 1) % len(positions)] - p) % 7 or 7, p)
            for i, p in enumerate(positions)
        ]
        # Longest gap first; on a tie, the one that starts earliest in the week.
        length, start = max(gaps, key=lambda g: (g[0], -g[1]))
        active.append(DAYS[(start + length // 2) % 7])
    return tuple(d for d in DAYS if d in active)


def _kinds_for(training: bool) -> tuple[Kind, ...]:
    return ("pre-workout", "post-workout") if training else ("rest-day",)


def _minimum(fw: Framework, training: tuple[str, ...], count: int) -> int:
    rest_days = count - len(training)
    return len(training) * fw.day_minimum(True) + rest_days * fw.day_minimum(False)


def _distribute(
    fw: Framework, shape: list[tuple[str, bool]], budget: int
) -> dict[tuple[str, Kind], int]:
    """Start every session at its minimum, then add minutes to the shortest day."""
    doses = {
        (day, kind): fw.bounds[kind][0]
        for day, training in shape
        for kind in _kinds_for(training)
    }
    left = budget - sum(doses.values())
    while left > 0:
        totals = [
            (sum(doses[(day, k)] for k in _kinds_for(training)), i, day, training)
            for i, (day, training) in enumerate(shape)
            if any(doses[(day, k)] < fw.bounds[k][1] for k in _kinds_for(training))
        ]
        if not totals:
            break
        _, _, day, training = min(totals)
        kind = min(
            (k for k in _kinds_for(training) if doses[(day, k)] < fw.bounds[k][1]),
            # Fill each session in proportion to its range; ties go after the workout.
            key=lambda k: (_fill(fw, k, doses[(day, k)]), k != "post-workout"),
        )
        doses[(day, kind)] += 1
        left -= 1
    return doses


def _fill(fw: Framework, kind: Kind, minutes: int) -> float:
    low, high = fw.bounds[kind]
    return (minutes - low) / (high - low) if high > low else 1.0


def _budget_notes(
    fw: Framework, shape: list[tuple[str, bool]], budget: int, training_days: int
) -> list[str]:
    least = sum(fw.day_minimum(training) for _, training in shape)
    most = sum(fw.day_maximum(training) for _, training in shape)
    if budget < least:
        return [
            f"A {budget}-min budget is below the framework's minimum for "
            f"{len(shape)} days ({training_days} of them training): planned "
            f"{least} min, {least - budget} over your budget. Every week needs at "
            f"least {len(shape)} days, and shorter sessions do too little."
        ]
    if budget > most:
        return [
            f"A {budget}-min budget is more than the framework uses: at most "
            f"{most} min over {len(shape)} days. The other {budget - most} min "
            "were trimmed: longer sessions add little, and more days aren't "
            "available."
        ]
    return []


def _focus_notes(
    fw: Framework, targets: tuple[str, ...], doses: dict[tuple[str, Kind], int]
) -> list[str]:
    if not targets:
        return [
            "No focus given: each session works whatever feels tightest that day. "
            "Add --focus with muscle or region ids to aim it."
        ]
    shortest = min(doses.values(), default=0)
    if len(targets) * fw.minutes_per_area > shortest:
        return [
            f"{len(targets)} focus areas won't all fit in a {shortest}-min session "
            f"at {fw.minutes_per_area} min or more each: short sessions should "
            "take the tightest first."
        ]
    return []
