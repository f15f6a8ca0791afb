"""`knotwork where` and `knotwork check`: Typer signatures over the actions."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from knotwork.cli import actions

AnswerOption = Annotated[
    list[str] | None,
    typer.Option(
        "--answer",
        help="A screening answer, QUESTION_ID=yes or QUESTION_ID=no (repeatable).",
    ),
]
ProfileOption = Annotated[
    bool,
    typer.Option(
        "--profile/--no-profile", help="Apply your saved health screen (default)."
    ),
]


class Side(StrEnum):
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
    confirmed: Annotated[
        list[str] | None,
        typer.Option(
            "--confirmed",
            help="A muscle id whose trigger point, pressed, brought back the "
            "familiar pain; it ranks first.",
        ),
    ] = None,
    ruled_out: Annotated[
        list[str] | None,
        typer.Option(
            "--ruled-out",
            help="A muscle id whose trigger point, pressed, did not; it moves down.",
        ),
    ] = None,
    answer: AnswerOption = None,
    profile: ProfileOption = True,
    as_json: Annotated[
        bool, typer.Option("--json", help="Machine-readable output.")
    ] = False,
) -> None:
    """Rank the muscles likely to be sending the pain, with a safety check first.

    Your saved health screen applies unless you pass --no-profile.

    Example: knotwork where "tension headache at my temple" --side left
    --confirmed temporalis
    """
    actions.run_where(
        text,
        region or [],
        side.value if side else None,
        as_json,
        answer or [],
        profile,
        confirmed=confirmed,
        ruled_out=ruled_out,
    )


def check(
    text: Annotated[str, typer.Argument(help="Symptoms or health details.")] = "",
    condition: Annotated[
        list[str] | None, typer.Option("--condition", "-c", help="A condition id.")
    ] = None,
    area: Annotated[
        list[str] | None, typer.Option("--area", "-a", help="A muscle or region id.")
    ] = None,
    answer: AnswerOption = None,
    profile: ProfileOption = True,
    as_json: Annotated[
        bool, typer.Option("--json", help="Machine-readable output.")
    ] = False,
) -> None:
    """Screen for red flags and conditions before any ball work.

    Your saved health screen applies unless you pass --no-profile. The JSON
    lists the screening questions still to answer; answer them with --answer.

    Example: knotwork check "knot in my calf" --area calf --answer calf_signs=no
    """
    actions.run_check(text, condition or [], area or [], as_json, answer or [], profile)
