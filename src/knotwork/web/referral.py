"""Draw a muscle's referral pattern on the figure, from the knowledge itself.

As in the classic trigger-point charts: an x on each trigger point, the
primary pain zone solid and the spillover zone stippled. The picture is built
from the same regions and trigger points the finder scores, so the two can
never disagree. One side is drawn (the person's right unless told otherwise).
"""

from __future__ import annotations

from functools import cache
from html import escape

from knotwork.kb.loader import load_figure_sites, load_kb
from knotwork.web.bodymap_zones import VIEWS, View, box, mirror, near_and_far, zones
from knotwork.web.bodymap_zones import element as shape_element
from knotwork.web.figure import HEIGHT, WIDTH, landmarks, mirror_x, outline_uses

PAD = 14
MIN_SPAN = 70


def _on_side(view: View, side: str) -> bool:
    """Whether ``side`` of the person is the half on the viewer's left."""
    return near_and_far(view)[0] == side


def _crop(points: list[tuple[float, float, float, float]]) -> tuple[float, ...]:
    left = min(p[0] for p in points) - PAD
    top = min(p[1] for p in points) - PAD
    right = max(p[2] for p in points) + PAD
    bottom = max(p[3] for p in points) + PAD
    # Never zoom in so far that the body part can't be recognised.
    if right - left < MIN_SPAN:
        grow = (MIN_SPAN - (right - left)) / 2
        left, right = left - grow, right + grow
    if bottom - top < MIN_SPAN:
        grow = (MIN_SPAN - (bottom - top)) / 2
        top, bottom = top - grow, bottom + grow
    left, top = max(0.0, left), max(0.0, top)
    right, bottom = min(float(WIDTH), right), min(float(HEIGHT), bottom)
    return left, top, right - left, bottom - top


def _view_svg(muscle_id: str, view: View, side: str) -> str | None:
    muscle = load_kb().muscle(muscle_id)
    primary = {r for tp in muscle.trigger_points for r in tp.primary}
    spill = {r for tp in muscle.trigger_points for r in tp.spillover} - primary
    near = _on_side(view, side)
    marks: list[str] = []
    extents: list[tuple[float, float, float, float]] = []
    for zone in zones():
        if zone.view != view or zone.region not in primary | spill:
            continue
        shape = zone.shape if near or not zone.sided else mirror(zone.shape)
        kind = "primary" if zone.region in primary else "spill"
        marks.append(shape_element(shape, f' class="ref-{kind}"'))
        extents.append(box(shape))
    crosses = []
    for site in load_figure_sites().sites[muscle_id].values():
        if site.view != view:
            continue
        x = site.x if near else mirror_x(site.x)
        y = site.y
        crosses.append(f'<path class="ref-tp" d="M{x - 3:g} {y - 3:g}l6 6m0 -6l-6 6"/>')
        extents.append((x - 3, y - 3, x + 3, y + 3))
    if not extents:
        return None
    # Spillover first, so the solid primary zone sits on top of it.
    marks.sort(key=lambda m: "ref-primary" in m)
    x, y, w, h = _crop(extents)
    return (
        f'<svg class="referral__view" viewBox="{x:g} {y:g} {w:g} {h:g}" '
        f'aria-hidden="true" focusable="false">'
        f'<g class="figure__body">{outline_uses(view)}{landmarks(view)}</g>'
        f'<g clip-path="url(#fig-clip-{view})">{"".join(marks)}</g>'
        f"{''.join(crosses)}</svg>"
    )


def _names(ids: set[str]) -> str:
    names = {r.id: r.name for r in load_kb().regions}
    listed = sorted(names[i] for i in ids)
    if len(listed) <= 1:
        return "".join(listed)
    return ", ".join(listed[:-1]) + " and " + listed[-1]


def describe(muscle_id: str) -> str:
    """Return the picture's text alternative."""
    muscle = load_kb().muscle(muscle_id)
    primary = {r for tp in muscle.trigger_points for r in tp.primary}
    spill = {r for tp in muscle.trigger_points for r in tp.spillover} - primary
    count = len(muscle.trigger_points)
    points = "one trigger point" if count == 1 else f"{count} trigger points"
    text = f"{muscle.name}: {points} marked with a cross; pain mainly in the "
    text += _names(primary)
    if spill:
        text += f", spilling over to the {_names(spill)}"
    return text + "."


@cache
def referral_map(muscle_id: str, side: str = "right") -> str:
    """Return the referral picture of one muscle as a ``<figure>``."""
    side = side if side in ("left", "right") else "right"
    drawn = {v: svg for v in VIEWS if (svg := _view_svg(muscle_id, v, side))}
    views, svgs = list(drawn), list(drawn.values())
    label = escape(describe(muscle_id))
    captions = " and ".join(views)
    return (
        f'<figure class="referral" data-referral="{muscle_id}">'
        f'<div class="referral__views" role="img" aria-label="{label}">'
        f"{''.join(svgs)}</div>"
        f'<figcaption><span class="key-x" aria-hidden="true">×</span> trigger point '
        f'<span class="key-solid" aria-hidden="true"></span> main pain '
        f'<span class="key-dots" aria-hidden="true"></span> spillover '
        f'<span class="muted">({side} side, {captions})</span></figcaption></figure>'
    )
