"""Form-style answers, signs that return, periods up to now, past pregnancies.

Worded apart from every vignette file, so these test the rule, not a line.
"""

from __future__ import annotations

import pytest

from knotwork.domain.finder.ranking import find_sources
from knotwork.domain.safety.verdict import check_safety
from tests.domain.safety_flags import flags


@pytest.mark.parametrize(
    "text",
    [
        "Numb hands? No. Chest pain? None at all. Just stiff traps from the desk.",
        "Fever? Nope. My calves are tight from the hills.",
    ],
)
def test_a_question_answered_no_rules_the_sign_out(text: str) -> None:
    assert check_safety(text).verdict == "ok"


def test_a_question_answered_yes_keeps_the_sign() -> None:
    assert "tingling" in flags("Pins and needles? Yes, in my right hand most days.")


def test_a_sign_that_returned_on_a_date_is_here_again() -> None:
    text = (
        "The numbness in my foot settled in the spring, but it came back at the "
        "end of last month and spreads up my shin now."
    )
    assert check_safety(text).verdict == "stop"


def test_a_season_told_in_the_present_perfect_runs_up_to_now() -> None:
    text = "Over the winter I've lost a stone without trying, and my back aches."
    assert "unexplained_weight_loss" in flags(text)
    # Told in the simple past, the season is over.
    assert "unexplained_weight_loss" not in flags(
        "Over the summer I lost weight without trying but it's back on now."
    )


@pytest.mark.parametrize(
    ("text", "pregnant"),
    [
        ("Spider veins on my legs since my first pregnancy; hamstrings tight", False),
        ("After my last pregnancy my tummy muscles split; glutes tight", False),
        ("Since my second trimester began my hips ache; I'm pregnant", True),
        ("Counting down: I'll be 15 weeks on Monday. Upper back knotty.", True),
    ],
)
def test_a_pregnancy_that_dates_something_else_is_over(
    text: str, pregnant: bool
) -> None:
    assert ("pregnancy" in flags(text)) is pregnant


def test_remission_is_a_history_of_cancer() -> None:
    text = "Done with radiotherapy in May; the scan found no evidence of disease."
    assert "cancer_history" in flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "Had a pacemaker fitted in 2019. This morning my chest hurts and I can't "
        "get enough air.",
        "Chest feels heavy and I can't get a proper breath in",
    ],
)
def test_breathlessness_said_plainly(text: str) -> None:
    assert check_safety(text).verdict == "stop"


def test_a_sign_off_for_self_massage_clears_the_operation() -> None:
    text = "Knee arthroscopy last month; my surgeon signed me off for self-massage."
    assert check_safety(text).verdict == "modify"


def test_a_cue_word_hints_at_a_muscle_only_near_its_places() -> None:
    throat = [
        c.muscle for c in find_sources("sore throat feeling on one side").candidates
    ]
    assert "quadratus_lumborum" not in throat[:5]
    back = [c.muscle for c in find_sources("one-sided ache low in my back").candidates]
    assert back[0] == "quadratus_lumborum"


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        (
            "Leg went numb on the loo, came back as soon as I stood. Hamstrings tight.",
            "ok",
        ),
        ("fractured my ankle at 10, calves tight from netball now", "ok"),
        ("I'm 58, scalp fine, jaw fine when chewing, just my usual neck ache", "ok"),
    ],
)
def test_what_is_over_or_fine_and_what_is_today(text: str, verdict: str) -> None:
    assert check_safety(text).verdict == verdict


def test_an_injury_at_a_clock_time_today_is_recent() -> None:
    text = "cracked a rib at 8 this morning when I fell off the ladder"
    assert check_safety(text).verdict in ("clinician_first", "stop")


def test_a_programme_followed_for_weeks_without_change_is_no_response() -> None:
    text = "Two weeks on the programme, ball on my glute twice a day, no better."
    assert "no_response" in flags(text)
