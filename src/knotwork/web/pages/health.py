"""The health screen page: the questions asked once, and changeable."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse

from knotwork.domain.safety.health_facts import (
    AGE_BAND_NAMES,
    SCREEN_PROMPTS,
    InvalidHealthFacts,
    read_screen,
)
from knotwork.services.health import health_view, screen_answers_of
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
    cleared: Annotated[str, Form(max_length=10)] = "no",
) -> HTMLResponse:
    """Save the answers, dated today, and show what they mean."""
    given = {
        "age_band": age_band,
        "pregnant_weeks": pregnant_weeks,
        "gave_birth_on": gave_birth_on,
        "medicines": medicines,
        "implant": implant,
        "cleared": cleared,
    }
    try:
        person = journal.set_health(read_screen(given))
    except InvalidHealthFacts as error:
        context = _context(journal.profile()) | {"error": f"{error}.", "given": given}
        return render(request, "health.html", context, status_code=422)
    return render(request, "health.html", _context(person) | {"saved": True})


def _context(person: Any) -> dict[str, Any]:
    view = health_view(person)
    given = screen_answers_of(person)
    return {
        "page": "more",
        "prompts": {p.id: p for p in SCREEN_PROMPTS},
        "age_bands": AGE_BAND_NAMES,
        "given": given,
        "answered": person.health.answered,
        "view": view,
    }
