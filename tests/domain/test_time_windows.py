"""How long ago, and whether it still matters.

Worded apart from every vignette file, so these test the rule, not a line.
"""

from __future__ import annotations

import pytest

from knotwork.domain.finder.ranking import find_sources
from tests.domain.safety_flags import flags


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # Within "the last few months", however the date is told.
        ("had my gallbladder out four months ago, back is tight", "recent_surgery"),
        # Pain that began with an accident and never settled.
        (
            "A van hit my car in May, it's November now, and my neck has never "
            "settled since",
            "recent_trauma",
        ),
        # A cancer in remission is still a history of cancer.
        (
            "had a melanoma removed years ago, no sign of it coming back",
            "cancer_history",
        ),
        (
            "fell down the stairs today, ribs hurt when I breathe in",
            "suspected_fracture",
        ),
        (
            "slipped on the ice yesterday, wrist is swollen and I can't bend it",
            "suspected_fracture",
        ),
        ("my stomach muscles split apart after my twins", "diastasis_recti"),
    ],
)
def test_flagged(text: str, flag: str) -> None:
    assert flag in flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        (
            "pulled my hamstring over the summer, physio signed me off, just tight now",
            "acute_injury",
        ),
        ("had a temperature on Monday but I feel fine now", "fever"),
        ("had flu last week, that's all gone now, back stiff from bed", "fever"),
        (
            "a suspected clot after a flight last year, but the scan was clear",
            "clot_history",
        ),
        (
            "heard blood thinners and massage don't mix, I'm not on any",
            "anticoagulants",
        ),
        (
            "got a lump on my ribs checked and the GP said it's just a muscle knot",
            "unexplained_swelling",
        ),
        (
            "hurt my shoulder last year, fine after physio; new knot in the same "
            "shoulder now",
            "no_response",
        ),
    ],
)
def test_not_flagged(text: str, flag: str) -> None:
    assert flag not in flags(text)


def test_back_molars_are_teeth() -> None:
    regions = find_sources("my back molars and my ear ache").regions
    assert sorted(regions) == ["ear", "teeth"]


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        (
            "my dad has osteoporosis and I'm scared I'll get it too; neck stiff",
            "osteoporosis",
        ),
        (
            "hand went numb leaning my elbow on the desk, came back as soon as I moved",
            "radiating_numbness",
        ),
        (
            "long flight home, so I had my legs scanned: no clot. Calves just tight "
            "from walking.",
            "calf_swelling_warmth",
        ),
    ],
)
def test_fears_and_feelings_that_came_back(text: str, flag: str) -> None:
    assert flag not in flags(text)


def test_feet_that_have_lost_their_feeling_are_reduced_sensation() -> None:
    text = "diabetic for years and I've lost the feeling in my feet"
    assert "reduced_sensation" in flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        (
            "I've been at this calf knot every day for a month and it's no better",
            "no_response",
        ),
        (
            "fell on the ice this morning, wrist puffed up and I can't turn it",
            "suspected_fracture",
        ),
        (
            "my tummy muscles never joined back up after my second baby",
            "diastasis_recti",
        ),
        (
            "my son is 20 with Down syndrome; he'll be the one using the ball",
            "down_syndrome",
        ),
    ],
)
def test_round_fifteen_flagged(text: str, flag: str) -> None:
    assert flag in flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("tax returns make my head spin; neck stiff", "neck_dizziness"),
        (
            "started the ball today; if it isn't better in two weeks I'll see someone",
            "no_response",
        ),
        ("my wife bruises easily; I'm the one using the ball", "unexplained_bruising"),
    ],
)
def test_round_fifteen_not_flagged(text: str, flag: str) -> None:
    assert flag not in flags(text)
