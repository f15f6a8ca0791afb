"""Both legs then one, a treatment that ends later, causes that are others'.

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
            "Long drive back from Spain on Friday. Both calves ached at first but "
            "now the right one is puffier and hot to touch",
            "calf_swelling_warmth",
        ),
        ("my radiotherapy ends next month and my neck aches", "cancer"),
        ("Chemo finishes in three weeks, can I roll my upper back?", "cancer"),
        (
            "At the five-a-side I felt a sudden grab in my calf and limped off. "
            "Can I roll it?",
            "acute_injury",
        ),
        (
            "Went over on the ice on Friday and I've been limping ever since, hip sore",
            "suspected_fracture",
        ),
        (
            "Tripped over the hoover and went flat on my face yesterday, knee aches",
            "recent_trauma",
        ),
    ],
)
def test_signs_that_count(text: str, flag: str) -> None:
    assert flag in flags(text), check_safety(text)


@pytest.mark.parametrize(
    "text",
    [
        "Both calves tight after the flight, though the left one is a touch tighter",
        "Both calves feel heavy after the flight but neither one is swollen",
        "If I ever need radiotherapy, should I stop rolling? Calves tight for now.",
        "What keeps me up at night is my partner's snoring. Shoulders tight.",
        "My daughter had flu last week but she's bounced back and so have I. "
        "Glutes sore from the gym.",
        "A tingle of anticipation before the race, hamstrings tight",
        "Fell off the wagon with my yoga and my hips are stiff",
        "Saturday Night Fever night at the club, calves sore from dancing",
        "I'm a carer and spend my days around dementia and strokes. My own "
        "back is just stiff.",
        "Long run yesterday and I hobbled home with sore legs lol, quads tight",
    ],
)
def test_harmless_messages(text: str) -> None:
    assert check_safety(text).verdict in ("ok", "modify"), check_safety(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("pins n needles in my right foot on n off since Monday", "tingling"),
        (
            "Grandad takes warfarin for his heart. He's asked for a ball for his "
            "sore shoulders and I'll help him.",
            "anticoagulants",
        ),
        (
            "Writing for my wife, she'd be the one using it: she's on apixaban and "
            "her neck is stiff.",
            "anticoagulants",
        ),
        (
            "My brother is on rivaroxaban after a clot. Could the ball help him "
            "with his tight calves?",
            "anticoagulants",
        ),
    ],
)
def test_the_person_the_ball_is_for(text: str, flag: str) -> None:
    assert flag in flags(text), check_safety(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        (
            "Grandpa (81) slipped on the patio on Sunday. His hip hurts and he can "
            "barely stand on it. Would rolling loosen it?",
            "suspected_fracture",
        ),
        (
            "She's on warfarin for her valve (my wife, I mean) and her calves are "
            "tight. She'd like to try the ball.",
            "anticoagulants",
        ),
        (
            "my brother is 70 and on apixaban. shoulders tight, he wants a go on my "
            "ball",
            "anticoagulants",
        ),
        (
            "Since Easter I've rolled my neck most nights and it's no better than "
            "it was then",
            "no_response",
        ),
        (
            "Fell off a chair reaching the loft a week back. The wrist puffed up "
            "straight away and it hurts to turn a key.",
            "suspected_fracture",
        ),
    ],
)
def test_more_signs_that_count(text: str, flag: str) -> None:
    assert flag in flags(text), check_safety(text)


@pytest.mark.parametrize(
    "text",
    [
        "my nephew is on blood thinners and wants a go on my ball, i said no. "
        "my hamstrings are tight",
        "Had bronchitis with a temperature in the autumn, fully recovered for "
        "months now. Calves tight.",
        "Twisted my knee the winter before last, fine ever since. Quads tight.",
        "I had baby blues after my boy was born, he's six now. Neck stiff.",
        "I'm taking her to radiotherapy every day this month; my own back is "
        "stiff from the car.",
    ],
)
def test_more_harmless_messages(text: str) -> None:
    assert check_safety(text).verdict in ("ok", "modify"), check_safety(text)
