"""An in-process client for the REST API over a fresh journal (see conftest's home)."""

from __future__ import annotations

import json
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import typer
from starlette.exceptions import StarletteDeprecationWarning
from typer.testing import CliRunner

from knotwork.config import Settings
from knotwork.web.app import create_app

# Starlette prefers the httpx2 fork for its test client; httpx works the same.
with warnings.catch_warnings():
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from fastapi.testclient import TestClient

API = "/api/v1"
PROBLEM = "application/problem+json"


@contextmanager
def api_client(**options: Any) -> Iterator[TestClient]:
    """Yield a client for an app built on the current KNOTWORK_HOME."""
    with TestClient(create_app(Settings()), **options) as client:
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


def cli_json(register: Callable[[typer.Typer], None], *args: str) -> Any:
    """Run a CLI command with --json on the same KNOTWORK_HOME; return its JSON."""
    app = typer.Typer()
    # A callback keeps the command name needed even when it is the only one.
    app.callback()(lambda: None)
    register(app)
    result = CliRunner().invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)
