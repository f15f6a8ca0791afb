"""Dates after a comma, things that faded, figures of speech and faces.

Worded apart from every vignette file, so these test the rule, not a line.
"""

from __future__ import annotations

import pytest

from knotwork.domain.finder.ranking import find_sources
from tests.domain.safety_flags import flags


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # One side of the face that will not move, and speech that is wrong.
        (
            "Since breakfast one corner of my mouth won't move. Traps are tight.",
            "stroke_signs",
        ),
        ("my husband says my speech is garbled since lunch", "stroke_signs"),
        # A joint that "blew up" is a swollen one.
        ("my ankle blew up overnight, it's red and hot to touch", "hot_swollen_joint"),
        # Thinning bones are low bone density, however long ago it was found.
        (
            "Years ago the GP said my bones were thinning. Shoulders are tight.",
            "osteoporosis",
        ),
        # "Wants to try the ball": the message is asked for that person.
        (
            "My son has Down syndrome. He's 22 and wants to try the ball on "
            "his calves.",
            "down_syndrome",
        ),
        # A bruise still fading is still there.
        ("the bruise on my shin is fading, calves tight", "skin_lesion"),
    ],
)
def test_flagged(text: str, flag: str) -> None:
    assert flag in flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # A date opening the next clause dates the event before the comma.
        (
            "I had a burning pain down my leg just the one time, about nine years "
            "ago while moving house. Hamstrings are tight now.",
            "shooting_pain",
        ),
        # A bruise that faded is over.
        ("There was a bruise on my shin but it faded last week", "skin_lesion"),
        # Figures of speech about money and feelings.
        (
            "Profits have fallen off a cliff this quarter and my neck is in knots",
            "recent_trauma",
        ),
        (
            "Honestly a bit numb about the redundancy. Traps in knots.",
            "radiating_numbness",
        ),
        # Someone else wanting to try something other than the ball.
        (
            "My sister has osteoporosis and wants to try yoga. My calves are tight.",
            "osteoporosis",
        ),
    ],
)
def test_not_flagged(text: str, flag: str) -> None:
    assert flag not in flags(text)


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("aching low in the back of my thigh and right behind the knee", "knee_back"),
        ("a dull ache behind and around my left eye", "eye"),
    ],
)
def test_behind_before_a_body_part_is_a_place(text: str, region: str) -> None:
    regions = find_sources(text).regions
    assert region in regions
    assert "buttock" not in regions


def test_behind_alone_is_still_the_bottom() -> None:
    assert "buttock" in find_sources("my behind is sore after the long ride").regions
