"""The ball chooser: which ball suits these areas, this comfort and situation."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from knotwork.domain.balls.needs import (
    Experience,
    InvalidBudget,
    Tolerance,
    UnknownTarget,
)
from knotwork.domain.safety.verdict import UnknownId
from knotwork.kb.record import replace
from knotwork.web.deps import KnotworkDep
from knotwork.web.pages.common import render

router = APIRouter()
SHOWN_BALLS = 5
TOLERANCES = ("low", "medium", "high")
EXPERIENCES = ("new", "some", "lots")


@router.get("/balls", response_class=HTMLResponse)
def ball_chooser(
    request: Request,
    core: KnotworkDep,
    area: Annotated[list[str] | None, Query()] = None,
    tolerance: Tolerance | None = None,
    experience: Experience | None = None,
    no_floor: bool = False,
    travel: bool = False,
    eco: bool = False,
    budget: Annotated[str, Query(max_length=12)] = "",
) -> HTMLResponse:
    """Rank the balls, safety first, with a starter pair."""
    areas = [a for a in area or [] if a]
    asked = bool(areas) or tolerance is not None or experience is not None
    kb = core.kb
    muscle_ids = {m.id for m in kb.muscles}
    needs = core.ball_needs(
        [a for a in areas if a in muscle_ids],
        [a for a in areas if a not in muscle_ids],
        tolerance,
        experience,
        no_floor=no_floor,
        travel=travel,
        eco=eco,
    )
    context: dict[str, Any] = {
        "page": "balls",
        "areas": areas,
        "tolerance": needs.tolerance,
        "experience": needs.experience,
        "no_floor": no_floor,
        "travel": travel,
        "eco": eco,
        "budget": budget,
        "tolerances": TOLERANCES,
        "experiences": EXPERIENCES,
        "conditions": core.screen().conditions,
    }
    if not asked:
        return render(request, "balls.html", context)
    try:
        amount = float(budget) if budget.strip() else None
    except ValueError:
        context["error"] = f"'{budget}' is not an amount in US dollars."
        return _page(request, context, 422)
    try:
        advice = core.balls(replace(needs, budget_usd=amount))
    except (UnknownTarget, UnknownId, InvalidBudget) as error:
        context["error"] = f"{str(error)[:1].upper()}{str(error)[1:]}."
        return _page(request, context, 422)
    context |= {"advice": advice, "ranking": advice.ranking[:SHOWN_BALLS]}
    return _page(request, context, 200)


def _page(request: Request, context: dict[str, Any], status: int) -> HTMLResponse:
    return render(
        request,
        "balls.html",
        context,
        fragment="_ball_results.html",
        status_code=status,
    )
