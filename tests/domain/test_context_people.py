"""Whom the ball is for, grown children, shorthand, and signs told plainly.

Worded apart from every vignette file, so these test the rule, not a line.
"""

from __future__ import annotations

import pytest

from tests.domain.safety_flags import flags


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # Asking whether the ball suits a child makes the child's pain the point.
        (
            "My boy's 11 and plays in goal, his thighs ache after matches. "
            "Is the ball safe for him?",
            "under_16",
        ),
        # Weight lost with nothing changed, and pain at night.
        (
            "lost around 5 kilos since summer without changing anything, "
            "and my back aches at night",
            "weight_loss_with_night_pain",
        ),
        # A "pec" is the chest.
        (
            "my right pec has ached for an hour, now into my jaw, "
            "and I'm sweaty and short of breath",
            "chest_pain_with_breathlessness",
        ),
        # A knee or a boot to the leg is a blow.
        ("took a boot to the calf at football yesterday", "recent_trauma"),
        ("my bump is getting big and my lower back aches", "pregnancy"),
        # A sentence that goes on from the one before: "It comes on uphill".
        (
            "Odd ache in my left arm. It comes on when I climb the stairs at work "
            "and eases after a minute of standing still.",
            "exertional_chest_pain",
        ),
        (
            "chest feels heavy. comes on walking the dog up the lane, goes when i stop",
            "exertional_chest_pain",
        ),
        # What is still there goes on, whenever it began.
        (
            "I still have the tummy gap from my second baby four years ago",
            "diastasis_recti",
        ),
    ],
)
def test_flagged(text: str, flag: str) -> None:
    assert flag in flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # A son of 19 is no child, whoever the ball is for.
        (
            "My son is 19 and plays rugby, his hamstrings are tight. "
            "Can he use my ball?",
            "under_16",
        ),
        # The ball shoots out; no pain does.
        ("the ball keeps slipping and shoots out from behind my back", "shooting_pain"),
        # "abt" is "about": a question, not a clot.
        (
            "should i worry abt blood clots on a long flight next month? calves fine",
            "calf_swelling_warmth",
        ),
        # A man on television had the stroke.
        (
            "saw a medical drama where a man had a stroke, my own neck is stiff",
            "stroke_signs",
        ),
        # Tight from cycling is what caused it, not what brings chest pain on.
        ("pec minor tight from cycling on the drops", "exertional_chest_pain"),
        # "Since" that ends its clause belongs to the words before it.
        (
            "had a temperature last week but I've felt fine since, "
            "just stiff shoulders",
            "fever",
        ),
        # One illness is one: a fever said to have passed is the flu before it.
        (
            "came down with flu on the weekend, the temperature broke on tuesday, "
            "just achy shoulders now",
            "fever",
        ),
        (
            "came down with flu on the weekend, the temperature broke on tuesday",
            "acute_injury",
        ),
        # Bruising easily is no session that made things worse.
        (
            "I bruise easily on my blood pressure pills. Is the peanut ball ok "
            "for my upper back?",
            "lasting_after_session",
        ),
    ],
)
def test_not_flagged(text: str, flag: str) -> None:
    assert flag not in flags(text)
