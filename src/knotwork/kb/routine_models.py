"""The built-in routines as typed, immutable objects (part of ``kb.models``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from knotwork.kb.record import field, record

if TYPE_CHECKING:
    from knotwork.kb.kinds import BallSize, Density, Posture, Protocol, StepPosition


@record(kw_only=True)
class RoutineStep:
    """One step of a built-in routine."""

    target: str | None
    kind: Literal["pressure", "movement", "retest"]
    position: StepPosition
    posture: Posture
    protocol: Protocol | None
    per_side: bool
    seconds: int
    hold_seconds: int | None
    ball_sizes: tuple[BallSize, ...]
    densities: tuple[Density, ...]
    instructions: tuple[str, ...]
    movement: str


@record(kw_only=True)
class BuiltinRoutine:
    """A ready-made routine from the sources."""

    id: str
    name: str
    minutes: tuple[int, int]
    source: str
    for_: str = field(metadata={"json": "for"})
    equipment: str
    breathing: str
    steps: tuple[RoutineStep, ...]
