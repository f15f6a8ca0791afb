"""Read a SQLite journal with the standard library alone, for a fast start.

`knotwork progress --json` has 300 ms, and importing SQLAlchemy alone costs
~450 ms. This reader runs the repositories' queries (``journal_repo``,
``session_repo``, ``profile_repo``, ``plan_repo``) over a read-only
``sqlite3`` connection and builds the same records, converting values as
SQLAlchemy's column types do. It trusts only a schema at the revision it
knows: for any other it returns None, and the caller opens the real
``Journal``, which migrates.

The many records (pain entries, sessions, steps) are filled in directly
rather than through ``__init__``: a frozen dataclass sets each field with
``object.__setattr__``, which doubles the cost of rebuilding five years of
them. The test comparing snapshots with the ``Journal`` catches a record
type that changes shape.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from json import loads

from knotwork.domain.journal_records import SavedPlan
from knotwork.domain.records import (
    OwnedBall,
    PainEntry,
    Profile,
    RomEntry,
    SessionRecord,
    StepRecord,
    StopEvent,
)
from knotwork.store.readonly import (
    SCHEMA_REVISION,
    connect_read_only,
    revisions,
)

# The schema this reader understands; a test keeps it equal to
# ``knotwork.store.migrate.HEAD_REVISION``, so a new migration forces a look.
UTC_SUFFIX = "+00:00"
_new = object.__new__


@dataclass(frozen=True)
class JournalSnapshot:
    """The journal as one read transaction saw it, oldest records first."""

    pain: list[PainEntry]
    rom: list[RomEntry]
    sessions: list[SessionRecord]
    profile: Profile
    plans: list[SavedPlan]


def empty_snapshot() -> JournalSnapshot:
    """Return what a journal that was never written holds."""
    return JournalSnapshot([], [], [], Profile(), [])


def read_snapshot(
    path: str,
    *,
    spots: Sequence[str] | None = None,
    since: datetime | None = None,
) -> JournalSnapshot | None:
    """Read the journal at ``path`` in one read-only transaction.

    Pain and re-tests may be narrowed to ``spots``; pain, re-tests and
    sessions to moments from ``since`` (aware) on, as the repositories do.
    Return an empty snapshot when the file does not exist, and None when the
    schema is not at ``SCHEMA_REVISION`` or the file cannot be read.
    """
    if not os.path.exists(path):
        return empty_snapshot()
    try:
        connection = connect_read_only(path)
    except sqlite3.Error:
        return None
    try:
        # One transaction, so every table is read as of the same moment.
        connection.execute("BEGIN")
        if revisions(connection) != [SCHEMA_REVISION]:
            return None
        start = None if since is None else _stored(since)
        return JournalSnapshot(
            pain=_pain(connection, spots, start),
            rom=_rom(connection, spots, start),
            sessions=_sessions(connection, start),
            profile=_profile(connection),
            plans=_plans(connection),
        )
    except (sqlite3.Error, ValueError):
        # Missing tables, a locked or damaged file, a value that does not
        # parse: the Journal reports such problems in its own words.
        return None
    finally:
        connection.close()


def _stored(moment: datetime) -> str:
    """Return a moment as SQLAlchemy stores it in SQLite: naive UTC text."""
    naive = moment.astimezone(UTC).replace(tzinfo=None)
    return naive.isoformat(sep=" ", timespec="microseconds")


def _utc(text: str) -> datetime:
    """Read a stored moment back as aware UTC, as ``tables.UtcDateTime`` does."""
    # SQLite keeps naive UTC text. Parsing it with the offset attached is
    # ten times quicker than datetime.replace(tzinfo=UTC) on Python 3.11;
    # text that already had an offset fails to parse, and the Journal reads it.
    return datetime.fromisoformat(text + UTC_SUFFIX)


def _entries_query(
    table: str,
    columns: str,
    spots: Sequence[str] | None,
    start: str | None,
) -> tuple[str, list[str]]:
    conditions: list[str] = []
    values: list[str] = []
    if spots is not None:
        conditions.append(f"spot IN ({', '.join('?' * len(spots))})")
        values.extend(spots)
    if start is not None:
        conditions.append("at >= ?")
        values.append(start)
    where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
    return f"SELECT {columns} FROM {table}{where} ORDER BY at, id", values


def _pain(
    connection: sqlite3.Connection, spots: Sequence[str] | None, start: str | None
) -> list[PainEntry]:
    query, values = _entries_query(
        "pain_entries",
        "spot, pain, at, side, activity, note, session_id, phase",
        spots,
        start,
    )
    parse = datetime.fromisoformat
    entries = []
    for spot, pain, at, side, activity, note, session_id, phase in connection.execute(
        query, values
    ):
        entry = _new(PainEntry)
        entry.__dict__.update(
            {
                "spot": spot,
                "pain": pain,
                "at": parse(at + UTC_SUFFIX),
                "side": side,
                "activity": activity,
                "note": note,
                "session_id": session_id,
                "phase": phase,
            }
        )
        entries.append(entry)
    return entries


def _rom(
    connection: sqlite3.Connection, spots: Sequence[str] | None, start: str | None
) -> list[RomEntry]:
    query, values = _entries_query(
        "rom_entries",
        "movement, at, degrees, ease, side, spot, note, session_id, phase",
        spots,
        start,
    )
    return [
        RomEntry(movement, _utc(at), *rest)
        for movement, at, *rest in connection.execute(query, values)
    ]


def _sessions(connection: sqlite3.Connection, start: str | None) -> list[SessionRecord]:
    where, values = ("", []) if start is None else (" WHERE started_at >= ?", [start])
    heads = connection.execute(
        "SELECT id, routine, started_at, ended_at, retest, retest_ease, completed"
        f" FROM sessions{where} ORDER BY started_at, id",
        values,
    ).fetchall()
    if not heads:
        return []
    # The same filter again, as a subquery: no long IN lists of ids.
    chosen = (
        ""
        if start is None
        else f" WHERE session_id IN (SELECT id FROM sessions{where})"
    )
    steps = _steps(connection, chosen, values).get
    pains = _session_pains(connection, chosen, values)
    before, after = pains.get("before", {}).get, pains.get("after", {}).get
    stops = _stops(connection, chosen, values).get
    parse = datetime.fromisoformat
    records = []
    for sid, routine, started_at, ended_at, retest, retest_ease, completed in heads:
        record = _new(SessionRecord)
        record.__dict__.update(
            {
                "id": sid,
                "routine": routine,
                "started_at": parse(started_at + UTC_SUFFIX),
                "ended_at": None if ended_at is None else parse(ended_at + UTC_SUFFIX),
                "steps": steps(sid) or [],
                "pain_before": before(sid) or {},
                "pain_after": after(sid) or {},
                "retest": retest,
                "retest_ease": retest_ease,
                "stop": stops(sid),
                "completed": bool(completed),
            }
        )
        records.append(record)
    return records


def _steps(
    connection: sqlite3.Connection, chosen: str, values: list[str]
) -> dict[str, list[StepRecord]]:
    """Return each session's steps in order, keyed by session id."""
    steps: dict[str, list[StepRecord]] = {}
    current = None
    for (
        sid, index, target, technique, ball, protocol,
        planned_seconds, done_seconds, pressure_felt, skipped, side,
    ) in connection.execute(
        "SELECT session_id, step_index, target, technique, ball, protocol,"
        " planned_seconds, done_seconds, pressure_felt, skipped, side"
        f" FROM session_steps{chosen} ORDER BY session_id, step_index",
        values,
    ):  # fmt: skip
        if sid != current:  # rows arrive grouped by session
            current, found = sid, steps.setdefault(sid, [])
        step = _new(StepRecord)
        step.__dict__.update(
            {
                "index": index,
                "target": target,
                "technique": technique,
                "ball": ball,
                "protocol": protocol,
                "planned_seconds": planned_seconds,
                "done_seconds": done_seconds,
                "pressure_felt": pressure_felt,
                "skipped": bool(skipped),
                "side": side,
            }
        )
        found.append(step)
    return steps


def _session_pains(
    connection: sqlite3.Connection, chosen: str, values: list[str]
) -> dict[str, dict[str, dict[str, int]]]:
    """Return phase -> session id -> spot -> pain.

    Ordered by session and phase, then by spot as the repository orders
    them, so each session's scores come in the same order.
    """
    pains: dict[str, dict[str, dict[str, int]]] = {}
    group = None
    scores: dict[str, int] = {}
    for sid, phase, spot, pain in connection.execute(
        f"SELECT session_id, phase, spot, pain FROM session_pain{chosen}"
        " ORDER BY session_id, phase, spot",
        values,
    ):
        if (sid, phase) != group:
            group, scores = (sid, phase), {}
            pains.setdefault(phase, {})[sid] = scores
        scores[spot] = pain
    return pains


def _stops(
    connection: sqlite3.Connection, chosen: str, values: list[str]
) -> dict[str, StopEvent]:
    return {
        sid: StopEvent(sign, _utc(at), step_index, red_flag, advice)
        for sid, sign, at, step_index, red_flag, advice in connection.execute(
            "SELECT session_id, sign, at, step_index, red_flag, advice"
            f" FROM stop_events{chosen}",
            values,
        )
    }


def _profile(connection: sqlite3.Connection) -> Profile:
    row = connection.execute(
        "SELECT tolerance, experience, positions, training_days"
        " FROM profile WHERE id = 1"
    ).fetchone()
    conditions = connection.execute(
        "SELECT condition, cleared FROM profile_conditions ORDER BY condition"
    ).fetchall()
    balls = [
        OwnedBall(ball, None if purchased is None else date.fromisoformat(purchased))
        for ball, purchased in connection.execute(
            "SELECT ball, purchased FROM owned_balls ORDER BY ball"
        )
    ]
    base = Profile()
    if row is not None:
        tolerance, experience, positions, training_days = row
        base = Profile(
            tolerance=tolerance,
            experience=experience,
            positions=list(loads(positions)),
            training_days=list(loads(training_days)),
        )
    return Profile(
        conditions=[condition for condition, _ in conditions],
        cleared=[condition for condition, cleared in conditions if cleared],
        tolerance=base.tolerance,
        experience=base.experience,
        balls=balls,
        positions=base.positions,
        training_days=base.training_days,
    )


def _plans(connection: sqlite3.Connection) -> list[SavedPlan]:
    return [
        SavedPlan(id=plan_id, created_at=_utc(created_at), plan=loads(plan))
        for plan_id, created_at, plan in connection.execute(
            "SELECT id, created_at, plan FROM weekly_plans ORDER BY created_at, id"
        )
    ]
