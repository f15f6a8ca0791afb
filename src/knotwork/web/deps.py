"""Dependencies shared by the API routes and the pages: settings, the core, the journal.

Routes declare what they need with these ``Annotated`` aliases, e.g.
``def history(journal: JournalDep) -> ...``; nothing is opened at import time.

The app keeps one ``Knotwork`` on ``app.state.knotwork``; it opens the journal
(one engine and its connection pool) on the first request that needs it and
keeps it until shutdown. Opening one per request would pay for a new engine,
SQLite's set-up pragmas, a schema check and recompiling every SQL statement
each time: about 5 ms, a tenth of the API's latency budget.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated

from fastapi import Depends, FastAPI, Request
from starlette.concurrency import run_in_threadpool

from knotwork.config import Settings
from knotwork.services.core import Knotwork
from knotwork.services.journal import Journal


async def get_settings(request: Request) -> Settings:
    """Return the Settings the app was built with."""
    settings: Settings = request.app.state.settings
    return settings


SettingsDep = Annotated[Settings, Depends(get_settings)]


async def get_knotwork(request: Request) -> Knotwork:
    """Return the app's one core object."""
    core: Knotwork = request.app.state.knotwork
    return core


KnotworkDep = Annotated[Knotwork, Depends(get_knotwork)]


async def get_journal(request: Request) -> Journal:
    """Return the app's journal, opening (and migrating) it on first use."""
    core: Knotwork = request.app.state.knotwork
    # Opening may migrate the schema: never on the event loop.
    return await run_in_threadpool(lambda: core.journal)


JournalDep = Annotated[Journal, Depends(get_journal)]


@asynccontextmanager
async def journal_lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Close the app's journal, if it was opened, when the server stops."""
    try:
        yield
    finally:
        core: Knotwork = app.state.knotwork
        core.close()
