"""Courses that ended, conditions placed far from the work, and short answers.

Worded apart from every vignette file, so these test the rule, not a line.
"""

from __future__ import annotations

import pytest

from knotwork.domain.finder.ranking import find_sources
from knotwork.domain.language.understanding import default_reader
from knotwork.domain.safety.verdict import check_safety
from tests.domain.safety_flags import flags


def top(text: str, n: int = 3) -> list[str]:
    return [c.muscle for c in find_sources(text).candidates[:n]]


def test_a_skin_condition_far_from_the_work_changes_nothing_there() -> None:
    result = check_safety(
        "Scraped my elbow on the garden wall last weekend. My calves are what I "
        "want to roll."
    )
    assert result.verdict == "ok"
    assert result.areas["calf"] == "ok"
    assert "avoid" in {result.areas[a] for a in result.areas if a.startswith("elbow")}


@pytest.mark.parametrize(
    "text",
    [
        # Near the work, or said without a place: it still shapes the work.
        "grazed my ankle on the step; I want to roll my calf",
        "a patch of eczema flaring again, and my hamstrings are tight",
    ],
)
def test_a_skin_condition_near_the_work_or_unplaced_still_counts(text: str) -> None:
    assert check_safety(text).verdict == "modify"


def test_an_injection_far_from_the_work_asks_less_than_one_near_it() -> None:
    far = "Cortisone shot in my wrist two weeks ago. I want to work my glutes."
    near = "Cortisone shot in my hip two weeks ago. I want to roll my outer thigh."
    assert check_safety(far).verdict == "modify"
    assert check_safety(near).verdict == "clinician_first"


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("Quads tender three days after a rowing-machine session", False),
        ("neck worse for three days after the ball session", True),
        ("worse for four days since my physio session, shoulder sore", True),
    ],
)
def test_another_activitys_session_is_not_ball_work(text: str, counts: bool) -> None:
    assert ("lasting_after_session" in flags(text)) is counts


def test_a_clearance_covers_weeks_of_pregnancy_read_from_the_text() -> None:
    text = "I'm 26 weeks pregnant and the midwife said a ball on my upper back is fine"
    assert check_safety(text).verdict == "modify"


def test_a_clearance_covers_the_operation_told_just_after_it() -> None:
    text = (
        "The surgeon has cleared me to use a soft ball on my calves. "
        "My knee was replaced five months ago."
    )
    assert check_safety(text).verdict == "modify"


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        (
            "Took antibiotics for a kidney infection, completed them a month ago "
            "and I'm well. Neck stiff.",
            "ok",
        ),
        ("I've got a temperature, stopped work early today", "stop"),
        ("On steroid tablets for my lungs, finished the course but still wheezy", "ok"),
    ],
)
def test_a_finished_course_ends_what_it_treated(text: str, verdict: str) -> None:
    assert check_safety(text).verdict == verdict


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("I was on apixaban for a year after a PE", "clot_history"),
        (
            "A stent went into my leg artery in 2023 and the calf still cramps "
            "when I walk",
            "peripheral_arterial_disease",
        ),
        ("on anastrozole, shoulders tight", "cancer"),
        ("Is it OK to use the ball with a pacemaker? I have one.", "implanted_device"),
        ("Does being on blood thinners matter? I'm on them.", "anticoagulants"),
        # A dentist's injection matters where the jaw is to be worked.
        ("Injection at the dentist yesterday; can I roll my jaw?", "recent_injection"),
    ],
)
def test_conditions_said_in_passing_are_caught(text: str, flag: str) -> None:
    assert flag in flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "Had a numbing injection at the dentist on Friday, neck stiff",
        "Taking letrozole to help me ovulate, it's not for cancer. Hips tight.",
        "Care worker here: I give people their insulin and apixaban each morning, "
        "and my lower back is sore",
        "Weekly Ozempic jab, glutes tight from squats",
        "Is warfarin a worry with the ball? I have one more question too.",
    ],
)
def test_words_that_only_sound_like_a_condition(text: str) -> None:
    assert check_safety(text).verdict in ("ok", "modify")


def test_the_part_moved_is_not_where_it_hurts() -> None:
    read = default_reader().read(
        "After twisting my neck at the concert I had pain under my eye"
    )
    assert read.regions["eye"] > read.regions.get("neck_back", 0)


def test_folds_and_tops_of_parts_are_places() -> None:
    assert "adductors" in top("sharp pull in the crease at the top of my leg")
    assert "head_top" in default_reader().read("the top of my scalp is sore").regions


def test_the_unborn_babys_weeks_are_the_mothers_pregnancy() -> None:
    assert "pregnancy_third_trimester" in flags("bump is head down at 35 weeks now")
    assert "pregnancy_third_trimester" not in flags(
        "my niece is 31 weeks pregnant; my own neck is stiff"
    )


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # A spreading red streak from a bite or cut is an infection on the move.
        ("a scratch on my hand and now a red streak running up my forearm", "fever"),
        (
            "Humira jab went into my thigh this morning; can I roll my quads?",
            "recent_injection",
        ),
        (
            "Came off the climbing wall on Friday, landed on my elbow, it looks bent",
            "suspected_fracture",
        ),
    ],
)
def test_signs_told_in_passing_are_caught(text: str, flag: str) -> None:
    assert flag in flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "I take rivaroxaban, and my physio okayed gentle rolling. Calves tight.",
        "Ninety-one and my skin tears if I bump it, so I go carefully. Neck stiff.",
        "Four hours of shooting zombies on the console, neck and traps stiff",
        "Hand went dead leaning on it at my desk, came back in seconds. Traps tight.",
        "Blister on my big toe popped yesterday; want to roll my calves",
    ],
)
def test_everyday_words_for_ordinary_things(text: str) -> None:
    assert check_safety(text).verdict in ("ok", "modify")


@pytest.mark.parametrize(
    "text",
    [
        "athlete's foot between my toes, want to roll the arch of that foot",
        "ringworm on my inner thigh and my adductors are tight there",
    ],
)
def test_skin_infections_in_the_area_ask_for_care(text: str) -> None:
    assert check_safety(text).verdict == "modify"
