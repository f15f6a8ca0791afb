"""`knotwork serve`: the web app and REST API on uvicorn, over the same journal."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from knotwork.cli.output import fail
from knotwork.store.private import TOKEN_FILE

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
    allow_host: Annotated[
        list[str] | None,
        typer.Option(
            help="Another host name to answer for, e.g. a reverse proxy's public "
            "name (repeatable). Needs KNOTWORK_ACCESS_TOKEN."
        ),
    ] = None,
) -> None:
    """Serve the web app and the REST API (under /api/v1) on this machine.

    Open the printed address in a browser; the API is described at /docs.
    Scripts send the printed access token: 'Authorization: Bearer TOKEN'.
    Serving beyond this machine (a non-loopback --host, or --allow-host)
    needs KNOTWORK_ACCESS_TOKEN set, and then every request must carry it.
    Example: knotwork serve --port 8000
    """
    settings = _checked_settings()
    import uvicorn

    from knotwork.web.app import access_token, create_app
    from knotwork.web.security import Gate

    extra = [name for name in allow_host or [] if name.strip()]
    remote = Gate.for_server(str, host, port, extra).remote
    if remote and not settings.access_token:
        # Health data and no accounts: reachable by others only with a token.
        fail(
            f"serving on {host} (or for other host names) would let other machines "
            "reach your journal: set KNOTWORK_ACCESS_TOKEN first",
            "Make one with: python3 -c 'import secrets; "
            "print(secrets.token_urlsafe(32))'",
        )
    app = create_app(settings, host=host, port=port, allowed_hosts=extra)
    try:
        token = access_token(settings)
    except OSError as error:
        fail(f"cannot keep the access token in {settings.home}: {error.strerror}")
    shown = f"[{host}]" if ":" in host else host
    typer.echo(f"knotwork is running at http://{shown}:{port}/  (Ctrl+C stops it)")
    if settings.access_token:
        typer.echo("Scripts: send 'Authorization: Bearer $KNOTWORK_ACCESS_TOKEN'.")
    else:
        typer.echo(
            f"Scripts: send 'Authorization: Bearer {token}' "
            f"(kept in {settings.home / TOKEN_FILE})."
        )
    if remote:
        typer.echo(
            f"Listening on {host}: every request must carry the access token.",
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
