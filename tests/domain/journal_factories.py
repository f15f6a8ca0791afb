"""Small factories for journal records, shared by the progress and export tests."""

from __future__ import annotations

from datetime import datetime, timedelta

from knotwork.domain.journal.records import (
    PainEntry,
    SessionRecord,
    StepRecord,
    StopEvent,
)

START = datetime(2025, 3, 3, 9, 0)  # a Monday morning, naive = local time


def day(n: int, hour: int = 9, minute: int = 0) -> datetime:
    """Return the moment ``n`` days after START at the given local time."""
    return START.replace(hour=hour, minute=minute) + timedelta(days=n)


def pain(spot: str, value: int, at: datetime, **fields: str | None) -> PainEntry:
    """Return a pain entry logged on its own unless fields say otherwise."""
    return PainEntry(spot=spot, pain=value, at=at, **fields)  # type: ignore[arg-type]


def step(
    target: str,
    technique: str = "wall_lean",
    ball: str | None = "lacrosse",
    protocol: str = "sustained_compression",
    index: int = 0,
    skipped: bool = False,
) -> StepRecord:
    """Return a 60-second step as done."""
    return StepRecord(index, target, technique, ball, protocol, 60, 60, 5, skipped)


def session(
    sid: str,
    at: datetime,
    before: dict[str, int] | None = None,
    after: dict[str, int] | None = None,
    steps: list[StepRecord] | None = None,
    stop: StopEvent | None = None,
    routine: str = "neck_reset",
) -> SessionRecord:
    """Return a five-minute session; it counts as completed unless stopped."""
    before = before or {}
    return SessionRecord(
        id=sid,
        routine=routine,
        started_at=at,
        ended_at=at + timedelta(minutes=5),
        steps=steps if steps is not None else [step(s) for s in before],
        pain_before=before,
        pain_after=after or {},
        stop=stop,
        completed=stop is None,
    )
