"""The ASGI app factory: REST API under /api/v1 plus the server-rendered pages."""

from __future__ import annotations

from collections.abc import Iterable

from fastapi import FastAPI
from starlette.middleware.gzip import GZipMiddleware

from knotwork.config import Settings
from knotwork.services.core import Knotwork

DEFAULT_HOST = "127.0.0.1"


def create_app(
    settings: Settings,
    *,
    host: str = DEFAULT_HOST,
    port: int | None = None,
    allowed_hosts: Iterable[str] = (),
    core: Knotwork | None = None,
) -> FastAPI:
    """Build the web app for one Settings object; nothing is created at import.

    ``host`` and ``port`` are what the server listens on: only those (and
    the loopback names, and ``allowed_hosts``, e.g. a reverse proxy's public
    name) are answered. A ``port`` of None accepts any port. ``core`` is
    the one ``Knotwork`` every route uses (`knotwork serve` passes its own);
    by default one is made for ``settings``.
    """
    from knotwork.web import docs
    from knotwork.web.api import router as api
    from knotwork.web.errors import install_problem_handlers
    from knotwork.web.pages import router as pages
    from knotwork.web.security import Gate, Guard

    app = FastAPI(
        title="knotwork",
        version="1",
        summary="Trigger-point self-care: find, check, choose, plan, do, log, learn.",
        openapi_url="/openapi.json",
        # Served from the package by knotwork.web.docs, never from a CDN.
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.knotwork = core or Knotwork(settings)
    # Compressed responses keep the session player page well under 150 KB.
    app.add_middleware(GZipMiddleware, minimum_size=1024)
    gate = Gate.for_server(lambda: access_token(settings), host, port, allowed_hosts)
    app.state.gate = gate
    # Added last, so it runs first: nothing reaches a route unchecked.
    app.add_middleware(Guard, gate=gate)
    install_problem_handlers(app)
    app.include_router(api.build(), prefix="/api/v1")
    pages.mount(app)
    docs.mount(app)
    return app


def access_token(settings: Settings) -> str:
    """Return the configured access token, else the data folder's own."""
    if settings.access_token:
        return settings.access_token
    from knotwork.store.private import read_or_create_token

    return read_or_create_token(settings.home)
