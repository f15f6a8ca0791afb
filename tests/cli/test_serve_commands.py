"""`knotwork serve`: builds the app from the settings and hands it to uvicorn."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import typer
import uvicorn
from fastapi import FastAPI
from typer.testing import CliRunner

from knotwork.cli import serve_commands


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Capture what would be served instead of starting a server."""
    calls: dict[str, Any] = {}

    def run(app: FastAPI, **options: Any) -> None:
        calls.update(options, app=app)

    monkeypatch.setattr(uvicorn, "run", run)
    return calls


def invoke(*args: str) -> Any:
    app = typer.Typer()
    app.callback()(lambda: None)
    serve_commands.register(app)
    return CliRunner().invoke(app, ["serve", *args])


def test_serve_defaults_to_this_machine_only(
    served: dict[str, Any], knotwork_home: Path
) -> None:
    result = invoke()
    assert result.exit_code == 0, result.output
    assert "http://127.0.0.1:8000/" in result.stdout
    assert served["host"] == "127.0.0.1" and served["port"] == 8000
    assert isinstance(served["app"], FastAPI)
    assert served["app"].state.settings.home == knotwork_home
    # The journal is opened (and migrated) before the first request.
    assert (knotwork_home / "knotwork.db").exists()


def test_serve_takes_a_host_and_port(served: dict[str, Any]) -> None:
    result = invoke("--host", "::1", "--port", "8765")
    assert "http://[::1]:8765/" in result.stdout
    assert (served["host"], served["port"]) == ("::1", 8765)
    assert "Warning" not in result.output


def test_serving_to_the_network_warns(served: dict[str, Any]) -> None:
    result = invoke("--host", "0.0.0.0")
    assert result.exit_code == 0
    assert "other machines read your journal" in result.stderr


def test_a_bad_port_is_refused(served: dict[str, Any]) -> None:
    assert invoke("--port", "70000").exit_code == 2
    assert served == {}


def test_a_bad_database_setting_is_a_message_not_a_traceback(
    served: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KNOTWORK_DATABASE_URL", "mysql://db")
    result = invoke()
    assert result.exit_code == 2
    assert "KNOTWORK_DATABASE_URL: unsupported database 'mysql'" in result.stderr
    assert "Traceback" not in result.output
    assert served == {}
