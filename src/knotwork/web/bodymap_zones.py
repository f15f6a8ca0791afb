"""Where each region lies on the figure: one shape per region and view.

Shapes are given for the half on the viewer's left and mirrored for the other
half (``sided``); midline shapes straddle x = 100. On the front view the
viewer's left is the person's right side, on the back view their left. The
figure stands palms forward, so palm and thumb show on the front. Sizes are
chosen so that every shape is at least 44 CSS px across in its zoomed view.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from knotwork.web.figure import WIDTH

View = Literal["front", "back"]
VIEWS: tuple[View, ...] = ("front", "back")
Shape = tuple[object, ...]


@dataclass(frozen=True)
class Zone:
    """One region drawn on one view; ``sided`` zones are drawn twice."""

    region: str
    view: View
    shape: Shape
    sided: bool = True


def rect(x: float, y: float, w: float, h: float, r: float) -> Shape:
    return ("rect", x, y, w, h, r)


def ellipse(cx: float, cy: float, rx: float, ry: float) -> Shape:
    return ("ellipse", cx, cy, rx, ry)


def poly(*points: float) -> Shape:
    return ("poly", *points)


def _front() -> list[Zone]:
    def z(region: str, shape: Shape, sided: bool = True) -> Zone:
        return Zone(region, "front", shape, sided)

    return [
        z("head_top", ellipse(100, 13, 14, 6), sided=False),
        z("forehead", rect(84, 20, 32, 9, 4.5), sided=False),
        z("temple", ellipse(81, 28, 4, 6)),
        z("eye", ellipse(91, 35, 5, 4)),
        z("ear", ellipse(77, 40, 4.5, 7)),
        z("cheek", ellipse(87.5, 44, 5, 4.5)),
        z("jaw", ellipse(85, 53.5, 5.5, 4.5)),
        z("teeth", rect(94, 46, 12, 9, 4), sided=False),
        z("throat", rect(94, 60, 12, 15, 5), sided=False),
        z("neck_side", rect(84, 60, 9, 15, 4)),
        z("shoulder_side", ellipse(45, 90, 5, 11)),
        z("shoulder_front", ellipse(58.5, 87, 7.5, 9.5)),
        z("chest", rect(72, 80, 22, 32, 9)),
        z("sternum", rect(94, 80, 12, 38, 5), sided=False),
        z("armpit", ellipse(68, 105, 6, 6)),
        z("ribs_side", rect(66, 115, 12, 30, 5)),
        z("abdomen", rect(80, 122, 40, 48, 12), sided=False),
        z("hip_side", ellipse(67, 184, 6, 11)),
        z("groin", poly(76, 176, 97, 176, 97, 202, 86, 195)),
        z("thigh_outer", rect(61, 206, 11, 80, 5)),
        z("thigh_front", rect(73, 204, 15, 80, 7)),
        z("thigh_inner", rect(89, 206, 10.5, 66, 5)),
        z("knee_outer", ellipse(68, 302, 5, 8)),
        z("knee_front", ellipse(80.5, 302, 7, 9)),
        z("knee_inner", ellipse(93, 302, 5, 8)),
        z("leg_outer", rect(64, 318, 10, 72, 5)),
        z("shin", rect(75, 318, 13, 74, 6)),
        z("ankle_outer", ellipse(70, 404, 5, 5)),
        z("ankle_front", rect(76, 399, 12, 10, 4)),
        z("ankle_inner", ellipse(93, 404, 5, 5)),
        z("foot_top", rect(75, 411, 18, 16, 6)),
        z("toes", rect(72, 428, 14, 10, 5)),
        z("big_toe", ellipse(91.5, 433.5, 5, 5.5)),
        z("upper_arm_front", rect(40, 102, 13, 44, 6)),
        z("upper_arm_inner", rect(54, 104, 10, 38, 5)),
        z("elbow_front", ellipse(48.5, 152, 6.5, 5)),
        z("elbow_inner", ellipse(60.5, 152, 5, 5)),
        z("forearm_front", rect(42, 160, 19, 51, 8)),
        z("wrist_front", rect(43, 212.5, 18, 9.5, 4.5)),
        z("palm", rect(46.5, 224, 15.5, 17, 6)),
        z("thumb", ellipse(41, 232, 4.8, 8)),
        z("fingers_radial", rect(42, 243, 9.5, 19, 4.5)),
        z("fingers_ulnar", rect(52, 243, 9.5, 16, 4.5)),
    ]


def _back() -> list[Zone]:
    def z(region: str, shape: Shape, sided: bool = True) -> Zone:
        return Zone(region, "back", shape, sided)

    return [
        z("head_top", ellipse(100, 13, 14, 6), sided=False),
        z("temple", ellipse(81, 25, 4, 5.5)),
        z("ear", ellipse(77, 40, 4.5, 7)),
        z("head_back", rect(84, 29, 15.5, 21, 7)),
        z("neck_side", rect(81, 56, 9, 15, 4)),
        z("neck_back", rect(90.5, 56, 9, 15, 4)),
        z("neck_base", ellipse(88, 77, 6, 4.5)),
        z("shoulder_top", ellipse(71, 81, 9, 6)),
        z("shoulder_side", ellipse(45, 92, 5, 10)),
        z("shoulder_back", ellipse(57, 95, 6.5, 9)),
        z("shoulder_blade", rect(68, 89, 17, 24, 7)),
        z("between_shoulder_blades", rect(86.5, 86, 12.5, 30, 5)),
        z("armpit", ellipse(66, 107, 6, 5.5)),
        z("ribs_side", rect(64, 118, 12, 28, 5)),
        z("mid_back", rect(78, 120, 20, 34, 6)),
        z("low_back", rect(78, 157, 20, 28, 6)),
        z("hip_side", ellipse(67, 181, 6, 10)),
        z("sacrum", poly(92, 189, 108, 189, 103, 206, 97, 206), sided=False),
        z("tailbone", ellipse(100, 213, 6, 6), sided=False),
        z("buttock", ellipse(81.5, 204, 11.5, 14)),
        z("thigh_outer", rect(61, 214, 11, 74, 5)),
        z("thigh_back", rect(73, 226, 22, 62, 9)),
        z("knee_back", ellipse(82, 302, 9, 8)),
        z("leg_outer", rect(64, 318, 10, 70, 5)),
        z("calf", ellipse(85, 346, 10, 28)),
        z("achilles", rect(79, 377, 10, 20, 4)),
        z("ankle_outer", ellipse(70, 404, 5, 5)),
        z("heel", ellipse(84, 410, 7, 6)),
        z("upper_arm_back", rect(41, 104, 22, 40, 8)),
        z("elbow_outer", ellipse(42.5, 152, 4.8, 5)),
        z("elbow_back", ellipse(54, 152, 6, 5)),
        z("forearm_back", rect(42, 160, 19, 51, 8)),
        z("wrist_back", rect(43, 212.5, 18, 9.5, 4.5)),
        z("hand_back", rect(39, 224, 23, 34, 8)),
        # The soles, as if the person knelt facing away: heel up, toes down.
        z("heel", ellipse(82, 458, 8, 7)),
        z("sole", rect(74, 467, 16, 20, 7)),
        z("ball_of_foot", rect(73, 489, 19, 10, 5)),
    ]


def zones() -> list[Zone]:
    """Return every zone of both views."""
    return _front() + _back()


def mirror(shape: Shape) -> Shape:
    """Return the shape drawn on the other half of the figure."""
    kind, *numbers = shape
    values = [float(n) for n in numbers]  # type: ignore[arg-type]
    if kind == "rect":
        x, y, w, h, r = values
        return ("rect", WIDTH - x - w, y, w, h, r)
    if kind == "ellipse":
        cx, cy, rx, ry = values
        return ("ellipse", WIDTH - cx, cy, rx, ry)
    mirrored: list[float] = []
    for i in range(0, len(values), 2):
        mirrored += [WIDTH - values[i], values[i + 1]]
    return ("poly", *mirrored)


def box(shape: Shape) -> tuple[float, float, float, float]:
    """Return the shape's bounding box as (left, top, right, bottom)."""
    kind, *raw = shape
    n = [float(v) for v in raw]  # type: ignore[arg-type]
    if kind == "rect":
        return n[0], n[1], n[0] + n[2], n[1] + n[3]
    if kind == "ellipse":
        return n[0] - n[2], n[1] - n[3], n[0] + n[2], n[1] + n[3]
    xs, ys = n[0::2], n[1::2]
    return min(xs), min(ys), max(xs), max(ys)


def centre(shape: Shape) -> tuple[float, float]:
    """Return the middle of the shape's bounding box."""
    left, top, right, bottom = box(shape)
    return (left + right) / 2, (top + bottom) / 2


def _num(value: object) -> str:
    return f"{round(float(value), 2):g}"  # type: ignore[arg-type]


def element(shape: Shape, attributes: str = "", inner: str = "") -> str:
    """Return the SVG element drawing ``shape``."""
    kind, *n = shape
    if kind == "rect":
        x, y, w, h, r = (_num(v) for v in n)
        geometry = f'x="{x}" y="{y}" width="{w}" height="{h}" rx="{r}"'
        tag = "rect"
    elif kind == "ellipse":
        cx, cy, rx, ry = (_num(v) for v in n)
        geometry = f'cx="{cx}" cy="{cy}" rx="{rx}" ry="{ry}"'
        tag = "ellipse"
    else:
        pairs = [f"{_num(n[i])},{_num(n[i + 1])}" for i in range(0, len(n), 2)]
        geometry = f'points="{" ".join(pairs)}"'
        tag = "polygon"
    return f"<{tag} {geometry}{attributes}>{inner}</{tag}>"


def near_and_far(view: str) -> tuple[str, str]:
    """Return which side of the person is on the viewer's left, then right."""
    return ("right", "left") if view == "front" else ("left", "right")


def drawn(zone: Zone) -> list[tuple[Shape, str | None]]:
    """Return the zone's shapes with the side of the person each one shows."""
    if not zone.sided:
        return [(zone.shape, None)]
    near, far = near_and_far(zone.view)
    return [(zone.shape, near), (mirror(zone.shape), far)]
