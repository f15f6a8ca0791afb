"""One page per muscle (where it sends pain, how to work it), and the More menu."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Path, Request
from fastapi.responses import HTMLResponse

from knotwork.kb.loader import load_kb
from knotwork.web.pages.common import render

router = APIRouter()


@router.get("/more", response_class=HTMLResponse)
def more(request: Request) -> HTMLResponse:
    """List the pages the phone's tab bar has no room for."""
    return render(request, "more.html", {"page": "more"})


@router.get("/muscles/{muscle_id}", response_class=HTMLResponse)
def muscle_page(
    request: Request,
    muscle_id: str = Path(max_length=64, pattern=r"^[a-z_]+$"),
    side: str = "right",
) -> HTMLResponse:
    """Show a muscle's referral map and a placement picture per technique."""
    kb = load_kb()
    if muscle_id not in {m.id for m in kb.muscles}:
        raise HTTPException(404, f"no muscle called '{muscle_id}'")
    muscle = kb.muscle(muscle_id)
    regions = {r.id: r.name for r in kb.regions}
    return render(
        request,
        "muscle.html",
        {
            "muscle": muscle,
            "regions": regions,
            "side": side if side in ("left", "right") else "right",
            "page": "muscle",
        },
    )
