"""Spans of time, compound names, whose "they" are, and signs on both sides.

Worded apart from every vignette file, so these test the rule, not a line.
"""

from __future__ import annotations

import pytest

from tests.domain.safety_flags import flags


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # A denial before a span of time does not deny the span.
        (
            "the ache in my hip hasn't eased one bit after 4 weeks of rolling daily",
            "no_response",
        ),
        ("no change at all after 3 wks of ball work on my heel", "no_response"),
        # "They" with no one else named are the writer's own legs.
        (
            "Rolled both hamstrings on Saturday. "
            "By Tuesday they were sorer than before",
            "lasting_after_session",
        ),
        # A tooth taken out is an operation, dated by a weekday.
        ("had two teeth out on friday and my jaw muscles ache", "recent_surgery"),
        # The compound name still names the cancer.
        ("three months into treatment for bladder cancer, neck stiff", "cancer"),
        # The writer is to treat the person who fell: what is said of her counts.
        (
            "Dad slipped on the ice this morning and can't put weight on his left "
            "leg. He wants me to rub it with his ball.",
            "suspected_fracture",
        ),
    ],
)
def test_flagged(text: str, flag: str) -> None:
    assert flag in flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # A cancer's name is no change in the bladder or bowel.
        (
            "three months into treatment for bladder cancer, neck stiff",
            "saddle_numbness_or_bladder_change",
        ),
        (
            "irritable bowel since my teens, tight glutes",
            "saddle_numbness_or_bladder_change",
        ),
        # A weekday alone is no "since Monday": soreness that passed by the next.
        (
            "Did my calves with the ball on Sunday, tender on Monday, fine by Tuesday.",
            "lasting_after_session",
        ),
        # Both legs alike after a journey, told in the next sentence.
        (
            "Calves ache after a nine hour coach trip. "
            "Both legs the same, nothing swollen.",
            "calf_swelling_warmth",
        ),
        # Medicines the writer gives others, and patients "some of them with".
        ("As a practice nurse I give heparin jabs all morning", "anticoagulants"),
        ("I coach veterans, some of them with clots and stents", "clot_history"),
        # What caused a muscle knot is not what brings chest pain on.
        ("chest muscle sore from lugging the shopping home", "exertional_chest_pain"),
        # A lump checked and found harmless.
        ("the lump on my thigh was checked, nothing sinister", "unexplained_swelling"),
        # A later sentence denies the sign in the present.
        (
            "Last month I went woozy whenever I turned my neck. Not woozy now though.",
            "neck_dizziness",
        ),
    ],
)
def test_not_flagged(text: str, flag: str) -> None:
    assert flag not in flags(text)
