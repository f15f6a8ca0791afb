"""Routines: the built-in ones, and custom ones for targets and a time budget."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from starlette.concurrency import run_in_threadpool

from knotwork.services.routines import list_routines
from knotwork.web.deps import KnotworkDep
from knotwork.web.schemas import RoutineCreate, RoutinePublic


def routes() -> APIRouter:
    """Return the routine routes."""
    router = APIRouter(tags=["routines"])
    router.get("/routines")(builtins)
    router.post("/routines", response_model=RoutinePublic)(build)
    return router


async def builtins() -> dict[str, str]:
    """Name the built-in routines by id (same as `knotwork routine --list --json`)."""
    return list_routines()


async def build(body: RoutineCreate, core: KnotworkDep) -> dict[str, Any]:
    """Build a safe, timed routine: a built-in one by name, or for targets.

    The answer is the same JSON as `knotwork routine --json`; when safety
    says stop it has no steps and explains why. The saved profile applies
    unless ``use_profile`` is false, as in `knotwork routine`.
    """
    routine = await run_in_threadpool(
        lambda: core.routine(
            body.name,
            body.targets,
            use_profile=body.use_profile,
            minutes=body.minutes,
            context=body.context,
            have=body.have,
            positions=body.positions,
            conditions=body.conditions,
            cleared=body.cleared,
            side=body.side,
            text=body.where or "",
        )
    )
    return routine.to_json()
