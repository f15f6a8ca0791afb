"""Progress: trends, what helps, adherence, patterns and escalation prompts."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from starlette.concurrency import run_in_threadpool

from knotwork.web.deps import KnotworkDep
from knotwork.web.fields import Day
from knotwork.web.journal_schemas import ProgressPublic


def routes() -> APIRouter:
    """Return the progress route."""
    router = APIRouter(tags=["progress"])
    router.get("/progress", response_model=ProgressPublic)(progress)
    return router


async def progress(
    core: KnotworkDep, spot: str | None = None, since: Day | None = None
) -> dict[str, Any]:
    """Report progress for one spot or all, from a day on.

    The answer is the same JSON as `knotwork progress --json`, without the
    chart file; the pages draw their own charts from `trends`.
    """
    report = await run_in_threadpool(core.progress, spot, since)
    return report.to_json()
