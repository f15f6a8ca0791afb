"""Draw the body map: a whole-body overview and a zoomed view per body part.

The overview shows the figure from the front and the back, captioned, with
the chosen areas shaded; tapping a body part (or its button) opens that part
zoomed in, where every region is a focusable checkbox-like shape carrying
``data-region`` and an accessible name, big enough for a thumb. Region shapes
are clipped to the smooth outline, so they follow the body's contour.
"""

from __future__ import annotations

from functools import cache
from html import escape

from knotwork.kb.loader import load_kb
from knotwork.web.bodymap_zones import (
    VIEWS,
    Shape,
    View,
    Zone,
    centre,
    drawn,
    element,
    near_and_far,
    zones,
)
from knotwork.web.figure import HEIGHT, WIDTH, landmarks, mirror_x, outline_uses

Box = tuple[float, float, float, float]  # x, y, width, height

PARTS: tuple[tuple[str, str], ...] = (
    ("head_neck", "Head and neck"),
    ("shoulder_arm", "Shoulder and arm"),
    ("trunk", "Chest, belly and back"),
    ("hip_thigh", "Hip and thigh"),
    ("leg_foot", "Leg and foot"),
)
PART_OF: dict[str, str] = {
    region: part
    for part, regions in {
        "head_neck": "head_top forehead temple eye ear cheek jaw teeth head_back "
        "throat neck_side neck_back neck_base",
        "shoulder_arm": "shoulder_side shoulder_front shoulder_back upper_arm_front "
        "upper_arm_inner upper_arm_back elbow_front elbow_inner elbow_outer "
        "elbow_back forearm_front forearm_back wrist_front wrist_back palm thumb "
        "fingers_radial fingers_ulnar hand_back",
        "trunk": "shoulder_top shoulder_blade between_shoulder_blades chest sternum "
        "armpit ribs_side abdomen mid_back low_back",
        "hip_thigh": "hip_side groin buttock sacrum tailbone thigh_outer thigh_front "
        "thigh_inner thigh_back",
        "leg_foot": "knee_outer knee_front knee_inner knee_back leg_outer shin calf "
        "achilles ankle_outer ankle_front ankle_inner foot_top toes big_toe heel "
        "sole ball_of_foot",
    }.items()
    for region in regions.split()
}
_ARM: Box = (34, 74, 36, 194)
# What each zoomed view shows; the arms are shown side by side, the trunk
# between them left out, so that each is drawn large enough to tap.
CROPS: dict[str, dict[View, list[Box]]] = {
    "head_neck": {"front": [(70, 2, 60, 82)], "back": [(70, 2, 60, 82)]},
    "shoulder_arm": {
        view: [_ARM, (mirror_x(_ARM[0] + _ARM[2]), *_ARM[1:])] for view in VIEWS
    },
    "trunk": {"front": [(56, 68, 88, 128)], "back": [(56, 68, 88, 128)]},
    "hip_thigh": {"front": [(59, 168, 82, 122)], "back": [(59, 168, 82, 124)]},
    "leg_foot": {"front": [(60, 288, 80, 158)], "back": [(60, 288, 80, 217)]},
}
# Where a tap on the overview opens each part (pointer only; the buttons
# above the figure do the same for keyboards and screen readers).
_HOTSPOTS: dict[str, list[Box]] = {
    "head_neck": [(66, 0, 68, 70)],
    "shoulder_arm": [(26, 70, 32, 200), (142, 70, 32, 200)],
    "trunk": [(58, 70, 84, 110)],
    "hip_thigh": [(56, 180, 88, 112)],
    "leg_foot": [(56, 292, 88, 213)],
}


def part_name(part: str) -> str:
    """Return a body part's display name."""
    return dict(PARTS)[part]


def zone_label(name: str, side: str | None) -> str:
    """Return a shape's accessible name, e.g. "Calf, left side"."""
    label = name[:1].upper() + name[1:]
    return f"{label}, {side} side" if side else label


def _key(region: str, side: str | None) -> str:
    return f"{region}:{side}" if side else region


def _inside(point: tuple[float, float], crop: Box) -> bool:
    x, y, w, h = crop
    return x <= point[0] <= x + w and y <= point[1] <= y + h


def crop_zones(
    part: str, view: View, crop: Box
) -> list[tuple[Zone, Shape, str | None]]:
    """Return the shapes of ``part`` drawn inside one crop of one view."""
    found: list[tuple[Zone, Shape, str | None]] = []
    for zone in zones():
        if zone.view != view or PART_OF[zone.region] != part:
            continue
        for shape, side in drawn(zone):
            if _inside(centre(shape), crop):
                found.append((zone, shape, side))
    return found


def _figure(view: View) -> str:
    return (
        f'<g class="figure__body" aria-hidden="true">{outline_uses(view)}'
        f"{landmarks(view)}</g>"
    )


def _overview(view: View, names: dict[str, str]) -> str:
    clip = f"fig-clip-{view}"
    near, far = near_and_far(view)
    shades = []
    for zone in (z for z in zones() if z.view == view):
        for shape, side in drawn(zone):
            attrs = f' class="shade" data-key="{_key(zone.region, side)}"'
            shades.append(element(shape, attrs))
    spots = []
    for part, boxes in _HOTSPOTS.items():
        rects = "".join(element(("rect", *b, 6)) for b in boxes)
        spots.append(
            f'<g class="hotspot" data-open-part="{part}" data-open-view="{view}">'
            f"{rects}</g>"
        )
    title = "Front" if view == "front" else "Back"
    return (
        f'<figure class="bodymap__figure"><svg viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'aria-hidden="true" focusable="false" data-view="{view}">'
        f"{_figure(view)}"
        f'<g class="shades" clip-path="url(#{clip})">{"".join(shades)}</g>'
        f'<text class="bodymap__side" x="4" y="14">{near[0].upper()}</text>'
        f'<text class="bodymap__side" x="{WIDTH - 4}" y="14" text-anchor="end">'
        f"{far[0].upper()}</text>"
        f"{''.join(spots)}</svg>"
        f'<figcaption>{title} <span class="muted">(your {near} on the '
        f"left)</span></figcaption></figure>"
    )


def _zoom_svg(
    part: str, view: View, crop: Box, index: int, names: dict[str, str]
) -> str:
    clip = f"fig-clip-{view}"
    x, y, w, h = crop
    shapes = []
    for zone, shape, side in crop_zones(part, view, crop):
        label = escape(zone_label(names[zone.region], side))
        side_attr = f' data-side="{side}"' if side else ""
        attributes = (
            f' class="zone" data-region="{zone.region}"{side_attr}'
            f' data-key="{_key(zone.region, side)}"'
            f' role="checkbox" aria-checked="false" tabindex="0"'
            f' aria-label="{label}"'
        )
        shapes.append(element(shape, attributes, f"<title>{label}</title>"))
    return (
        f'<svg class="bodymap__crop" viewBox="{x:g} {y:g} {w:g} {h:g}" '
        f'role="group" aria-label="{escape(part_name(part))}, '
        f'{"front" if view == "front" else "back"}">'
        f"{_figure(view)}"
        f'<g class="zones" clip-path="url(#{clip})">{"".join(shapes)}</g></svg>'
    )


def _zoom_panels(names: dict[str, str]) -> str:
    panels = []
    for part, _ in PARTS:
        for view in VIEWS:
            crops = CROPS[part][view]
            svgs = "".join(
                _zoom_svg(part, view, crop, i, names) for i, crop in enumerate(crops)
            )
            near, far = near_and_far(view)
            sides = (
                f'<p class="bodymap__sides" aria-hidden="true"><span>Your {near}'
                f"</span><span>Your {far}</span></p>"
            )
            panels.append(
                f'<div class="bodymap__panel bodymap__panel--{len(crops)}" '
                f'data-panel="{part}" data-view="{view}" hidden>{sides}'
                f'<div class="bodymap__crops">{svgs}</div></div>'
            )
    return "".join(panels)


@cache
def body_map_svg() -> str:
    """Return the body map's markup (overview and zoomed panels)."""
    names = {r.id: r.name for r in load_kb().regions}
    buttons = "".join(
        f'<li><button type="button" class="chip" data-open-part="{part}">'
        f"{escape(title)}</button></li>"
        for part, title in PARTS
    )
    return (
        '<p class="bodymap__hint" id="parts-hint">Tap a body part to zoom in.</p>'
        f'<ul class="chips bodymap__parts" aria-describedby="parts-hint">{buttons}</ul>'
        f'<div class="bodymap__overview" data-overview>'
        f"{''.join(_overview(v, names) for v in VIEWS)}</div>"
        '<section class="bodymap__zoom" data-zoom hidden aria-labelledby="zoom-title">'
        '<div class="bodymap__zoombar">'
        '<button type="button" class="button button--quiet" data-whole-body>'
        "Whole body</button>"
        '<h2 id="zoom-title" tabindex="-1">Body part</h2>'
        '<div class="segmented" role="group" aria-label="Which side of the body">'
        '<button type="button" data-show-view="front" aria-pressed="true">Front'
        "</button>"
        '<button type="button" data-show-view="back" aria-pressed="false">Back'
        "</button></div></div>"
        f"{_zoom_panels(names)}</section>"
    )
