"""Questions that tell, medicines never taken, and English from everywhere.

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
        (
            "Is it normal that my hand has felt kind of dead since Sunday?",
            "radiating_numbness",
        ),
        (
            "Should I worry that my hip was replaced five weeks ago? Glutes tight.",
            "recent_surgery",
        ),
        (
            "Would the ball help with the headache that hit me out of nowhere this "
            "morning, like being clubbed?",
            "sudden_severe_headache",
        ),
        (
            "Is rolling ok a month after having a baby? Asking for me, my neck is "
            "sore.",
            "postpartum",
        ),
        (
            "Are cortisone shots a problem? Asking because I had one in my knee on "
            "Monday.",
            "recent_injection",
        ),
        (
            "Does anyone else find their trousers getting loose without dieting while "
            "their back aches?",
            "unexplained_weight_loss",
        ),
        (
            "I have 61 years and a new headache on the side of my head for ten days",
            "giant_cell_arteritis",
        ),
        ("My son have 12 years and he want to use my ball for his calves", "under_16"),
        (
            "Since a week I cannot hold my water and my back is paining",
            "saddle_numbness_or_bladder_change",
        ),
        ("Mi cyaan feel mi feet proper since di sugar get bad", "radiating_numbness"),
        (
            "The wean's only five week old, had him by section. Back's sore.",
            "postpartum",
        ),
        (
            "Cardiologist says I'm on rat poison for my valve. Traps tight.",
            "anticoagulants",
        ),
        (
            "Biopsy of my bone marrow done and they keep an eye on my platelets, "
            "count was 35",
            "low_platelets",
        ),
        (
            "Cortisone injection in my elbow on Friday, plus a flu jab. Can I roll it?",
            "recent_injection",
        ),
    ],
)
def test_told_though_asked_or_said_another_way(text: str, flag: str) -> None:
    assert flag in flags(text), check_safety(text)


@pytest.mark.parametrize(
    "text",
    [
        "The GP wrote me a prescription for apixaban in May but the scan was clear, "
        "so I never took any. Calves tight.",
        "Had my travel jabs in my arm a fortnight ago. Hamstrings tight now.",
        "Is it safe if someone has osteoporosis? Just wondering, my traps are tight.",
        "My mum had a clot last year. Asking for myself: tight calves, no flights.",
        "Before my long flight next month, can rolling help prevent a DVT? Calves "
        "fine.",
        "I'm 70 and they checked me for temporal arteritis a while back, all clear. "
        "Hamstrings tight.",
        "My grandad, 82, has been getting new headaches. I'm 40 and my back is stiff.",
        "I work at the port loading containers. Lower back stiff.",
    ],
)
def test_harmless_though_alarming(text: str) -> None:
    assert check_safety(text).verdict in ("ok", "modify"), check_safety(text)


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("My wing bone aches, deep under the top of it", "shoulder_blade"),
        ("ache where my bra strap digs in on my shoulders", "shoulder_top"),
        ("the crease at the front of my hip aches", "groin"),
        ("sore along the belt line at the back", "low_back"),
    ],
)
def test_everyday_names_for_places(text: str, region: str) -> None:
    assert region in find_sources(text).regions
