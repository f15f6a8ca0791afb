"""Dependencies shared by the API routes and the pages: settings and the journal.

Routes declare what they need with these ``Annotated`` aliases, e.g.
``def history(journal: JournalDep) -> ...``; nothing is opened at import time.

The app keeps one journal (one engine and its connection pool) from the first
request until shutdown. Opening one per request would pay for a new engine,
SQLite's set-up pragmas, a schema check and recompiling every SQL statement
each time: about 5 ms, a tenth of the API's latency budget.
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated

from fastapi import Depends, FastAPI, Request
from starlette.concurrency import run_in_threadpool

from knotwork.config import Settings
from knotwork.services.journal import Journal, open_journal

_opening = threading.Lock()


async def get_settings(request: Request) -> Settings:
    """Return the Settings the app was built with."""
    settings: Settings = request.app.state.settings
    return settings


SettingsDep = Annotated[Settings, Depends(get_settings)]


async def get_journal(request: Request) -> Journal:
    """Return the app's journal, opening it (and migrating it) on first use."""
    journal: Journal | None = getattr(request.app.state, "journal", None)
    if journal is None:
        journal = await run_in_threadpool(_open_once, request.app)
    return journal


JournalDep = Annotated[Journal, Depends(get_journal)]


def _open_once(app: FastAPI) -> Journal:
    with _opening:
        journal: Journal | None = getattr(app.state, "journal", None)
        if journal is None:
            journal = open_journal(app.state.settings)
            app.state.journal = journal
        return journal


@asynccontextmanager
async def journal_lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Close the app's journal, if it was opened, when the server stops."""
    try:
        yield
    finally:
        journal: Journal | None = getattr(app.state, "journal", None)
        if journal is not None:
            app.state.journal = None
            journal.close()
