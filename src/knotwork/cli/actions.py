"""What `where` and `check` do once their arguments are parsed.

Shared by the Typer commands and the start-up fast path, and kept free of
Typer, Rich and pydantic so a scripted `--json` call stays quick.
"""

from __future__ import annotations

from knotwork.cli.output import emit_json, fail

WHERE_EXAMPLES = (
    "Try describing where it hurts, for example:\n"
    '  knotwork where "headache at the back of my head wrapping round to the temple"\n'
    '  knotwork where "tennis elbow"\n'
    '  knotwork where "the first steps in the morning hurt my heel"\n'
    "  knotwork where --region heel --region sole"
)


def run_where(
    text: str,
    regions: list[str],
    side: str | None,
    as_json: bool,
    confirmed: list[str] | None = None,
    ruled_out: list[str] | None = None,
) -> None:
    """Find likely sources, safety first, and print them."""
    from knotwork.domain.finder import UnknownMuscle, UnknownRegion
    from knotwork.services.consult import consult

    if not text.strip() and not regions:
        fail("tell me where it hurts.", WHERE_EXAMPLES)
    try:
        answer = consult(
            text, regions, side, confirmed=confirmed or (), ruled_out=ruled_out or ()
        )
    except UnknownRegion as exc:
        fail(f"unknown region '{exc}'.", "See the region ids with: knotwork regions")
    except UnknownMuscle as exc:
        fail(f"{exc}.", "See the muscle ids with: knotwork muscles")
    if not answer.understood:
        fail(f"I couldn't place '{text}' on the body.", WHERE_EXAMPLES)
    if as_json:
        emit_json(answer.to_json())
        return
    from knotwork.cli.render import print_consultation

    print_consultation(answer)


def run_check(
    text: str, conditions: list[str], areas: list[str], as_json: bool
) -> None:
    """Screen text and stated conditions and print the verdict."""
    from knotwork.domain.safety import UnknownId
    from knotwork.services.consult import safety_json, screen

    if not text.strip() and not conditions and not areas:
        fail(
            "give me something to check.",
            'Example: knotwork check "34 weeks pregnant, sore low back"',
        )
    try:
        result = screen(text, conditions, areas)
    except UnknownId as exc:
        fail(f"{exc}.", "See the ids with: knotwork conditions / knotwork regions")
    if as_json:
        emit_json(safety_json(result))
        return
    from knotwork.cli.render import print_safety

    print_safety(result)
