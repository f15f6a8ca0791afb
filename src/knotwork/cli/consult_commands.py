"""`knotwork where` and `knotwork check`: the finder and the safety screen.

Kept free of Rich, pydantic and SQLAlchemy until they are needed, so a
scripted `--json` call stays quick.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from knotwork.cli.grammar import arg, command
from knotwork.cli.output import emit_json, fail

if TYPE_CHECKING:
    from knotwork.services.core import Knotwork

WHERE_EXAMPLES = (
    "Try describing where it hurts, for example:\n"
    '  knotwork where "headache at the back of my head wrapping round to the temple"\n'
    '  knotwork where "tennis elbow"\n'
    '  knotwork where "the first steps in the morning hurt my heel"\n'
    "  knotwork where --region heel --region sole"
)
ANSWER = arg(
    "--answer",
    action="append",
    metavar="QUESTION_ID=yes|no",
    help="A screening answer, QUESTION_ID=yes or QUESTION_ID=no (repeatable).",
)
PROFILE = arg(
    "--profile",
    action="store_true",
    default=True,
    help="Apply your saved health screen (the default).",
)
NO_PROFILE = arg(
    "--no-profile",
    dest="profile",
    action="store_false",
    help="Leave your saved health screen out.",
)
JSON = arg(
    "--json", dest="as_json", action="store_true", help="Machine-readable output."
)


def parse_answers(answers: list[str] | None) -> dict[str, bool]:
    """Read QUESTION_ID=yes|no answers, or fail with the form they take."""
    from knotwork.domain.safety.health_screen import parse_answer

    try:
        return dict(parse_answer(a) for a in answers or ())
    except ValueError as exc:
        fail(f"{exc}.", "See the question ids in `knotwork check ... --json`.")


@command(
    arg(
        "text",
        nargs="?",
        default="",
        metavar="TEXT",
        help="Where it hurts, in your words.",
    ),
    arg("--region", "-r", action="append", metavar="ID", help="A body-region id."),
    arg("--side", choices=("left", "right"), help="Which side hurts: left or right."),
    arg(
        "--confirmed",
        action="append",
        metavar="ID",
        help="A muscle id whose trigger point, pressed, brought back the "
        "familiar pain; it ranks first.",
    ),
    arg(
        "--ruled-out",
        action="append",
        metavar="ID",
        help="A muscle id whose trigger point, pressed, did not; it moves down.",
    ),
    ANSWER,
    PROFILE,
    NO_PROFILE,
    JSON,
)
def where(
    core: Knotwork,
    text: str,
    region: list[str] | None,
    side: str | None,
    confirmed: list[str] | None,
    ruled_out: list[str] | None,
    answer: list[str] | None,
    profile: bool,
    as_json: bool,
) -> None:
    """Rank the muscles likely to be sending the pain, with a safety check first.

    Your saved health screen applies unless you pass --no-profile.

    Example: knotwork where "headache at my temple" --side left --confirmed temporalis
    """
    from knotwork.domain.finder.ranking import UnknownMuscle, UnknownRegion
    from knotwork.domain.safety.health_screen import TextTooLong
    from knotwork.domain.safety.verdict import UnknownId
    from knotwork.services.health import ScreenUnavailable

    if not text.strip() and not region:
        fail("tell me where it hurts.", WHERE_EXAMPLES)
    answers = parse_answers(answer)
    try:
        found = core.consult(
            text,
            region or [],
            side,
            answers=answers,
            use_profile=profile,
            confirmed=confirmed or (),
            ruled_out=ruled_out or (),
        )
    except ScreenUnavailable as exc:
        fail(f"{exc}", "Use --no-profile to check without your saved profile.")
    except UnknownRegion as exc:
        fail(f"unknown region '{exc}'.", "See the region ids with: knotwork regions")
    except UnknownMuscle as exc:
        fail(f"{exc}.", "See the muscle ids with: knotwork muscles")
    except (UnknownId, TextTooLong) as exc:
        fail(f"{exc}.")
    if not found.understood:
        fail(f"I couldn't place '{text[:80]}' on the body.", WHERE_EXAMPLES)
    if as_json:
        emit_json(found.to_json())
        return
    from knotwork.cli.render import print_consultation

    print_consultation(found)


@command(
    arg(
        "text",
        nargs="?",
        default="",
        metavar="TEXT",
        help="Symptoms or health details.",
    ),
    arg("--condition", "-c", action="append", metavar="ID", help="A condition id."),
    arg("--area", "-a", action="append", metavar="ID", help="A muscle or region id."),
    ANSWER,
    PROFILE,
    NO_PROFILE,
    JSON,
)
def check(
    core: Knotwork,
    text: str,
    condition: list[str] | None,
    area: list[str] | None,
    answer: list[str] | None,
    profile: bool,
    as_json: bool,
) -> None:
    """Screen for red flags and conditions before any ball work.

    Your saved health screen applies unless you pass --no-profile. The JSON
    lists the screening questions still to answer; answer them with --answer.

    Example: knotwork check "knot in my calf" --area calf --answer calf_signs=no
    """
    from knotwork.domain.safety.health_screen import TextTooLong
    from knotwork.domain.safety.verdict import UnknownId
    from knotwork.services.health import ScreenUnavailable

    if not text.strip() and not condition and not area and not answer:
        fail(
            "give me something to check.",
            'Example: knotwork check "34 weeks pregnant, sore low back"',
        )
    answers = parse_answers(answer)
    try:
        result = core.check(
            text, condition or (), area or (), answers=answers, use_profile=profile
        )
    except ScreenUnavailable as exc:
        fail(f"{exc}", "Use --no-profile to check without your saved profile.")
    except UnknownId as exc:
        fail(
            f"{exc}.",
            "See the ids with: knotwork conditions / knotwork regions,"
            " and the question ids in `knotwork check ... --json`",
        )
    except TextTooLong as exc:
        fail(f"{exc}.")
    if as_json:
        emit_json(result.to_json())
        return
    from knotwork.cli.render import print_safety

    print_safety(result)


COMMANDS = (where, check)
