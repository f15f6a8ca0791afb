"""The body map's drawing: every region, both sides, inside the picture."""

from __future__ import annotations

from knotwork.kb.loader import load_kb
from knotwork.web.bodymap import HEIGHT, WIDTH, body_map_svg, zone_label, zones

MIDLINE = WIDTH / 2


def _box(shape: tuple[object, ...]) -> tuple[float, float, float, float]:
    kind, *raw = shape
    n = [float(v) for v in raw]  # type: ignore[arg-type]
    if kind == "rect":
        return n[0], n[1], n[0] + n[2], n[1] + n[3]
    if kind == "ellipse":
        return n[0] - n[2], n[1] - n[3], n[0] + n[2], n[1] + n[3]
    xs, ys = n[0::2], n[1::2]
    return min(xs), min(ys), max(xs), max(ys)


def test_every_region_is_drawn_and_every_drawn_region_exists() -> None:
    drawn = {z.region for z in zones()}
    assert drawn == {r.id for r in load_kb().regions}


def test_every_zone_lies_inside_the_picture() -> None:
    for zone in zones():
        left, top, right, bottom = _box(zone.shape)
        assert 0 <= left < right <= WIDTH and 0 <= top < bottom <= HEIGHT, zone


def test_sided_zones_stay_on_their_half_and_midline_ones_straddle_it() -> None:
    for zone in zones():
        left, _, right, _ = _box(zone.shape)
        if zone.sided:
            assert right <= MIDLINE, zone  # mirrored onto the other half
        else:
            assert left < MIDLINE < right, zone


def test_each_view_draws_a_region_once_per_side() -> None:
    for view in ("front", "back"):
        seen = [z.region for z in zones() if z.view == view]
        repeated = {r for r in seen if seen.count(r) > 1}
        assert repeated <= {"heel"}, repeated  # the heel shows from behind and below


def test_labels_name_the_region_and_the_side() -> None:
    assert zone_label("calf", "left") == "Calf, left side"
    assert zone_label("breastbone", None) == "Breastbone"


def test_the_front_shows_the_persons_right_on_the_viewers_left() -> None:
    svg = body_map_svg()
    front, back = svg.split("</svg>")[:2]
    assert front.index('data-side="right"') < front.index('data-side="left"')
    assert back.index('data-side="left"') < back.index('data-side="right"')
    assert svg.count('role="checkbox"') == svg.count("<title>")
