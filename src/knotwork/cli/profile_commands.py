"""`knotwork profile ...`: show or change what knotwork knows about you."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from knotwork.cli.consult_commands import JSON
from knotwork.cli.grammar import Group, arg, command
from knotwork.cli.output import echo, emit_json, fail, jsonable

if TYPE_CHECKING:
    from knotwork.domain.journal.records import Profile
    from knotwork.services.core import Knotwork
    from knotwork.services.journal import Journal

CONDITION = arg("condition", metavar="ID", help="A condition id.")


def _show(person: Profile, as_json: bool, done: str | None = None) -> None:
    if as_json:
        emit_json(jsonable(person))
        return
    if done:
        echo(done)
    from knotwork.cli.render_journal import print_profile

    print_profile(person)


def _change(
    core: Knotwork, change: Callable[[Journal], Profile], as_json: bool
) -> None:
    _show(change(core.journal), as_json)


@command(JSON, group="profile", name="show")
def profile_show(core: Knotwork, as_json: bool) -> None:
    """Show your conditions, tolerance, balls, positions and training days.

    Example: knotwork profile show
    """
    _show(core.profile(), as_json)


@command(
    arg("--age", help="Your age, or band: under 16, 16 to 49, 50 or over."),
    arg("--pregnant-weeks", metavar="WEEKS", help="Weeks pregnant, or 'no'."),
    arg(
        "--gave-birth",
        metavar="DAY",
        help="Date of a birth in the last 12 weeks (YYYY-MM-DD).",
    ),
    arg(
        "--medicine",
        action="append",
        help="A medicine you take regularly; repeat for each.",
    ),
    arg(
        "--implant",
        action="store_true",
        default=None,
        help="You have a pacemaker, port, implant or pump.",
    ),
    arg(
        "--no-implant",
        dest="implant",
        action="store_false",
        help="You have no pacemaker, port, implant or pump.",
    ),
    arg(
        "--cleared",
        action="store_true",
        default=None,
        help="A clinician has cleared ball work in pregnancy or after birth.",
    ),
    arg(
        "--not-cleared",
        "--no-cleared",
        dest="cleared",
        action="store_false",
        help="No clinician has cleared it (yet).",
    ),
    JSON,
    group="profile",
    name="health",
)
def profile_health(
    core: Knotwork,
    age: str | None,
    pregnant_weeks: str | None,
    gave_birth: str | None,
    medicine: list[str] | None,
    implant: bool | None,
    cleared: bool | None,
    as_json: bool,
) -> None:
    """Answer the health screen: age, pregnancy or a recent birth, medicines, implants.

    With no options, the questions are asked one by one (on stderr, so --json
    output stays clean). Options change only what they name. Weeks of
    pregnancy count on by themselves, so the answer stays right.

    Example: knotwork profile health --age 50+ --medicine warfarin --no-implant
    """
    from knotwork.cli.guided_screen import ask_health_screen, screen_answers
    from knotwork.services.health import screen_answers_of

    given = {
        "age_band": age,
        "pregnant_weeks": pregnant_weeks,
        "gave_birth_on": gave_birth,
        "medicines": None if medicine is None else ", ".join(medicine),
        "implant": None if implant is None else ("yes" if implant else "no"),
        "cleared": None if cleared is None else ("yes" if cleared else "no"),
    }
    changed = {k: v for k, v in given.items() if v is not None}
    if not changed:
        changed = ask_health_screen()
    journal = core.journal
    # Options change only what they name; the rest keeps its saved answer.
    answers = screen_answers_of(journal.profile()) | changed
    _show(journal.set_health(screen_answers(answers)), as_json, "Health screen saved.")


@command(
    arg("--tolerance", help="Pressure tolerance: low, medium or high."),
    arg("--experience", help="Ball-work experience: new, some or lots."),
    JSON,
    group="profile",
    name="set",
)
def profile_set(
    core: Knotwork, tolerance: str | None, experience: str | None, as_json: bool
) -> None:
    """Set your pressure tolerance and experience.

    Example: knotwork profile set --tolerance low --experience new
    """
    if tolerance is None and experience is None:
        fail("give --tolerance, --experience or both")
    _change(core, lambda j: j.set_preferences(tolerance, experience), as_json)


@command(
    CONDITION,
    arg("--cleared", action="store_true", help="A clinician has cleared you for it."),
    JSON,
    group="profile",
    name="add-condition",
)
def profile_add_condition(
    core: Knotwork, condition: str, cleared: bool, as_json: bool
) -> None:
    """Record a health condition that changes what is safe.

    Example: knotwork profile add-condition anticoagulants
    """
    _change(core, lambda j: j.add_condition(condition, cleared), as_json)


@command(CONDITION, JSON, group="profile", name="clear")
def profile_clear(core: Knotwork, condition: str, as_json: bool) -> None:
    """Mark a condition as cleared by your clinician.

    Example: knotwork profile clear osteoporosis
    """
    _change(core, lambda j: j.clear_condition(condition), as_json)


@command(CONDITION, JSON, group="profile", name="remove-condition")
def profile_remove_condition(core: Knotwork, condition: str, as_json: bool) -> None:
    """Remove a condition from your profile.

    Example: knotwork profile remove-condition recent_injury
    """
    _change(core, lambda j: j.remove_condition(condition), as_json)


@command(
    arg("ball", metavar="ID", help="A ball id, e.g. lacrosse."),
    arg("--purchased", metavar="DAY", help="When you bought it (YYYY-MM-DD)."),
    JSON,
    group="profile",
    name="add-ball",
)
def profile_add_ball(
    core: Knotwork, ball: str, purchased: str | None, as_json: bool
) -> None:
    """Record a ball you own; adding it again updates the purchase date.

    Example: knotwork profile add-ball lacrosse --purchased 2025-01-15
    """
    from knotwork.services.journal_checks import parse_day

    day = None if purchased is None else parse_day(purchased)
    _change(core, lambda j: j.add_ball(ball, day), as_json)


@command(
    arg("ball", metavar="ID", help="A ball id."),
    JSON,
    group="profile",
    name="remove-ball",
)
def profile_remove_ball(core: Knotwork, ball: str, as_json: bool) -> None:
    """Remove a ball from your profile.

    Example: knotwork profile remove-ball tennis
    """
    _change(core, lambda j: j.remove_ball(ball), as_json)


@command(
    arg(
        "positions",
        nargs="+",
        metavar="POSITION",
        help="wall, floor, seated, handheld.",
    ),
    JSON,
    group="profile",
    name="positions",
)
def profile_positions(core: Knotwork, positions: list[str], as_json: bool) -> None:
    """Set the positions you can use for ball work.

    Example: knotwork profile positions wall seated
    """
    _change(core, lambda j: j.set_positions(positions), as_json)


@command(
    arg(
        "days",
        nargs="*",
        metavar="DAY",
        help="mon ... sun; give none to clear your training days.",
    ),
    JSON,
    group="profile",
    name="train",
)
def profile_train(core: Knotwork, days: list[str], as_json: bool) -> None:
    """Set the days you train, so plans fit around them.

    Example: knotwork profile train tue thu sat
    """
    _change(core, lambda j: j.set_training_days(days), as_json)


PROFILE = Group(
    "profile",
    """Show or change what knotwork knows about you.

    Example: knotwork profile show""",
    (
        profile_show,
        profile_health,
        profile_set,
        profile_add_condition,
        profile_clear,
        profile_remove_condition,
        profile_add_ball,
        profile_remove_ball,
        profile_positions,
        profile_train,
    ),
)
