"""Whose condition it is, when grammar hands it over.

Worded apart from every vignette file, so these test the rule, not a line.
"""

from __future__ import annotations

import pytest

from knotwork.domain.finder.ranking import find_sources
from knotwork.domain.language.reading_tables import reading_tables
from knotwork.domain.language.stemming import stem
from tests.domain.safety_flags import flags


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("the consultant told my wife I've got osteopenia", "osteoporosis"),
        (
            "Dad says I've got his varicose veins, blue and bulgy on my calves",
            "varicose_veins",
        ),
        ("Clots run in the family and I had one after my knee op", "clot_history"),
        ("my sister's hernia was fixed, and now I've got one too", "abdominal_hernia"),
        (
            "my daughter has Down syndrome; she's the one I'm asking for",
            "down_syndrome",
        ),
    ],
)
def test_flagged(text: str, flag: str) -> None:
    assert flag in flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        (
            "I coach at a Down syndrome club; just asking for me, tight calves",
            "down_syndrome",
        ),
        (
            "half my walking group take tablets for their hearts; my calves are tight",
            "exertional_chest_pain",
        ),
        ("out of nowhere my hamstrings feel tight", "weakness"),
    ],
)
def test_not_flagged(text: str, flag: str) -> None:
    assert flag not in flags(text)


def test_body_words_are_words_that_name_a_part() -> None:
    body = reading_tables().body_stems
    assert {stem("knee"), stem("calf"), stem("shoulder")} <= body
    assert not {"two", "day", "offic", "after"} & body


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "from the back of my forearm to my middle finger; the elbow doesn't hurt",
            ["forearm_back", "fingers_radial"],
        ),
        (
            "from my ribs round to my back at the tip of my shoulder blade",
            ["ribs_side", "shoulder_blade"],
        ),
        (
            "back of my neck up to the top of my head, nowhere near my forehead",
            ["neck_back", "head_top"],
        ),
    ],
)
def test_a_path_of_pain_names_only_where_it_hurts(
    text: str, expected: list[str]
) -> None:
    assert sorted(find_sources(text).regions) == sorted(expected)
