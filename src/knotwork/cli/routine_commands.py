"""`knotwork routine`: built-in routines from the seeds, or a custom one."""

from __future__ import annotations

from typing import Annotated

import typer

from knotwork.cli import routine_options as opts
from knotwork.cli.output import emit_json, fail


def register(app: typer.Typer) -> None:
    """Add the routine command to the app."""
    app.command()(routine)


def routine(
    name: opts.RoutineName = None,
    target: opts.Targets = None,
    minutes: opts.Minutes = None,
    context: opts.Context = None,
    have: opts.Have = None,
    position: Annotated[
        list[str] | None, typer.Option(help="wall, floor, seated or handheld.")
    ] = None,
    condition: opts.Conditions = None,
    cleared: opts.Cleared = False,
    side: opts.Side = None,
    use_profile: opts.UseProfile = True,
    where: Annotated[
        str | None,
        typer.Option(
            help="Describe the pain; the finder's top sources become targets."
        ),
    ] = None,
    list_: Annotated[
        bool, typer.Option("--list", help="Name the built-in routines.")
    ] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="Machine-readable output.")
    ] = False,
) -> None:
    """Build a safe, timed routine: a built-in one by NAME, or for --target muscles.

    Example: knotwork routine --target upper_trapezius --minutes 3 --have lacrosse
    """
    from knotwork.cli.journal_commands import saved_profile
    from knotwork.domain.routines import RoutineError
    from knotwork.domain.safety import UnknownId
    from knotwork.services.routines import list_routines, make_routine

    if list_:
        names = list_routines()
        if as_json:
            emit_json(names)
        else:
            for rid, label in names.items():
                typer.echo(f"{rid:<24} {label}")
        return
    if side not in (None, "left", "right"):
        fail("--side must be left or right.")
    try:
        result = make_routine(
            name=name,
            targets=target or [],
            minutes=minutes,
            context=context,
            have=have or [],
            positions=position or [],
            conditions=condition or [],
            cleared=cleared,
            side=side,
            text=where or "",
            profile=saved_profile() if use_profile else None,
        )
    except (RoutineError, UnknownId) as exc:
        fail(
            f"{exc}.", "See: knotwork routine --list, knotwork muscles, knotwork balls"
        )
    if as_json:
        emit_json(result.to_json())
    else:
        from knotwork.cli.render_routine import print_routine

        print_routine(result)
    if not result.steps:  # refused, or nothing fitted: the message says why
        raise typer.Exit(1)
