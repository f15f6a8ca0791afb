"""Signals worth acting on: recurring spots, escalation prompts, worn balls.

Escalation wording and ball care come from the knowledge base.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from operator import attrgetter
from typing import Any, Literal

from knotwork.domain.journal.pain_series import (
    DAY,
    Reading,
    SessionPain,
    instant,
    mean_between,
    session_spots,
    weekday_of,
)
from knotwork.domain.journal.records import WEEKDAYS, SessionRecord
from knotwork.domain.names import name_of
from knotwork.domain.progress.meaningful_change import assess_change
from knotwork.kb.loader import load_kb
from knotwork.kb.models import EscalationRule, RedFlag
from knotwork.kb.record import record

# A weekday pattern needs at least three days with pain on that weekday, and
# twice as many as an even spread over the week would give, so daily pain does
# not read as "every Tuesday". A time-of-day pattern needs three quarters of
# the pain in one part of the day, since people log in waking hours.
MIN_OCCURRENCES = 3
CONCENTRATION = 2.0
TIME_SHARE = 0.75
TIME_OF_DAY = ("night", "morning", "afternoon", "evening")
RECURRENCE_ADVICE = (
    "When the same spot returns on the same day or at the same time, the cause "
    "usually lies in that part of your week rather than in the muscle: look at "
    "your desk set-up, chair height and keyboard position, and add strength work."
)

# "About two weeks of consistent work": at least six sessions on the spot
# spread over at least 14 days, judged on the latest four weeks of work.
CONSISTENT_SESSIONS = 6
CONSISTENT_SPAN = timedelta(days=14)
WORK_WINDOW = timedelta(days=28)
COMPARE_WINDOW = 7 * DAY
# Soreness counts as lasting when a score 48-96 h after a session is still above
# the pre-session score and no score in between dipped to it.
SORENESS_AFTER = 48 * 3600.0
SORENESS_UNTIL = 96 * 3600.0
EscalationKind = Literal["stop_event", "no_response", "lasting_soreness"]


@record
class Recurrence:
    """A spot that keeps coming back on one weekday or at one time of day."""

    spot: str
    weekday: str | None
    time_of_day: str | None
    occurrences: int
    days_with_pain: int

    @property
    def message(self) -> str:
        """Describe the pattern in a sentence."""
        when = []
        if self.weekday is not None:
            when.append(f"on {_WEEKDAY_NAMES[self.weekday]}s")
        if self.time_of_day is not None:
            when.append(f"in the {self.time_of_day}")
        return (
            f"{readable(self.spot)} keeps coming back {' '.join(when)} "
            f"({self.occurrences} of {self.days_with_pain} days with pain)"
        )

    def to_json(self) -> dict[str, Any]:
        """Return the pattern as plain JSON data."""
        return {
            "spot": self.spot,
            "weekday": self.weekday,
            "time_of_day": self.time_of_day,
            "occurrences": self.occurrences,
            "days_with_pain": self.days_with_pain,
            "message": self.message,
            "advice": RECURRENCE_ADVICE,
        }


@record
class Escalation:
    """A prompt to stop repeating the routine and get advice."""

    kind: EscalationKind
    at: datetime
    spot: str | None
    message: str
    action: str
    red_flag: str | None
    urgent: bool

    def to_json(self) -> dict[str, Any]:
        """Return the prompt as plain JSON data."""
        return {
            "kind": self.kind,
            "at": self.at.isoformat(),
            "spot": self.spot,
            "message": self.message,
            "action": self.action,
            "red_flag": self.red_flag,
            "urgent": self.urgent,
        }


_WEEKDAY_NAMES = dict(
    zip(WEEKDAYS, ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                   "Saturday", "Sunday"), strict=True)
)  # fmt: skip


def readable(identifier: str) -> str:
    """Return an id as words for a sentence: "upper_trapezius" -> "upper trapezius"."""
    name = name_of(identifier)
    # Lower-case a leading capital, but keep acronyms ("TMJ") as they are.
    return name[:1].lower() + name[1:] if name[1:2].islower() else name


def time_of_day(moment: datetime) -> str:
    """Return night (22-5), morning (5-12), afternoon (12-17) or evening (17-22)."""
    return _bucket(moment.hour)


def _bucket(hour: int) -> str:
    if 5 <= hour < 12:
        return "morning"
    if 12 <= hour < 17:
        return "afternoon"
    if 17 <= hour < 22:
        return "evening"
    return "night"


_BUCKET_OF_HOUR = tuple(_bucket(hour) for hour in range(24))


def _top(counts: Counter[str], order: Sequence[str]) -> tuple[str, int]:
    """Return the most frequent key, ties broken by ``order``."""
    key = min(counts, key=lambda k: (-counts[k], order.index(k)))
    return key, counts[key]


def detect_recurrences(spot: str, readings: Sequence[Reading]) -> list[Recurrence]:
    """Find weekdays or times of day on which a spot's pain keeps returning.

    Only pain logged on its own counts: session scores follow the plan's
    schedule, not the person's week. Each day counts once per time of day.
    A pattern also needs the person to have logged the spot at other times
    (pain-free or not): logging only on Tuesday mornings shows a habit, not
    a pattern.
    """
    # (day number, time of day) of each reading logged on its own; a reading
    # is placed once, as five years of them pass through here.
    logged: set[tuple[int, str]] = set()
    painful: set[tuple[int, str]] = set()
    for r in readings:
        if r.journal:
            local = r.local
            slot = (int(local // DAY), _BUCKET_OF_HOUR[int(local % DAY // 3600)])
            logged.add(slot)
            if r.pain:
                painful.add(slot)
    days = {day for day, _ in painful}
    if len(days) < MIN_OCCURRENCES:
        return []
    logged_days = {day for day, _ in logged}
    logged_times = Counter(t for _, t in logged)

    def time_pattern(slots: set[tuple[int, str]]) -> str | None:
        bucket, hits = _top(Counter(t for _, t in slots), TIME_OF_DAY)
        elsewhere = len(logged) - logged_times[bucket]
        enough = hits >= MIN_OCCURRENCES and hits >= TIME_SHARE * len(slots)
        return bucket if enough and elsewhere >= MIN_OCCURRENCES else None

    by_weekday = Counter(WEEKDAYS[weekday_of(day)] for day in days)
    logged_by_weekday = Counter(WEEKDAYS[weekday_of(day)] for day in logged_days)
    found = []
    for weekday, count in sorted(
        by_weekday.items(), key=lambda kv: (-kv[1], WEEKDAYS.index(kv[0]))
    ):
        elsewhere = len(logged_days) - logged_by_weekday[weekday]
        even_share = CONCENTRATION * len(days) / len(WEEKDAYS)
        if count < max(MIN_OCCURRENCES, even_share) or elsewhere < MIN_OCCURRENCES:
            continue
        on_day = {(d, t) for d, t in painful if WEEKDAYS[weekday_of(d)] == weekday}
        found.append(Recurrence(spot, weekday, time_pattern(on_day), count, len(days)))
    if not found:
        bucket = time_pattern(painful)
        if bucket is not None:
            hits = sum(1 for _, t in painful if t == bucket)
            found.append(Recurrence(spot, None, bucket, hits, len(days)))
    return found


def _rule(rule_id: str) -> EscalationRule:
    return next(r for r in load_kb().escalation_rules if r.id == rule_id)


def _urgent(red_flag: str | None) -> bool:
    flag = load_kb().flag(red_flag) if red_flag else None
    return isinstance(flag, RedFlag) and flag.urgent


def _stop_label(sign: str) -> str:
    return next((s.label for s in load_kb().stop_signs if s.id == sign), sign)


def stop_escalations(sessions: Sequence[SessionRecord]) -> list[Escalation]:
    """Return one prompt for every session stopped by a warning sign."""
    out = []
    for session in sessions:
        stop = session.stop
        if stop is None:
            continue
        spot = next(
            (s.target for s in session.steps if s.index == stop.step_index), None
        )
        where = f" while working {readable(spot)}" if spot else ""
        message = (
            f"Session '{session.routine}' stopped{where}: {_stop_label(stop.sign)}."
        )
        urgent = _urgent(stop.red_flag)
        out.append(
            Escalation(
                "stop_event", stop.at, spot, message, stop.advice, stop.red_flag, urgent
            )
        )
    return out


def no_response_escalation(
    spot: str,
    readings: Sequence[Reading],
    worked: Sequence[SessionRecord],
    levels: Mapping[str, SessionPain],
) -> Escalation | None:
    """Prompt when ~2 weeks of consistent work on a spot brought no real relief.

    ``worked`` holds the sessions that touched the spot, oldest first.
    """
    if len(worked) < CONSISTENT_SESSIONS or not readings:
        return None
    last = worked[-1].started_at
    cutoff = last - WORK_WINDOW
    block = [s for s in worked if s.started_at >= cutoff]
    first = block[0].started_at
    if len(block) < CONSISTENT_SESSIONS or last - first < CONSISTENT_SPAN:
        return None
    baseline = levels[block[0].id].before.get(spot)
    if baseline is None:
        start = instant(first)
        baseline_mean = mean_between(readings, start - COMPARE_WINDOW, start)
    else:
        baseline_mean = float(baseline)
    end = max(readings[-1].seconds, instant(last))
    current = mean_between(readings, end - COMPARE_WINDOW, end)
    if baseline_mean is None or current is None or current <= 0:
        return None
    change = assess_change(baseline_mean, current)
    if change.direction == "better":
        return None
    rule = _rule("no_response_two_weeks")
    days = (last - first).days
    message = (
        f"{readable(spot)}: {len(block)} sessions over {days} days, pain "
        f"{baseline_mean:.1f} -> {current:.1f}, not a meaningful improvement."
    )
    return Escalation(
        kind="no_response",
        at=max(readings[-1].at, last),
        spot=spot,
        message=message,
        action=rule.action,
        red_flag=rule.red_flag,
        urgent=_urgent(rule.red_flag),
    )


def lasting_soreness_escalation(
    spot: str,
    readings: Sequence[Reading],
    worked: Sequence[SessionRecord],
    levels: Mapping[str, SessionPain],
) -> Escalation | None:
    """Prompt when pain stayed above its pre-session level for over 48 hours."""
    times = [r.seconds for r in readings]
    pains = [r.pain for r in readings]
    hits: list[datetime] = []
    for session in worked:  # every session on the spot in five years: kept lean
        before = levels[session.id].before.get(spot)
        if before is None:
            continue
        ended = session.ended_at or session.started_at  # session_end, inlined
        end = ended.timestamp() if ended.tzinfo is not None else instant(ended)
        lo = bisect.bisect_right(times, end)
        mid = bisect.bisect_left(times, end + SORENESS_AFTER, lo)
        hi = bisect.bisect_right(times, end + SORENESS_UNTIL, mid)
        if mid == hi:
            continue  # nothing to judge by
        if lo < mid and min(pains[lo:mid]) <= before:
            continue  # it settled within 48 hours
        if max(pains[mid:hi]) > before:
            hits.append(ended)
    if not hits:
        return None
    rule = _rule("lasting_after_session")
    message = (
        f"{readable(spot)}: pain stayed above its pre-session level for more than "
        f"48 hours after {len(hits)} session(s), most recently on {max(hits):%Y-%m-%d}."
    )
    return Escalation(
        kind="lasting_soreness",
        at=max(hits),
        spot=spot,
        message=message,
        action=rule.action,
        red_flag=rule.red_flag,
        urgent=_urgent(rule.red_flag),
    )


_started = attrgetter("started_at")


def find_escalations(
    readings_by_spot: Mapping[str, Sequence[Reading]],
    sessions: Sequence[SessionRecord],
    levels: Mapping[str, SessionPain],
    stopped: Sequence[SessionRecord] | None = None,
) -> list[Escalation]:
    """Return every escalation prompt, urgent ones first, then newest first.

    Stop events come from ``stopped`` (default: ``sessions``), so a caller
    narrowing the analysis to one spot can still report every stop.
    """
    worked_by_spot: dict[str, list[SessionRecord]] = {}
    for session in sorted(sessions, key=_started):
        for spot in session_spots(session):
            worked = worked_by_spot.get(spot)
            if worked is None:
                worked_by_spot[spot] = [session]
            else:
                worked.append(session)
    found = stop_escalations(sessions if stopped is None else stopped)
    # By spot name: session spots come from sets, whose order changes from
    # run to run, and prompts at the same moment must print in one order.
    for spot, worked in sorted(worked_by_spot.items()):
        readings = readings_by_spot.get(spot, ())
        for check in (no_response_escalation, lasting_soreness_escalation):
            prompt = check(spot, readings, worked, levels)
            if prompt is not None:
                found.append(prompt)
    kinds = ("stop_event", "no_response", "lasting_soreness")
    found.sort(key=lambda e: e.at, reverse=True)
    found.sort(key=lambda e: (not e.urgent, kinds.index(e.kind)))
    return found
