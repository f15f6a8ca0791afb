"""The REST API under /api/v1: one small module per area, mounted here."""

from __future__ import annotations

from functools import cache
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from fastapi import APIRouter

from knotwork.web.api import (
    balls,
    data,
    finder,
    journal,
    knowledge,
    plans,
    progress,
    routines,
)
from knotwork.web.deps import journal_lifespan
from knotwork.web.schemas import HealthPublic, Problem

# Every route may answer with a problem; FastAPI's own 422 shape is replaced.
PROBLEMS: dict[int | str, dict[str, Any]] = {
    400: {"model": Problem, "description": "The body is not JSON."},
    401: {"model": Problem, "description": "The access token is wrong or missing."},
    403: {"model": Problem, "description": "A change without token or origin."},
    413: {"model": Problem, "description": "The body is over 64 KB (import: 10 MB)."},
    422: {"model": Problem, "description": "The request is not valid."},
    500: {"model": Problem, "description": "Something went wrong on our side."},
}


def build() -> APIRouter:
    """Return a fresh router holding every API route."""
    router = APIRouter(responses=PROBLEMS, lifespan=journal_lifespan)
    router.get("/health", response_model=HealthPublic, tags=["meta"])(health)
    for area in (finder, knowledge, balls, routines, plans, journal, progress, data):
        router.include_router(area.routes())
    return router


async def health() -> dict[str, str]:
    """Say the server is up, and which knotwork it runs."""
    return {"status": "ok", "version": _version()}


@cache
def _version() -> str:
    # Reading package metadata scans sys.path: once is enough.
    try:
        return version("knotwork")
    except PackageNotFoundError:  # run from a source tree without installing
        return "unknown"
