"""How far a denial reaches, and what it leaves standing.

Worded apart from every vignette file, so these test the rule, not a line.
"""

from __future__ import annotations

import pytest

from knotwork.domain.finder.ranking import find_sources
from knotwork.domain.safety.verdict import check_safety
from tests.domain.safety_flags import flags


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # "Nothing serious, just ..." minimises a sign; it does not deny it.
        (
            "nothing serious, just a dizzy spell whenever I turn my head",
            "neck_dizziness",
        ),
        # A denied swelling leaves a hot red joint standing.
        (
            "not swollen, but my ankle is red and hot and hurts to move",
            "hot_swollen_joint",
        ),
        (
            "fell off the wall yesterday, wrist sore right over the bone",
            "suspected_fracture",
        ),
        (
            "almost didn't make it to the loo twice today and my back is locked",
            "saddle_numbness_or_bladder_change",
        ),
        (
            "numb down below when I sit since my back went",
            "saddle_numbness_or_bladder_change",
        ),
        # "I was put on" starts a medicine.
        ("I was put on apixaban last spring", "anticoagulants"),
    ],
)
def test_flagged(text: str, flag: str) -> None:
    assert flag in flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # An example named inside a denial is denied with it.
        (
            "I'm not on any blood thinners like apixaban, just tight calves",
            "anticoagulants",
        ),
        # "I was on" a thinner has ended.
        ("I was on warfarin for a while but that finished years ago", "anticoagulants"),
        (
            "the GP listened to my chest and said it sounded fine; traps tight",
            "exertional_chest_pain",
        ),
        ("the tingling from my pregnancy went completely after the birth", "tingling"),
        (
            "signed me off work for a week with my back; glutes tight",
            "clinician_cleared",
        ),
        (
            "thirty years fishing in a heavy swell, forearms tight",
            "unexplained_swelling",
        ),
    ],
)
def test_not_flagged(text: str, flag: str) -> None:
    assert flag not in flags(text)


def test_signed_off_work_is_no_clearance_for_massage() -> None:
    text = "GP says it's a slipped disc and signed me off work for a week"
    assert check_safety(text).verdict == "clinician_first"


def test_a_place_along_a_part_is_no_back_pain() -> None:
    regions = find_sources("my middle finger aches along the back").regions
    assert "low_back" not in regions
    assert "fingers_radial" in regions
