"""The finder and the safety screen: `POST /where` and `POST /check`."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from starlette.concurrency import run_in_threadpool

from knotwork.domain.health_screen import HealthScreen
from knotwork.services.consult import consult, safety_json, screen
from knotwork.services.health import screen_of
from knotwork.services.journal import Journal
from knotwork.web.deps import JournalDep
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


async def screen_for(
    journal: Journal | None,
    use_profile: bool,
    conditions: list[str],
    answers: dict[str, bool],
) -> HealthScreen:
    """Return the saved health screen (unless refused) plus this request's."""
    base = HealthScreen()
    if use_profile and journal is not None:
        base = screen_of(await run_in_threadpool(journal.profile))
    return base.adding(conditions, answers)


async def where(body: WhereCreate, journal: JournalDep) -> dict[str, Any]:
    """Rank the muscles likely to be sending the pain, safety verdict first.

    The answer is the same JSON as `knotwork where --json`.
    """
    if not body.text.strip() and not body.regions:
        raise InvalidRequest("tell me where it hurts, in words or regions", "text")
    person = await screen_for(journal, body.use_profile, [], body.answers)
    answer = consult(
        body.text,
        body.regions,
        body.side,
        person,
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


async def check(body: CheckCreate, journal: JournalDep) -> dict[str, Any]:
    """Screen symptoms and conditions for red flags before any ball work.

    The answer is the same JSON as `knotwork check --json`.
    """
    if not (body.text.strip() or body.conditions or body.areas or body.answers):
        raise InvalidRequest("give symptoms, conditions or areas to check", "text")
    person = await screen_for(journal, body.use_profile, body.conditions, body.answers)
    return safety_json(screen(body.text, body.areas, person))
