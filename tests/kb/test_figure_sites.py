"""Every trigger point has a place on the figure, inside one of its muscle's regions."""

from __future__ import annotations

from knotwork.kb.loader import load_figure_sites, load_kb
from knotwork.web.bodymap_zones import box, zones


def test_every_trigger_point_has_exactly_one_site() -> None:
    sites = load_figure_sites().sites
    kb = load_kb()
    assert set(sites) == {m.id for m in kb.muscles}
    for muscle in kb.muscles:
        assert set(sites[muscle.id]) == {t.id for t in muscle.trigger_points}


def test_each_site_lies_in_one_of_its_muscles_regions_on_that_view() -> None:
    shapes: dict[tuple[str, str], list[tuple[object, ...]]] = {}
    for zone in zones():
        shapes.setdefault((zone.region, zone.view), []).append(zone.shape)
    kb = load_kb()
    for muscle in kb.muscles:
        for tp_id, site in load_figure_sites().sites[muscle.id].items():
            assert site.region in muscle.regions, tp_id
            drawn = shapes.get((site.region, site.view), [])
            assert drawn, f"{tp_id}: {site.region} is not drawn on the {site.view}"
            assert any(_holds(box(shape), site.x, site.y) for shape in drawn), tp_id


def _holds(bounds: tuple[float, float, float, float], x: float, y: float) -> bool:
    left, top, right, bottom = bounds
    return left <= x <= right and top <= y <= bottom
