"""/docs (Swagger UI) and /redoc, served wholly from this machine.

The scripts and styles come from the pinned ``fastapi-offline`` package
(Swagger UI and ReDoc builds, with their licences); the pages themselves are
written here so they carry no inline script and no font or CDN link.
"""

from __future__ import annotations

from functools import cache
from html import escape
from pathlib import Path

import fastapi_offline
from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

ASSETS = Path(fastapi_offline.__file__).resolve().parent / "static"
ASSET_URL = "/docs-static"
REDOC_URL = "/docs-redoc.js"
# The one thing ReDoc fetches from elsewhere: its own logo, on its CDN.
REDOC_LOGO = b'"https://cdn.redoc.ly/redoc/logo-mini.svg"'
OWN_LOGO = b'"/static/icons/icon.svg"'

_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="csrf-token" content="{token}">
<title>{title}</title>
<link rel="icon" href="/static/icons/icon.svg" type="image/svg+xml">
{head}
</head>
<body>
{body}
</body>
</html>
"""


def mount(app: FastAPI) -> None:
    """Add /docs, /redoc and their assets to ``app``."""
    app.mount(ASSET_URL, StaticFiles(directory=ASSETS), name="docs-static")
    app.get("/docs", include_in_schema=False)(swagger)
    app.get("/redoc", include_in_schema=False)(redoc)
    app.get(REDOC_URL, include_in_schema=False)(redoc_script)


@cache
def _redoc_script() -> bytes:
    return (ASSETS / "redoc.standalone.js").read_bytes().replace(REDOC_LOGO, OWN_LOGO)


async def redoc_script() -> Response:
    """ReDoc's bundle, with its logo pointed here instead of at its CDN."""
    return Response(_redoc_script(), media_type="text/javascript")


def _token(request: Request) -> str:
    return escape(str(getattr(request.state, "csrf_token", "")))


async def swagger(request: Request) -> HTMLResponse:
    """Swagger UI: try the API from the browser, with this page's CSRF token."""
    return HTMLResponse(
        _PAGE.format(
            token=_token(request),
            title="knotwork API · Swagger UI",
            head=f'<link rel="stylesheet" href="{ASSET_URL}/swagger-ui.css">',
            body=(
                '<div id="swagger-ui"></div>\n'
                f'<script src="{ASSET_URL}/swagger-ui-bundle.js"></script>\n'
                '<script src="/static/docs.js"></script>'
            ),
        )
    )


async def redoc(request: Request) -> HTMLResponse:
    """ReDoc: the API reference to read."""
    return HTMLResponse(
        _PAGE.format(
            token=_token(request),
            title="knotwork API · ReDoc",
            head="",
            body=(
                '<redoc spec-url="/openapi.json"></redoc>\n'
                f'<script src="{REDOC_URL}"></script>'
            ),
        )
    )
