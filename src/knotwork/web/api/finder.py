"""The finder and the safety screen: `POST /where` and `POST /check`."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from starlette.concurrency import run_in_threadpool

from knotwork.web.deps import KnotworkDep
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


async def where(body: WhereCreate, core: KnotworkDep) -> dict[str, Any]:
    """Rank the muscles likely to be sending the pain, safety verdict first.

    The answer is the same JSON as `knotwork where --json`.
    """
    if not body.text.strip() and not body.regions:
        raise InvalidRequest("tell me where it hurts, in words or regions", "text")
    answer = await run_in_threadpool(
        lambda: core.consult(
            body.text,
            body.regions,
            body.side,
            answers=body.answers,
            use_profile=body.use_profile,
            confirmed=body.confirmed,
            ruled_out=body.ruled_out,
        )
    )
    if not answer.understood:
        raise InvalidRequest(
            f"I couldn't place '{body.text}' on the body; name a place such as "
            "'back of my head' or 'heel', or pick regions",
            "text",
        )
    return answer.to_json()


async def check(body: CheckCreate, core: KnotworkDep) -> dict[str, Any]:
    """Screen symptoms and conditions for red flags before any ball work.

    The answer is the same JSON as `knotwork check --json`.
    """
    if not (body.text.strip() or body.conditions or body.areas or body.answers):
        raise InvalidRequest("give symptoms, conditions or areas to check", "text")
    result = await run_in_threadpool(
        lambda: core.check(
            body.text,
            body.conditions,
            body.areas,
            answers=body.answers,
            use_profile=body.use_profile,
        )
    )
    return result.to_json()
