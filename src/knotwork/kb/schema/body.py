"""The body, its muscles, their techniques, the balls and the conditions."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from knotwork.kb.kinds import (
    AreaVerdict,
    BallSize,
    Density,
    Position,
    Posture,
    Prevalence,
    Protocol,
    Verdict,
)
from knotwork.kb.schema.base import Model


class Segment(Model):
    id: str
    next_to: list[str] = Field(min_length=1)


class Region(Model):
    id: str
    name: str
    view: Literal["front", "back", "both"]
    segment: str
    phrases: list[str] = Field(min_length=1)


class TriggerPoint(Model):
    id: str
    location: str
    primary: list[str] = Field(min_length=1)
    spillover: list[str] = []
    prevalence: Prevalence


class Technique(Model):
    id: str
    name: str
    position: Position
    ball_sizes: list[BallSize] = Field(min_length=1)
    densities: list[Density] = Field(min_length=1)
    protocol: Protocol
    steps: list[str] = Field(min_length=2)
    hold_seconds: tuple[int, int]
    movement: str
    keep_off: list[str] = []
    posture: Posture
    # Seed 000: medium density suits most people; very firm is for the
    # experienced. The engine starts here and moves only on experience/tolerance.
    default_density: Density
    # The longest hold for someone new to ball work (seed 000/004: 60 s at most).
    beginner_max_hold: int = Field(ge=5, le=60)

    @model_validator(mode="after")
    def _hold_is_a_range(self) -> Technique:
        low, high = self.hold_seconds
        if not 5 <= low <= high <= 120:
            raise ValueError(f"hold_seconds {self.hold_seconds} is not a sane range")
        if self.default_density not in self.densities:
            raise ValueError(f"{self.id}: default density is not one it allows")
        if self.beginner_max_hold > high:
            raise ValueError(f"{self.id}: beginner hold longer than the technique's")
        return self


class Muscle(Model):
    id: str
    name: str
    lay_names: list[str] = Field(min_length=1)
    location: str
    how_to_find: str
    regions: list[str] = Field(min_length=1)
    trigger_points: list[TriggerPoint] = Field(min_length=1)
    symptoms: list[str] = Field(min_length=1)
    aggravators: list[str] = Field(min_length=1)
    cues: list[str] = []
    co_triggers: list[str] = []
    techniques: list[Technique] = []
    ball_note: str | None = None

    @model_validator(mode="after")
    def _ball_or_alternative(self) -> Muscle:
        if not self.techniques and not self.ball_note:
            raise ValueError(
                f"{self.id}: no technique and no note on what to do instead"
            )
        return self


class KeepOff(Model):
    id: str
    name: str
    why: str


class Ball(Model):
    id: str
    name: str
    in_seed_table: bool
    diameter_in: tuple[float, float]
    size: BallSize
    density: Density
    material: str
    texture: Literal["smooth", "textured", "spiky"]
    format: Literal["single", "double", "handheld"]
    eco: bool
    price_usd: tuple[int, int]
    best_for: list[str] = Field(min_length=1)
    best_regions: list[str] = []
    cautions: list[str] = Field(min_length=1)
    care: Care


class Care(Model):
    cleaning: str
    heat: str
    replace_when: str


class PositionLimit(Model):
    """A way of lying or leaning a condition rules out.

    A technique breaks the limit when its posture is listed (or no posture is
    listed), its position is listed (or none is), and, when regions are given,
    the muscle lies in one of them.
    """

    id: str
    postures: list[Posture] = []
    positions: list[Position] = []
    regions: list[str] = []
    why: str

    @model_validator(mode="after")
    def _says_something(self) -> PositionLimit:
        if not self.postures and not self.positions:
            raise ValueError(f"{self.id}: a position limit needs a posture or position")
        return self


class ConditionLimits(Model):
    """What a condition binds in the prescription, not only in the prose.

    Whole-area ``avoid`` stays on the condition (``areas``/``area_verdict``);
    these add gentler areas, spots without sustained holds, and dose caps.
    """

    positions: list[PositionLimit] = []
    modify_areas: list[str] = []
    # Conventional "no sustained pressure" spots: the ball may pass, not hold.
    no_sustained_pressure: list[str] = []
    max_hold_seconds: int | None = Field(default=None, ge=5, le=90)
    max_pressure: int | None = Field(default=None, ge=1, le=10)
    max_density: Density | None = None
    # Frail skin tears under a rolling ball; such protocols are never chosen.
    forbidden_protocols: list[Protocol] = []


class Condition(Model):
    id: str
    name: str
    verdict: Verdict
    area_verdict: AreaVerdict
    areas: list[str] = []
    applies_to_named_area: bool = False
    # The verdict when the text places the condition away from every area to
    # be worked: a bruise on the shin does not change work on the upper back.
    elsewhere_verdict: Verdict | None = None
    advice: str
    cleared_verdict: Verdict
    evidence: list[str] = []
    limits: ConditionLimits = ConditionLimits()


Ball.model_rebuild()
