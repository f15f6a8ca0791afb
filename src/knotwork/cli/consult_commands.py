"""`knotwork where` and `knotwork check`."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

from knotwork.cli.output import emit_json, fail

EXAMPLES = (
    "Try describing where it hurts, for example:\n"
    '  knotwork where "headache at the back of my head wrapping round to the temple"\n'
    '  knotwork where "tennis elbow"\n'
    '  knotwork where "the first steps in the morning hurt my heel"\n'
    "  knotwork where --region heel --region sole"
)


class Side(str, Enum):
    left = "left"
    right = "right"


def register(app: typer.Typer) -> None:
    """Add the finder and safety commands to the app."""
    app.command()(where)
    app.command()(check)


def where(
    text: Annotated[str, typer.Argument(help="Where it hurts, in your words.")] = "",
    region: Annotated[
        list[str] | None, typer.Option("--region", "-r", help="A body-region id.")
    ] = None,
    side: Annotated[Side | None, typer.Option(help="Which side hurts.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
) -> None:
    """Rank the muscles likely to be sending the pain, with a safety check first.

    Example: knotwork where "tension headache at my temple" --side left
    """
    from knotwork.domain.finder import UnknownRegion
    from knotwork.services.consult import consult

    if not text.strip() and not region:
        fail("tell me where it hurts.", EXAMPLES)
    try:
        answer = consult(text, region or [], side.value if side else None)
    except UnknownRegion as exc:
        fail(f"unknown region '{exc}'.", "See the region ids with: knotwork regions")
    if not answer.understood:
        fail(f"I couldn't place '{text}' on the body.", EXAMPLES)
    if as_json:
        emit_json(answer.to_json())
        return
    from knotwork.cli.render import print_consultation

    print_consultation(answer)


def check(
    text: Annotated[str, typer.Argument(help="Symptoms or health details.")] = "",
    condition: Annotated[
        list[str] | None, typer.Option("--condition", "-c", help="A condition id.")
    ] = None,
    area: Annotated[
        list[str] | None, typer.Option("--area", "-a", help="A muscle or region id.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
) -> None:
    """Screen for red flags and conditions before any ball work.

    Example: knotwork check "on warfarin, knot in my calf" --area calf
    """
    from knotwork.domain.safety import UnknownId
    from knotwork.services.consult import safety_json, screen

    if not text.strip() and not condition and not area:
        fail(
            "give me something to check.",
            'Example: knotwork check "34 weeks pregnant, sore low back"',
        )
    try:
        result = screen(text, condition or [], area or [])
    except UnknownId as exc:
        fail(f"{exc}.", "See the ids with: knotwork conditions / knotwork regions")
    if as_json:
        emit_json(safety_json(result))
        return
    from knotwork.cli.render import print_safety

    print_safety(result)
