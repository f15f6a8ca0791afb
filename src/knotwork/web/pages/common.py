"""What every page shares: the templates, the names of things, the verdict words."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from knotwork.domain.names import AREA_WORDS, name_of, short_name
from knotwork.domain.safety.verdict import HEADLINES
from knotwork.kb.loader import load_kb
from knotwork.web.ball_pictures import ball_picture
from knotwork.web.bodymap import PART_OF, PARTS
from knotwork.web.figure import figure_defs
from knotwork.web.placement.picture import placement_picture
from knotwork.web.placement.techniques import (
    first_technique,
    step_technique,
    technique_id,
    techniques,
)
from knotwork.web.referral import referral_map

WEB = Path(__file__).resolve().parent.parent
TEMPLATES = WEB / "templates"
STATIC = WEB / "static"
# The headline is the domain's, word for word: the CLI and the API say the same.
VERDICT_HEADLINES = HEADLINES
VERDICT_MEANINGS = {
    "ok": "Nothing you told us limits ball work so far. Keep the pressure at 5-6/10.",
    "modify": "Ball work is fine with care: a softer or larger ball, lighter "
    "pressure, shorter holds, and the areas marked below left alone.",
    "clinician_first": "Something you told us needs a clinician's view before deep "
    "pressure. Until you are cleared, keep to gentle movement; any ball advice "
    "here is for after that.",
    "stop": "A warning sign means self-treatment is not safe now. Follow the "
    "advice below; no routine is offered.",
}
SIDES = ("left", "right", "both")


@cache
def area_options() -> tuple[tuple[str, str], ...]:
    """Return (id, label) for every muscle and region, for pickers."""
    kb = load_kb()
    regions = [(r.id, f"{short_name(r.id)} (area)") for r in kb.regions]
    muscles = [(m.id, m.name) for m in kb.muscles]
    return tuple(sorted(regions + muscles, key=lambda item: item[1].lower()))


@cache
def area_groups() -> tuple[tuple[str, tuple[tuple[str, str], ...]], ...]:
    """Return pickers' options grouped by body part: plain areas, then muscles."""
    kb = load_kb()
    groups = []
    for part, title in PARTS:
        areas = [
            (r.id, r.name[:1].upper() + r.name[1:])
            for r in kb.regions
            if PART_OF[r.id] == part
        ]
        muscles = sorted(
            (m.id, f"{m.name} (muscle)")
            for m in kb.muscles
            if PART_OF[m.regions[0]] == part
        )
        groups.append((title, tuple(areas + sorted(muscles, key=lambda o: o[1]))))
    return tuple(groups)


def make_templates() -> Jinja2Templates:
    """Build the Jinja2 environment with the helpers every template uses."""
    templates = Jinja2Templates(directory=str(TEMPLATES))
    env = templates.env
    env.globals |= {
        "verdict_headlines": VERDICT_HEADLINES,
        "verdict_meanings": VERDICT_MEANINGS,
        "area_words": AREA_WORDS,
        "name_of": name_of,
        "short_name": short_name,
        "area_options": area_options,
        "area_groups": area_groups,
        "figure_defs": figure_defs,
        "ball_picture": ball_picture,
        "referral_map": referral_map,
        "placement_picture": placement_picture,
        "technique_ids": techniques(),
        "first_technique": first_technique,
        "first_trigger_point": first_trigger_point,
        "technique_id": technique_id,
        "step_technique": step_technique,
    }
    env.filters["minutes"] = _minutes
    env.filters["sentence"] = _sentence
    env.filters["keep_off_name"] = keep_off_name
    return templates


def first_trigger_point(muscle_id: str) -> str:
    """Return where a muscle's first trigger point lies, in words."""
    return load_kb().muscle(muscle_id).trigger_points[0].location


def keep_off_name(keep_off_id: str) -> str:
    """Return the plain words for a keep-off area."""
    return {k.id: k.name for k in load_kb().keep_off}.get(keep_off_id, keep_off_id)


def _minutes(seconds: float) -> str:
    whole = int(round(seconds))
    return f"{whole // 60}:{whole % 60:02d}"


def _sentence(text: str) -> str:
    """End a phrase with exactly one full stop."""
    return text.rstrip().rstrip(".") + "."


def render(
    request: Request,
    template: str,
    context: dict[str, Any],
    *,
    fragment: str | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    """Render a page, or only its fragment when htmx asked for it."""
    templates: Jinja2Templates = request.app.state.page_templates
    headers = request.headers
    # A history restore (back button, cache miss) needs the whole page again.
    restoring = headers.get("HX-History-Restore-Request") == "true"
    if fragment and headers.get("HX-Request") == "true" and not restoring:
        template = fragment
    response: HTMLResponse = templates.TemplateResponse(
        request, template, context, status_code=status_code
    )
    return response
