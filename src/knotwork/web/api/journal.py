"""Sessions, pain and range-of-motion entries, history and the profile.

Reads are quick and CPU-bound, so they run on the event loop (async def);
writes wait on fsync and on SQLite's write lock, so they run in FastAPI's
worker threads (plain def) and never stall other requests.
"""

from __future__ import annotations

from fastapi import APIRouter, HTTPException
from starlette.concurrency import run_in_threadpool

from knotwork.domain.journal.records import (
    OwnedBall,
    PainEntry,
    Profile,
    RomEntry,
    SessionRecord,
    StepRecord,
    StopEvent,
)
from knotwork.domain.safety.health_facts import read_screen
from knotwork.kb.record import asdict
from knotwork.services.health import health_view
from knotwork.services.journal import History
from knotwork.services.journal_checks import aware, start_of_day
from knotwork.web.deps import JournalDep
from knotwork.web.fields import Day
from knotwork.web.journal_schemas import (
    HealthScreenAnswers,
    HealthScreenPublic,
    PainCreate,
    PainLoggedPublic,
    ProfileUpdate,
    RomCreate,
    RomLoggedPublic,
    SessionCreate,
)
from knotwork.web.schemas import CreatedId, Problem


def routes() -> APIRouter:
    """Return the journal, session and profile routes."""
    router = APIRouter(tags=["journal"])
    router.post("/sessions", status_code=201, response_model=CreatedId)(save_session)
    router.get("/sessions", response_model=list[SessionRecord])(sessions)
    router.get(
        "/sessions/{session_id}",
        response_model=SessionRecord,
        responses={404: {"model": Problem}},
    )(session)
    router.post("/journal/pain", status_code=201, response_model=PainLoggedPublic)(
        log_pain
    )
    router.post("/journal/rom", status_code=201, response_model=RomLoggedPublic)(
        log_rom
    )
    router.get("/journal/history", response_model=History)(history)
    router.get("/profile", response_model=Profile, tags=["profile"])(profile)
    router.put("/profile", response_model=Profile, tags=["profile"])(replace_profile)
    router.get("/profile/health", response_model=HealthScreenPublic, tags=["profile"])(
        health_screen
    )
    router.put("/profile/health", response_model=HealthScreenPublic, tags=["profile"])(
        answer_health_screen
    )
    return router


def save_session(body: SessionCreate, journal: JournalDep) -> dict[str, str]:
    """Keep a guided session, finished or stopped; saving an id again replaces it."""
    stop = body.stop
    record = SessionRecord(
        id=body.id,
        routine=body.routine,
        started_at=body.started_at,
        ended_at=body.ended_at,
        steps=[StepRecord(**step.model_dump()) for step in body.steps],
        pain_before=dict(body.pain_before),
        pain_after=dict(body.pain_after),
        retest=body.retest,
        retest_ease=body.retest_ease,
        stop=None if stop is None else StopEvent(**stop.model_dump()),
        completed=body.completed,
    )
    journal.save_session(record)
    return {"id": record.id}


async def sessions(
    journal: JournalDep, since: Day | None = None
) -> list[SessionRecord]:
    """List guided sessions, oldest first, optionally from a day on."""
    return journal.sessions(since=None if since is None else start_of_day(since))


async def session(session_id: str, journal: JournalDep) -> SessionRecord:
    """Show one guided session."""
    found = journal.session(session_id)
    if found is None:
        raise HTTPException(404, f"no session '{session_id}'")
    return found


def log_pain(body: PainCreate, journal: JournalDep) -> dict[str, object]:
    """Log how much a spot hurts, 0-10; several entries a day are fine."""
    entry = PainEntry(
        spot=body.spot,
        pain=body.pain,
        at=aware(body.at or journal.clock()),
        side=body.side,
        activity=body.activity,
        note=body.note,
    )
    return {"id": journal.log_pain(entry), **asdict(entry)}


def log_rom(body: RomCreate, journal: JournalDep) -> dict[str, object]:
    """Log a range-of-motion re-test, in degrees or as a 0-10 ease rating."""
    entry = RomEntry(
        movement=body.movement,
        at=aware(body.at or journal.clock()),
        degrees=body.degrees,
        ease=body.ease,
        side=body.side,
        spot=body.spot,
        note=body.note,
        session_id=body.session_id,
        phase=body.phase,
    )
    return {"id": journal.log_rom(entry), **asdict(entry)}


async def history(
    journal: JournalDep, spot: str | None = None, since: Day | None = None
) -> History:
    """List pain, re-tests and sessions, oldest first (`knotwork history --json`)."""
    return journal.history(spot=spot, since=since)


async def profile(journal: JournalDep) -> Profile:
    """Show conditions, tolerance, balls, positions and training days."""
    return journal.profile()


def replace_profile(body: ProfileUpdate, journal: JournalDep) -> Profile:
    """Replace the whole profile; it is checked before anything is stored.

    The health screen has its own route and is kept as it is.
    """
    return journal.change_profile(lambda old: _profile_of(body, old))


def _profile_of(body: ProfileUpdate, old: Profile) -> Profile:
    return Profile(
        health=old.health,
        conditions=list(body.conditions),
        cleared=list(body.cleared),
        tolerance=body.tolerance,
        experience=body.experience,
        balls=[OwnedBall(b.ball, b.purchased) for b in body.balls],
        positions=list(body.positions),
        training_days=list(body.training_days),
    )


async def health_screen(journal: JournalDep) -> dict[str, object]:
    """Show the health screen's answers, what they mean today, and its questions."""
    return health_view(await run_in_threadpool(journal.profile))


def answer_health_screen(
    body: HealthScreenAnswers, journal: JournalDep
) -> dict[str, object]:
    """Answer the health screen (the same questions as `knotwork profile health`)."""
    answers = {k: v for k, v in body.model_dump().items() if v}
    return health_view(journal.set_health(read_screen(answers)))
