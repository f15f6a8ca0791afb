"""`knotwork serve`: the web app and REST API on uvicorn, over the same journal."""

from __future__ import annotations

import ipaddress
from typing import TYPE_CHECKING, Annotated

import typer

from knotwork.cli.output import fail

if TYPE_CHECKING:
    from knotwork.config import Settings

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def register(app: typer.Typer) -> None:
    """Add the serve command to the app."""
    app.command()(serve)


def serve(
    host: Annotated[
        str, typer.Option(help="Address to listen on; 127.0.0.1 keeps it private.")
    ] = DEFAULT_HOST,
    port: Annotated[
        int, typer.Option(min=1, max=65535, help="Port to listen on.")
    ] = DEFAULT_PORT,
) -> None:
    """Serve the web app and the REST API (under /api/v1) on this machine.

    Open the printed address in a browser; the API is described at /docs.
    Example: knotwork serve --port 8000
    """
    settings = _checked_settings()
    import uvicorn

    from knotwork.web.app import create_app

    app = create_app(settings)
    shown = f"[{host}]" if ":" in host else host
    typer.echo(f"knotwork is running at http://{shown}:{port}/  (Ctrl+C stops it)")
    if not _is_loopback(host):
        # Health data, no accounts: anyone who can reach the port can read it.
        typer.echo(
            f"Warning: listening on {host} lets other machines read your journal.",
            err=True,
        )
    uvicorn.run(app, host=host, port=port, log_level="warning")


def _checked_settings() -> Settings:
    """Read the settings and open the journal once, so problems show up now."""
    from pydantic import ValidationError

    from knotwork.config import Settings
    from knotwork.services.journal import JournalUnavailable, open_journal

    try:
        settings = Settings()
    except ValidationError as error:
        problem = error.errors()[0]
        where = "KNOTWORK_" + str(problem["loc"][0]).upper() if problem["loc"] else ""
        fail(f"{where}: {problem['msg'].removeprefix('Value error, ')}")
    try:
        # Also brings the schema up to date before any request arrives.
        open_journal(settings).close()
    except JournalUnavailable as error:
        fail(str(error))
    return settings


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
