"""`knotwork routine`: built-in routines from the seeds, or a custom one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from knotwork.cli import routine_options as opts
from knotwork.cli.consult_commands import JSON
from knotwork.cli.grammar import arg, command
from knotwork.cli.output import echo, emit_json, fail

if TYPE_CHECKING:
    from knotwork.services.core import Knotwork

NOTHING_BUILT = 1


@command(
    *opts.SHARED,
    arg(
        "--position",
        action="append",
        metavar="POSITION",
        help="wall, floor, seated or handheld (repeatable).",
    ),
    opts.PROFILE,
    opts.NO_PROFILE,
    arg(
        "--where",
        metavar="TEXT",
        help="Describe the pain; the finder's top sources become targets.",
    ),
    arg(
        "--list", dest="list_", action="store_true", help="Name the built-in routines."
    ),
    JSON,
)
def routine(
    core: Knotwork,
    name: str | None,
    target: list[str] | None,
    minutes: float | None,
    context: str | None,
    have: list[str] | None,
    condition: list[str] | None,
    cleared: bool,
    side: str | None,
    position: list[str] | None,
    use_profile: bool,
    where: str | None,
    list_: bool,
    as_json: bool,
) -> int:
    """Build a safe, timed routine: a built-in one by NAME, or for --target muscles.

    Example: knotwork routine --target upper_trapezius --minutes 3 --have lacrosse
    """
    from knotwork.domain.routines.build import RoutineError
    from knotwork.domain.safety.verdict import UnknownId
    from knotwork.services.routines import list_routines

    if list_:
        names = list_routines()
        if as_json:
            emit_json(names)
        else:
            for rid, label in names.items():
                echo(f"{rid:<24} {label}")
        return 0
    if side not in (None, "left", "right"):
        fail("--side must be left or right.")
    try:
        result = core.routine(
            name,
            target or [],
            use_profile=use_profile,
            minutes=minutes,
            context=context,
            have=have or [],
            positions=position or [],
            conditions=condition or [],
            cleared=cleared,
            side=side,
            text=where or "",
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
    # Refused, or nothing fitted: the message says why.
    return 0 if result.steps else NOTHING_BUILT


COMMANDS = (routine,)
