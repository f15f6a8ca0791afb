"""Browse the knowledge base: muscles, body regions, conditions and red flags."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException

from knotwork.services.knowledge import (
    muscle_detail,
    muscle_summaries,
    region_list,
    safety_list,
)
from knotwork.web.schemas import Problem, RegionPublic, SafetyItemPublic

NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": Problem}}


def routes() -> APIRouter:
    """Return the knowledge-base routes."""
    router = APIRouter(tags=["knowledge"])
    router.get("/muscles")(muscles)
    router.get("/muscles/{muscle_id}", responses=NOT_FOUND)(muscle)
    router.get("/regions", response_model=list[RegionPublic])(regions)
    router.get("/conditions", response_model=list[SafetyItemPublic])(conditions)
    return router


async def muscles() -> list[dict[str, Any]]:
    """List every muscle with its trigger points and techniques."""
    return muscle_summaries()


async def muscle(muscle_id: str) -> dict[str, Any]:
    """Show one muscle in full: where it refers pain and how to work it."""
    try:
        return muscle_detail(muscle_id)
    except KeyError:
        raise HTTPException(404, f"unknown muscle '{muscle_id}'") from None


async def regions() -> list[dict[str, str]]:
    """List the body-region ids (the body map's `data-region` values)."""
    return region_list()


async def conditions() -> list[dict[str, str]]:
    """List the condition and red-flag ids the safety screen knows."""
    return safety_list()
