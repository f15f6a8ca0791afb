"""A tearing pain through to the back, and words that only look like an end.

Worded apart from every vignette file, so these test the rule, not a line.
"""

from __future__ import annotations

import pytest

from knotwork.domain.language.numbers import spoken_number
from knotwork.domain.language.text import tokenize
from knotwork.domain.safety.verdict import check_safety
from tests.domain.safety_flags import flags


@pytest.mark.parametrize(
    "text",
    [
        "Out of nowhere a ripping pain in my chest that went straight through "
        "to my back between my shoulder blades",
        "Sudden tearing pain in my belly, I felt faint and clammy",
    ],
)
def test_tearing_pain_to_the_back_is_an_emergency(text: str) -> None:
    result = check_safety(text)
    assert "tearing_pain_to_back" in flags(text), result
    assert result.verdict == "stop"


def test_a_muscle_torn_in_sport_is_an_injury_not_an_artery() -> None:
    text = "A tearing feeling in my hamstring during the sprint, now it hurts to walk"
    assert "tearing_pain_to_back" not in flags(text)
    assert "acute_injury" in flags(text)


def test_a_widened_artery_in_plain_words_is_an_aneurysm() -> None:
    text = "The doctor said the blood vessel in my tummy is wider than it should be."
    assert "aortic_aneurysm" in flags(text + " Lower back tight.")


@pytest.mark.parametrize(
    "text",
    [
        "Shovelling and clearing snow all morning, my upper back is knotted",
        "My neck was stiff for a week but it eased off on Friday, just tight traps",
        "Can't feel my legs lol after that spin class, quads sore",
        "Ripped my jeans doing squats, glutes tight",
        "Tearing up at the film, neck stiff after sitting",
    ],
)
def test_harmless_words_that_look_alarming(text: str) -> None:
    assert check_safety(text).verdict == "ok", check_safety(text)


def test_an_age_followed_by_here_is_the_writers_own() -> None:
    text = "58 here. Brand new headaches this month and my jaw aches when I chew"
    assert "giant_cell_arteritis" in flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        (
            "I'm thirty weeks pregnant and my lower back aches",
            "pregnancy_third_trimester",
        ),
        ("Twenty-eight weeks along, glutes tight", "pregnancy_third_trimester"),
        ("I'm twenty two weeks, can I roll my calves?", "pregnancy_from_20_weeks"),
    ],
)
def test_weeks_of_pregnancy_in_words(text: str, flag: str) -> None:
    assert flag in flags(text)


@pytest.mark.parametrize(
    ("words", "value"),
    [("seventy two", 72), ("eight", 8), ("nineteen", 19), ("45", 45), ("sixty", 60)],
)
def test_spoken_numbers(words: str, value: int) -> None:
    read = spoken_number(tokenize(words), 0)
    assert read is not None and read[0] == value


@pytest.mark.parametrize(
    "text",
    [
        "Pins and needles in my hand because the cat slept on my arm, gone within "
        "a minute. Shoulders tight",
        "Numbness in my foot because I knelt on it, which went after a minute",
    ],
)
def test_a_reason_between_a_sign_and_its_end_does_not_hide_the_end(text: str) -> None:
    assert check_safety(text).verdict == "ok", check_safety(text)


@pytest.mark.parametrize(
    "text",
    [
        "My left calf swelled on the long flight home, it's gone down a bit now",
        "My calf came up swollen after the coach trip and has settled slightly",
        "Tingling in my fingers since Tuesday, it's eased off a little",
    ],
)
def test_a_sign_only_partly_gone_still_counts(text: str) -> None:
    assert check_safety(text).verdict == "stop", check_safety(text)
