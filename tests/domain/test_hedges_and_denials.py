"""Hedges, bare denials and other people's cases, read the way a person means them."""

from __future__ import annotations

import pytest

from knotwork.domain.safety.verdict import check_safety
from tests.domain.safety_flags import flags


def test_a_hedge_does_not_hide_a_foot_drop() -> None:
    # "sort of" between the foot and what it does is only a hedge.
    text = "since Monday the left foot kinda catches on every kerb I step up"
    assert "weakness" in flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "zero pins and needles, zero numbness, just stiff shoulders from rowing",
        "nil numbness and nil tingling, my forearms are tight from the climbing wall",
    ],
)
def test_zero_and_nil_deny_as_no_does(text: str) -> None:
    assert check_safety(text).verdict in ("ok", "modify")


def test_nil_improvement_is_no_improvement() -> None:
    text = "a fortnight of rolling my glute every evening and nil improvement"
    assert "no_response" in flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("a bloke at my gym is on apixaban; my quads are tight", "anticoagulants"),
        (
            "paramedic here, seen plenty of heart attacks this year; "
            "my own calves are just tight from the stairs",
            "chest_pain_with_breathlessness",
        ),
        (
            "my hand went numb for a second on the bus, fine again after; "
            "forearms tight from typing",
            "radiating_numbness",
        ),
        (
            "my brother-in-law's mate is on blood thinners. I'm not on anything, "
            "hamstrings tight",
            "anticoagulants",
        ),
    ],
)
def test_other_peoples_cases_and_passing_moments_do_not_count(
    text: str, flag: str
) -> None:
    assert flag not in flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        (
            "a van drove into the back of mine at the lights last week, neck sore",
            "recent_trauma",
        ),
        (
            "the room swims for a moment whenever I tip my head back; neck stiff",
            "neck_dizziness",
        ),
        ("I'm 84 and the skin on my forearms is thin and tears easy", "frail_skin"),
    ],
)
def test_plain_descriptions_of_signs_are_caught(text: str, flag: str) -> None:
    assert flag in flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        (
            "my arm went dead leaning on the desk, pins and needles a minute, "
            "then gone; shoulders tight",
            "tingling",
        ),
        (
            "my foot went numb kneeling to weed, woke up again in a minute; "
            "quads tight",
            "radiating_numbness",
        ),
        ("caught scarlet fever at 14; my calves are tight from netball", "fever"),
    ],
)
def test_moments_that_passed_and_illness_in_youth_do_not_count(
    text: str, flag: str
) -> None:
    assert flag not in flags(text)


def test_a_clock_hour_is_not_a_young_age() -> None:
    assert "fever" in flags("had a temperature at 9 this morning, back aches")


def test_two_days_of_the_month_give_a_span() -> None:
    text = (
        "Began rolling my calf every night since the 2nd. It's the 19th now "
        "and it feels just the same"
    )
    assert "no_response" in flags(text)


def test_days_of_the_month_too_close_give_no_span() -> None:
    text = "Began rolling my calf since the 10th. It's the 14th and it feels the same"
    assert "no_response" not in flags(text)


def test_a_next_sentence_that_opens_with_it_went_ends_the_sign() -> None:
    text = (
        "Pins and needles in my hand after a long paddle on Sunday. It went "
        "within ten minutes of stopping. Now only my forearms feel tight."
    )
    assert "tingling" not in flags(text)


def test_a_wound_still_healing_is_still_there() -> None:
    text = "grazed my knee on the track a few days ago, it's healing; quads tight"
    assert "skin_lesion" in flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "still waiting for my operation on the shoulder; traps tight",
        "my hip replacement on the waiting list won't be till summer; glutes tight",
    ],
)
def test_an_operation_still_awaited_is_no_recent_surgery(text: str) -> None:
    assert "recent_surgery" not in flags(text)


def test_the_condition_an_operation_is_awaited_for_is_there_now() -> None:
    text = "a groin hernia that I'm on the waiting list for; adductors tight"
    assert "abdominal_hernia" in flags(text)
