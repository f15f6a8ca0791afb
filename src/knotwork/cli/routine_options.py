"""Options shared by `knotwork routine` and `knotwork session`."""

from __future__ import annotations

import math
from typing import Annotated

import typer

RoutineName = Annotated[str | None, typer.Argument(help="A built-in routine id.")]
Targets = Annotated[
    list[str] | None, typer.Option("--target", "-t", help="Muscle or region id.")
]


def finite(value: float | None) -> float | None:
    """Refuse NaN and infinity where a number is expected (exit 2, usage error)."""
    if value is not None and not math.isfinite(value):
        raise typer.BadParameter(f"must be a finite number, not {value}")
    return value


Minutes = Annotated[
    float | None, typer.Option(help="Time budget in minutes.", callback=finite)
]
Context = Annotated[
    str | None,
    typer.Option(help="pre-workout, post-workout, rest-day, flare-up or desk-break."),
]
Have = Annotated[list[str] | None, typer.Option(help="A ball id you own.")]
Conditions = Annotated[list[str] | None, typer.Option(help="A condition id.")]
Cleared = Annotated[
    bool, typer.Option("--cleared", help="A clinician has cleared you for ball work.")
]
Side = Annotated[str | None, typer.Option(help="left or right only.")]
UseProfile = Annotated[
    bool,
    typer.Option(
        "--profile/--no-profile",
        help="Apply your saved conditions, balls and positions.",
    ),
]
