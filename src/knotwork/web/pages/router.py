"""Attach the server-rendered pages, their templates and static files to the app."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from knotwork.web.pages import (
    balls,
    data,
    find,
    health,
    journal,
    muscles,
    plans,
    pwa,
    routines,
)
from knotwork.web.pages.common import STATIC, make_templates


def mount(app: FastAPI) -> None:
    """Add every page route, /static and the templates to ``app``."""
    app.state.page_templates = make_templates()
    pages = (find, health, balls, muscles, routines, plans, journal, data, pwa)
    for module in pages:
        app.include_router(module.router, include_in_schema=False)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
