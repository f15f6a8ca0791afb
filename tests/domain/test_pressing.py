"""Confirm by pressing: yes lifts a source to the top, no moves it down."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from knotwork.domain.finder.ranking import (
    UnknownMuscle,
    find_sources,
    parse_presses,
    routine_targets,
)

TEXT = "headache at the back of my head"


def test_a_confirmed_source_ranks_first_and_says_why() -> None:
    before = find_sources(TEXT).candidates
    second = before[1].muscle
    after = find_sources(TEXT, confirmed=[second]).candidates
    assert after[0].muscle == second
    assert after[0].pressed == "confirmed"
    assert "confirmed by pressing" in after[0].why
    assert after[0].score > after[1].score


def test_a_ruled_out_source_moves_down_but_stays_listed() -> None:
    before = find_sources(TEXT).candidates
    top = before[0].muscle
    after = find_sources(TEXT, ruled_out=[top]).candidates
    assert after[0].muscle != top
    demoted = next(c for c in after if c.muscle == top)
    assert demoted.pressed == "ruled_out" and "did not bring back" in demoted.why
    assert after[-1].muscle == top


def test_a_confirmed_muscle_outside_the_list_is_added() -> None:
    after = find_sources(TEXT, confirmed=["soleus"]).candidates
    assert after[0].muscle == "soleus" and after[0].pressed == "confirmed"


def test_unknown_muscles_are_refused() -> None:
    with pytest.raises(UnknownMuscle, match="no muscle called 'nope'"):
        find_sources(TEXT, confirmed=["nope"])


def test_the_routine_works_confirmed_sources_only() -> None:
    found = find_sources(TEXT, confirmed=["upper_trapezius"]).candidates
    assert routine_targets(found, 2) == ["upper_trapezius"]
    plain = find_sources(TEXT).candidates
    assert routine_targets(plain, 2) == [c.muscle for c in plain[:2]]
    ruled = find_sources(TEXT, ruled_out=[plain[0].muscle]).candidates
    assert plain[0].muscle not in routine_targets(ruled, 2)


def test_answers_parse_and_the_last_answer_wins() -> None:
    values = ["calf:yes", "soleus:no", "calf:no", "bad", "x:maybe", "temporalis:unsure"]
    assert parse_presses(values) == ([], ["calf", "soleus"])


@given(
    st.sets(
        st.sampled_from(
            [
                "suboccipitals",
                "upper_trapezius",
                "temporalis",
                "sternocleidomastoid",
                "semispinalis_capitis",
            ]
        )
    ),
    st.sets(st.sampled_from(["suboccipitals", "upper_trapezius", "splenius_capitis"])),
)
def test_confirmed_always_lead_and_ruled_out_always_trail(
    confirmed: set[str], ruled_out: set[str]
) -> None:
    found = find_sources(TEXT, confirmed=confirmed, ruled_out=ruled_out).candidates
    groups = [{"confirmed": 0, None: 1, "ruled_out": 2}[c.pressed] for c in found]
    assert groups == sorted(groups)
    assert {c.muscle for c in found if c.pressed == "confirmed"} == confirmed
    assert {
        c.muscle for c in found if c.pressed == "ruled_out"
    } <= ruled_out - confirmed
