"""The finder and the safety screen: `POST /where` and `POST /check`."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from knotwork.services.consult import consult, safety_json, screen
from knotwork.web.errors import InvalidRequest
from knotwork.web.schemas import (
    CheckCreate,
    ConsultationPublic,
    SafetyPublic,
    WhereCreate,
)


def routes() -> APIRouter:
    """Return the finder and safety routes."""
    router = APIRouter(tags=["finder"])
    router.post("/where", response_model=ConsultationPublic)(where)
    router.post("/check", response_model=SafetyPublic)(check)
    return router


async def where(body: WhereCreate) -> dict[str, Any]:
    """Rank the muscles likely to be sending the pain, safety verdict first.

    The answer is the same JSON as `knotwork where --json`.
    """
    if not body.text.strip() and not body.regions:
        raise InvalidRequest("tell me where it hurts, in words or regions", "text")
    answer = consult(
        body.text,
        body.regions,
        body.side,
        confirmed=body.confirmed,
        ruled_out=body.ruled_out,
    )
    if not answer.understood:
        raise InvalidRequest(
            f"I couldn't place '{body.text}' on the body; name a place such as "
            "'back of my head' or 'heel', or pick regions",
            "text",
        )
    return answer.to_json()


async def check(body: CheckCreate) -> dict[str, Any]:
    """Screen symptoms and conditions for red flags before any ball work.

    The answer is the same JSON as `knotwork check --json`.
    """
    if not body.text.strip() and not body.conditions and not body.areas:
        raise InvalidRequest("give symptoms, conditions or areas to check", "text")
    return safety_json(screen(body.text, body.conditions, body.areas))
