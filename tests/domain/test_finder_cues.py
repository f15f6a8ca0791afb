"""Where a reach goes is no pain there; activities hint at their muscles.

Worded apart from every vignette file, so these test the rule, not a line.
"""

from __future__ import annotations

import pytest

from knotwork.domain.finder.ranking import find_sources


def test_reaching_over_the_head_is_no_head_pain() -> None:
    finding = find_sources(
        "The back of my shoulder aches when I lift my arm above my head to "
        "put the washing on the line"
    )
    assert not {"head_top", "head_back", "forehead"} & set(finding.regions)


@pytest.mark.parametrize(
    ("text", "top3"),
    [
        ("Pain at the bottom of my back after gardening", "lumbar_paraspinals"),
        ("deep ache in my bum cheek when I'm driving to work", "piriformis"),
        (
            "Sore at the lower tip of my shoulder blade after chin ups",
            "latissimus_dorsi",
        ),
        ("Outer shin aches after basketball, between knee and ankle", "peroneals"),
    ],
)
def test_activities_and_places_point_to_their_muscles(text: str, top3: str) -> None:
    found = [c.muscle for c in find_sources(text).candidates[:3]]
    assert top3 in found, found


def test_a_headache_across_the_forehead_points_to_sternocleidomastoid() -> None:
    # Travell & Simons: the clavicular division refers across the forehead.
    found = find_sources("a band of headache across my forehead most afternoons")
    assert found.candidates[0].muscle == "sternocleidomastoid"
