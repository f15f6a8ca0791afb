"""`knotwork session`: a guided, timed session in the terminal."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

import typer

from knotwork.cli import routine_options as opts
from knotwork.cli.output import emit_json, fail


def register(app: typer.Typer) -> None:
    """Add the session command to the app."""
    app.command()(session)


def session(
    name: opts.RoutineName = None,
    target: opts.Targets = None,
    minutes: opts.Minutes = None,
    context: opts.Context = None,
    have: opts.Have = None,
    condition: opts.Conditions = None,
    cleared: opts.Cleared = False,
    side: opts.Side = None,
    use_profile: opts.UseProfile = True,
    plain: Annotated[
        bool, typer.Option("--plain", help="Plain lines, no TTY needed (pipes, CI).")
    ] = False,
    speed: Annotated[
        float,
        typer.Option(
            help="Run time faster, e.g. 60 for tests (0.1 to 1000).",
            callback=opts.finite,
        ),
    ] = 1.0,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the session record.")
    ] = False,
) -> None:
    """Run a routine step by step with a countdown and a breathing pacer.

    Keys: p pause, s skip, b back, x stop - something's wrong.
    Example: knotwork session between_meetings
    """
    from rich.console import Console

    from knotwork.cli.journal_commands import saved_profile
    from knotwork.cli.render_routine import print_routine
    from knotwork.cli.session_runner import run_session
    from knotwork.domain.limits import MAX_SPEED, MIN_SPEED
    from knotwork.domain.routines import RoutineError
    from knotwork.domain.safety import UnknownId
    from knotwork.services.routines import make_routine

    if not MIN_SPEED <= speed <= MAX_SPEED:
        fail(f"--speed must be from {MIN_SPEED:g} to {MAX_SPEED:g}.")
    if not name and not target:
        name = "between_meetings"
    try:
        routine = make_routine(
            name=name,
            targets=target or [],
            minutes=minutes,
            context=context,
            have=have or [],
            conditions=condition or [],
            cleared=cleared,
            side=side,
            profile=saved_profile() if use_profile else None,
        )
    except (RoutineError, UnknownId) as exc:
        fail(f"{exc}.", "See: knotwork routine --list")
    out = Console(highlight=False, stderr=as_json)
    if not routine.steps:
        print_routine(routine, out)
        return
    record = run_session(routine, plain, speed, out)
    from knotwork.cli.journal_commands import opened_journal

    # Saved even when interrupted: a stop event is exactly what to remember.
    with opened_journal() as journal:
        journal.save_session(record)
    if as_json:
        emit_json(_jsonable(asdict(record)))
    else:
        out.print("[dim]Saved to your journal.[/]")


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value
