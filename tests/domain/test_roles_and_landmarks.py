"""Who a message's opening role names, and places given by a landmark.

Worded apart from every vignette file, so these test the rule, not a line.
"""

from __future__ import annotations

import pytest

from knotwork.domain.finder.ranking import find_sources
from knotwork.domain.language.stemming import stem
from knotwork.domain.language.understanding import default_reader
from knotwork.domain.safety.verdict import check_safety
from tests.domain.safety_flags import flags


def top(text: str, n: int = 3) -> list[str]:
    return [c.muscle for c in find_sources(text).candidates[:n]]


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("Rugby player, on rivaroxaban, tight hamstrings", "anticoagulants"),
        ("Hockey coach here with a DVT in March", "clot_history"),
        ("Trainee teacher aged 24 with lupus in my wrists", "rheumatoid_arthritis"),
    ],
)
def test_a_role_that_opens_the_message_is_the_writer(text: str, flag: str) -> None:
    assert flag in flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "My coach is on rivaroxaban; my hamstrings are tight",
        "A player in my team had a DVT in March. My calves are tight.",
        "Teacher says she has lupus, my forearms ache from typing",
    ],
)
def test_a_role_named_as_someone_else_stays_theirs(text: str) -> None:
    assert check_safety(text).verdict in ("ok", "modify")


def test_here_is_a_place_not_her() -> None:
    # "Here" once shared its stem with "her", so "nurse here" read as hers.
    assert stem("here") != stem("her")
    assert "clot_history" in flags("Nurse here, I had a clot in my leg last year")


def test_a_lump_on_a_bone_after_a_fall_may_be_a_break() -> None:
    text = "Tripped on the kerb two days ago and a bump has come up on my collarbone"
    result = check_safety(text)
    assert result.verdict == "stop"
    assert "suspected_fracture" in {r.id for r in result.reasons}
    # The same bump, years old and with no fall, is no break.
    assert "suspected_fracture" not in flags("a bump on my collarbone for years")


def test_a_clearance_said_with_emphasis_still_clears() -> None:
    text = "I have type 2 diabetes and my nurse said rolling is completely fine"
    assert check_safety(text).verdict == "ok"


def test_pain_told_only_of_another_person_is_still_placed() -> None:
    # The person asks for their grandad: his shoulder is the place to explain.
    assert top("My grandad gets an ache over the top of his shoulder")
    # Where the writer names their own pain, another's stays out of it.
    read = default_reader().read(
        "my brother's ache is in his forearm but my own neck is stiff"
    )
    assert not {"forearm_back", "forearm_front"} & set(read.regions)


def test_the_lower_back_of_a_part_is_that_part() -> None:
    read = default_reader().read("a dull ache at the lower back of my skull")
    assert "low_back" not in read.regions
    assert "head_back" in read.regions


def test_landmarks_below_the_knee_and_under_the_big_toe() -> None:
    assert "peroneals" in top("aching on the outside of the leg, just below my knee")
    assert "toe_flexors" in top("ache beneath my big toe when I push off")
    read = default_reader().read("sore just below my knee")
    assert read.regions.get("knee_front", 0) < max(read.regions.values())
