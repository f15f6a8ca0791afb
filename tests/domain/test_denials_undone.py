"""Denials that their own sentence takes back, and denials said in other shapes."""

from __future__ import annotations

import pytest

from knotwork.domain.safety.verdict import check_safety
from tests.domain.safety_flags import flags


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        (
            "never been on blood thinners, other than the rivaroxaban I started "
            "last month; calves tight",
            "anticoagulants",
        ),
        ("no numbness at all, only when I bend my neck forward", "radiating_numbness"),
        ("my sister doesn't have lymphoedema, I do, since my surgery", "lymphoedema"),
        ("not pregnant I think... the test this morning had a faint line", "pregnancy"),
        ("my right foot keeps slapping the pavement since the sciatica", "weakness"),
        (
            "two weeks of rolling my calves daily, not a jot of difference",
            "no_response",
        ),
    ],
)
def test_the_sign_the_sentence_gives_back_counts(text: str, flag: str) -> None:
    assert flag in flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        (
            "no surgery, no injections, no meds apart from vitamin D; glutes tight",
            "recent_surgery",
        ),
        ("injury-free and medication-free, just one knot in my trap", "acute_injury"),
        (
            "the insulin pump isn't mine, it's my son's; my back is tight",
            "implanted_device",
        ),
        (
            "I'm a theatre nurse and deal with clots all day; calves ache",
            "clot_history",
        ),
    ],
)
def test_denials_in_other_shapes_still_deny(text: str, flag: str) -> None:
    assert flag not in flags(text)


def test_feel_free_is_no_denial() -> None:
    text = "feel free to tell me off, but my calf is swollen and hot after the flight"
    assert check_safety(text).verdict == "stop"
