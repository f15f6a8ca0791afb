"""How long, how hard and how often: dosing, breathing and the evidence."""

from __future__ import annotations

from pydantic import Field

from knotwork.kb.kinds import Audience, Protocol
from knotwork.kb.schema.base import Model


class Study(Model):
    id: str
    citation: str
    design: str
    finding: str
    source: str
    audience: Audience = "user"


class Claim(Model):
    id: str
    text: str
    evidence: list[str] = Field(min_length=1)
    audience: Audience = "user"


class HoldRule(Model):
    protocol: Protocol
    seconds: tuple[int, int]
    applies_to: str
    evidence: list[str] = []


class Dosing(Model):
    pressure_target: tuple[int, int]
    hold_positions: list[HoldPosition]
    hold_rules: list[HoldRule]
    reconciliation: str
    sore_next_day: str
    bruise_caution_seconds: int
    minutes_per_muscle_group: tuple[int, int]
    session_minutes: tuple[int, int]
    days_per_week: tuple[int, int]
    pre_workout_minutes: tuple[int, int]
    post_workout_minutes: tuple[int, int]
    rest_day_minutes: tuple[int, int]
    breathing: list[Breathing]


class HoldPosition(Model):
    source: str
    seconds: tuple[int, int]
    context: str


class Breathing(Model):
    id: str
    name: str
    pattern: list[tuple[str, float]]
    source: str


Dosing.model_rebuild()
