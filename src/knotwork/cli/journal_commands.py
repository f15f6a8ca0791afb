"""`knotwork log`, `history` and `forget`: the journal, from the shell.

The database layer is imported when the core first opens the journal, never
at module level, so `knotwork where` and `check` stay free of SQLAlchemy.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from knotwork.cli import profile_commands
from knotwork.cli.consult_commands import JSON
from knotwork.cli.grammar import Group, arg, command, finite, whole
from knotwork.cli.output import confirm, echo, emit_json, fail, jsonable

if TYPE_CHECKING:
    from knotwork.services.core import Knotwork

SIDE = arg("--side", help="left, right, both or centre.")
AT = arg("--at", help="When: YYYY-MM-DD or 'YYYY-MM-DD HH:MM' (default: now).")
NOTE = arg("--note", help="Anything else.")
DECLINED = 1


def _local(moment: datetime) -> str:
    return moment.astimezone().strftime("%a %Y-%m-%d %H:%M")


def _moment(at: str | None) -> datetime:
    from knotwork.services.journal_checks import parse_moment

    now = datetime.now(UTC)
    return now if at is None else parse_moment(at, now)


@command(
    arg("spot", metavar="SPOT", help="A muscle or region: an id, a name or a word."),
    arg("pain", metavar="PAIN", type=whole(), help="How much it hurts, 0-10."),
    SIDE,
    AT,
    arg("--activity", help="What you were doing."),
    NOTE,
    JSON,
    group="log",
    name="pain",
)
def log_pain(
    core: Knotwork,
    spot: str,
    pain: int,
    side: str | None,
    at: str | None,
    activity: str | None,
    note: str | None,
    as_json: bool,
) -> None:
    """Log how much a spot hurts, 0-10; several entries a day are fine.

    Example: knotwork log pain upper_trapezius 6 --side left --activity desk
    """
    from knotwork.domain.journal.records import PainEntry
    from knotwork.domain.names import name_of

    journal = core.journal
    spot = journal.resolve_spot(spot)
    entry = PainEntry(
        spot=spot, pain=pain, at=_moment(at), side=side, activity=activity, note=note
    )
    entry_id = journal.log_pain(entry)
    if as_json:
        emit_json({"id": entry_id, **jsonable(entry)})
        return
    where = f"{name_of(spot)} ({side})" if side else name_of(spot)
    echo(f"Logged pain {pain}/10 at {where}, {_local(entry.at)}.")


@command(
    arg("movement", metavar="MOVEMENT", help="The movement re-tested."),
    arg("--degrees", type=finite, help="Range reached, in degrees."),
    arg("--ease", type=whole(), help="How easy it felt, 0-10."),
    SIDE,
    arg("--spot", help="The muscle or region it tests."),
    AT,
    NOTE,
    arg(
        "--phase",
        choices=("before", "after"),
        help="before or after the ball work it re-tests.",
    ),
    JSON,
    group="log",
    name="rom",
)
def log_rom(
    core: Knotwork,
    movement: str,
    degrees: float | None,
    ease: int | None,
    side: str | None,
    spot: str | None,
    at: str | None,
    note: str | None,
    phase: str | None,
    as_json: bool,
) -> None:
    """Log a range-of-motion re-test, in degrees (0-180) or as a 0-10 ease rating.

    Example: knotwork log rom "neck rotation" --degrees 70 --side left --phase after
    """
    from knotwork.domain.journal.records import RomEntry

    if (degrees is None) == (ease is None):
        fail("give either --degrees or --ease, not both or neither")
    journal = core.journal
    entry = RomEntry(
        movement=movement,
        at=_moment(at),
        degrees=degrees,
        ease=ease,
        side=side,
        spot=None if spot is None else journal.resolve_spot(spot),
        note=note,
        phase=phase,
    )
    entry_id = journal.log_rom(entry)
    if as_json:
        emit_json({"id": entry_id, **jsonable(entry)})
        return
    measure = f"{degrees:g} degrees" if degrees is not None else f"ease {ease}/10"
    when = f" ({phase})" if phase else ""
    echo(f"Logged {movement}{when}: {measure}, {_local(entry.at)}.")


@command(
    arg("--spot", help="Only this muscle or region (id or words)."),
    arg("--since", help="Only from this day on (YYYY-MM-DD)."),
    JSON,
)
def history(core: Knotwork, spot: str | None, since: str | None, as_json: bool) -> None:
    """Show the pain entries, re-tests and sessions you have logged.

    Example: knotwork history --spot upper_trapezius --since 2025-03-01
    """
    from knotwork.services.journal_checks import parse_day

    found = core.history(spot, None if since is None else parse_day(since))
    if as_json:
        emit_json(jsonable(found))
        return
    from knotwork.cli.render_journal import print_history

    print_history(found)


@command(
    arg(
        "--all",
        dest="everything",
        action="store_true",
        help="Delete every entry, session and plan.",
    ),
    arg("--yes", action="store_true", help="Do not ask to confirm."),
)
def forget(core: Knotwork, everything: bool, yes: bool) -> int:
    """Delete everything knotwork has kept about you. This cannot be undone.

    Example: knotwork forget --all
    """
    if not everything:
        fail("say --all to delete everything knotwork keeps about you")
    question = "Delete your whole journal, profile and plans? This cannot be undone."
    if not yes and not confirm(question):
        echo("Nothing deleted.")
        return DECLINED
    core.forget_all()
    echo("Everything is deleted.")
    return 0


LOG = Group(
    "log",
    """Log pain or a range-of-motion re-test.

    Example: knotwork log pain calf 4""",
    (log_pain, log_rom),
)
COMMANDS = (LOG, history, profile_commands.PROFILE, forget)
