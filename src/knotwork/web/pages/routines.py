"""The routine builder and the guided session player."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from knotwork.domain.journal.records import Profile
from knotwork.domain.names import POSITIONS, name_of, short_name
from knotwork.domain.routines.build import CONTEXTS, RoutineError
from knotwork.domain.routines.model import Routine
from knotwork.domain.routines.retest import choose_retest
from knotwork.domain.routines.session import EASE_QUESTION, ease_check_at
from knotwork.domain.safety.verdict import UnknownId
from knotwork.kb.loader import load_kb
from knotwork.kb.models import as_json
from knotwork.services.core import Knotwork
from knotwork.services.routines import list_routines
from knotwork.web.deps import KnotworkDep
from knotwork.web.pages.common import render

router = APIRouter()
DEFAULT_SESSION = "between_meetings"
# Pain is asked before and after for at most this many spots: more is a chore.
PAIN_SPOTS = 3
MAX_SPEED = 1000.0


@dataclass(frozen=True)
class RoutineQuery:
    """What the routine builder was asked for, as query parameters."""

    name: str = ""
    targets: tuple[str, ...] = ()
    minutes: str = ""
    context: str = ""
    have: tuple[str, ...] = ()
    positions: tuple[str, ...] = ()
    side: str = ""
    text: str = ""

    @property
    def asked(self) -> bool:
        """Whether anything was asked for at all."""
        return bool(self.name or self.targets or self.text.strip())

    def query_string(self) -> str:
        """Return the same request as a URL query."""
        params: list[tuple[str, str]] = []
        for key, value in (
            ("name", self.name),
            ("minutes", self.minutes),
            ("context", self.context),
            ("side", self.side),
            ("text", self.text),
        ):
            if value:
                params.append((key, value))
        params += [("target", t) for t in self.targets]
        params += [("have", h) for h in self.have]
        params += [("position", p) for p in self.positions]
        return urlencode(params)


def routine_query(
    name: Annotated[str, Query(max_length=60)] = "",
    target: Annotated[list[str] | None, Query()] = None,
    minutes: Annotated[str, Query(max_length=8)] = "",
    context: Annotated[str, Query(max_length=20)] = "",
    have: Annotated[list[str] | None, Query()] = None,
    position: Annotated[list[str] | None, Query()] = None,
    side: Annotated[str, Query(max_length=8)] = "",
    text: Annotated[str, Query(max_length=2000)] = "",
) -> RoutineQuery:
    """Read a routine request from the query string."""
    return RoutineQuery(
        name=name,
        targets=tuple(t for t in target or [] if t),
        minutes=minutes.strip(),
        context=context,
        have=tuple(have or []),
        positions=tuple(position or []),
        side=side,
        text=text,
    )


RoutineQueryDep = Annotated[RoutineQuery, Depends(routine_query)]


def build(query: RoutineQuery, core: Knotwork) -> Routine:
    """Build the routine within the person's profile; raise on bad input."""
    try:
        minutes = float(query.minutes) if query.minutes else None
    except ValueError:
        raise RoutineError(f"'{query.minutes}' is not a number of minutes") from None
    # The same core and profile rules as `knotwork routine` and the API:
    # conditions with their own clearances, owned balls, usable positions.
    return core.routine(
        query.name or None,
        list(query.targets),
        minutes=minutes,
        context=query.context or None,
        have=list(query.have),
        positions=list(query.positions),
        side=query.side if query.side in ("left", "right") else None,
        text=query.text,
    )


def _form_context(query: RoutineQuery, person: Profile) -> dict[str, Any]:
    kb = load_kb()
    return {
        "page": "routine",
        "query": query,
        "builtins": list_routines(),
        "contexts": CONTEXTS,
        "positions": POSITIONS,
        "balls": kb.balls,
        "owned": [b.ball for b in person.balls],
        "profile_positions": person.positions,
        "conditions": person.conditions,
    }


@router.get("/routine", response_class=HTMLResponse)
def routine_builder(
    request: Request,
    core: KnotworkDep,
    query: RoutineQueryDep,
) -> HTMLResponse:
    """Offer the built-ins and a custom builder; show the routine asked for."""
    return _routine_page(request, core, query)


def _routine_page(
    request: Request, core: Knotwork, query: RoutineQuery
) -> HTMLResponse:
    context = _form_context(query, core.profile())
    if not query.asked:
        return render(request, "routine.html", context)
    try:
        routine = build(query, core)
    except (RoutineError, UnknownId) as error:
        context["error"] = f"{str(error)[:1].upper()}{str(error)[1:]}."
        return render(
            request,
            "routine.html",
            context,
            fragment="_routine_result.html",
            status_code=422,
        )
    # The muscles asked for lead the plan; paired co-triggers follow.
    ordered = sorted(routine.steps, key=lambda s: s.paired_with is not None)
    focus = [t for t in dict.fromkeys(s.target for s in ordered) if t]
    context |= {
        "routine": routine,
        "session_query": query.query_string(),
        "plan_query": urlencode([("focus", f) for f in focus[:3]]),
    }
    return render(request, "routine.html", context, fragment="_routine_result.html")


@router.get("/session", response_class=HTMLResponse)
def session_player(
    request: Request,
    core: KnotworkDep,
    query: RoutineQueryDep,
    speed: Annotated[float, Query(gt=0, le=MAX_SPEED)] = 1.0,
) -> HTMLResponse:
    """Run a routine: countdown, breathing pacer, stop button, pain before/after."""
    if not query.asked:
        query = RoutineQuery(name=DEFAULT_SESSION)
    context: dict[str, Any] = {"page": "session", "query": query}
    try:
        routine = build(query, core)
    except (RoutineError, UnknownId) as error:
        context["error"] = f"{str(error)[:1].upper()}{str(error)[1:]}."
        return render(request, "session.html", context, status_code=422)
    context["routine"] = routine
    if routine.steps:
        context["player"] = player_data(routine, speed)
        context["ease_question"] = EASE_QUESTION
    return render(request, "session.html", context)


def player_data(routine: Routine, speed: float) -> dict[str, Any]:
    """Return everything the browser player needs, as plain JSON."""
    kb = load_kb()
    breathing = {b.id: b for b in kb.dosing.breathing}
    pattern = breathing.get(routine.breathing) or kb.dosing.breathing[0]
    low, high = kb.dosing.pressure_target
    steps = []
    for i, step in enumerate(routine.steps):
        title = short_name(step.target) if step.target else step.kind.capitalize()
        if step.kind == "retest":
            title = "Re-test"
        steps.append(
            {
                "index": i,
                "target": step.target or step.kind,
                "technique": step.technique,
                "ball": step.ball,
                "protocol": step.protocol,
                "seconds": step.seconds,
                "side": step.side,
                "kind": step.kind,
                "title": title,
                "position": step.position,
                "ball_name": name_of(step.ball) if step.ball else None,
                "pressure": step.pressure,
                "hold_seconds": step.hold_seconds,
                "instructions": step.instructions,
                "movement": step.movement,
                "ease_check_at": ease_check_at(step),
            }
        )
    spots = [t for t in dict.fromkeys(s.target for s in routine.steps) if t]
    return {
        "routine": routine.name,
        "speed": speed,
        "breathing": {"name": pattern.name, "pattern": pattern.pattern},
        "pressure_target": f"{low}-{high}/10",
        "steps": steps,
        "spots": [{"id": s, "name": short_name(s)} for s in spots[:PAIN_SPOTS]],
        "stop_signs": [as_json(s) for s in kb.stop_signs],
        "save_url": "/api/v1/sessions",
        "retest": choose_retest(spots).to_json(),
        "retest_url": "/api/v1/journal/rom",
    }
