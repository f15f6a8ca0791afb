"""The health screen's dated answers turn into the right conditions, day by day."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from knotwork.domain.safety.health_facts import (
    SCREEN_PROMPTS,
    HealthFacts,
    InvalidHealthFacts,
    health_facts,
    medicine_class,
    read_screen,
    with_screen,
)

TODAY = date(2026, 12, 5)
PREGNANCY = {"pregnancy", "pregnancy_from_20_weeks", "pregnancy_third_trimester"}


def facts(**answers: object) -> HealthFacts:
    given = {
        "age_band": None,
        "pregnant_weeks": None,
        "gave_birth_on": None,
        "medicines": (),
    }
    return health_facts(**(given | answers), today=TODAY)  # type: ignore[arg-type]


def test_weeks_of_pregnancy_count_on_from_the_day_they_were_given() -> None:
    saved = facts(pregnant_weeks=18)
    assert saved.conditions(TODAY, medicine_class) == ["pregnancy"]
    in_a_fortnight = TODAY + timedelta(days=14)
    assert saved.weeks_pregnant(in_a_fortnight) == 20
    assert "pregnancy_from_20_weeks" in saved.conditions(in_a_fortnight, medicine_class)
    at_28 = TODAY + timedelta(weeks=10)
    assert "pregnancy_third_trimester" in saved.conditions(at_28, medicine_class)


def test_a_pregnancy_past_42_weeks_asks_again() -> None:
    saved = facts(pregnant_weeks=40)
    assert saved.to_ask_again(TODAY) == []
    assert "has your baby arrived" in saved.to_ask_again(TODAY + timedelta(weeks=3))[0]


def test_the_weeks_after_a_birth_count_for_twelve_weeks() -> None:
    saved = facts(gave_birth_on=TODAY - timedelta(weeks=3))
    assert "postpartum" in saved.conditions(TODAY, medicine_class)
    later = TODAY + timedelta(weeks=10)
    assert "postpartum" not in saved.conditions(later, medicine_class)


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Eliquis", "anticoagulants"),
        ("rivaroxaban", "anticoagulants"),
        ("low-dose aspirin", "antiplatelets"),
        ("Plavix", "antiplatelets"),
        ("prednisolone", "oral_steroids"),
        ("metformin", None),
        ("vitamin D", None),
    ],
)
def test_medicines_are_read_by_class_from_brand_or_generic_names(
    name: str, kind: str | None
) -> None:
    assert medicine_class(name) == kind


def test_age_bands_become_conditions() -> None:
    assert facts(age_band="50_plus").conditions(TODAY, medicine_class) == [
        "age_50_plus"
    ]
    assert facts(age_band="under_16").conditions(TODAY, medicine_class) == ["under_16"]
    assert facts(age_band="16_to_49").conditions(TODAY, medicine_class) == []


def test_an_answered_screen_replaces_old_pregnancy_and_age_ids() -> None:
    old = ["pregnancy", "age_50_plus", "osteoporosis"]
    now = facts(age_band="16_to_49")
    assert with_screen(old, now, TODAY, medicine_class) == ["osteoporosis"]
    assert with_screen(old, HealthFacts(), TODAY, medicine_class) == old


def test_the_one_parser_reads_plain_answers() -> None:
    read = read_screen(
        {
            "age_band": "52",
            "pregnant_weeks": "no",
            "gave_birth_on": "",
            "medicines": "warfarin; vitamin D",
            "implant": "yes",
        }
    )
    assert read.age_band == "50_plus"
    assert read.pregnant_weeks is None
    assert read.medicines == ("warfarin", "vitamin D")
    assert read.implant


@pytest.mark.parametrize(
    "answers",
    [
        {"age_band": "old"},
        {"pregnant_weeks": "twenty"},
        {"pregnant_weeks": "43"},
        {"gave_birth_on": "last tuesday"},
        {"implant": "maybe"},
        {"shoe_size": "9"},
        {"medicines": ", ".join(f"med{i}" for i in range(21))},
        {"medicines": "x" * 61},
    ],
)
def test_bad_answers_are_refused_clearly(answers: dict[str, str]) -> None:
    with pytest.raises(InvalidHealthFacts):
        parsed = read_screen(answers)
        facts(
            age_band=parsed.age_band,
            pregnant_weeks=parsed.pregnant_weeks,
            gave_birth_on=parsed.gave_birth_on,
            medicines=parsed.medicines,
        )


def test_a_birth_in_the_future_is_refused() -> None:
    with pytest.raises(InvalidHealthFacts):
        facts(gave_birth_on=TODAY + timedelta(days=1))


def test_every_prompt_has_words_and_a_hint() -> None:
    assert all(p.text.endswith("?") or p.text.endswith(".") for p in SCREEN_PROMPTS)
    assert all(p.hint for p in SCREEN_PROMPTS)


@given(st.integers(0, 42), st.integers(0, 400))
def test_pregnancy_stages_only_move_forward(weeks: int, days: int) -> None:
    saved = facts(pregnant_weeks=weeks)
    order = ["pregnancy", "pregnancy_from_20_weeks", "pregnancy_third_trimester"]

    def stage(day: date) -> int:
        found = set(saved.conditions(day, medicine_class)) & PREGNANCY
        return max(order.index(c) for c in found)

    assert stage(TODAY + timedelta(days=days)) >= stage(TODAY)
