"""The Typer application: every command, thin, over the services."""

from __future__ import annotations

import typer

from knotwork.cli import (
    ball_commands,
    consult_commands,
    journal_commands,
    kb_commands,
    plan_commands,
    progress_commands,
    routine_commands,
    serve_commands,
    session_commands,
)

app = typer.Typer(
    name="knotwork",
    help="Find where a knot's pain comes from, check it is safe, and work it.\n\n"
    'Example: knotwork where "ache between my shoulder blades"',
    no_args_is_help=False,
    add_completion=False,
    rich_markup_mode=None,
)
consult_commands.register(app)
kb_commands.register(app)
routine_commands.register(app)
ball_commands.register(app)
plan_commands.register(app)
journal_commands.register(app)
progress_commands.register(app, journal=journal_commands.opened_journal)
session_commands.register(app)
serve_commands.register(app)


@app.callback(invoke_without_command=True)
def start(ctx: typer.Context) -> None:
    """Run with no command in a terminal to be guided through find -> check -> treat.

    Example: knotwork
    """
    if ctx.invoked_subcommand is None:
        from knotwork.cli.guided import guided_start

        guided_start()
