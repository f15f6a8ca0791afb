"""An in-process client for the REST API over a fresh journal (see conftest's home)."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from starlette.exceptions import StarletteDeprecationWarning

from knotwork.config import Settings
from knotwork.web.app import access_token, create_app

# Starlette prefers the httpx2 fork for its test client; httpx works the same.
with warnings.catch_warnings():
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from fastapi.testclient import TestClient

API = "/api/v1"
PROBLEM = "application/problem+json"
# The server answers only for the names it was started for (not "testserver").
BASE_URL = "http://127.0.0.1"


def bearer(settings: Settings | None = None) -> dict[str, str]:
    """Return the Authorization header a script sends: the data folder's token."""
    return {"Authorization": f"Bearer {access_token(settings or Settings())}"}


def local_client(app: Any, **options: Any) -> TestClient:
    """Return a test client that talks to ``app`` as a script on this machine."""
    headers = {**bearer(app.state.settings), **options.pop("headers", {})}
    return TestClient(app, base_url=BASE_URL, headers=headers, **options)


@contextmanager
def api_client(**options: Any) -> Iterator[TestClient]:
    """Yield a client for an app built on the current KNOTWORK_HOME.

    It authenticates as a script does (bearer token), so state changes pass
    without a browser's CSRF token; tests/web/test_security.py attacks that.
    """
    with local_client(create_app(Settings()), **options) as client:
        yield client


def problem_of(response: Any, status: int) -> dict[str, Any]:
    """Return the problem document of an error response, checking its shape."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == PROBLEM
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    assert body["title"] and body["detail"] and body["type"]
    assert "Traceback" not in response.text
    return body


def cli_json(*args: str) -> Any:
    """Run a CLI command with --json on the same KNOTWORK_HOME; return its JSON."""
    from tests.cli.runner import invoke_json

    return invoke_json(*args)
