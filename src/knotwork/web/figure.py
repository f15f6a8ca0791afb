"""Draw the human outline every picture shares: smooth, front and back alike.

The figure stands in the anatomical position inside a 200 x 505 box, its
midline at x = 100. Outlines are given for the half on the viewer's left and
mirrored; a closed Catmull-Rom curve through the points makes the contour
smooth without hand-writing Bezier handles.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

WIDTH = 200
HEIGHT = 505
MIDLINE = WIDTH / 2

Point = tuple[float, float]

# From the crown down the viewer's left side, round the hand, back up the arm
# to the armpit, down the trunk and leg, round the foot and up the inner leg.
_HALF_OUTLINE: tuple[Point, ...] = (
    (100, 5),
    (89, 7),
    (81, 15),
    (77, 28),
    (78, 42),
    (82, 52),
    (88, 59),
    (89, 67),
    (80, 72),
    (66, 75),
    (54, 79),
    (45, 85),
    (40, 97),
    (38.5, 112),
    (39, 130),
    (39.5, 148),
    (39.5, 160),
    (40, 178),
    (42, 197),
    (43, 212),
    (37, 224),
    (35, 236),
    (38, 249),
    (42, 262),
    (50, 266),
    (58, 263),
    (63, 250),
    (63.5, 236),
    (62, 223),
    (61, 212),
    (61.5, 196),
    (62.5, 176),
    (64.5, 158),
    (64.5, 140),
    (64.5, 122),
    (66, 104),
    (68, 118),
    (69, 140),
    (71, 158),
    (66, 177),
    (61.5, 198),
    (60.5, 222),
    (62.5, 260),
    (63.5, 290),
    (63, 306),
    (63, 326),
    (64.5, 352),
    (68.5, 382),
    (70, 398),
    (67.5, 410),
    (66.5, 422),
    (69, 436),
    (77, 442.5),
    (88, 444.5),
    (96.5, 441),
    (98, 430),
    (96, 412),
    (96, 398),
    (97.5, 370),
    (98.5, 340),
    (98, 318),
    (99, 300),
    (99.5, 270),
    (99.5, 240),
    (100, 214),
)
# A sole seen from below, as if the person knelt facing away (back view only).
_HALF_SOLE: tuple[Point, ...] = (
    (83, 449),
    (74, 454),
    (71, 468),
    (71.5, 486),
    (73, 499),
    (82, 503.5),
    (91, 500),
    (94, 487),
    (93, 466),
    (91, 453),
)


def mirror_x(x: float) -> float:
    """Return the x of the same point on the other half of the figure."""
    return WIDTH - x


def smooth_path(points: Sequence[Point], closed: bool = True) -> str:
    """Return an SVG path through ``points`` as a smooth Catmull-Rom curve."""
    n = len(points)
    if n < 3:
        raise ValueError("a smooth path needs at least three points")
    parts = [f"M{_n(points[0][0])} {_n(points[0][1])}"]
    last = n if closed else n - 1
    for i in range(last):
        p0 = points[(i - 1) % n] if closed or i > 0 else points[0]
        p1, p2 = points[i], points[(i + 1) % n]
        p3 = points[(i + 2) % n] if closed or i + 2 < n else p2
        c1 = (p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6)
        c2 = (p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6)
        parts.append(
            f"C{_n(c1[0])} {_n(c1[1])} {_n(c2[0])} {_n(c2[1])} {_n(p2[0])} {_n(p2[1])}"
        )
    return "".join(parts) + ("Z" if closed else "")


def _whole(half: Sequence[Point], on_midline: bool) -> list[Point]:
    inner = half[1:-1] if on_midline else half
    return [*half, *((mirror_x(x), y) for x, y in reversed(inner))]


@cache
def body_outline() -> str:
    """Return the path data of the standing figure's outline."""
    return smooth_path(_whole(_HALF_OUTLINE, on_midline=True))


@cache
def sole_outlines() -> tuple[str, str]:
    """Return the path data of both soles, the viewer's left one first."""
    left = list(_HALF_SOLE)
    right = [(mirror_x(x), y) for x, y in reversed(left)]
    return smooth_path(left), smooth_path(right)


@cache
def figure_defs() -> str:
    """Return the shapes every figure on a page reuses; include once per page.

    The outline, its clip paths and the stipple for spillover zones live here
    so each picture refers to them instead of repeating them.
    """
    soles = "".join(f'<path d="{d}"/>' for d in sole_outlines())
    return (
        '<svg class="figure-defs" aria-hidden="true" focusable="false" '
        'width="0" height="0"><defs>'
        f'<path id="fig-body" d="{body_outline()}"/><g id="fig-soles">{soles}</g>'
        '<clipPath id="fig-clip-front"><use href="#fig-body"/></clipPath>'
        '<clipPath id="fig-clip-back"><use href="#fig-body"/>'
        f"{soles}</clipPath>"
        '<pattern id="fig-stipple" width="3" height="3" '
        'patternUnits="userSpaceOnUse"><circle cx="1.5" cy="1.5" r="0.75" '
        'fill="#b3261e"/></pattern>'
        "</defs></svg>"
    )


def outline_uses(view: str) -> str:
    """Return the outline of one view, drawn from the shared definitions."""
    soles = '<use href="#fig-soles"/>' if view == "back" else ""
    return f'<use href="#fig-body"/>{soles}'


def landmarks(view: str) -> str:
    """Return faint anatomical lines that make the view easy to read."""
    if view == "front":
        d = (
            "M72 78 Q86 84 98 80 M128 78 Q114 84 102 80 "  # collarbones
            "M100 150 v1 M90 56 Q100 61 110 56"  # navel, chin
        )
    else:
        d = (
            "M100 68 V205 "  # spine
            "M70 92 Q76 110 86 112 M130 92 Q124 110 114 112 "  # shoulder blades
            "M100 205 Q90 222 80 220 M100 205 Q110 222 120 220"  # buttock folds
        )
    return f'<path class="figure__lines" d="{d}"/>'


def _n(value: float) -> str:
    return f"{round(value, 1):g}"
