"""What `where` and `check` do once their arguments are parsed.

Shared by the Typer commands and the start-up fast path, and kept free of
Typer, Rich and pydantic so a scripted `--json` call stays quick.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from knotwork.cli.output import emit_json, fail

if TYPE_CHECKING:
    from knotwork.domain.health_screen import HealthScreen

NONE: list[str] = []

WHERE_EXAMPLES = (
    "Try describing where it hurts, for example:\n"
    '  knotwork where "headache at the back of my head wrapping round to the temple"\n'
    '  knotwork where "tennis elbow"\n'
    '  knotwork where "the first steps in the morning hurt my heel"\n'
    "  knotwork where --region heel --region sole"
)


def health_screen(
    conditions: list[str], answers: list[str], use_profile: bool
) -> HealthScreen:
    """Return the saved health screen (unless refused) plus this call's additions."""
    import os

    from knotwork.domain.health_screen import HealthScreen, parse_answer

    try:
        parsed = dict(parse_answer(a) for a in answers)
    except ValueError as exc:
        fail(f"{exc}.", "See the question ids in `knotwork check ... --json`.")
    base = HealthScreen()
    if use_profile:
        from knotwork.services.health import ScreenUnavailable, saved_screen

        try:
            base = saved_screen(os.environ)
        except ScreenUnavailable as exc:
            fail(f"{exc}", "Use --no-profile to check without your saved profile.")
    return base.adding(conditions, parsed)


def run_where(
    text: str,
    regions: list[str],
    side: str | None,
    as_json: bool,
    answers: list[str] = NONE,
    use_profile: bool = True,
    confirmed: list[str] | None = None,
    ruled_out: list[str] | None = None,
) -> None:
    """Find likely sources, safety first, and print them."""
    from knotwork.domain.finder import UnknownMuscle, UnknownRegion
    from knotwork.domain.health_screen import TextTooLong
    from knotwork.domain.safety import UnknownId
    from knotwork.services.consult import consult

    if not text.strip() and not regions:
        fail("tell me where it hurts.", WHERE_EXAMPLES)
    person = health_screen([], answers, use_profile)
    try:
        answer = consult(
            text,
            regions,
            side,
            person,
            confirmed=confirmed or (),
            ruled_out=ruled_out or (),
        )
    except UnknownRegion as exc:
        fail(f"unknown region '{exc}'.", "See the region ids with: knotwork regions")
    except UnknownMuscle as exc:
        fail(f"{exc}.", "See the muscle ids with: knotwork muscles")
    except (UnknownId, TextTooLong) as exc:
        fail(f"{exc}.")
    if not answer.understood:
        fail(f"I couldn't place '{text[:80]}' on the body.", WHERE_EXAMPLES)
    if as_json:
        emit_json(answer.to_json())
        return
    from knotwork.cli.render import print_consultation

    print_consultation(answer)


def run_check(
    text: str,
    conditions: list[str],
    areas: list[str],
    as_json: bool,
    answers: list[str] = NONE,
    use_profile: bool = True,
) -> None:
    """Screen text, the health screen and answers, and print the verdict."""
    from knotwork.domain.health_screen import TextTooLong
    from knotwork.domain.safety import UnknownId
    from knotwork.services.consult import safety_json, screen

    if not text.strip() and not conditions and not areas and not answers:
        fail(
            "give me something to check.",
            'Example: knotwork check "34 weeks pregnant, sore low back"',
        )
    person = health_screen(conditions, answers, use_profile)
    try:
        result = screen(text, areas, person)
    except UnknownId as exc:
        fail(
            f"{exc}.",
            "See the ids with: knotwork conditions / knotwork regions,"
            " and the question ids in `knotwork check ... --json`",
        )
    except TextTooLong as exc:
        fail(f"{exc}.")
    if as_json:
        emit_json(safety_json(result))
        return
    from knotwork.cli.render import print_safety

    print_safety(result)
