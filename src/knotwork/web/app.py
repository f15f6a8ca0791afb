"""The ASGI app factory: REST API under /api/v1 plus the server-rendered pages."""

from __future__ import annotations

from fastapi import FastAPI
from starlette.middleware.gzip import GZipMiddleware

from knotwork.config import Settings


def create_app(settings: Settings) -> FastAPI:
    """Build the web app for one Settings object; nothing is created at import."""
    from knotwork.web.api import router as api
    from knotwork.web.errors import install_problem_handlers
    from knotwork.web.pages import router as pages

    app = FastAPI(
        title="knotwork",
        version="1",
        summary="Trigger-point self-care: find, check, choose, plan, do, log, learn.",
        openapi_url="/openapi.json",
    )
    app.state.settings = settings
    # Compressed responses keep the session player page well under 150 KB.
    app.add_middleware(GZipMiddleware, minimum_size=1024)
    install_problem_handlers(app)
    app.include_router(api.build(), prefix="/api/v1")
    pages.mount(app)
    return app
