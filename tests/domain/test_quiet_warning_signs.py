"""The quieter warning signs and how time changes them.

Worded apart from every vignette file, so these test the rule, not a line.
"""

from __future__ import annotations

import pytest

from knotwork.domain.finder.ranking import find_sources
from tests.domain.safety_flags import flags


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("my knee throbs while I'm lying still in bed, fine by day", "worse_at_rest"),
        (
            "rolled my calves on Saturday and the ache lingered all weekend",
            "lasting_after_session",
        ),
        (
            "jeans are loose and I haven't changed a thing I eat",
            "unexplained_weight_loss",
        ),
        (
            "a squeezing feeling behind my breastbone when I haul bags up the "
            "stairs, goes off when I stand still",
            "exertional_chest_pain",
        ),
        ("banged my shin on the bed frame and it's gone purple", "skin_lesion"),
    ],
)
def test_flagged(text: str, flag: str) -> None:
    assert flag in flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # Next-day tenderness that settled within a day is expected.
        (
            "calves a bit tender the day after rolling, back to normal by evening",
            "lasting_after_session",
        ),
        # A date is not a span of days.
        (
            "started with the ball two days ago, not much change yet",
            "lasting_after_session",
        ),
        ("my calves felt a bit bruised after the spiky ball", "skin_lesion"),
        # A general question about a clot, and a future flight.
        (
            "What would a clot in the leg feel like? Mine are just tight.",
            "clot_history",
        ),
        (
            "I fly to Perth tomorrow and will stretch on the flight; calves a "
            "bit tight",
            "calf_swelling_warmth",
        ),
        # A swelling with its cause, gone in a day.
        ("my ankle swelled up from a bee sting last week", "calf_swelling_warmth"),
        ("all the time in bed with flu left my back stiff", "worse_at_rest"),
        ("stood at the bar all night, feet throbbing", "worse_at_rest"),
    ],
)
def test_not_flagged(text: str, flag: str) -> None:
    assert flag not in flags(text)


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("the soft part above my collarbone aches", "neck_side"),
        ("the hollow at the back of my knee hurts", "knee_back"),
        ("the front bone of my leg is sore", "shin"),
        ("the fold where my leg joins my body aches", "groin"),
    ],
)
def test_unusual_words_for_places(text: str, region: str) -> None:
    assert region in find_sources(text).regions


def test_behind_leading_on_is_no_bottom() -> None:
    regions = find_sources("back of my shoulder, just behind where the arm joins")
    assert "buttock" not in regions.regions
