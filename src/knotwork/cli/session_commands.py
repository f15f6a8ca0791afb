"""`knotwork session`: a guided, timed session in the terminal."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from knotwork.cli import routine_options as opts
from knotwork.cli.grammar import arg, command, finite
from knotwork.cli.output import emit_json, fail, jsonable

if TYPE_CHECKING:
    from knotwork.services.core import Knotwork


@command(
    *opts.SHARED,
    opts.PROFILE,
    opts.NO_PROFILE,
    arg("--plain", action="store_true", help="Plain lines, no TTY needed (pipes, CI)."),
    arg(
        "--speed",
        type=finite,
        default=1.0,
        help="Run time faster, e.g. 60 for tests (0.1 to 1000).",
    ),
    arg(
        "--json", dest="as_json", action="store_true", help="Print the session record."
    ),
)
def session(
    core: Knotwork,
    name: str | None,
    target: list[str] | None,
    minutes: float | None,
    context: str | None,
    have: list[str] | None,
    condition: list[str] | None,
    cleared: bool,
    side: str | None,
    use_profile: bool,
    plain: bool,
    speed: float,
    as_json: bool,
) -> None:
    """Run a routine step by step with a countdown and a breathing pacer.

    Keys: p pause, s skip, b back, x stop - something's wrong.
    Example: knotwork session between_meetings
    """
    from rich.console import Console

    from knotwork.cli.render_routine import print_routine
    from knotwork.cli.session_runner import run_session
    from knotwork.domain.limits import MAX_SPEED, MIN_SPEED
    from knotwork.domain.routines.build import RoutineError
    from knotwork.domain.safety.verdict import UnknownId

    if not MIN_SPEED <= speed <= MAX_SPEED:
        fail(f"--speed must be from {MIN_SPEED:g} to {MAX_SPEED:g}.")
    if not name and not target:
        name = "between_meetings"
    try:
        routine = core.routine(
            name,
            target or [],
            use_profile=use_profile,
            minutes=minutes,
            context=context,
            have=have or [],
            conditions=condition or [],
            cleared=cleared,
            side=side,
        )
    except (RoutineError, UnknownId) as exc:
        fail(f"{exc}.", "See: knotwork routine --list")
    if not routine.steps:
        print_routine(routine, sys.stderr if as_json else None)
        return
    out = Console(highlight=False, stderr=as_json)
    record = run_session(routine, plain, speed, out)
    # Saved even when interrupted: a stop event is exactly what to remember.
    core.save_session(record)
    if as_json:
        emit_json(jsonable(record))
    else:
        out.print("[dim]Saved to your journal.[/]")


COMMANDS = (session,)
