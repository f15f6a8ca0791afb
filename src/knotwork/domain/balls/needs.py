"""What a person wants from a ball, and the checks on it before any ranking."""

from __future__ import annotations

import math
from typing import Literal

from knotwork.errors import KnotworkError
from knotwork.kb.models import Ball, KnowledgeBase
from knotwork.kb.record import record

Tolerance = Literal["low", "medium", "high"]
Experience = Literal["new", "some", "lots"]


class UnknownTarget(KnotworkError):
    """A muscle or region id that knotwork does not know."""


class UnknownBall(KnotworkError):
    """A ball id that is not in the catalogue."""


class InvalidBudget(KnotworkError):
    """A budget that cannot buy anything."""


@record
class BallNeeds:
    """What the person wants to work on and what suits them."""

    muscles: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    tolerance: Tolerance = "medium"
    experience: Experience = "some"
    no_floor: bool = False
    travel: bool = False
    eco: bool = False
    budget_usd: float | None = None


def tolerance_of(value: str | None) -> Tolerance:
    """Return a pressure tolerance, the middle one when none is known."""
    if value == "low":
        return "low"
    return "high" if value == "high" else "medium"


def experience_of(value: str | None) -> Experience:
    """Return an experience level, the middle one when none is known."""
    if value == "new":
        return "new"
    return "lots" if value == "lots" else "some"


def validate_needs(needs: BallNeeds, kb: KnowledgeBase) -> None:
    """Raise if a muscle or region id is unknown or the budget is impossible."""
    muscle_ids = {m.id for m in kb.muscles}
    region_ids = {r.id for r in kb.regions}
    for muscle in needs.muscles:
        if muscle not in muscle_ids:
            raise UnknownTarget(f"unknown muscle: {muscle}")
    for region in needs.regions:
        if region not in region_ids:
            raise UnknownTarget(f"unknown region: {region}")
    budget = needs.budget_usd
    if budget is not None and (not math.isfinite(budget) or budget <= 0):
        raise InvalidBudget(f"a budget must be a sum above $0, not {budget:g}")


def find_ball(kb: KnowledgeBase, ball_id: str) -> Ball:
    """Return the catalogue ball with this id or raise ``UnknownBall``."""
    try:
        return kb.ball(ball_id)
    except KeyError:
        raise UnknownBall(f"unknown ball: {ball_id}") from None
