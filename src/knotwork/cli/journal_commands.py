"""`knotwork log`, `history`, `profile` and `forget`: the journal, from the shell.

The database layer is imported inside each command, never at module level,
so `knotwork where` and `check` stay free of SQLAlchemy.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, is_dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Annotated, Any

import typer

from knotwork.cli.output import emit_json, fail, plain
from knotwork.cli.routine_options import finite

if TYPE_CHECKING:
    from knotwork.domain.records import Profile
    from knotwork.services.journal import Journal

JSON_OPTION = typer.Option("--json", help="Machine-readable output.")
HINTS = {
    "unknown muscle or region": "See the ids with: knotwork muscles, knotwork regions",
    "unknown condition": "See the ids with: knotwork conditions",
}


def register(app: typer.Typer) -> None:
    """Add the journal commands to the app."""
    log_app = typer.Typer(
        help="Log pain or a range-of-motion re-test.",
        no_args_is_help=True,
        rich_markup_mode=None,
    )
    log_app.command("pain")(log_pain)
    log_app.command("rom")(log_rom)
    app.add_typer(log_app, name="log")
    app.command()(history)
    profile_app = typer.Typer(
        help="Show or change what knotwork knows about you.",
        no_args_is_help=True,
        rich_markup_mode=None,
    )
    for name, command in PROFILE_COMMANDS.items():
        profile_app.command(name)(command)
    app.add_typer(profile_app, name="profile")
    app.command()(forget)


def saved_profile() -> Profile:
    """Return the person's saved profile (defaults when nothing is saved)."""
    with opened_journal() as journal:
        return journal.profile()


@contextmanager
def opened_journal() -> Iterator[Journal]:
    """Open the configured journal, turning every known failure into a message.

    Also the journal opener for `progress`, `export` and `import`.
    """
    from pydantic import ValidationError

    from knotwork.config import Settings
    from knotwork.domain.records import InvalidRecord
    from knotwork.services.journal import JournalUnavailable, open_journal

    try:
        settings = Settings()
    except ValidationError as error:
        problem = error.errors()[0]
        where = "KNOTWORK_" + str(problem["loc"][0]).upper() if problem["loc"] else ""
        fail(f"{where}: {problem['msg'].removeprefix('Value error, ')}")
    try:
        journal = open_journal(settings)
    except JournalUnavailable as error:
        typer.echo(plain(f"knotwork: {error}"), err=True)
        raise typer.Exit(1) from None
    try:
        yield journal
    except InvalidRecord as error:
        message = str(error)
        hint = next((h for k, h in HINTS.items() if message.startswith(k)), None)
        fail(message, hint)
    finally:
        journal.close()


def _plain(value: Any) -> Any:
    """Turn records into JSON-ready data; moments in UTC, ISO 8601."""
    if is_dataclass(value) and not isinstance(value, type):
        return _plain(asdict(value))
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def _local(moment: datetime) -> str:
    return moment.astimezone().strftime("%a %Y-%m-%d %H:%M")


def _moment(at: str | None) -> datetime:
    from knotwork.services.journal_checks import parse_moment

    now = datetime.now(UTC)
    return now if at is None else parse_moment(at, now)


def log_pain(
    spot: Annotated[
        str, typer.Argument(help="A muscle or region: an id, a name or a word.")
    ],
    pain: Annotated[int, typer.Argument(help="How much it hurts, 0-10.")],
    side: Annotated[
        str | None, typer.Option(help="left, right, both or centre.")
    ] = None,
    at: Annotated[
        str | None, typer.Option(help="When: YYYY-MM-DD or 'YYYY-MM-DD HH:MM'.")
    ] = None,
    activity: Annotated[str | None, typer.Option(help="What you were doing.")] = None,
    note: Annotated[str | None, typer.Option(help="Anything else.")] = None,
    as_json: Annotated[bool, JSON_OPTION] = False,
) -> None:
    """Log how much a spot hurts, 0-10; several entries a day are fine.

    Example: knotwork log pain upper_trapezius 6 --side left --activity desk
    """
    from knotwork.domain.names import name_of
    from knotwork.domain.records import PainEntry

    with opened_journal() as journal:
        spot = journal.resolve_spot(spot)
        entry = PainEntry(
            spot=spot,
            pain=pain,
            at=_moment(at),
            side=side,
            activity=activity,
            note=note,
        )
        entry_id = journal.log_pain(entry)
    if as_json:
        emit_json({"id": entry_id, **_plain(entry)})
        return
    where = f"{name_of(spot)} ({side})" if side else name_of(spot)
    typer.echo(plain(f"Logged pain {pain}/10 at {where}, {_local(entry.at)}."))


def log_rom(
    movement: Annotated[str, typer.Argument(help="The movement re-tested.")],
    degrees: Annotated[
        float | None, typer.Option(help="Range reached, in degrees.", callback=finite)
    ] = None,
    ease: Annotated[int | None, typer.Option(help="How easy it felt, 0-10.")] = None,
    side: Annotated[
        str | None, typer.Option(help="left, right, both or centre.")
    ] = None,
    spot: Annotated[
        str | None, typer.Option(help="The muscle or region it tests.")
    ] = None,
    at: Annotated[
        str | None, typer.Option(help="When: YYYY-MM-DD or 'YYYY-MM-DD HH:MM'.")
    ] = None,
    note: Annotated[str | None, typer.Option(help="Anything else.")] = None,
    phase: Annotated[
        str | None,
        typer.Option(help="before or after the ball work it re-tests."),
    ] = None,
    as_json: Annotated[bool, JSON_OPTION] = False,
) -> None:
    """Log a range-of-motion re-test, in degrees (0-180) or as a 0-10 ease rating.

    Example: knotwork log rom "neck rotation" --degrees 70 --side left --phase after
    """
    from knotwork.domain.records import RomEntry

    if (degrees is None) == (ease is None):
        fail("give either --degrees or --ease, not both or neither")
    with opened_journal() as journal:
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
        emit_json({"id": entry_id, **_plain(entry)})
        return
    measure = f"{degrees:g} degrees" if degrees is not None else f"ease {ease}/10"
    when = f" ({phase})" if phase else ""
    typer.echo(plain(f"Logged {movement}{when}: {measure}, {_local(entry.at)}."))


def history(
    spot: Annotated[
        str | None, typer.Option(help="Only this muscle or region (id or words).")
    ] = None,
    since: Annotated[
        str | None, typer.Option(help="Only from this day on (YYYY-MM-DD).")
    ] = None,
    as_json: Annotated[bool, JSON_OPTION] = False,
) -> None:
    """Show the pain entries, re-tests and sessions you have logged.

    Example: knotwork history --spot upper_trapezius --since 2025-03-01
    """
    from knotwork.services.journal_checks import parse_day

    with opened_journal() as journal:
        day = None if since is None else parse_day(since)
        spot = None if spot is None else journal.resolve_spot(spot)
        found = journal.history(spot=spot, since=day)
    if as_json:
        emit_json(_plain(found))
        return
    from knotwork.cli.render_journal import print_history

    print_history(found)


def _profile_command(
    change: Callable[[Journal], Profile], as_json: bool, done: str | None = None
) -> None:
    with opened_journal() as journal:
        person = change(journal)
    if as_json:
        emit_json(_plain(person))
        return
    if done:
        typer.echo(done)
    from knotwork.cli.render_journal import print_profile

    print_profile(person)


def profile_show(as_json: Annotated[bool, JSON_OPTION] = False) -> None:
    """Show your conditions, tolerance, balls, positions and training days.

    Example: knotwork profile show
    """
    _profile_command(lambda j: j.profile(), as_json)


def profile_set(
    tolerance: Annotated[
        str | None, typer.Option(help="Pressure tolerance: low, medium or high.")
    ] = None,
    experience: Annotated[
        str | None, typer.Option(help="Ball-work experience: new, some or lots.")
    ] = None,
    as_json: Annotated[bool, JSON_OPTION] = False,
) -> None:
    """Set your pressure tolerance and experience.

    Example: knotwork profile set --tolerance low --experience new
    """
    if tolerance is None and experience is None:
        fail("give --tolerance, --experience or both")
    _profile_command(lambda j: j.set_preferences(tolerance, experience), as_json)


def profile_add_condition(
    condition: Annotated[str, typer.Argument(help="A condition id.")],
    cleared: Annotated[
        bool, typer.Option(help="A clinician has cleared you for ball work.")
    ] = False,
    as_json: Annotated[bool, JSON_OPTION] = False,
) -> None:
    """Record a health condition that changes what is safe.

    Example: knotwork profile add-condition anticoagulants
    """
    _profile_command(lambda j: j.add_condition(condition, cleared), as_json)


def profile_clear(
    condition: Annotated[str, typer.Argument(help="A condition id.")],
    as_json: Annotated[bool, JSON_OPTION] = False,
) -> None:
    """Mark a condition as cleared by your clinician.

    Example: knotwork profile clear osteoporosis
    """
    _profile_command(lambda j: j.clear_condition(condition), as_json)


def profile_remove_condition(
    condition: Annotated[str, typer.Argument(help="A condition id.")],
    as_json: Annotated[bool, JSON_OPTION] = False,
) -> None:
    """Remove a condition from your profile.

    Example: knotwork profile remove-condition recent_injury
    """
    _profile_command(lambda j: j.remove_condition(condition), as_json)


def profile_add_ball(
    ball: Annotated[str, typer.Argument(help="A ball id, e.g. lacrosse.")],
    purchased: Annotated[
        str | None, typer.Option(help="When you bought it (YYYY-MM-DD).")
    ] = None,
    as_json: Annotated[bool, JSON_OPTION] = False,
) -> None:
    """Record a ball you own; adding it again updates the purchase date.

    Example: knotwork profile add-ball lacrosse --purchased 2025-01-15
    """
    from knotwork.services.journal_checks import parse_day

    def add(journal: Journal) -> Profile:
        day = None if purchased is None else parse_day(purchased)
        return journal.add_ball(ball, day)

    _profile_command(add, as_json)


def profile_remove_ball(
    ball: Annotated[str, typer.Argument(help="A ball id.")],
    as_json: Annotated[bool, JSON_OPTION] = False,
) -> None:
    """Remove a ball from your profile.

    Example: knotwork profile remove-ball tennis
    """
    _profile_command(lambda j: j.remove_ball(ball), as_json)


def profile_positions(
    positions: Annotated[
        list[str], typer.Argument(help="wall, floor, seated and/or handheld.")
    ],
    as_json: Annotated[bool, JSON_OPTION] = False,
) -> None:
    """Set the positions you can use for ball work.

    Example: knotwork profile positions wall seated
    """
    _profile_command(lambda j: j.set_positions(positions), as_json)


def profile_train(
    days: Annotated[
        list[str] | None,
        typer.Argument(help="mon ... sun; give none to clear your training days."),
    ] = None,
    as_json: Annotated[bool, JSON_OPTION] = False,
) -> None:
    """Set the days you train, so plans fit around them.

    Example: knotwork profile train tue thu sat
    """
    _profile_command(lambda j: j.set_training_days(days or []), as_json)


def profile_health(
    age: Annotated[
        str | None,
        typer.Option(help="Your age, or band: under 16, 16 to 49, 50 or over."),
    ] = None,
    pregnant_weeks: Annotated[
        str | None, typer.Option(help="Weeks pregnant, or 'no'.")
    ] = None,
    gave_birth: Annotated[
        str | None,
        typer.Option(help="Date of a birth in the last 12 weeks (YYYY-MM-DD)."),
    ] = None,
    medicine: Annotated[
        list[str] | None,
        typer.Option(help="A medicine you take regularly; repeat for each."),
    ] = None,
    implant: Annotated[
        bool | None,
        typer.Option(help="You have a pacemaker, port, implant or pump."),
    ] = None,
    cleared: Annotated[
        bool | None,
        typer.Option(
            help="A clinician has cleared ball work in pregnancy or after birth."
        ),
    ] = None,
    as_json: Annotated[bool, JSON_OPTION] = False,
) -> None:
    """Answer the health screen: age, pregnancy or a recent birth, medicines, implants.

    With no options in a terminal, the questions are asked one by one. Weeks
    of pregnancy count on by themselves, so the answer stays right.

    Example: knotwork profile health --age 50+ --medicine warfarin --no-implant
    """
    from knotwork.cli.guided_screen import ask_health_screen, screen_answers

    given = {
        "age_band": age,
        "pregnant_weeks": pregnant_weeks,
        "gave_birth_on": gave_birth,
        "medicines": None if medicine is None else ", ".join(medicine),
        "implant": None if implant is None else ("yes" if implant else "no"),
        "cleared": None if cleared is None else ("yes" if cleared else "no"),
    }
    from knotwork.services.health import screen_answers_of

    changed = {k: v for k, v in given.items() if v is not None}
    if not changed:
        changed = ask_health_screen()

    def save(journal: Journal) -> Profile:
        # Options change only what they name; the rest keeps its saved answer.
        answers = screen_answers_of(journal.profile()) | changed
        return journal.set_health(screen_answers(answers))

    _profile_command(save, as_json, "Health screen saved.")


PROFILE_COMMANDS: dict[str, Callable[..., None]] = {
    "show": profile_show,
    "health": profile_health,
    "set": profile_set,
    "add-condition": profile_add_condition,
    "clear": profile_clear,
    "remove-condition": profile_remove_condition,
    "add-ball": profile_add_ball,
    "remove-ball": profile_remove_ball,
    "positions": profile_positions,
    "train": profile_train,
}


def forget(
    everything: Annotated[
        bool, typer.Option("--all", help="Delete every entry, session and plan.")
    ] = False,
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask to confirm.")] = False,
) -> None:
    """Delete everything knotwork has kept about you. This cannot be undone.

    Example: knotwork forget --all
    """
    if not everything:
        fail("say --all to delete everything knotwork keeps about you")
    question = "Delete your whole journal, profile and plans? This cannot be undone."
    if not yes and not typer.confirm(question, default=False):
        typer.echo("Nothing deleted.")
        raise typer.Exit(1)
    with opened_journal() as journal:
        journal.forget_all()
    typer.echo("Everything is deleted.")
