"""More of what the reader understands: urgent signs in plain words, and who acts.

Worded apart from every vignette file, so these test the rule, not a line.
"""

from __future__ import annotations

import pytest

from knotwork.domain.safety.verdict import check_safety
from tests.domain.safety_flags import flags


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # A fall or a blow, then a limb that will not work or looks wrong.
        (
            "slipped in the shower on Tuesday, can't stand on my ankle at all",
            "suspected_fracture",
        ),
        (
            "fell off the trampoline and my little finger looks crooked",
            "suspected_fracture",
        ),
        # A joint that turns hot, red and swollen.
        ("my ankle is swollen, red and hot since last night", "hot_swollen_joint"),
        # Breathless on almost nothing, new.
        (
            "I'm breathless just walking across the room, never been like this",
            "breathless_on_little_effort",
        ),
        # Dizziness with another sign of the back of the brain.
        (
            "when I look up at the ceiling I go dizzy and see double",
            "dizziness_with_neuro_signs",
        ),
        # Weight going without trying, with pain that wakes.
        (
            "lost two stone without trying and the pain wakes me every night",
            "weight_loss_with_night_pain",
        ),
        # A passing loss of speech still matters once it has passed.
        ("last night I talked gibberish for ten minutes, fine now", "stroke_signs"),
    ],
)
def test_urgent_signs_in_plain_words_stop(text: str, flag: str) -> None:
    result = check_safety(text)
    assert flag in {r.id for r in result.reasons}, text
    assert result.verdict == "stop", text


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # "They" are the doctors and what they treat is the person's own.
        ("they're treating a growth in my bowel with chemo", "cancer"),
        # "They" are the person's own platelets.
        ("my platelets are checked monthly as they run low", "low_platelets"),
        # Somebody else acts, the person is the one hurt.
        (
            "a van drove into the back of me at the roundabout last week",
            "recent_whiplash",
        ),
        # What began "since" a past event goes on now.
        (
            "since my spinal injury ten years ago I can't feel hot or cold in my legs",
            "reduced_sensation",
        ),
        # A past date, then "and now": the time moves on.
        (
            "had a DVT five years ago and now my calf is swollen again",
            "calf_swelling_warmth",
        ),
        # Colour words after "gone" say what it became, not that it went.
        ("strained my calf at netball yesterday, it's gone blue", "acute_injury"),
        (
            "my tummy muscles have a gap down the middle since the twins",
            "diastasis_recti",
        ),
        (
            "I get cramp in my calf after 300 metres that eases if I stop",
            "peripheral_arterial_disease",
        ),
    ],
)
def test_conditions_said_indirectly_count(text: str, flag: str) -> None:
    assert flag in flags(text), text


@pytest.mark.parametrize(
    "text",
    [
        # Someone else, a character, a grandchild.
        "my hubby has sciatica, my own shoulders are just tight",
        "the hero of the series dies of a stroke, my neck is stiff from the sofa",
        "our grandchild is due next month, upper back tense",
        # "I see" a sight, not patients.
        "I see stars when I stand up too fast after squats, quads sore",
        # A bilateral, settled swelling is not one hot calf.
        "both feet puffy after the long drive, gone down by morning, calves tight",
        # Topic, idiom and job.
        "watched a documentary about blood clots, my glutes are tight",
        "a dental-bill heart attack waiting to happen; traps tight",
        "I'm a tattoo artist and my mid back is knotted",
        # An age given outright outranks a school year mentioned in passing.
        "broke my arm in year 8, I'm 30 now and my forearms are tight",
        # Numbness that goes on standing, balls of the feet, a gaming session.
        "numb backside after a long drive, goes when I stand, glutes tight",
        "the balls of my feet ache two days after the dance class",
    ],
)
def test_ordinary_soreness_stays_ok(text: str) -> None:
    assert check_safety(text).verdict == "ok", (text, flags(text))
