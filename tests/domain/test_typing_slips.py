"""Safety words typed with a slip are still read; other words are left alone.

Worded apart from every vignette file, so these test the rule, not a line.
"""

from __future__ import annotations

import pytest

from knotwork.domain.language.stemming import stem
from knotwork.domain.language.understanding import default_reader
from tests.domain.safety_flags import flags


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("tingeling", "tingling"),
        ("numbess", "numbness"),
        ("pregant", "pregnant"),
        ("warfrin", "warfarin"),
        ("osteoporsis", "osteoporosis"),
    ],
)
def test_a_slip_in_a_safety_word_reads_as_the_word(typed: str, meant: str) -> None:
    reader = default_reader()
    assert reader.tokens(typed)[0].stem == reader.tokens(meant)[0].stem


@pytest.mark.parametrize("word", ["lifting", "running", "shoulder", "walking"])
def test_ordinary_words_are_not_corrected(word: str) -> None:
    # An everyday word keeps its own stem, never a nearby safety word's.
    assert default_reader().tokens(word)[0].stem == stem(word)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("my fingers gone all tingeling since this morning", "tingling"),
        ("numbess spreading up my arm since tues", "radiating_numbness"),
        ("had my knee replaced in may, its july now, quads tight", "recent_surgery"),
        (
            "came off the scooter today landed on my elbow and it hurts like hell to "
            "move it",
            "suspected_fracture",
        ),
        ("Since having our son four weeks ago my back is in knots", "postpartum"),
        ("they took out the glands under my arm in my cancer op", "lymphoedema"),
        ("I have a port for my IV infusions under my collarbone", "implanted_device"),
    ],
)
def test_flagged(text: str, flag: str) -> None:
    assert flag in flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        (
            "foot went to pins and needles sitting on the floor, went away in a "
            "min once i moved",
            "tingling",
        ),
        ("I'm the pacemaker for my club's half marathon group", "implanted_device"),
        ("at 80 my skin tears easy, forearms ache from gardening", "acute_injury"),
    ],
)
def test_not_flagged(text: str, flag: str) -> None:
    assert flag not in flags(text)


def test_a_fever_that_broke_is_over_with_the_list_before_it() -> None:
    text = (
        "Had the flu six days ago - fever, sweats, the works - but it broke on "
        "Sunday and I've been fine since."
    )
    assert "fever" not in flags(text)
