"""The built-in routines and the figure's trigger-point sites."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from knotwork.kb.kinds import BallSize, Density, Posture, Protocol
from knotwork.kb.schema.base import Model


class RoutineStep(Model):
    target: str | None
    kind: Literal["pressure", "movement", "retest"]
    position: Literal["wall", "floor", "seated", "handheld", "standing"]
    posture: Posture
    protocol: Protocol | None
    per_side: bool
    seconds: int = Field(gt=0, le=180)
    hold_seconds: int | None
    ball_sizes: list[BallSize]
    densities: list[Density]
    instructions: list[str] = Field(min_length=1)
    movement: str

    @model_validator(mode="after")
    def _pressure_needs_a_target(self) -> RoutineStep:
        if (self.kind == "pressure") != (self.target is not None):
            raise ValueError("pressure steps, and only they, name a target muscle")
        return self


class BuiltinRoutine(Model):
    id: str
    name: str
    minutes: tuple[int, int]
    source: str
    for_: str = Field(alias="for")
    equipment: str
    breathing: str
    steps: list[RoutineStep] = Field(min_length=2)


FIGURE_WIDTH = 200
FIGURE_HEIGHT = 505


class FigureSite(Model):
    """One trigger point on one view of the figure, on the viewer's left half."""

    view: Literal["front", "back"]
    x: float = Field(ge=0, le=FIGURE_WIDTH / 2)
    y: float = Field(ge=0, le=FIGURE_HEIGHT)
    region: str


class FigureSites(Model):
    """Every muscle's trigger-point sites, by muscle id then trigger-point id."""

    version: int
    about: str
    sites: dict[str, dict[str, FigureSite]]
