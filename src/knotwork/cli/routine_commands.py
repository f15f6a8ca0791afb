"""`knotwork routine`: built-in routines from the seeds, or a custom one."""

from __future__ import annotations

from typing import Annotated

import typer

from knotwork.cli.output import emit_json, fail


def register(app: typer.Typer) -> None:
    """Add the routine command to the app."""
    app.command()(routine)


def routine(
    name: Annotated[str | None, typer.Argument(help="A built-in routine id.")] = None,
    target: Annotated[
        list[str] | None, typer.Option("--target", "-t", help="Muscle or region id.")
    ] = None,
    minutes: Annotated[
        float | None, typer.Option(help="Time budget in minutes.")
    ] = None,
    context: Annotated[
        str | None,
        typer.Option(
            help="pre-workout, post-workout, rest-day, flare-up or desk-break."
        ),
    ] = None,
    have: Annotated[list[str] | None, typer.Option(help="A ball id you own.")] = None,
    position: Annotated[
        list[str] | None, typer.Option(help="wall, floor, seated or handheld.")
    ] = None,
    condition: Annotated[list[str] | None, typer.Option(help="A condition id.")] = None,
    cleared: Annotated[
        bool,
        typer.Option("--cleared", help="A clinician has cleared you for ball work."),
    ] = False,
    side: Annotated[str | None, typer.Option(help="left or right only.")] = None,
    use_profile: Annotated[
        bool,
        typer.Option(
            "--profile/--no-profile",
            help="Apply your saved conditions, balls and positions.",
        ),
    ] = True,
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
        return
    from knotwork.cli.render_routine import print_routine

    print_routine(result)
