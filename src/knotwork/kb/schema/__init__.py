"""The rules the knowledge files must keep, as pydantic models.

``kb.build`` validates the raw data against these in the tests and in
``make kb``; the program itself runs on the plain dataclasses of
``kb.models``, which a test keeps field for field in step with these. Ids
are plain strings checked against the catalogues by ``kb.build`` so that a
typo in a data file fails the suite instead of silently dropping a referral
zone.

The models live in sub-modules by what they describe; this module gathers
them and states the whole knowledge base.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from knotwork.kb.schema.base import Model
from knotwork.kb.schema.body import (
    Ball,
    Care,
    Condition,
    ConditionLimits,
    KeepOff,
    Muscle,
    PositionLimit,
    Region,
    Segment,
    Technique,
    TriggerPoint,
)
from knotwork.kb.schema.dosing import (
    Breathing,
    Claim,
    Dosing,
    HoldPosition,
    HoldRule,
    Study,
)
from knotwork.kb.schema.routines import (
    FIGURE_HEIGHT,
    FIGURE_WIDTH,
    BuiltinRoutine,
    FigureSite,
    FigureSites,
    RoutineStep,
)
from knotwork.kb.schema.safety import (
    ContextLexicon,
    ContextTrigger,
    EscalationRule,
    OrganCaveat,
    RedFlag,
    SafetyPatterns,
    SafetyRule,
    Screening,
    ScreeningQuestion,
    StopSign,
)


class GeneralWord(Model):
    phrases: list[str] = Field(min_length=1)
    regions: dict[str, float]


class Syndrome(Model):
    id: str
    name: str
    phrases: list[str] = Field(min_length=1)
    regions: dict[str, float]
    muscles: dict[str, float] = Field(min_length=1)


class Lexicon(Model):
    general: list[GeneralWord]
    syndromes: list[Syndrome]
    sides: dict[Literal["left", "right", "both"], list[str]]


class KnowledgeBase(Model):
    """Everything knotwork knows, validated and cross-referenced."""

    vocabulary: dict[str, dict[str, str]]
    segments: list[Segment]
    regions: list[Region]
    muscles: list[Muscle]
    keep_off: list[KeepOff]
    balls: list[Ball]
    conditions: list[Condition]
    red_flags: list[RedFlag]
    escalation_rules: list[EscalationRule]
    stop_signs: list[StopSign]
    studies: list[Study]
    claims: list[Claim]
    dosing: Dosing
    lexicon: Lexicon
    safety_patterns: SafetyPatterns
    context: ContextLexicon
    screening: Screening


__all__ = [
    "FIGURE_HEIGHT",
    "FIGURE_WIDTH",
    "Ball",
    "Breathing",
    "BuiltinRoutine",
    "Care",
    "Claim",
    "Condition",
    "ConditionLimits",
    "ContextLexicon",
    "ContextTrigger",
    "Dosing",
    "EscalationRule",
    "FigureSite",
    "FigureSites",
    "GeneralWord",
    "HoldPosition",
    "HoldRule",
    "KeepOff",
    "KnowledgeBase",
    "Lexicon",
    "Model",
    "Muscle",
    "OrganCaveat",
    "PositionLimit",
    "RedFlag",
    "Region",
    "RoutineStep",
    "SafetyPatterns",
    "SafetyRule",
    "Screening",
    "ScreeningQuestion",
    "Segment",
    "StopSign",
    "Study",
    "Syndrome",
    "Technique",
    "TriggerPoint",
]
