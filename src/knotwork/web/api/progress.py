"""Progress: trends, what helps, adherence, patterns and escalation prompts."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from knotwork.domain.progress import build_progress_report
from knotwork.web.deps import JournalDep
from knotwork.web.fields import Day
from knotwork.web.journal_schemas import ProgressPublic


def routes() -> APIRouter:
    """Return the progress route."""
    router = APIRouter(tags=["progress"])
    router.get("/progress", response_model=ProgressPublic)(progress)
    return router


async def progress(
    journal: JournalDep, spot: str | None = None, since: Day | None = None
) -> dict[str, Any]:
    """Report progress for one spot or all, from a day on.

    The answer is the same JSON as `knotwork progress --json`, without the
    chart file; the pages draw their own charts from `trends`.
    """
    found = journal.history(spot=spot, since=since)
    report = build_progress_report(
        found.pain,
        found.sessions,
        rom=found.rom,
        profile=journal.profile(),
        plans=journal.plans(),
        spot=spot,
        since=since,
        now=journal.clock(),
    )
    return report.to_json()
