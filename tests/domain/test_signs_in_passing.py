"""Signs told in passing, and alarming words that belong to work or play.

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
            "Since Monday my right hand feels like I'm wearing a glove, fingers fuzzy",
            "radiating_numbness",
        ),
        (
            "For two days I can't hold my pee like I used to, and my back is bad",
            "saddle_numbness_or_bladder_change",
        ),
        (
            "My foot feels like the dentist numbed it since I moved the wardrobe",
            "radiating_numbness",
        ),
        (
            "My leg feels like it's gone to sleep and never wakes up, four days now",
            "radiating_numbness",
        ),
        (
            "Burning like a hot poker from my neck into my hand at night",
            "shooting_pain",
        ),
        (
            "I've got MS and my right arm has less feeling in it than the left",
            "reduced_sensation",
        ),
        (
            "Turning to check my blind spot the room tilts for a moment. Neck stiff.",
            "neck_dizziness",
        ),
        (
            "Left arm aches heavily when I take the stairs and fades once I stop",
            "exertional_chest_pain",
        ),
        ("Tummy aches and I've lost weight I can't explain", "unexplained_weight_loss"),
        (
            "Got clocked in the ribs at rugby training on Saturday and it still hurts",
            "recent_trauma",
        ),
    ],
)
def test_signs_told_in_passing(text: str, flag: str) -> None:
    assert flag in flags(text), check_safety(text)


@pytest.mark.parametrize(
    "text",
    [
        "Paramedic here: on shift we had a chest pain and a stroke. My own "
        "calves are tight.",
        "Drama teacher, playing a man dying of cancer in the school play. "
        "Hamstrings tight.",
        "Biology lesson on blood clots today; my lower back aches from standing.",
        "My teammate is 30 weeks pregnant so I'm carrying her kit. Traps tight.",
        "Put tiger balm on my calves and they feel tingly, that's just the rub",
        "Laughed so hard my legs went weak. Abs sore today.",
        "My dad, 79, has new headaches and is seeing his GP. I'm 44, neck tight.",
        "My landlord is the worst headache of my life. Shoulders tense.",
        "Wrist tingled for a second when I leant on it in yoga, fine straight "
        "away after.",
        "Rolled my traps while tearing through a thriller on audiobook",
    ],
)
def test_alarming_words_from_work_and_play(text: str) -> None:
    assert check_safety(text).verdict in ("ok", "modify"), check_safety(text)


def test_a_back_rest_is_no_back_pain() -> None:
    finding = find_sources("My office chair has no back rest and my mid back aches")
    assert "mid_back" in finding.regions
