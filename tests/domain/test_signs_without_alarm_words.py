"""Danger told without an alarming word, and alarming words told harmlessly.

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
            "My son says the right corner of my mouth droops when I talk",
            "stroke_signs",
        ),
        (
            "My heel feels like I've got a thick sock on when I'm barefoot",
            "radiating_numbness",
        ),
        ("can't do my coat buttons up lately, my fingers won't cooperate", "weakness"),
        (
            "Fine all day, but as soon as I lie down in bed my back gets unbearable",
            "worse_at_rest",
        ),
        (
            "I can't tell when I need a wee any more and my back aches",
            "saddle_numbness_or_bladder_change",
        ),
        (
            "woke up and had soaked the sheets, teeth chattering, everything aches",
            "fever",
        ),
        (
            "Turning my head I see two of the kettle and the kitchen tilts",
            "dizziness_with_neuro_signs",
        ),
        (
            "My ankle is the size of a grapefruit and red as a tomato since today",
            "hot_swollen_joint",
        ),
        (
            "On the tablets that need regular INR blood tests. Calves tight.",
            "anticoagulants",
        ),
        (
            "Rolled my calf on Monday. It's Thursday and I still can't walk far.",
            "lasting_after_session",
        ),
        (
            "Rolling my traps every night since the 3rd, 16 days now, and it is no "
            "different from day one",
            "no_response",
        ),
    ],
)
def test_danger_in_everyday_words(text: str, flag: str) -> None:
    assert flag in flags(text), check_safety(text)


@pytest.mark.parametrize(
    "text",
    [
        "This quarter has been a heart attack of a job. Traps solid.",
        "Two teething kids means broken sleep, and my neck is stiff",
        "I sew for a living, pins and needles in my life are literal. Neck tight.",
        "My uncle has a pacemaker and may try the ball later, but for now it's "
        "just me with tight calves.",
        "calves sore two days after hill sprints, both the same, roll them?",
        "Numb backside after the long drive, gone as soon as I got out. Glutes tight.",
        "Hot flushes wake me sweating at night; otherwise well. Shoulders knotted.",
    ],
)
def test_alarming_words_told_harmlessly(text: str) -> None:
    assert check_safety(text).verdict in ("ok", "modify")


def test_a_posture_explains_numbness_not_an_ache() -> None:
    text = "Ache inside my knee and up the inner thigh after sitting cross-legged"
    top = [c.muscle for c in find_sources(text).candidates[:3]]
    assert "adductors" in top


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        (
            "The boom slammed into my ribs last week; hurts when I take a deep breath",
            "recent_trauma",
        ),
        (
            "My hip hurts more when I'm sat doing nothing than on a walk",
            "worse_at_rest",
        ),
    ],
)
def test_blows_and_rest_pain_in_plain_words(text: str, flag: str) -> None:
    assert flag in flags(text)


def test_ball_work_asked_for_is_no_session_that_left_soreness() -> None:
    assert "lasting_after_session" not in flags(
        "hamstrings sore 3 days after squats, roll them?"
    )


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        (
            "toes go fizzy like lemonade, and it hangs about for ages now",
            "tingling",
        ),
        (
            "Looking up makes the room sway like a ferry. Neck stiff for weeks.",
            "neck_dizziness",
        ),
        (
            "purple and yellow patches on my shins, can't remember banging them",
            "unexplained_bruising",
        ),
        (
            "came off my scooter onto my hand today, wrist has a funny shape",
            "suspected_fracture",
        ),
        (
            "calves cramp after a few hundred yards; shins gone shiny and hairless",
            "peripheral_arterial_disease",
        ),
        (
            "After the scan they said my bones are like chalk. Upper back stiff.",
            "osteoporosis",
        ),
        ("Our baby arrived three weeks ago and my shoulders are knotted", "postpartum"),
        (
            "a bulge in the main artery in my tummy, scanned every year",
            "aortic_aneurysm",
        ),
        (
            "Had a needle put right into my hip joint on Monday; glutes tight",
            "recent_injection",
        ),
        ("on tablets for my sugar, calves tight", "diabetes"),
        (
            "Fourteen nights of the neck routine, exactly like night one",
            "no_response",
        ),
    ],
)
def test_conditions_in_the_words_of_people_without_medical_words(
    text: str, flag: str
) -> None:
    assert flag in flags(text), check_safety(text)


@pytest.mark.parametrize(
    "text",
    [
        "My quads are two lumps of concrete after the marathon",
        "legs are dead and my back is broken lol, just stiff from the gym",
        "I'm the dad: our baby arrived three weeks ago. Traps tight.",
    ],
)
def test_vivid_words_for_ordinary_soreness(text: str) -> None:
    assert check_safety(text).verdict in ("ok", "modify")


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        (
            "I can't finish a sentence without gulping air and my breastbone aches",
            "chest_pain_with_breathlessness",
        ),
        (
            "Mid-lift it felt like my head split open, and I couldn't stand the lights",
            "sudden_severe_headache",
        ),
        (
            "Belt's on the last notch, not dieting; the back pain gets me up at 4am",
            "weight_loss_with_night_pain",
        ),
        ("The baby's due in eight weeks and my low back aches", "pregnancy"),
        ("When I look up the kitchen swims, I grab the worktop", "neck_dizziness"),
        (
            "Fell off the stepladder onto my hand yesterday, can't turn the key now",
            "suspected_fracture",
        ),
        (
            "Foot feels like cardboard; can't tell where it is unless I look down",
            "radiating_numbness",
        ),
        ("The DEXA said -2.6 in my hip last spring", "osteoporosis"),
    ],
)
def test_more_signs_in_plain_words(text: str, flag: str) -> None:
    assert flag in flags(text), check_safety(text)


@pytest.mark.parametrize(
    "text",
    [
        "Dad is 74, got a new headache, turned out to be arteritis. My traps ache.",
        "Lost the final on penalties and I'm numb. Calves tight from the match.",
        "This month has been one long car crash at work; neck stiff",
        "Bone scan as a precaution came back normal, bones are fine. Mid back tight.",
    ],
)
def test_more_alarming_words_told_harmlessly(text: str) -> None:
    assert check_safety(text).verdict in ("ok", "modify"), check_safety(text)


def test_a_pain_that_scared_the_person_is_still_a_place() -> None:
    text = "Aching in my upper chest that scared me; the heart tests were clear"
    top = [c.muscle for c in find_sources(text).candidates[:3]]
    assert {"pectoralis_major", "pectoralis_minor"} & set(top)
