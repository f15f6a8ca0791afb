"""The weekly plan, its calendar download, and saving it for adherence."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, Response

from knotwork.domain.limits import check_plan_day
from knotwork.domain.plans.week import (
    DAYS,
    PlanError,
    UnknownDay,
    UnknownFocus,
    WeekPlan,
)
from knotwork.exports.ical import (
    DEFAULT_TIMES,
    ScheduleError,
    next_monday,
    parse_times,
    plan_calendar,
)
from knotwork.services.core import Knotwork
from knotwork.web.deps import KnotworkDep
from knotwork.web.pages.common import render

router = APIRouter()
KIND_FIELDS = {"pre-workout": "pre", "post-workout": "post", "rest-day": "rest"}
ICS_NAME = "knotwork-plan.ics"


@dataclass(frozen=True)
class PlanQuery:
    """A weekly plan request, as it travels in a query string or a form."""

    train: tuple[str, ...] = ()
    focus: tuple[str, ...] = ()
    minutes: str = ""
    days: str = ""
    start: str = ""
    times: tuple[tuple[str, str], ...] = ()  # (kind, "HH:MM")
    asked: bool = False

    def query_string(self) -> str:
        """Return the same request as a URL query."""
        params: list[tuple[str, str]] = [("go", "1")]
        params += [("train", d) for d in self.train]
        params += [("focus", f) for f in self.focus]
        for key, value in (
            ("minutes", self.minutes),
            ("days", self.days),
            ("start", self.start),
        ):
            if value:
                params.append((key, value))
        params += [(KIND_FIELDS[k], v) for k, v in self.times]
        return urlencode(params)

    def time_of(self, kind: str) -> str:
        """Return the chosen start time of a kind of session, as HH:MM."""
        chosen = dict(self.times).get(kind)
        return chosen or DEFAULT_TIMES[kind].strftime("%H:%M")


def plan_query(
    go: str = "",
    train: Annotated[list[str] | None, Query()] = None,
    focus: Annotated[list[str] | None, Query()] = None,
    minutes: Annotated[str, Query(max_length=6)] = "",
    days: Annotated[str, Query(max_length=2)] = "",
    start: Annotated[str, Query(max_length=10)] = "",
    pre: Annotated[str, Query(max_length=5)] = "",
    post: Annotated[str, Query(max_length=5)] = "",
    rest: Annotated[str, Query(max_length=5)] = "",
) -> PlanQuery:
    """Read a plan request from the query string."""
    return _plan_query(go, train, focus, minutes, days, start, pre, post, rest)


def plan_form(
    train: Annotated[list[str] | None, Form()] = None,
    focus: Annotated[list[str] | None, Form()] = None,
    minutes: Annotated[str, Form(max_length=6)] = "",
    days: Annotated[str, Form(max_length=2)] = "",
    start: Annotated[str, Form(max_length=10)] = "",
    pre: Annotated[str, Form(max_length=5)] = "",
    post: Annotated[str, Form(max_length=5)] = "",
    rest: Annotated[str, Form(max_length=5)] = "",
) -> PlanQuery:
    """Read a plan request from a posted form."""
    return _plan_query("1", train, focus, minutes, days, start, pre, post, rest)


def _plan_query(
    go: str,
    train: list[str] | None,
    focus: list[str] | None,
    minutes: str,
    days: str,
    start: str,
    *times: str,
) -> PlanQuery:
    kinds = list(KIND_FIELDS)
    return PlanQuery(
        train=tuple(train or []),
        focus=tuple(f for f in focus or [] if f),
        minutes=minutes.strip(),
        days=days.strip(),
        start=start.strip(),
        times=tuple((k, t) for k, t in zip(kinds, times, strict=True) if t),
        asked=bool(go or train or focus),
    )


PlanQueryDep = Annotated[PlanQuery, Depends(plan_query)]
PlanFormDep = Annotated[PlanQuery, Depends(plan_form)]


@dataclass(frozen=True)
class Built:
    """A plan and the calendar details it will be exported with."""

    week: WeekPlan
    start: date
    times: dict[str, Any]


def build(core: Knotwork, query: PlanQuery, today: date) -> Built:
    """Build the week and check the calendar options; raise ``ValueError``."""
    minutes = _whole(query.minutes, "minutes a week")
    days = _whole(query.days, "days a week")
    try:
        week = core.plan(query.train, query.focus, minutes, days)
    except UnknownDay as error:
        raise PlanError(f"unknown day '{error}'") from None
    except UnknownFocus as error:
        raise PlanError(f"unknown muscle or area '{error}'") from None
    try:
        start = date.fromisoformat(query.start) if query.start else next_monday(today)
    except ValueError:
        raise PlanError(f"'{query.start}' is not a date (YYYY-MM-DD)") from None
    check_plan_day(start, "the start")
    times = parse_times(f"{kind}={value}" for kind, value in query.times)
    plan_calendar(week.slots, start, times)  # refuses overlapping sessions
    return Built(week, start, dict(times))


def _whole(text: str, what: str) -> int | None:
    if not text:
        return None
    try:
        return int(text)
    except ValueError:
        raise PlanError(f"'{text}' is not a whole number of {what}") from None


@router.get("/plan", response_class=HTMLResponse)
def weekly_plan(
    request: Request, core: KnotworkDep, query: PlanQueryDep
) -> HTMLResponse:
    """Plan a week around training days, with a calendar download."""
    person = core.profile()
    if not query.asked and person.training_days:
        # The form shows the saved days; the plan itself uses them through
        # the core, as the CLI and the API do.
        query = PlanQuery(train=tuple(person.training_days))
    return _plan_page(request, core, query, saved=False)


@router.post("/plan/save", response_class=HTMLResponse)
def save_plan(request: Request, core: KnotworkDep, query: PlanFormDep) -> HTMLResponse:
    """Keep the plan in the journal, so progress can measure adherence."""
    try:
        built = build(core, query, date.today())
    except (PlanError, ScheduleError) as error:
        return _error_page(request, query, error)
    # The calendar and the adherence count start on the same Monday.
    core.save_plan(built.week.to_json() | {"starts_on": built.start.isoformat()})
    return _plan_page(request, core, query, saved=True)


@router.get("/plan.ics")
def plan_ics(core: KnotworkDep, query: PlanQueryDep) -> Response:
    """Download the week as an iCalendar file: one weekly event per session."""
    try:
        built = build(core, query, date.today())
    except (PlanError, ScheduleError) as error:
        return Response(
            f"Cannot make the calendar: {error}.\n",
            status_code=422,
            media_type="text/plain",
        )
    calendar = plan_calendar(built.week.slots, built.start, built.times)
    return Response(
        calendar.to_ical(),
        media_type="text/calendar",
        headers={"Content-Disposition": f'attachment; filename="{ICS_NAME}"'},
    )


def _context(query: PlanQuery) -> dict[str, Any]:
    return {"page": "plan", "query": query, "days": DAYS}


def _plan_page(
    request: Request, core: Knotwork, query: PlanQuery, saved: bool
) -> HTMLResponse:
    context = _context(query)
    if not query.asked:
        return render(request, "plan.html", context)
    try:
        built = build(core, query, date.today())
    except (PlanError, ScheduleError) as error:
        return _error_page(request, query, error)
    context |= {"built": built, "saved": saved, "plan_query": query.query_string()}
    return render(request, "plan.html", context, fragment="_plan_result.html")


def _error_page(request: Request, query: PlanQuery, error: Exception) -> HTMLResponse:
    context = _context(query)
    message = str(error).replace("--", "")
    context["error"] = f"{message[:1].upper()}{message[1:]}."
    return render(
        request, "plan.html", context, fragment="_plan_result.html", status_code=422
    )
