"""Weekly plans around training days, as JSON or as an iCalendar download."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Response
from starlette.concurrency import run_in_threadpool

from knotwork.domain.plans.week import WeekPlan
from knotwork.exports.ical import next_monday, parse_times, plan_calendar
from knotwork.services.core import Knotwork
from knotwork.web.deps import KnotworkDep
from knotwork.web.schemas import PlanCreate, PlanPublic

ICS_FILE = "knotwork-plan.ics"


def routes() -> APIRouter:
    """Return the plan routes."""
    router = APIRouter(tags=["plans"])
    router.post("/plans", response_model=PlanPublic)(plan)
    router.post(
        "/plans/ics",
        response_class=Response,
        responses={200: {"content": {"text/calendar": {}}}},
    )(plan_ics)
    return router


def _week(core: Knotwork, body: PlanCreate) -> WeekPlan:
    return core.plan(
        body.train,
        body.focus,
        body.minutes_per_week,
        body.days,
        use_profile=body.use_profile,
    )


async def plan(body: PlanCreate, core: KnotworkDep) -> dict[str, Any]:
    """Plan a week of short ball sessions around training days.

    The answer is the same JSON as `knotwork plan --json`. With `save`, the
    plan is kept in the journal, so progress can measure adherence to it.
    """
    week = _week(core, body)
    parse_times(body.times)  # checked even without a download, as the CLI does
    data = week.to_json()
    # The calendar and the adherence count start on the same Monday.
    data["starts_on"] = _start(body).isoformat()
    if body.save:
        data["saved_id"] = await run_in_threadpool(core.save_plan, data)
    return data


async def plan_ics(body: PlanCreate, core: KnotworkDep) -> Response:
    """Download the week as an iCalendar file: one weekly event per session."""
    week = _week(core, body)
    calendar = plan_calendar(week.slots, _start(body), parse_times(body.times))
    return Response(
        calendar.to_ical(),
        media_type="text/calendar",
        headers={"Content-Disposition": f'attachment; filename="{ICS_FILE}"'},
    )


def _start(body: PlanCreate) -> date:
    return body.start or next_monday(date.today())
