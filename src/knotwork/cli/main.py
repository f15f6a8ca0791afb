"""The `knotwork` command: a thin Typer shell over the services."""

from __future__ import annotations

import sys

import typer

from knotwork.cli import consult_commands, kb_commands

app = typer.Typer(
    name="knotwork",
    help="Find where a knot's pain comes from, check it is safe, and work it.",
    no_args_is_help=False,
    add_completion=False,
    rich_markup_mode=None,
)
consult_commands.register(app)
kb_commands.register(app)


@app.callback(invoke_without_command=True)
def start(ctx: typer.Context) -> None:
    """Run with no command in a terminal to be guided through find -> check -> treat.

    Example: knotwork
    """
    if ctx.invoked_subcommand is None:
        from knotwork.cli.guided import guided_start

        guided_start()


def run() -> None:
    """Console-script entry point: never let a traceback reach a person."""
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("\nStopped.\n")
        sys.exit(130)
