"""The body map's drawing: every region, both sides, inside its zoomed view."""

from __future__ import annotations

from knotwork.kb.loader import load_kb
from knotwork.web.bodymap import (
    CROPS,
    PART_OF,
    PARTS,
    body_map_svg,
    crop_zones,
    zone_label,
)
from knotwork.web.bodymap_zones import box, drawn, zones
from knotwork.web.figure import HEIGHT, MIDLINE, WIDTH, smooth_path

# The zoomed views are drawn 358 CSS px wide on a 390 px phone (1 rem padding
# each side); two crops side by side share it with an 8 px gap.
PHONE_CONTENT_PX = 358
TARGET_PX = 44


def test_every_region_is_drawn_and_every_drawn_region_exists() -> None:
    drawn_regions = {z.region for z in zones()}
    assert drawn_regions == {r.id for r in load_kb().regions}
    assert set(PART_OF) == drawn_regions


def test_every_zone_lies_inside_the_picture() -> None:
    for zone in zones():
        left, top, right, bottom = box(zone.shape)
        assert 0 <= left < right <= WIDTH and 0 <= top < bottom <= HEIGHT, zone


def test_sided_zones_stay_on_their_half_and_midline_ones_straddle_it() -> None:
    for zone in zones():
        left, _, right, _ = box(zone.shape)
        if zone.sided:
            assert right <= MIDLINE, zone  # mirrored onto the other half
        else:
            assert left < MIDLINE < right, zone


def test_each_view_draws_a_region_once_per_side() -> None:
    for view in ("front", "back"):
        seen = [z.region for z in zones() if z.view == view]
        repeated = {r for r in seen if seen.count(r) > 1}
        assert repeated <= {"heel"}, repeated  # the heel shows from behind and below


def test_every_drawn_shape_appears_in_exactly_one_zoomed_crop_whole() -> None:
    expected = sum(len(drawn(z)) for z in zones())
    found = 0
    for part, _ in PARTS:
        for view, crops in CROPS[part].items():
            for x, y, w, h in crops:
                for _, shape, _ in crop_zones(part, view, (x, y, w, h)):
                    left, top, right, bottom = box(shape)
                    assert x <= left and right <= x + w, (part, shape)
                    assert y <= top and bottom <= y + h, (part, shape)
                    found += 1
    assert found == expected


def test_every_zone_is_a_thumb_sized_target_in_its_zoomed_view() -> None:
    for part, _ in PARTS:
        for view, crops in CROPS[part].items():
            gaps = 8 * (len(crops) - 1)
            each_px = (PHONE_CONTENT_PX - gaps) / len(crops)
            for crop in crops:
                scale = each_px / crop[2]
                for zone, shape, _ in crop_zones(part, view, crop):
                    left, top, right, bottom = box(shape)
                    short = min(right - left, bottom - top) * scale
                    assert short >= TARGET_PX, (zone.region, view, round(short))


def test_labels_name_the_region_and_the_side() -> None:
    assert zone_label("calf", "left") == "Calf, left side"
    assert zone_label("breastbone", None) == "Breastbone"


def test_the_front_shows_the_persons_right_on_the_viewers_left() -> None:
    svg = body_map_svg()
    front = svg.split('data-panel="trunk" data-view="front"')[1].split("</svg>")[0]
    back = svg.split('data-panel="trunk" data-view="back"')[1].split("</svg>")[0]
    assert front.index('data-side="right"') < front.index('data-side="left"')
    assert back.index('data-side="left"') < back.index('data-side="right"')
    assert svg.count('role="checkbox"') == svg.count("<title>")


def test_a_smooth_path_passes_through_its_points() -> None:
    path = smooth_path([(0, 0), (10, 0), (10, 10)])
    assert path.startswith("M0 0C") and "10 0C" in path and path.endswith("Z")
