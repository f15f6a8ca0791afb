"""Conditions told by what they do, and who a thing happened to.

Worded apart from every vignette file, so these test the rule, not a line.
"""

from __future__ import annotations

import pytest

from knotwork.domain.finder.ranking import find_sources
from tests.domain.safety_flags import flags


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("my platelets were at 35 last month, hip tight", "low_platelets"),
        (
            "a little box under my right collarbone keeps my heart in rhythm",
            "implanted_device",
        ),
        ("had a boob job last year, pecs tight from the gym", "implanted_device"),
        (
            "small bulge at my belly button that pops out when I laugh",
            "abdominal_hernia",
        ),
        (
            "I take steroids for polymyalgia; my jaw tires when I chew",
            "giant_cell_arteritis",
        ),
        (
            "Since finishing radiotherapy last spring I've lost a stone without "
            "trying and my back aches at night",
            "weight_loss_with_night_pain",
        ),
        (
            "a lorry went into the back of us last week, neck stiff since",
            "recent_trauma",
        ),
        (
            "my mum can't feel her right side since her stroke; is the ball "
            "alright for her?",
            "reduced_sensation",
        ),
    ],
)
def test_flagged(text: str, flag: str) -> None:
    assert flag in flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("the swelling's going down and my calf is just tight", "shooting_pain"),
        ("crashed on my mate's sofa and woke with a stiff neck", "recent_trauma"),
        (
            "slept at my brother's house and woke with pins and needles in my arm "
            "from lying on it, gone in a minute",
            "tingling",
        ),
        ("dug the garden all day, back stiff", "recent_trauma"),
        (
            "I have a pacemaker; my left shoulder and chest are tight after darts",
            "chest_pain_with_breathlessness",
        ),
    ],
)
def test_not_flagged(text: str, flag: str) -> None:
    assert flag not in flags(text)


def test_a_rehearsal_is_no_story() -> None:
    assert find_sources("my tailbone aches in orchestra rehearsal").regions == [
        "tailbone"
    ]
