"""Plain answers to questions, and signs told in the plainest words.

Worded apart from every vignette file, so these test the rule, not a line.
"""

from __future__ import annotations

import pytest

from knotwork.domain.safety.verdict import check_safety
from tests.domain.safety_flags import flags


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        (
            "Back pain wakes me every night however I lie, and I've gone down two "
            "dress sizes though I eat as normal",
            "weight_loss_with_night_pain",
        ),
        (
            "Rolled my hip most evenings for three and a half weeks and it's not one "
            "bit better",
            "no_response",
        ),
        ("Wrenched my lower back yesterday moving the sofa", "acute_injury"),
        (
            "The nurse asked whether I get chest pain on the stairs. I do, and it "
            "goes when I stop.",
            "exertional_chest_pain",
        ),
    ],
)
def test_plain_answers_and_plain_words(text: str, flag: str) -> None:
    assert flag in flags(text), check_safety(text)


@pytest.mark.parametrize(
    "text",
    [
        "Operations? Never had any. Hamstrings tight from running.",
        "My housemate keeps quizzing me about pins and needles but I've had none. "
        "Neck stiff.",
    ],
)
def test_plain_noes(text: str) -> None:
    assert check_safety(text).verdict in ("ok", "modify"), check_safety(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        (
            "My knee came up hot, red and puffy overnight and I can't bend it",
            "hot_swollen_joint",
        ),
        (
            "When I look up at the top shelf the whole room swirls round; neck tight",
            "neck_dizziness",
        ),
        (
            "My fingers have gone fuzzy and clumsy this month, buttons are a struggle",
            "weakness",
        ),
        (
            "Had my baby four weeks ago and one calf is warm and fatter than the other",
            "calf_swelling_warmth",
        ),
    ],
)
def test_last_round_signs(text: str, flag: str) -> None:
    assert flag in flags(text), check_safety(text)


def test_normal_platelets_beside_a_low_back() -> None:
    text = "Bloods showed normal platelets; my low back aches from the move"
    assert check_safety(text).verdict in ("ok", "modify"), check_safety(text)


@pytest.mark.parametrize(
    "text",
    [
        "I'm 61 and my knee is a bit sore after gardening",
        "Arm went dead for a minute after I slept on it, then came right",
        "The worst headache in the office is the new printer; neck tight",
        "Sore chest and arms from carrying shopping up four flights all week",
        "My breast screening came back all clear; upper back stiff",
        "Only operation I ever had was grommets at age five; calves tight",
    ],
)
def test_a_bit_and_other_small_words(text: str) -> None:
    assert check_safety(text).verdict in ("ok", "modify"), check_safety(text)


def test_biting_still_counts_for_the_jaw() -> None:
    text = "I'm 67 and my jaw aches when I bite, new this month"
    assert "giant_cell_arteritis" in flags(text), check_safety(text)
