"""Long, chatty messages: what the thing is, whose arm, which plan, which lump.

Worded apart from every vignette file, so these test the rule, not a line.
"""

from __future__ import annotations

import pytest

from tests.domain.safety_flags import flags


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # "The odd thing is it..." states; it does not ask.
        (
            "The odd thing is it wakes me at 4am every night, whatever way I lie",
            "worse_at_rest",
        ),
        # "Dropped weight" is weight lost, not a weight let fall.
        (
            "dropped weight without trying since spring and my hip aches at night",
            "weight_loss_with_night_pain",
        ),
        ("my 9yo's shins ache after netball, can he use my ball?", "under_16"),
        # "They" after a child is named are the child's.
        (
            "My son is 11. He says they're sore after swimming and wants my ball",
            "under_16",
        ),
        # Noticed then, and there still.
        (
            "My GP noticed last year that I have varicose veins on my calf",
            "varicose_veins",
        ),
        # A decimal point is no full stop.
        ("temp 38.7 since last night and shivery, back aches", "fever"),
    ],
)
def test_flagged(text: str, flag: str) -> None:
    assert flag in flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # A plan is no plane.
        ("Training for a 10k on a running plan, tight calves", "calf_swelling_warmth"),
        # The side of the face is a place, not a droop.
        ("the muscle at the side of my face is tight from clenching", "stroke_signs"),
        # An aside does not cut off whose fever it was.
        ("My son (7) had a temperature at the weekend; just a stiff neck", "fever"),
        # An old break is an old break.
        (
            "broke my wrist at school decades ago, is a ball ok on the old break?",
            "acute_injury",
        ),
        # Resting for a couple of days is a plan, not soreness that lasted.
        (
            "Should I leave my calves to recover for a couple of days after the ball?",
            "lasting_after_session",
        ),
        # A knot felt as a tight lump of muscle.
        (
            "There's a tight lump of muscle between my neck and shoulder",
            "unexplained_swelling",
        ),
        # A dented bumper is no dented bone.
        (
            "Someone bumped my car, there's a dent in the bumper, I'm fine, tight back",
            "suspected_fracture",
        ),
        # His chest, his arm: the father's heart attack.
        (
            "Dad had crushing pain in his chest and was sweating last year. "
            "My back is tight.",
            "chest_pain_with_breathlessness",
        ),
        # A passenger's heart attack; a heart attack only feared.
        (
            "A passenger collapsed with a heart attack on my train, I'm fine, stiff",
            "chest_pain_with_breathlessness",
        ),
        (
            "my toddler landed on my chest and I thought I was having a heart attack",
            "chest_pain_with_breathlessness",
        ),
        # Pins and needles many months ago is an episode that is over.
        ("my fingers tingled for a week last winter, forearms tight", "tingling"),
        # "Just wear and tear" is the ordinary kind; a broken lift breaks no bone.
        (
            "x-ray says just wear and tear in my knee, tight quads",
            "advanced_joint_disease",
        ),
        ("carried boxes up four floors because the lift was broken", "acute_injury"),
        # Numb from sitting cross-legged, fine the moment I stood.
        (
            "foot went numb sitting cross legged in assembly, fine the moment I stood",
            "radiating_numbness",
        ),
        # Constantly doing something is not constant pain.
        (
            "I'm constantly lifting boxes at work and my low back is tight",
            "worse_at_rest",
        ),
        # A sign that passed years ago is history, not a warning now.
        (
            "my face drooped for an hour back in 2017, all checked, neck tight",
            "stroke_signs",
        ),
        # A long list after "no" is denied through its commas.
        (
            "No numbness, pins and needles, weakness or bladder trouble, stiff back",
            "tingling",
        ),
        # Supposing is not happening.
        (
            "Had the headache come on suddenly I'd have worried, but it builds slowly",
            "sudden_severe_headache",
        ),
        (
            "fingers went numb in the cold but warmed up fine in the car",
            "radiating_numbness",
        ),
        # A cue says its own words are over; a date opening a sentence dates it.
        (
            "my ankle was swollen in 2019, the swelling went down after a week",
            "unexplained_swelling",
        ),
        (
            "Last year, after my knee scope, I rested it. Long healed now.",
            "recent_surgery",
        ),
        (
            "both my grandparents had osteoporosis; my bone density scan was normal",
            "osteoporosis",
        ),
        ("had a kidney infection with a fever, antibiotics cleared it", "fever"),
    ],
)
def test_not_flagged(text: str, flag: str) -> None:
    assert flag not in flags(text)
