"""Learn from the journal: trends, session effects, what helps, adherence, alerts.

Everything here is plain Python over the records in ``domain.journal.records``; the
journal service hands over lists of them. Each pass is linear (plus a sort),
so five years of daily entries stay well inside the CLI's time budget.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any, Literal

from knotwork.domain.journal.extra_records import SavedPlan
from knotwork.domain.journal.pain_series import (
    DAY,
    LocalClock,
    Reading,
    SessionPain,
    collect_readings,
    session_pain,
    session_spots,
    slope_per_week,
    to_local,
    weekly_means,
)
from knotwork.domain.journal.records import PainEntry, Profile, RomEntry, SessionRecord
from knotwork.domain.plans.adherence import Adherence, measure_adherence, plan_target
from knotwork.domain.progress.alerts import (
    Escalation,
    Recurrence,
    detect_recurrences,
    find_escalations,
)
from knotwork.domain.progress.ball_reminders import BallReminder, ball_reminders
from knotwork.domain.progress.meaningful_change import (
    MEANINGFUL_CHANGE_RULE,
    MEANINGFUL_CHANGE_SOURCE,
    Change,
    assess_change,
    is_meaningful_change,
)
from knotwork.domain.progress.session_effects import (
    FACTOR_KINDS,
    FactorEffect,
    FactorKind,
    SessionEffect,
    rank_factors,
    session_effects,
)
from knotwork.errors import KnotworkError
from knotwork.kb.loader import load_kb
from knotwork.kb.record import record

WEEK = timedelta(days=7)
# A technique, ball or protocol is only called "best" once it has been tried
# in this many scored sessions; fewer is noise.
MIN_FACTOR_SESSIONS = 3
# JSON and terminal output list this many sessions in full; the summary
# covers them all, and --since narrows the window.
RECENT_SESSIONS = 30


class UnknownSpot(KnotworkError):
    """A spot id that is neither a muscle nor a body region."""


def check_spot(spot: str) -> str:
    """Return a known muscle or region id, or raise ``UnknownSpot``."""
    kb = load_kb()
    if not (kb.is_muscle(spot) or kb.is_region(spot)):
        raise UnknownSpot(f"unknown muscle or region '{spot}'")
    return spot


@record
class SpotTrend:
    """How one spot's pain has moved since the person started logging it."""

    spot: str
    readings: int
    sides: tuple[str, ...]
    first_at: datetime
    last_at: datetime
    latest: int
    change: Change  # baseline -> current, under the meaningful-change rule
    slope_per_week: float | None
    weekly: tuple[tuple[date, float, int], ...]  # Monday, mean pain, count

    def to_json(self) -> dict[str, Any]:
        """Return the trend as plain JSON data."""
        slope = self.slope_per_week
        return {
            "spot": self.spot,
            "readings": self.readings,
            "sides": list(self.sides),
            "first_at": self.first_at.isoformat(),
            "last_at": self.last_at.isoformat(),
            "latest": self.latest,
            "change": self.change.to_json(),
            "slope_per_week": None if slope is None else round(slope, 3),
            "weekly": [
                {"week": w.isoformat(), "mean": round(m, 2), "count": n}
                for w, m, n in self.weekly
            ],
        }


@record
class RomTrend:
    """First and latest result of one range-of-motion re-test."""

    movement: str
    side: str | None
    unit: Literal["degrees", "ease"]
    tests: int
    first: float
    latest: float

    def to_json(self) -> dict[str, Any]:
        """Return the re-test trend as plain JSON data."""
        return {
            "movement": self.movement,
            "side": self.side,
            "unit": self.unit,
            "tests": self.tests,
            "first": self.first,
            "latest": self.latest,
        }


@record
class ProgressReport:
    """Everything ``knotwork progress`` shows, in one typed value."""

    generated_at: datetime
    spot: str | None
    since: date | None
    trends: tuple[SpotTrend, ...]
    rom: tuple[RomTrend, ...]
    sessions: tuple[SessionEffect, ...]
    helps: tuple[FactorEffect, ...]
    adherence: Adherence | None
    recurrences: tuple[Recurrence, ...]
    escalations: tuple[Escalation, ...]
    ball_reminders: tuple[BallReminder, ...]

    def recent_sessions(
        self, limit: int = RECENT_SESSIONS
    ) -> tuple[SessionEffect, ...]:
        """Return the latest sessions' effects, oldest first."""
        return self.sessions[-limit:] if limit > 0 else ()

    def session_summary(self) -> dict[str, Any]:
        """Summarise every session's immediate effect."""
        drops = [s.mean_drop for s in self.sessions if s.mean_drop is not None]
        pairs = [pair for s in self.sessions for pair in s.scores.values()]
        meaningful = sum(1 for b, a in pairs if a < b and is_meaningful_change(b, a))
        return {
            "sessions": len(self.sessions),
            "completed": sum(1 for s in self.sessions if s.completed),
            "scored": len(drops),
            "mean_drop": round(sum(drops) / len(drops), 2) if drops else None,
            "meaningful_relief_share": (
                round(meaningful / len(pairs), 3) if pairs else None
            ),
        }

    def best(self, kind: FactorKind) -> FactorEffect | None:
        """Return the most helpful technique, ball or protocol with enough data."""
        ranked = [f for f in self.helps if f.kind == kind]
        return next((f for f in ranked if f.sessions >= MIN_FACTOR_SESSIONS), None)

    def to_json(self) -> dict[str, Any]:
        """Return the whole report as plain JSON data (for ``--json``)."""
        best = {kind: self.best(kind) for kind in FACTOR_KINDS}
        return {
            "generated_at": self.generated_at.isoformat(),
            "filters": {
                "spot": self.spot,
                "since": None if self.since is None else self.since.isoformat(),
            },
            "meaningful_change": {
                "rule": MEANINGFUL_CHANGE_RULE,
                "source": MEANINGFUL_CHANGE_SOURCE,
            },
            "escalations": [e.to_json() for e in self.escalations],
            "trends": [t.to_json() for t in self.trends],
            "rom": [r.to_json() for r in self.rom],
            "session_summary": self.session_summary(),
            "recent_sessions": [s.to_json() for s in self.recent_sessions()],
            "helps": [f.to_json() for f in self.helps],
            "best": {k: None if f is None else f.key for k, f in best.items()},
            "adherence": None if self.adherence is None else self.adherence.to_json(),
            "recurrences": [r.to_json() for r in self.recurrences],
            "ball_reminders": [b.to_json() for b in self.ball_reminders],
        }


def _seconds(reading: Reading) -> float:
    return reading.seconds


def spot_trend(spot: str, readings: Sequence[Reading]) -> SpotTrend:
    """Compare a spot's first week with its latest week (or first and last score).

    Baseline is the mean of the first week when readings span more than a
    week, else the first score; the current level is the mean of the last
    week when readings span two weeks or more, else the latest score.
    """
    first, last = readings[0].seconds, readings[-1].seconds
    week = 7 * DAY
    baseline: float = readings[0].pain
    current: float = readings[-1].pain
    if last - first > week:
        head = readings[: bisect.bisect_left(readings, first + week, key=_seconds)]
        baseline = sum(r.pain for r in head) / len(head)
    if last - first >= 2 * week:
        tail = readings[bisect.bisect_right(readings, last - week, key=_seconds) :]
        current = sum(r.pain for r in tail) / len(tail)
    sides = tuple(sorted({r.side for r in readings if r.side is not None}))
    return SpotTrend(
        spot=spot,
        readings=len(readings),
        sides=sides,
        first_at=readings[0].at,
        last_at=readings[-1].at,
        latest=readings[-1].pain,
        change=assess_change(baseline, current),
        slope_per_week=slope_per_week(readings),
        weekly=tuple(weekly_means(readings)),
    )


def rom_trends(entries: Sequence[RomEntry]) -> list[RomTrend]:
    """Return first and latest result per movement, side and unit."""
    groups: dict[tuple[str, str | None, str], list[tuple[datetime, float]]] = {}
    for e in entries:
        if e.degrees is not None:
            key, value = (e.movement, e.side, "degrees"), float(e.degrees)
        elif e.ease is not None:
            key, value = (e.movement, e.side, "ease"), float(e.ease)
        else:
            continue
        groups.setdefault(key, []).append((e.at, value))
    out = []
    for (movement, side, unit), points in sorted(
        groups.items(), key=lambda kv: (kv[0][0], kv[0][1] or "", kv[0][2])
    ):
        points.sort(key=lambda p: p[0])
        kind: Literal["degrees", "ease"] = "degrees" if unit == "degrees" else "ease"
        out.append(
            RomTrend(movement, side, kind, len(points), points[0][1], points[-1][1])
        )
    return out


def _from_day(since: date, tz: tzinfo | None) -> Callable[[datetime], bool]:
    """Return a test for "at or after the start of this local day"."""
    naive = datetime.combine(since, time())
    aware = naive.replace(tzinfo=tz) if tz is not None else naive.astimezone()
    return lambda moment: moment >= (naive if moment.tzinfo is None else aware)


def build_progress_report(
    pain: Sequence[PainEntry],
    sessions: Sequence[SessionRecord],
    *,
    now: datetime,
    rom: Sequence[RomEntry] = (),
    profile: Profile | None = None,
    plans: Sequence[SavedPlan] = (),
    spot: str | None = None,
    since: date | None = None,
    tz: tzinfo | None = None,
) -> ProgressReport:
    """Build the progress report, optionally for one spot and from one day.

    Days, weeks and times of day are read in ``tz`` (default: this machine's
    zone); naive moments are taken as already local.
    """
    if since is not None:
        kept = _from_day(since, tz)
        pain = [p for p in pain if kept(p.at)]
        sessions = [s for s in sessions if kept(s.started_at)]
        rom = [r for r in rom if kept(r.at)]
    sessions = sorted(sessions, key=lambda s: s.started_at)
    all_sessions = sessions
    if spot is not None:
        pain = [p for p in pain if p.spot == spot]
        sessions = [s for s in sessions if spot in session_spots(s)]
        rom = [r for r in rom if r.spot == spot]
    levels = session_pain(sessions, pain)
    if spot is not None:
        levels = {sid: _only(spot, lv) for sid, lv in levels.items()}
    clock = LocalClock(tz)  # one zone lookup per day, shared by every pass
    readings = collect_readings(pain, sessions, clock=clock)
    if spot is not None:  # sessions on this spot may have scored others too
        readings = {k: v for k, v in readings.items() if k == spot}
    trends = [spot_trend(s, rs) for s, rs in sorted(readings.items())]
    effects = session_effects(sessions, levels)
    recurrences = [
        r for s, rs in sorted(readings.items()) for r in detect_recurrences(s, rs)
    ]
    # A stop is a safety signal: show it whatever spot was asked for.
    escalations = find_escalations(readings, sessions, levels, all_sessions)
    today = to_local(now, tz).date()
    targets = [t for t in (plan_target(p, tz) for p in plans) if t is not None]
    return ProgressReport(
        generated_at=now,
        spot=spot,
        since=since,
        trends=tuple(trends),
        rom=tuple(rom_trends(rom)),
        sessions=tuple(effects),
        helps=tuple(rank_factors(sessions, effects)),
        adherence=measure_adherence(all_sessions, targets, today, since, clock=clock),
        recurrences=tuple(recurrences),
        escalations=tuple(escalations),
        ball_reminders=tuple(ball_reminders(profile.balls, today) if profile else ()),
    )


def _only(spot: str, levels: SessionPain) -> SessionPain:
    before = {spot: levels.before[spot]} if spot in levels.before else {}
    after = {spot: levels.after[spot]} if spot in levels.after else {}
    return SessionPain(before, after)
