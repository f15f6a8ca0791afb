"""What makes the pages an installable, offline-capable app: manifest and worker.

The service worker lives at the site root so its scope covers every page. Its
cache name carries a hash of the static files, so changing any of them makes
browsers fetch the new ones instead of serving stale copies.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache

from fastapi import APIRouter
from fastapi.responses import Response

from knotwork.web.pages.common import STATIC

router = APIRouter()
# Fetched when the worker installs, so the map and the player work offline
# even if the person has only opened another page so far.
PRECACHE = (
    "/",
    "/session",
    "/journal/offline",
    "/manifest.webmanifest",
    "/static/app.css",
    "/static/bodymap.js",
    "/static/player.js",
    "/static/retest.js",
    "/static/outbox.js",
    "/static/session_summary.js",
    "/static/journal_sync.js",
    "/static/app.js",
    "/static/alerts.js",
    "/static/boot.js",
    "/static/vendor/htmx/htmx.min.js",
    "/static/icons/icon.svg",
    "/static/icons/icon-192.png",
)
NO_CACHE = {"Cache-Control": "no-cache"}


@cache
def static_version() -> str:
    """Return a short hash of every static file."""
    digest = hashlib.sha256()
    for path in sorted(p for p in STATIC.rglob("*") if p.is_file()):
        digest.update(path.relative_to(STATIC).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


@cache
def worker_script() -> str:
    """Return the service worker with its version and precache list filled in."""
    source = (STATIC / "sw.js").read_text(encoding="utf-8")
    return source.replace('"__VERSION__"', json.dumps(static_version())).replace(
        '"__PRECACHE__"', json.dumps(list(PRECACHE))
    )


@router.get("/sw.js", include_in_schema=False)
def service_worker() -> Response:
    """Serve the service worker from the root, so it controls every page."""
    return Response(worker_script(), media_type="text/javascript", headers=NO_CACHE)


@router.get("/manifest.webmanifest", include_in_schema=False)
def manifest() -> Response:
    """Serve the web app manifest that makes knotwork installable."""
    body = (STATIC / "manifest.webmanifest").read_bytes()
    return Response(body, media_type="application/manifest+json", headers=NO_CACHE)
