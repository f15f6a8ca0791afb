"""The health screen page: the questions asked once, and changeable."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse

from knotwork.domain.health_facts import (
    AGE_BAND_NAMES,
    SCREEN_PROMPTS,
    InvalidHealthFacts,
    read_screen,
)
from knotwork.services.health import health_view
from knotwork.web.deps import JournalDep
from knotwork.web.pages.common import render

router = APIRouter()


@router.get("/health", response_class=HTMLResponse)
def health_form(request: Request, journal: JournalDep) -> HTMLResponse:
    """Show the health screen with the saved answers filled in."""
    return render(request, "health.html", _context(journal.profile()))


@router.post("/health", response_class=HTMLResponse)
def health_answers(
    request: Request,
    journal: JournalDep,
    age_band: Annotated[str, Form(max_length=20)] = "",
    pregnant_weeks: Annotated[str, Form(max_length=10)] = "",
    gave_birth_on: Annotated[str, Form(max_length=20)] = "",
    medicines: Annotated[str, Form(max_length=1400)] = "",
    implant: Annotated[str, Form(max_length=10)] = "",
) -> HTMLResponse:
    """Save the answers, dated today, and show what they mean."""
    given = {
        "age_band": age_band,
        "pregnant_weeks": pregnant_weeks,
        "gave_birth_on": gave_birth_on,
        "medicines": medicines,
        "implant": implant,
    }
    try:
        person = journal.set_health(read_screen(given))
    except InvalidHealthFacts as error:
        context = _context(journal.profile()) | {"error": f"{error}.", "given": given}
        return render(request, "health.html", context, status_code=422)
    return render(request, "health.html", _context(person) | {"saved": True})


def _context(person: Any) -> dict[str, Any]:
    view = health_view(person)
    answers: dict[str, Any] = dict(view["answers"])  # type: ignore[call-overload]
    weeks = person.health.weeks_pregnant(date.today())
    given = {
        "age_band": answers["age_band"] or "",
        "pregnant_weeks": "" if weeks is None else str(weeks),
        "gave_birth_on": answers["gave_birth_on"] or "",
        "medicines": ", ".join(answers["medicines"]),
        "implant": "yes" if "implanted_device" in person.conditions else "no",
    }
    return {
        "page": "more",
        "prompts": {p.id: p for p in SCREEN_PROMPTS},
        "age_bands": AGE_BAND_NAMES,
        "given": given,
        "answered": person.health.answered,
        "view": view,
    }
