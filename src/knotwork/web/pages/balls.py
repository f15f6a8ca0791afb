"""The ball chooser: which ball suits these areas, this comfort and situation."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from knotwork.domain.balls.advice import advise_balls
from knotwork.domain.balls.needs import (
    BallNeeds,
    Experience,
    InvalidBudget,
    Tolerance,
    UnknownTarget,
)
from knotwork.domain.safety.verdict import UnknownId
from knotwork.kb.loader import load_kb
from knotwork.web.deps import JournalDep
from knotwork.web.pages.common import render

router = APIRouter()
SHOWN_BALLS = 5
TOLERANCES = ("low", "medium", "high")
EXPERIENCES = ("new", "some", "lots")


@router.get("/balls", response_class=HTMLResponse)
def ball_chooser(
    request: Request,
    journal: JournalDep,
    area: Annotated[list[str] | None, Query()] = None,
    tolerance: Tolerance | None = None,
    experience: Experience | None = None,
    no_floor: bool = False,
    travel: bool = False,
    eco: bool = False,
    budget: Annotated[str, Query(max_length=12)] = "",
) -> HTMLResponse:
    """Rank the balls, safety first, with a starter pair."""
    person = journal.profile()
    areas = [a for a in area or [] if a]
    asked = bool(areas) or tolerance is not None or experience is not None
    chosen_tolerance: Tolerance = tolerance or _tolerance(person.tolerance)
    chosen_experience: Experience = experience or _experience(person.experience)
    context: dict[str, Any] = {
        "page": "balls",
        "areas": areas,
        "tolerance": chosen_tolerance,
        "experience": chosen_experience,
        "no_floor": no_floor,
        "travel": travel,
        "eco": eco,
        "budget": budget,
        "tolerances": TOLERANCES,
        "experiences": EXPERIENCES,
        "conditions": person.conditions,
    }
    if not asked:
        return render(request, "balls.html", context)
    kb = load_kb()
    muscle_ids = {m.id for m in kb.muscles}
    try:
        amount = float(budget) if budget.strip() else None
    except ValueError:
        context["error"] = f"'{budget}' is not an amount in US dollars."
        return _page(request, context, 422)
    needs = BallNeeds(
        muscles=tuple(a for a in areas if a in muscle_ids),
        regions=tuple(a for a in areas if a not in muscle_ids),
        tolerance=chosen_tolerance,
        experience=chosen_experience,
        no_floor=no_floor,
        travel=travel,
        eco=eco,
        budget_usd=amount,
    )
    try:
        advice = advise_balls(needs, kb, person.conditions)
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


def _tolerance(value: str) -> Tolerance:
    if value == "low":
        return "low"
    return "high" if value == "high" else "medium"


def _experience(value: str) -> Experience:
    if value == "new":
        return "new"
    return "lots" if value == "lots" else "some"
