"""Danger said without its name: the body's own words for a warning sign.

Worded apart from every vignette file, so these test the rule, not a line.
"""

from __future__ import annotations

import pytest

from tests.domain.safety_flags import flags


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        (
            "my words kept coming out jumbled for a few minutes, fine now",
            "stroke_signs",
        ),
        (
            "Pain between my shoulder blades came on digging the garden, "
            "I'm clammy and my jaw aches",
            "chest_pain_with_breathlessness",
        ),
        (
            "had to stop halfway up the stairs to get my breath back",
            "breathless_on_little_effort",
        ),
        (
            "on the stairs it feels like an elephant sitting on my chest, "
            "goes when I stop",
            "exertional_chest_pain",
        ),
        ("the cup slipped out of my hand twice today, neck stiff", "weakness"),
        (
            "wiping after the toilet I can't feel the paper, back is bad",
            "saddle_numbness_or_bladder_change",
        ),
        (
            "seeing two of the telly since this morning and the room goes sideways",
            "dizziness_with_neuro_signs",
        ),
        (
            "my hand feels like it belongs to someone else since the neck went",
            "radiating_numbness",
        ),
        ("Morning sickness is finally settling, lower back tight", "pregnancy"),
        ("I'm on the tablet that thins my blood, hamstrings tight", "anticoagulants"),
        (
            "back in 2018 they gave me injections in my tummy for the thing in my leg",
            "clot_history",
        ),
        ("the scan says my bones are like honeycomb, low back tight", "osteoporosis"),
        ("they check the bulge in my aorta every year", "aortic_aneurysm"),
        ("my sciatica is playing up again, glutes tight", "nerve_root_pain"),
        # A dash ends a clause, so a denial before it stops there.
        (
            "Hamstring isn't just tight - felt a pop at training last night",
            "acute_injury",
        ),
        ("Not pregnant any more - had my baby two weeks ago! Neck tight", "postpartum"),
        ("burning all down the back of my thigh into my calf today", "shooting_pain"),
        ("I'm on 75mg daily myself, hamstrings tight", "antiplatelets"),
    ],
)
def test_flagged(text: str, flag: str) -> None:
    assert flag in flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # "They were back to normal": the ankles, just named, are over.
        (
            "My feet were puffy after the coach trip but they were back to normal "
            "the next day",
            "unexplained_swelling",
        ),
        # Static from a car door is no shooting pain.
        ("got a static shock off the car door, tight shoulder", "shooting_pain"),
        # A vaccine is no fever and no injection at the spot.
        ("Had my flu jab yesterday, upper back tight", "fever"),
        ("Had my flu jab yesterday, upper back tight", "recent_injection"),
        ("the finger prick test at the chemist was fine, shoulders tight", "tingling"),
        ("absolutely buzzing after my first half marathon, calves wrecked", "tingling"),
        # Always so, for years: not new.
        (
            "my left calf is bigger than my right but it's been like that for years",
            "calf_swelling_warmth",
        ),
        # Worries and plans are not events.
        ("My worry is that I might press on a nerve by accident", "nerve_root_pain"),
        (
            "Pulled my calf, fine after a couple of days. I'd like to roll it out",
            "lasting_after_session",
        ),
        ("My shoulder op is all in the past, it was 2014", "recent_surgery"),
        ("boiling then freezing with flu in January, long over now", "skin_lesion"),
        # A date alone between commas dates the clause before it.
        (
            "I had sciatica after my first baby, fifteen years ago, nothing since",
            "nerve_root_pain",
        ),
    ],
)
def test_not_flagged(text: str, flag: str) -> None:
    assert flag not in flags(text)
