"""Emergencies in plain images, and the same images used for harmless things.

Worded apart from every vignette file, so these test the rule, not a line.
"""

from __future__ import annotations

import pytest

from knotwork.domain.finder.ranking import find_sources
from tests.domain.safety_flags import flags


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        (
            "weeing is different since my back went, I have to push to get it going",
            "saddle_numbness_or_bladder_change",
        ),
        (
            "my backside and inner thighs feel like cardboard on the toilet seat",
            "saddle_numbness_or_bladder_change",
        ),
        (
            "mid-sentence I said 'cup' when I meant 'phone' and my arm felt heavy",
            "stroke_signs",
        ),
        (
            "headache since lunch and half the screen isn't there",
            "sudden_severe_headache",
        ),
        (
            "took a knee to the ribs, now it hurts to breathe and something grinds",
            "suspected_fracture",
        ),
    ],
)
def test_flagged(text: str, flag: str) -> None:
    assert flag in flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("heard a crack from the floor when I knelt on the ball", "suspected_fracture"),
        (
            "a lamp sits on my chest of drawers; knot under my shoulder blade",
            "chest_pain_with_breathlessness",
        ),
        ("shivering after the ice bath then roasting in the sauna, legs sore", "fever"),
        ("double vision after one too many at the party, fine now", "stroke_signs"),
        (
            "I'm 63 and my scalp was sore from tight braids, fine now they're out",
            "giant_cell_arteritis",
        ),
        (
            "couldn't speak at the end of my 10k I was so out of breath",
            "breathless_on_little_effort",
        ),
        (
            "peeing a lot since I started drinking three litres of water a day",
            "saddle_numbness_or_bladder_change",
        ),
        ("broke into a sweat on the stairs at work, calves tight", "acute_injury"),
        (
            "my foot went dead sitting on it and came back after a minute",
            "radiating_numbness",
        ),
        (
            "my nose has been crooked since it cracked in a fight when I was 20",
            "acute_injury",
        ),
    ],
)
def test_not_flagged(text: str, flag: str) -> None:
    assert flag not in flags(text)


def test_the_backs_of_fingers_are_no_back_pain() -> None:
    regions = find_sources("ache along the backs of my ring and little fingers").regions
    assert regions == ["fingers_ulnar"]
