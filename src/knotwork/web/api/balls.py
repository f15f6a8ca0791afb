"""The ball catalogue and the ball chooser."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException

from knotwork.domain.balls.needs import UnknownBall, find_ball
from knotwork.kb.loader import load_kb
from knotwork.kb.models import Ball
from knotwork.web.deps import KnotworkDep
from knotwork.web.schemas import BallAdvicePublic, BallChoiceCreate, Problem


def routes() -> APIRouter:
    """Return the ball routes."""
    router = APIRouter(tags=["balls"])
    router.get("/balls", response_model=list[Ball])(balls)
    router.get(
        "/balls/{ball_id}", response_model=Ball, responses={404: {"model": Problem}}
    )(ball)
    router.post("/balls/choose", response_model=BallAdvicePublic)(choose)
    return router


async def balls() -> list[Ball]:
    """List the ball catalogue with each ball's care and replacement signs."""
    return list(load_kb().balls)


async def ball(ball_id: str) -> Ball:
    """Show one ball: what it suits, its cautions and its care."""
    try:
        return find_ball(load_kb(), ball_id)
    except UnknownBall:
        raise HTTPException(404, f"unknown ball '{ball_id}'") from None


async def choose(body: BallChoiceCreate, core: KnotworkDep) -> dict[str, Any]:
    """Rank balls for the areas, comfort and situation, safety first.

    The saved profile's comfort and health screen apply unless
    ``use_profile`` is false. The answer is the same JSON as
    `knotwork ball --json`.
    """
    needs = core.ball_needs(
        body.muscles,
        body.regions,
        body.tolerance,
        body.experience,
        no_floor=body.no_floor,
        travel=body.travel,
        eco=body.eco,
        budget_usd=body.budget,
        use_profile=body.use_profile,
    )
    return core.balls(needs, body.conditions, use_profile=body.use_profile).to_json()
