"""A drawn pose: the figure's limbs and head, its props, and where a ball sits."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

Point = tuple[float, float]


@dataclass(frozen=True)
class Pose:
    """A drawn figure: limbs as capsules, a head, and what it leans on."""

    name: str
    describe: str
    head: Point
    limbs: tuple[tuple[Point, Point, float], ...]
    props: str
    balls: Mapping[str, Point]
    keep_off: Mapping[str, Point] = field(default_factory=dict)
    default: str = "upper_back"
    view_box: str = "0 0 160 110"  # lying poses crop the empty space above
