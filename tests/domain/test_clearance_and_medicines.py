"""A clinician's clearance said in the text, and medicines taken now.

Worded apart from every vignette file, so these test the rule, not a line.
"""

from __future__ import annotations

import pytest

from knotwork.domain.safety.verdict import check_safety
from tests.domain.safety_flags import flags


@pytest.mark.parametrize(
    "text",
    [
        "Hip replaced seven weeks ago; my physio said rolling my calves is fine.",
        "I have osteoporosis and my GP said a soft ball on my upper back is okay.",
        "Rheumatoid arthritis here. My consultant says gentle ball work is fine now.",
    ],
)
def test_a_clinician_in_the_text_clears_what_was_said_before(text: str) -> None:
    assert check_safety(text).verdict == "modify"


@pytest.mark.parametrize(
    "text",
    [
        # A denial is no clearance.
        "Knee surgery three weeks ago and the surgeon said no massage for now.",
        # Cleared for one thing, not for what comes after the turn.
        "The surgeon said my shoulder is fine for massage, but I had a spinal "
        "fusion last year and want to roll my low back.",
        # Someone else's clinician.
        "I had a knee replacement last month. My sister's physio said her ball "
        "work is fine.",
    ],
)
def test_no_clearance_where_none_was_given(text: str) -> None:
    assert check_safety(text).verdict == "clinician_first"


def test_a_clearance_never_lowers_a_stop_sign() -> None:
    text = "My physio said the ball is fine, but now my calf is swollen and hot."
    assert check_safety(text).verdict == "stop"


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("I'm on clopidogrel after a stent a few years ago", "antiplatelets"),
        ("still on rivaroxaban since my clot in 2019", "anticoagulants"),
        ("I take prednisolone, started after a flare two years ago", "oral_steroids"),
    ],
)
def test_a_medicine_the_person_is_on_is_taken_now(text: str, flag: str) -> None:
    assert flag in flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("I was on warfarin for six months in 2015, long finished", "anticoagulants"),
        (
            "A nurse on my team had a clot after surgery. My calves are tight.",
            "clot_history",
        ),
        (
            "Rehearsing a role as a woman who has a stroke; my jaw is tight.",
            "stroke_signs",
        ),
        (
            "Rolled my ankle at football on Sunday, it's swollen and purple; "
            "calf tight.",
            "calf_swelling_warmth",
        ),
    ],
)
def test_not_flagged(text: str, flag: str) -> None:
    assert flag not in flags(text)


def test_a_low_bone_density_result_is_osteoporosis() -> None:
    assert "osteoporosis" in flags("my bone density scan came back low in the spring")
