"""The body map and finder results, and the safety questionnaire."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse

from knotwork.domain.finder.ranking import (
    PRESS_CONFIRM_COUNT,
    PRESS_NOTE,
    PRESS_QUESTION,
    UnknownMuscle,
    UnknownRegion,
    parse_presses,
)
from knotwork.domain.safety.health_facts import SCREEN_OWNED
from knotwork.domain.safety.health_screen import MAX_TEXT_CHARS, parse_answer
from knotwork.domain.safety.questions import screening_questions
from knotwork.domain.safety.verdict import UnknownId
from knotwork.kb.loader import load_kb
from knotwork.services.consult import Consultation
from knotwork.web.bodymap import body_map_svg
from knotwork.web.deps import JournalDep, KnotworkDep
from knotwork.web.pages.common import SIDES, render

router = APIRouter()
SHOWN_SOURCES = 5
MAX_PRESSES = 40
PRESS_LENGTH = 80


@router.get("/", response_class=HTMLResponse)
def body_map(request: Request) -> HTMLResponse:
    """Show the body map and the "where does it hurt?" box."""
    return render(request, "map.html", {"svg": body_map_svg(), "page": "map"})


@router.post("/find", response_class=HTMLResponse)
def find(
    request: Request,
    core: KnotworkDep,
    text: Annotated[str, Form(max_length=MAX_TEXT_CHARS)] = "",
    spot: Annotated[list[str] | None, Form()] = None,
    side: Annotated[str, Form()] = "",
    answer: Annotated[list[str] | None, Form()] = None,
    press: Annotated[list[str] | None, Form(max_length=MAX_PRESSES)] = None,
) -> HTMLResponse:
    """Answer safety first, then the ranked sources, then "build my routine".

    ``press`` carries the person's answers after pressing candidates' trigger
    points ("muscle:yes", "muscle:no" or "muscle:unsure").
    """
    regions, tapped_side = parse_spots(spot or [])
    presses = [p[:PRESS_LENGTH] for p in (press or [])]
    confirmed, ruled_out = parse_presses(presses)
    chosen_side = side if side in SIDES else tapped_side
    context: dict[str, Any] = {
        "svg": body_map_svg(),
        "page": "map",
        "text": text,
        "spots": spot or [],
        "side": side if side in SIDES else "",
        "presses": presses,
    }
    if not text.strip() and not regions:
        context["error"] = "Tap where it hurts on the map, or describe it in words."
        return _results(request, context, 422)
    try:
        answered = dict(parse_answer(a) for a in answer or [])
    except ValueError as error:
        context["error"] = f"{error}."
        return _results(request, context, 422)
    person = core.screen(answers=answered)
    conditions = list(person.conditions)
    context |= {"side": side, "answered": answer or []}
    try:
        consultation = core.consult(
            text,
            regions,
            chosen_side,
            screen=person,
            confirmed=confirmed,
            ruled_out=ruled_out,
        )
    except UnknownRegion as error:
        context["error"] = f"Unknown body region '{error}'."
        return _results(request, context, 422)
    except UnknownMuscle as error:
        context["error"] = f"{str(error)[:1].upper()}{str(error)[1:]}."
        return _results(request, context, 422)
    except UnknownId as error:
        context["error"] = f"{error}."
        return _results(request, context, 422)
    if not consultation.understood:
        context["error"] = (
            f"I couldn't place '{text}' on the body. Try words like 'back of my "
            "head', 'heel in the morning' or 'tennis elbow', or tap the map."
        )
        return _results(request, context, 422)
    context |= {
        "press_count": PRESS_CONFIRM_COUNT,
        "press_question": PRESS_QUESTION,
        "press_note": PRESS_NOTE,
        "answer": consultation,
        "sources": consultation.finding.candidates[:SHOWN_SOURCES],
        "conditions": conditions,
        "routine_query": routine_query(consultation, text),
    }
    return _results(request, context, 200)


def _results(request: Request, context: dict[str, Any], status: int) -> HTMLResponse:
    return render(
        request, "map.html", context, fragment="_find_results.html", status_code=status
    )


def parse_spots(spots: Iterable[str]) -> tuple[list[str], str | None]:
    """Split "calf:left" style values into region ids and one side (or both)."""
    regions: list[str] = []
    sides: set[str] = set()
    for value in spots:
        region, _, side = value.partition(":")
        if region and region not in regions:
            regions.append(region)
        if side in ("left", "right"):
            sides.add(side)
    if len(sides) == 2:
        return regions, "both"
    return regions, next(iter(sides), None)


def routine_query(answer: Consultation, text: str) -> str | None:
    """Return the routine builder's query for the top sources, or None on stop."""
    targets = answer.routine_targets()
    if not targets:
        return None
    params: list[tuple[str, str]] = [("target", t) for t in targets]
    if answer.finding.side in ("left", "right"):
        params.append(("side", answer.finding.side))
    if text.strip():
        params.append(("text", text.strip()))
    return urlencode(params)


# -- safety questionnaire -----------------------------------------------------


@router.get("/safety", response_class=HTMLResponse)
def safety_form(request: Request, journal: JournalDep) -> HTMLResponse:
    """Ask about conditions and warning signs."""
    person = journal.profile()
    return render(
        request, "safety.html", _questionnaire(person.conditions, person.cleared)
    )


@router.post("/safety", response_class=HTMLResponse)
def safety_answers(
    request: Request,
    core: KnotworkDep,
    condition: Annotated[list[str] | None, Form()] = None,
    cleared: Annotated[list[str] | None, Form()] = None,
    answer: Annotated[list[str] | None, Form()] = None,
    text: Annotated[str, Form(max_length=MAX_TEXT_CHARS)] = "",
) -> HTMLResponse:
    """Save the conditions to the profile and explain the verdict."""
    kb = load_kb()
    known = [c.id for c in kb.conditions]
    conditions = [c for c in known if c in set(condition or [])]
    cleared_ids = [c for c in conditions if c in set(cleared or [])]
    unknown = set(condition or []) - set(known)
    if unknown:
        context = _questionnaire(conditions, cleared_ids)
        context["error"] = f"Unknown condition: {', '.join(sorted(unknown))}."
        return render(request, "safety.html", context, status_code=422)
    core.journal.set_conditions(conditions, cleared_ids)
    yes = dict.fromkeys(answer or [], True)
    try:
        result = core.check(text, answers=yes)
    except UnknownId as error:
        context = _questionnaire(conditions, cleared_ids)
        context["error"] = f"{error}."
        return render(request, "safety.html", context, status_code=422)
    context = _questionnaire(conditions, cleared_ids)
    context |= {"result": result, "answers": answer or [], "text": text, "saved": True}
    return render(request, "safety.html", context, fragment="_safety_verdict.html")


def _questionnaire(conditions: list[str], cleared: list[str]) -> dict[str, Any]:
    kb = load_kb()
    return {
        "page": "safety",
        "all_conditions": [c for c in kb.conditions if c.id not in SCREEN_OWNED],
        "all_questions": list(screening_questions().values()),
        "conditions": conditions,
        "cleared": cleared,
    }
