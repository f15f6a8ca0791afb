"""Guided sessions with their steps, pain before and after, and stop event."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, fields
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Select, delete, insert, select

from knotwork.domain.records import SessionRecord, StepRecord, StopEvent
from knotwork.store.engine import lock_for_update
from knotwork.store.tables import session_pain, session_steps, sessions, stop_events


def save_session(connection: Connection, record: SessionRecord) -> None:
    """Store a session, replacing any earlier save of the same session id.

    The guided session may save as it goes; the last save wins, whole.
    """
    lock_for_update(connection, f"knotwork:session:{record.id}")
    connection.execute(delete(sessions).where(sessions.c.id == record.id))
    connection.execute(
        insert(sessions).values(
            id=record.id,
            routine=record.routine,
            started_at=record.started_at,
            ended_at=record.ended_at,
            retest=record.retest,
            retest_ease=record.retest_ease,
            completed=record.completed,
        )
    )
    if record.steps:
        connection.execute(
            insert(session_steps),
            [_step_row(record.id, step) for step in record.steps],
        )
    pains = [
        {"session_id": record.id, "phase": phase, "spot": spot, "pain": pain}
        for phase, scores in (
            ("before", record.pain_before),
            ("after", record.pain_after),
        )
        for spot, pain in scores.items()
    ]
    if pains:
        connection.execute(insert(session_pain), pains)
    if record.stop is not None:
        connection.execute(
            insert(stop_events).values(session_id=record.id, **asdict(record.stop))
        )


def _step_row(session_id: str, step: StepRecord) -> dict[str, Any]:
    row = asdict(step)
    row["step_index"] = row.pop("index")
    return {"session_id": session_id, **row}


STEP_COLUMNS = (
    session_steps.c.session_id,
    # Then the rest in StepRecord's field order, so rows unpack into records.
    session_steps.c.step_index,
    *(session_steps.c[f.name] for f in fields(StepRecord)[1:]),
)
STOP_COLUMNS = (
    stop_events.c.session_id,
    *(stop_events.c[f.name] for f in fields(StopEvent)),
)


def sessions_in(
    connection: Connection,
    *,
    since: datetime | None = None,
    until: datetime | None = None,
    ids: list[str] | None = None,
) -> list[SessionRecord]:
    """Return sessions, oldest first, each with its steps, pains and stop."""
    query = select(sessions)
    if since is not None:
        query = query.where(sessions.c.started_at >= since)
    if until is not None:
        query = query.where(sessions.c.started_at < until)
    if ids is not None:
        query = query.where(sessions.c.id.in_(ids))
    heads = connection.execute(
        query.order_by(sessions.c.started_at, sessions.c.id)
    ).all()
    if not heads:
        return []

    def only_chosen(child: Select[Any]) -> Select[Any]:
        if query.whereclause is None:
            return child
        # The same filter again, as a subquery: no long IN lists of ids.
        chosen = query.with_only_columns(sessions.c.id).scalar_subquery()
        return child.where(child.selected_columns.session_id.in_(chosen))

    steps: dict[str, list[StepRecord]] = defaultdict(list)
    step_query = select(*STEP_COLUMNS).order_by(
        session_steps.c.session_id, session_steps.c.step_index
    )
    for session_id, *step in connection.execute(only_chosen(step_query)).all():
        steps[session_id].append(StepRecord(*step))
    pains: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
    pain_query = select(
        session_pain.c.session_id,
        session_pain.c.phase,
        session_pain.c.spot,
        session_pain.c.pain,
    ).order_by(session_pain.c.spot)
    for session_id, phase, spot, pain in connection.execute(
        only_chosen(pain_query)
    ).all():
        pains[session_id, phase][spot] = pain
    stops: dict[str, StopEvent] = {}
    for session_id, *stop in connection.execute(
        only_chosen(select(*STOP_COLUMNS))
    ).all():
        stops[session_id] = StopEvent(*stop)
    return [
        SessionRecord(
            id=h.id,
            routine=h.routine,
            started_at=h.started_at,
            ended_at=h.ended_at,
            steps=steps[h.id],
            pain_before=pains[h.id, "before"],
            pain_after=pains[h.id, "after"],
            retest=h.retest,
            retest_ease=h.retest_ease,
            stop=stops.get(h.id),
            completed=h.completed,
        )
        for h in heads
    ]
