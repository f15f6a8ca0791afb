"""`knotwork serve`: the web app and REST API on uvicorn, over the same journal."""

from __future__ import annotations

from typing import TYPE_CHECKING

from knotwork.cli.grammar import arg, command, whole
from knotwork.cli.output import echo, fail

if TYPE_CHECKING:
    from knotwork.services.core import Knotwork

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


@command(
    arg(
        "--host",
        default=DEFAULT_HOST,
        help="Address to listen on; 127.0.0.1 keeps it private.",
    ),
    arg(
        "--port", type=whole(1, 65535), default=DEFAULT_PORT, help="Port to listen on."
    ),
    arg(
        "--allow-host",
        action="append",
        metavar="NAME",
        help="Another host name to answer for, e.g. a reverse proxy's public "
        "name (repeatable). Needs KNOTWORK_ACCESS_TOKEN.",
    ),
)
def serve(core: Knotwork, host: str, port: int, allow_host: list[str] | None) -> None:
    """Serve the web app and the REST API (under /api/v1) on this machine.

    Open the printed address in a browser; the API is described at /docs.
    Scripts send the printed access token: 'Authorization: Bearer TOKEN'.
    Serving beyond this machine (a non-loopback --host, or --allow-host)
    needs KNOTWORK_ACCESS_TOKEN set, and then every request must carry it.
    Example: knotwork serve --port 8000
    """
    settings = core.settings
    # Brings the schema up to date, and shows any problem, before a request.
    core.journal  # noqa: B018
    import uvicorn

    from knotwork.store.private import TOKEN_FILE
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
    app = create_app(settings, host=host, port=port, allowed_hosts=extra, core=core)
    try:
        token = access_token(settings)
    except OSError as error:
        fail(f"cannot keep the access token in {settings.home}: {error.strerror}")
    shown = f"[{host}]" if ":" in host else host
    echo(f"knotwork is running at http://{shown}:{port}/  (Ctrl+C stops it)")
    if settings.access_token:
        echo("Scripts: send 'Authorization: Bearer $KNOTWORK_ACCESS_TOKEN'.")
    else:
        echo(
            f"Scripts: send 'Authorization: Bearer {token}' "
            f"(kept in {settings.home / TOKEN_FILE})."
        )
    if remote:
        echo(
            f"Listening on {host}: every request must carry the access token.",
            err=True,
        )
    uvicorn.run(app, host=host, port=port, log_level="warning")


COMMANDS = (serve,)
