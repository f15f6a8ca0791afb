"""Check a record against the knowledge base before the journal keeps it.

Every check raises ``InvalidRecord`` with a message a person can act on, and
returns the record with its moments made timezone-aware (naive means local).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from datetime import date, datetime, time
from typing import Any

from knotwork.domain import limits
from knotwork.domain.journal.records import (
    EXPERIENCE,
    POSITIONS,
    SIDES,
    STEP_KINDS,
    TOLERANCES,
    WEEKDAYS,
    InvalidRecord,
    PainEntry,
    Profile,
    RomEntry,
    SessionRecord,
    StepRecord,
    StopEvent,
    check_not_future,
    check_pain,
)
from knotwork.domain.names import (
    ball_ids,
    condition_ids,
    red_flag_ids,
    spot_ids,
    stop_sign_ids,
)
from knotwork.domain.safety.health_facts import check_facts
from knotwork.kb.record import replace

ID_LENGTH = 64
LABEL_LENGTH = 80
NAME_LENGTH = 200
NOTE_LENGTH = 2000
PHASES = ("before", "after")


def check_spot(spot: str) -> str:
    """Return a known muscle or region id, or raise."""
    if spot not in spot_ids():
        raise InvalidRecord(f"unknown muscle or region '{spot}'")
    return spot


def check_side(side: str | None) -> str | None:
    """Return a known side (or None), or raise."""
    if side is not None and side not in SIDES:
        raise InvalidRecord(f"side must be one of {', '.join(SIDES)}, not {side!r}")
    return side


def _storable(value: str) -> bool:
    # Undecodable bytes from a terminal arrive as lone surrogates, and
    # PostgreSQL refuses NUL: both would fail deep in the driver instead.
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return "\x00" not in value


def check_text(value: str | None, what: str, limit: int = NOTE_LENGTH) -> str | None:
    """Return short enough text (or None), or raise."""
    if value is None:
        return None
    if not isinstance(value, str) or len(value) > limit or not _storable(value):
        raise InvalidRecord(f"{what} must be plain text of at most {limit} characters")
    return value


def check_label(value: str, what: str, limit: int = LABEL_LENGTH) -> str:
    """Return a non-empty, short label, or raise."""
    if (
        not isinstance(value, str)
        or not value.strip()
        or len(value) > limit
        or not _storable(value)
    ):
        raise InvalidRecord(f"{what} must be 1 to {limit} characters of plain text")
    return value


def check_score(value: int | None, what: str) -> int | None:
    """Return a 0-10 whole-number rating (or None), or raise."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10:
        raise InvalidRecord(
            f"{what} must be a whole number from 0 to 10, not {value!r}"
        )
    return value


def aware(moment: datetime) -> datetime:
    """Return the moment with a time zone; a naive one is read as local time."""
    if not isinstance(moment, datetime):
        raise InvalidRecord(f"{moment!r} is not a date and time")
    return moment if moment.tzinfo is not None else moment.astimezone()


def check_moment(moment: datetime, now: datetime) -> datetime:
    """Return an aware moment in the accepted range, not in the future, or raise."""
    if not isinstance(moment, datetime):
        raise InvalidRecord(f"{moment!r} is not a date and time")
    try:
        # Before any time-zone arithmetic, which overflows near year 1 and 9999.
        limits.check_moment(moment)
    except limits.OutOfRange as error:
        raise InvalidRecord(str(error)) from None
    return check_not_future(aware(moment), now)


def start_of_day(day: date) -> datetime:
    """Return local midnight at the start of ``day``."""
    return datetime.combine(day, time.min).astimezone()


def check_pain_entry(entry: PainEntry, now: datetime) -> PainEntry:
    """Return the entry ready to store, or raise ``InvalidRecord``."""
    check_spot(entry.spot)
    check_pain(entry.pain)
    check_side(entry.side)
    check_text(entry.activity, "activity", LABEL_LENGTH)
    check_text(entry.note, "note")
    if entry.session_id is not None:
        check_label(entry.session_id, "session id", ID_LENGTH)
    if entry.phase is not None and entry.phase not in PHASES:
        raise InvalidRecord(f"phase must be 'before' or 'after', not {entry.phase!r}")
    at = check_moment(entry.at, now)
    # replace() is slow enough to matter on a 10,000-entry batch.
    return entry if at is entry.at else replace(entry, at=at)


def check_rom_entry(entry: RomEntry, now: datetime) -> RomEntry:
    """Return the range-of-motion entry ready to store, or raise."""
    check_label(entry.movement, "movement")
    if entry.degrees is None and entry.ease is None:
        raise InvalidRecord("give the range in degrees or an ease rating from 0 to 10")
    degrees = entry.degrees
    if degrees is not None and (
        isinstance(degrees, bool)
        or not isinstance(degrees, int | float)
        or not math.isfinite(degrees)
        or not 0 <= degrees <= limits.MAX_DEGREES
    ):
        raise InvalidRecord(
            f"degrees must be from 0 to {limits.MAX_DEGREES}, not {degrees!r}"
        )
    check_score(entry.ease, "ease")
    check_side(entry.side)
    if entry.spot is not None:
        check_spot(entry.spot)
    check_text(entry.note, "note")
    if entry.session_id is not None:
        check_label(entry.session_id, "session id", ID_LENGTH)
    if entry.phase is not None and entry.phase not in PHASES:
        raise InvalidRecord(f"phase must be 'before' or 'after', not {entry.phase!r}")
    return replace(
        entry,
        at=check_moment(entry.at, now),
        degrees=None if degrees is None else float(degrees),
    )


def _check_step(step: StepRecord) -> None:
    where = f"step {step.index}"
    if isinstance(step.index, bool) or not isinstance(step.index, int):
        raise InvalidRecord(f"step index must be a whole number, not {step.index!r}")
    if step.target not in STEP_KINDS:
        check_spot(step.target)
    check_label(step.technique, f"{where} technique")
    check_label(step.protocol, f"{where} protocol", 40)
    if step.ball is not None and step.ball not in ball_ids():
        raise InvalidRecord(f"{where}: unknown ball '{step.ball}'")
    for name in ("planned_seconds", "done_seconds"):
        seconds = getattr(step, name)
        if isinstance(seconds, bool) or not isinstance(seconds, int) or seconds < 0:
            raise InvalidRecord(f"{where}: {name} must be a whole number >= 0")
    check_score(step.pressure_felt, f"{where} pressure felt")
    check_side(step.side)


def _check_stop(stop: StopEvent, started: datetime, now: datetime) -> StopEvent:
    if stop.sign not in stop_sign_ids():
        raise InvalidRecord(f"unknown stop sign '{stop.sign}'")
    if stop.red_flag is not None and stop.red_flag not in red_flag_ids():
        raise InvalidRecord(f"unknown red flag '{stop.red_flag}'")
    check_label(stop.advice, "stop advice", NOTE_LENGTH)
    at = check_moment(stop.at, now)
    if at < started:
        raise InvalidRecord("the stop event happened before the session started")
    return replace(stop, at=at)


def check_session(record: SessionRecord, now: datetime) -> SessionRecord:
    """Return the session ready to store, or raise ``InvalidRecord``."""
    check_label(record.id, "session id", ID_LENGTH)
    check_label(record.routine, "routine", NAME_LENGTH)
    started = check_moment(record.started_at, now)
    ended = None if record.ended_at is None else check_moment(record.ended_at, now)
    if ended is not None and ended < started:
        raise InvalidRecord("the session ends before it starts")
    for step in record.steps:
        _check_step(step)
    indexes = [s.index for s in record.steps]
    if len(set(indexes)) != len(indexes):
        raise InvalidRecord("two steps share the same index")
    for scores in (record.pain_before, record.pain_after):
        for spot, pain in scores.items():
            check_spot(spot)
            check_pain(pain)
    check_text(record.retest, "re-test")
    check_score(record.retest_ease, "re-test ease")
    stop = None if record.stop is None else _check_stop(record.stop, started, now)
    return replace(record, started_at=started, ended_at=ended, stop=stop)


def _unique_known(values: Iterable[str], known: Iterable[str], what: str) -> list[str]:
    allowed = set(known)
    seen: list[str] = []
    for value in values:
        if value not in allowed:
            raise InvalidRecord(f"unknown {what} '{value}'")
        if value not in seen:
            seen.append(value)
    return seen


def check_profile(person: Profile, today: date) -> Profile:
    """Return the profile ready to store, or raise ``InvalidRecord``."""
    conditions = _unique_known(person.conditions, condition_ids(), "condition")
    cleared = _unique_known(person.cleared, conditions, "condition to clear")
    if person.tolerance not in TOLERANCES:
        raise InvalidRecord(f"tolerance must be one of {', '.join(TOLERANCES)}")
    if person.experience not in EXPERIENCE:
        raise InvalidRecord(f"experience must be one of {', '.join(EXPERIENCE)}")
    positions = _unique_known(person.positions, POSITIONS, "position")
    if not positions:
        raise InvalidRecord("keep at least one position you can use")
    days = _unique_known(person.training_days, WEEKDAYS, "training day")
    owned: dict[str, Any] = {}
    for ball in person.balls:
        _unique_known([ball.ball], ball_ids(), "ball")
        if ball.purchased is not None and ball.purchased > today:
            raise InvalidRecord(f"{ball.purchased} is in the future")
        owned[ball.ball] = ball
    return replace(
        person,
        conditions=conditions,
        cleared=cleared,
        positions=positions,
        training_days=days,
        balls=list(owned.values()),
        health=check_facts(person.health, today),
    )


def check_plan(plan: Mapping[str, Any]) -> dict[str, Any]:
    """Return the plan as a plain JSON object, or raise."""
    try:
        text = json.dumps(dict(plan), allow_nan=False)
    except (TypeError, ValueError) as error:
        raise InvalidRecord(f"a plan must be plain JSON: {error}") from None
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def parse_moment(text: str, now: datetime) -> datetime:
    """Read an ISO date or date-and-time a person typed.

    A bare date means noon that day, or now when the date is today.

    Examples: "2025-03-04", "2025-03-04 17:30", "2025-03-04T17:30+01:00".
    """
    if len(text) > 64:
        raise InvalidRecord("a date or time is at most 64 characters")
    try:
        if len(text.strip()) == 10:
            day = date.fromisoformat(text.strip())
            if day == now.astimezone().date():
                return now
            moment = datetime.combine(day, time(12))
        else:
            moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise InvalidRecord(
            f"'{text}' is not a date or time; use YYYY-MM-DD or YYYY-MM-DD HH:MM"
        ) from None
    return check_moment(moment, now)


def parse_day(text: str) -> date:
    """Read an ISO date a person typed."""
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidRecord(f"'{text}' is not a date; use YYYY-MM-DD") from None
    # Converting far-off dates to local time overflows; nothing real is there.
    try:
        return limits.check_day(day)
    except limits.OutOfRange as error:
        raise InvalidRecord(str(error)) from None
