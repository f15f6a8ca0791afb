"""The journal: log pain, see it charted, learn what helps, and when to get help."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from knotwork.domain.journal.pain_series import collect_readings
from knotwork.domain.journal.records import SIDES, InvalidRecord, PainEntry
from knotwork.domain.names import short_name
from knotwork.domain.progress.learning import ProgressReport
from knotwork.domain.routines.retest import RetestChange, retest_changes
from knotwork.services.core import Knotwork
from knotwork.web.deps import KnotworkDep
from knotwork.web.pages.charts import (
    adherence_chart,
    before_after_bar,
    local_label,
    pain_chart,
    pain_table_rows,
)
from knotwork.web.pages.common import render

router = APIRouter()
CHARTED_SPOTS = 8
RECENT_SESSIONS = 8
RECENT_RETESTS = 12


@router.get("/journal", response_class=HTMLResponse)
def journal_page(request: Request, core: KnotworkDep, logged: str = "") -> HTMLResponse:
    """Show escalations first, then the log form, charts, effects and adherence."""
    return render(request, "journal.html", journal_context(core, logged))


@router.get("/journal/offline", response_class=HTMLResponse)
def offline_journal(request: Request) -> HTMLResponse:
    """Show the journal's offline page: log pain now, send it when back online.

    It carries no journal data, so the service worker may keep a copy.
    """
    return render(request, "journal_offline.html", {"page": "journal", "sides": SIDES})


@router.post("/journal/pain", response_model=None)
def log_pain(
    request: Request,
    core: KnotworkDep,
    spot: Annotated[str, Form(max_length=60)],
    pain: Annotated[int, Form(ge=0, le=10)],
    side: Annotated[str, Form(max_length=10)] = "",
    activity: Annotated[str, Form(max_length=200)] = "",
    note: Annotated[str, Form(max_length=1000)] = "",
) -> Response:
    """Keep one pain score, then show it on its chart."""
    entry = PainEntry(
        spot=spot,
        pain=pain,
        at=datetime.now(UTC),
        side=side if side in SIDES else None,
        activity=activity.strip() or None,
        note=note.strip() or None,
    )
    try:
        core.journal.log_pain(entry)
    except InvalidRecord as error:
        context = journal_context(core, "")
        context |= {
            "error": f"{str(error)[:1].upper()}{str(error)[1:]}.",
            "form": entry,
        }
        return render(request, "journal.html", context, status_code=422)
    return RedirectResponse(
        f"/journal?logged={quote(spot)}#trend-{quote(spot)}", status_code=303
    )


def journal_context(core: Knotwork, logged: str) -> dict[str, Any]:
    """Gather the report and the charts for the journal page."""
    found = core.history()
    report = core.progress()
    readings = collect_readings(found.pain, found.sessions)
    latest_first = sorted(report.trends, key=lambda t: t.last_at, reverse=True)
    charts = [
        {
            "spot": t.spot,
            "label": short_name(t.spot),
            "trend": t,
            "svg": pain_chart(t.spot, short_name(t.spot), readings[t.spot]),
            "rows": pain_table_rows(readings[t.spot]),
        }
        for t in latest_first[:CHARTED_SPOTS]
    ]
    return {
        "page": "journal",
        "report": report,
        "charts": charts,
        "effects": _effects(report),
        "retests": _by_session(retest_changes(found.rom)[:RECENT_RETESTS]),
        "summary": report.session_summary(),
        "best": {kind: report.best(kind) for kind in ("technique", "ball", "protocol")},
        "adherence_svg": adherence_chart(report.adherence)
        if report.adherence
        else None,
        "logged": logged,
        "local_label": local_label,
        "sides": SIDES,
    }


def _by_session(changes: list[RetestChange]) -> list[list[RetestChange]]:
    """Group re-test changes by session, keeping the newest session first."""
    groups: dict[str, list[RetestChange]] = {}
    for change in changes:
        groups.setdefault(change.session_id, []).append(change)
    return [sorted(g, key=lambda c: (c.side or "", c.unit)) for g in groups.values()]


def _effects(report: ProgressReport) -> list[dict[str, Any]]:
    out = []
    for effect in reversed(report.recent_sessions(RECENT_SESSIONS)):
        out.append(
            {
                "effect": effect,
                "spots": [
                    {
                        "spot": spot,
                        "before": before,
                        "after": after,
                        "change": effect.change(spot),
                        "bar": before_after_bar(before, after),
                    }
                    for spot, (before, after) in sorted(effect.scores.items())
                ],
            }
        )
    return out
