"""Guided sessions with their steps, pain before and after, and stop event."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from typing import Any

from knotwork.domain.journal.records import SessionRecord, StepRecord, StopEvent
from knotwork.store.db import Connection, moment_of, optional_moment_of

SESSION_COLUMNS = "id, routine, started_at, ended_at, retest, retest_ease, completed"
# After session_id, in StepRecord's field order, so rows unpack into records.
STEP_COLUMNS = (
    "session_id, step_index, target, technique, ball, protocol,"
    " planned_seconds, done_seconds, pressure_felt, skipped, side"
)
STOP_COLUMNS = "session_id, sign, at, step_index, red_flag, advice"


def save_session(connection: Connection, record: SessionRecord) -> None:
    """Store a session, replacing any earlier save of the same session id.

    The guided session may save as it goes; the last save wins, whole.
    """
    sid = record.id
    connection.lock(f"knotwork:session:{sid}")
    # Its steps, pains and stop go with it (ON DELETE CASCADE).
    connection.execute("DELETE FROM sessions WHERE id = ?", [sid])
    connection.execute(
        f"INSERT INTO sessions ({SESSION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            sid,
            record.routine,
            connection.moment(record.started_at),
            connection.moment(record.ended_at),
            record.retest,
            record.retest_ease,
            record.completed,
        ],
    )
    if record.steps:
        connection.execute_many(
            f"INSERT INTO session_steps ({STEP_COLUMNS})"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (sid, s.index, s.target, s.technique, s.ball, s.protocol)
                + (s.planned_seconds, s.done_seconds, s.pressure_felt, s.skipped)
                + (s.side,)
                for s in record.steps
            ],
        )
    pains = [
        (sid, phase, spot, pain)
        for phase, scores in (
            ("before", record.pain_before),
            ("after", record.pain_after),
        )
        for spot, pain in scores.items()
    ]
    if pains:
        connection.execute_many(
            "INSERT INTO session_pain (session_id, phase, spot, pain)"
            " VALUES (?, ?, ?, ?)",
            pains,
        )
    stop = record.stop
    if stop is not None:
        connection.execute(
            f"INSERT INTO stop_events ({STOP_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)",
            [sid, stop.sign, connection.moment(stop.at), stop.step_index]
            + [stop.red_flag, stop.advice],
        )


def sessions_in(
    connection: Connection,
    *,
    since: datetime | None = None,
    until: datetime | None = None,
    ids: list[str] | None = None,
) -> list[SessionRecord]:
    """Return sessions, oldest first, each with its steps, pains and stop."""
    conditions: list[str] = []
    params: list[Any] = []
    if since is not None:
        conditions.append("started_at >= ?")
        params.append(connection.moment(since))
    if until is not None:
        conditions.append("started_at < ?")
        params.append(connection.moment(until))
    if ids is not None:
        conditions.append(f"id IN ({', '.join('?' * len(ids))})" if ids else "0=1")
        params.extend(ids)
    where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
    heads = connection.all(
        f"SELECT {SESSION_COLUMNS} FROM sessions{where} ORDER BY started_at, id",
        params,
    )
    if not heads:
        return []
    # The children of the chosen sessions: the same filter again, as a
    # subquery, rather than a long IN list of ids.
    chosen = f" WHERE session_id IN (SELECT id FROM sessions{where})" if where else ""

    steps: dict[str, list[StepRecord]] = defaultdict(list)
    for (
        sid, index, target, technique, ball, protocol,
        planned, done, felt, skipped, side,
    ) in connection.all(
        f"SELECT {STEP_COLUMNS} FROM session_steps{chosen}"
        " ORDER BY session_id, step_index",
        params,
    ):  # fmt: skip
        steps[sid].append(
            StepRecord(
                index,
                target,
                technique,
                ball,
                protocol,
                planned,
                done,
                felt,
                bool(skipped),
                side,
            )  # fmt: skip
        )
    pains: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
    for sid, phase, spot, pain in connection.all(
        f"SELECT session_id, phase, spot, pain FROM session_pain{chosen} ORDER BY spot",
        params,
    ):
        pains[sid, phase][spot] = pain
    stops = {
        sid: StopEvent(sign, moment_of(at), step_index, red_flag, advice)
        for sid, sign, at, step_index, red_flag, advice in connection.all(
            f"SELECT {STOP_COLUMNS} FROM stop_events{chosen}", params
        )
    }
    return [
        SessionRecord(
            id=sid,
            routine=routine,
            started_at=moment_of(started_at),
            ended_at=optional_moment_of(ended_at),
            steps=steps[sid],
            pain_before=pains[sid, "before"],
            pain_after=pains[sid, "after"],
            retest=retest,
            retest_ease=retest_ease,
            stop=stops.get(sid),
            completed=bool(completed),
        )
        for sid, routine, started_at, ended_at, retest, retest_ease, completed in heads
    ]
