"""`knotwork serve`: builds the app from the settings and hands it to uvicorn."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import uvicorn
from fastapi import FastAPI

from tests.cli import runner


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Capture what would be served instead of starting a server."""
    calls: dict[str, Any] = {}

    def run(app: FastAPI, **options: Any) -> None:
        calls.update(options, app=app)

    monkeypatch.setattr(uvicorn, "run", run)
    return calls


def invoke(*args: str) -> runner.Result:
    return runner.invoke("serve", *args)


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


@pytest.mark.parametrize(
    "args",
    [
        ("--host", "0.0.0.0"),
        ("--host", "::"),
        ("--host", "192.168.1.20"),
        ("--allow-host", "knots.example.com"),
    ],
)
def test_serving_beyond_this_machine_needs_a_configured_token(
    served: dict[str, Any], args: tuple[str, str]
) -> None:
    result = invoke(*args)
    assert result.exit_code == 2
    assert "set KNOTWORK_ACCESS_TOKEN first" in result.stderr
    assert "Traceback" not in result.output
    assert served == {}


def test_with_a_token_the_network_server_starts_and_demands_it(
    served: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    token = "t" * 40
    monkeypatch.setenv("KNOTWORK_ACCESS_TOKEN", token)
    result = invoke("--host", "0.0.0.0", "--port", "8123")
    assert result.exit_code == 0, result.output
    assert "every request must carry the access token" in result.stderr
    assert token not in result.output  # a configured secret is never echoed
    gate = served["app"].state.gate
    assert gate.remote and gate.port == 8123


def test_a_short_access_token_is_refused(
    served: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KNOTWORK_ACCESS_TOKEN", "secret")
    result = invoke("--host", "0.0.0.0")
    assert result.exit_code == 2
    assert "at least 32" in result.stderr
    assert served == {}


def test_serve_prints_the_token_scripts_use(
    served: dict[str, Any], knotwork_home: Path
) -> None:
    result = invoke()
    token = (knotwork_home / "access-token").read_text().strip()
    assert len(token) >= 40
    assert f"Authorization: Bearer {token}" in result.stdout


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
