"""Draw the body map: front and back views as SVG, one shape per region and side.

Every vocabulary region appears at least once, as a focusable checkbox-like
shape carrying ``data-region`` and an accessible name. Shapes are drawn for
the half of the figure on the viewer's left and mirrored for the other half:
on the front view that half is the person's right side, on the back view
their left. The figure stands in the anatomical position (palms forward), so
the palm and thumb show on the front and the back of the hand on the back.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from html import escape
from typing import Literal

from knotwork.kb.loader import load_kb

View = Literal["front", "back"]
VIEWS: tuple[View, ...] = ("front", "back")
WIDTH = 200
HEIGHT = 505


@dataclass(frozen=True)
class Zone:
    """One region drawn on one view; ``sided`` zones are drawn twice."""

    region: str
    view: View
    shape: tuple[object, ...]
    sided: bool = True


def _rect(x: float, y: float, w: float, h: float, r: float) -> tuple[object, ...]:
    return ("rect", x, y, w, h, r)


def _ellipse(cx: float, cy: float, rx: float, ry: float) -> tuple[object, ...]:
    return ("ellipse", cx, cy, rx, ry)


def _poly(*points: float) -> tuple[object, ...]:
    return ("poly", *points)


def _front() -> list[Zone]:
    def z(region: str, shape: tuple[object, ...], sided: bool = True) -> Zone:
        return Zone(region, "front", shape, sided)

    return [
        z("head_top", _ellipse(100, 14, 13, 6), sided=False),
        z("forehead", _rect(85, 21, 30, 8, 4), sided=False),
        z("temple", _ellipse(80.5, 28, 3.5, 5.5)),
        z("eye", _ellipse(91, 34, 5, 3)),
        z("ear", _ellipse(76, 38, 3, 6.5)),
        z("cheek", _ellipse(87.5, 42, 4.5, 4)),
        z("jaw", _ellipse(84.5, 51.5, 5, 3.5)),
        z("teeth", _rect(94, 47, 12, 6, 3), sided=False),
        z("throat", _rect(94, 61, 12, 14, 4), sided=False),
        z("neck_side", _rect(84, 61, 8, 14, 3)),
        z("shoulder_side", _ellipse(46, 90, 4, 11)),
        z("shoulder_front", _ellipse(59, 87, 7.5, 9.5)),
        z("chest", _rect(72, 80, 24, 32, 8)),
        z("sternum", _rect(97.5, 80, 5, 38, 2), sided=False),
        z("armpit", _ellipse(68, 105, 3.5, 6)),
        z("ribs_side", _rect(67, 115, 10, 30, 4)),
        z("abdomen", _rect(80, 122, 40, 48, 10), sided=False),
        z("hip_side", _ellipse(67, 184, 5.5, 11)),
        z("groin", _poly(76, 176, 97, 176, 97, 200, 88, 194)),
        z("thigh_outer", _rect(64, 206, 9, 80, 4)),
        z("thigh_front", _rect(74, 204, 15, 80, 7)),
        z("thigh_inner", _rect(90, 206, 8, 66, 4)),
        z("knee_outer", _ellipse(70, 302, 4, 8)),
        z("knee_front", _ellipse(82, 302, 7, 9)),
        z("knee_inner", _ellipse(93.5, 302, 4, 8)),
        z("leg_outer", _rect(67, 318, 7, 72, 3)),
        z("shin", _rect(76, 318, 11, 74, 5)),
        z("ankle_outer", _ellipse(71, 404, 4, 4)),
        z("ankle_front", _rect(77, 399, 11, 8, 3)),
        z("ankle_inner", _ellipse(92, 404, 4, 4)),
        z("foot_top", _rect(75, 411, 18, 16, 5)),
        z("toes", _rect(73, 429, 13, 9, 4)),
        z("big_toe", _ellipse(91, 433.5, 4, 5)),
        z("upper_arm_front", _rect(46, 101, 12, 44, 5)),
        z("upper_arm_inner", _rect(59, 104, 5, 38, 2.5)),
        z("elbow_front", _ellipse(52, 152, 6, 4.5)),
        z("elbow_inner", _ellipse(62, 152, 3, 3.5)),
        z("forearm_front", _rect(45, 161, 15, 50, 6)),
        z("wrist_front", _rect(46, 214, 13, 6, 3)),
        z("palm", _rect(46, 223, 14, 16, 4)),
        z("thumb", _ellipse(42, 229, 3, 7)),
        z("fingers_radial", _rect(45, 242, 7, 16, 3)),
        z("fingers_ulnar", _rect(53, 242, 7, 13, 3)),
    ]


def _back() -> list[Zone]:
    def z(region: str, shape: tuple[object, ...], sided: bool = True) -> Zone:
        return Zone(region, "back", shape, sided)

    return [
        z("head_top", _ellipse(100, 14, 13, 6), sided=False),
        z("temple", _ellipse(80.5, 24, 3.5, 5)),
        z("ear", _ellipse(76, 38, 3, 6.5)),
        z("head_back", _rect(82, 30, 17, 20, 6)),
        z("neck_side", _rect(84, 57, 6, 14, 3)),
        z("neck_back", _rect(91, 57, 8, 14, 3)),
        z("neck_base", _ellipse(87, 76, 6, 4.5)),
        z("shoulder_top", _ellipse(71, 80, 9, 4.5)),
        z("shoulder_side", _ellipse(46, 90, 4, 11)),
        z("shoulder_back", _ellipse(57, 93, 6.5, 9)),
        z("shoulder_blade", _rect(68, 88, 17, 24, 6)),
        z("between_shoulder_blades", _rect(87, 86, 11, 30, 3)),
        z("armpit", _ellipse(64, 108, 3, 5)),
        z("ribs_side", _rect(66, 118, 9, 28, 4)),
        z("mid_back", _rect(78, 120, 20, 34, 5)),
        z("low_back", _rect(78, 158, 20, 27, 5)),
        z("hip_side", _ellipse(67, 181, 5.5, 10)),
        z("sacrum", _poly(92, 189, 108, 189, 103, 207, 97, 207), sided=False),
        z("tailbone", _ellipse(100, 212, 3, 3.5), sided=False),
        z("buttock", _ellipse(81.5, 207, 11.5, 14)),
        z("thigh_outer", _rect(62, 214, 8, 74, 4)),
        z("thigh_back", _rect(73, 226, 22, 62, 8)),
        z("knee_back", _ellipse(84, 302, 9, 8)),
        z("leg_outer", _rect(66, 318, 6, 70, 3)),
        z("calf", _ellipse(84, 346, 10, 28)),
        z("achilles", _rect(80, 378, 8, 20, 3)),
        z("ankle_outer", _ellipse(71, 404, 4, 4)),
        z("heel", _ellipse(84, 410, 7, 6)),
        z("upper_arm_back", _rect(46, 104, 12, 40, 5)),
        z("elbow_outer", _ellipse(42, 152, 3, 3.5)),
        z("elbow_back", _ellipse(52, 152, 5, 5)),
        z("forearm_back", _rect(45, 161, 15, 50, 6)),
        z("wrist_back", _rect(46, 214, 13, 6, 3)),
        z("hand_back", _rect(45, 223, 15, 32, 5)),
        # The soles, as if the person knelt facing away: heel up, toes down.
        z("heel", _ellipse(82, 458, 8, 7)),
        z("sole", _rect(74, 467, 16, 20, 6)),
        z("ball_of_foot", _rect(73, 489, 19, 10, 5)),
    ]


def zones() -> list[Zone]:
    """Return every zone of both views."""
    return _front() + _back()


def _mirror(shape: tuple[object, ...]) -> tuple[object, ...]:
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


def _num(value: object) -> str:
    return f"{float(value):g}"  # type: ignore[arg-type]


def _element(shape: tuple[object, ...], attributes: str, inner: str = "") -> str:
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


def zone_label(name: str, side: str | None) -> str:
    """Return a shape's accessible name, e.g. "Calf, left side"."""
    label = name[:1].upper() + name[1:]
    return f"{label}, {side} side" if side else label


def _silhouette() -> str:
    """Return the body outline drawn under the zones; decorative only."""
    half = [
        _rect(40, 80, 24, 100, 10),
        _rect(41, 158, 21, 62, 8),
        _rect(39, 218, 25, 44, 8),
        _rect(61, 198, 39, 96, 12),
        _rect(63, 288, 34, 32, 12),
        _rect(64, 312, 30, 96, 12),
        _rect(70, 400, 26, 42, 8),
    ]
    shapes = [
        _ellipse(100, 34, 23, 28),
        _rect(82, 54, 36, 26, 8),
        _poly(50, 82, 100, 72, 150, 82, 141, 160, 139, 206, 61, 206, 59, 160),
        *half,
        *(_mirror(s) for s in half),
    ]
    return "".join(_element(s, "") for s in shapes)


def _soles_backdrop() -> str:
    half = _rect(70, 449, 26, 54, 12)
    return _element(half, "") + _element(_mirror(half), "")


@cache
def body_map_svg() -> str:
    """Return the markup of both views, ready to inline in a page."""
    names = {r.id: r.name for r in load_kb().regions}
    out = []
    for view in VIEWS:
        # Front: the viewer's left is the person's right; back: their left.
        near, far = ("right", "left") if view == "front" else ("left", "right")
        title = "Front of the body" if view == "front" else "Back of the body"
        parts = [
            f'<svg class="bodymap__view" viewBox="0 0 {WIDTH} {HEIGHT}" '
            f'role="group" aria-label="{title}" data-view="{view}">',
            f'<g class="bodymap__body" aria-hidden="true">{_silhouette()}',
            _soles_backdrop() if view == "back" else "",
            "</g>",
            f'<text class="bodymap__side" x="6" y="12" aria-hidden="true">'
            f"{near}</text>",
            f'<text class="bodymap__side" x="{WIDTH - 6}" y="12" text-anchor="end" '
            f'aria-hidden="true">{far}</text>',
        ]
        if view == "back":
            parts.append(
                '<text class="bodymap__side" x="100" y="447" text-anchor="middle" '
                'aria-hidden="true">soles</text>'
            )
        for zone in (z for z in zones() if z.view == view):
            drawn = (
                [(zone.shape, near), (_mirror(zone.shape), far)]
                if zone.sided
                else [(zone.shape, None)]
            )
            for shape, side in drawn:
                label = escape(zone_label(names[zone.region], side))
                side_attr = f' data-side="{side}"' if side else ""
                attributes = (
                    f' class="zone" data-region="{zone.region}"{side_attr}'
                    f' role="checkbox" aria-checked="false" tabindex="0"'
                    f' aria-label="{label}"'
                )
                parts.append(_element(shape, attributes, f"<title>{label}</title>"))
        parts.append("</svg>")
        out.append("".join(parts))
    return "\n".join(out)
