"""Dates after a comma, things that faded, figures of speech and faces.

Worded apart from every vignette file, so these test the rule, not a line.
"""

from __future__ import annotations

import pytest

from knotwork.domain.finder.ranking import find_sources
from tests.domain.safety_flags import flags


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # One side of the face that will not move, and speech that is wrong.
        (
            "Since breakfast one corner of my mouth won't move. Traps are tight.",
            "stroke_signs",
        ),
        ("my husband says my speech is garbled since lunch", "stroke_signs"),
        # A joint that "blew up" is a swollen one.
        ("my ankle blew up overnight, it's red and hot to touch", "hot_swollen_joint"),
        # Thinning bones are low bone density, however long ago it was found.
        (
            "Years ago the GP said my bones were thinning. Shoulders are tight.",
            "osteoporosis",
        ),
        # "Wants to try the ball": the message is asked for that person.
        (
            "My son has Down syndrome. He's 22 and wants to try the ball on "
            "his calves.",
            "down_syndrome",
        ),
        # A bruise still fading is still there.
        ("the bruise on my shin is fading, calves tight", "skin_lesion"),
    ],
)
def test_flagged(text: str, flag: str) -> None:
    assert flag in flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # A date opening the next clause dates the event before the comma.
        (
            "I had a burning pain down my leg just the one time, about nine years "
            "ago while moving house. Hamstrings are tight now.",
            "shooting_pain",
        ),
        # A bruise that faded is over.
        ("There was a bruise on my shin but it faded last week", "skin_lesion"),
        # Figures of speech about money and feelings.
        (
            "Profits have fallen off a cliff this quarter and my neck is in knots",
            "recent_trauma",
        ),
        (
            "Honestly a bit numb about the redundancy. Traps in knots.",
            "radiating_numbness",
        ),
        # Someone else wanting to try something other than the ball.
        (
            "My sister has osteoporosis and wants to try yoga. My calves are tight.",
            "osteoporosis",
        ),
    ],
)
def test_not_flagged(text: str, flag: str) -> None:
    assert flag not in flags(text)


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("aching low in the back of my thigh and right behind the knee", "knee_back"),
        ("a dull ache behind and around my left eye", "eye"),
    ],
)
def test_behind_before_a_body_part_is_a_place(text: str, region: str) -> None:
    regions = find_sources(text).regions
    assert region in regions
    assert "buttock" not in regions


def test_behind_alone_is_still_the_bottom() -> None:
    assert "buttock" in find_sources("my behind is sore after the long ride").regions


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # Trouble starting to pass water, and never feeling empty.
        (
            "since my back went on monday i struggle to get my pee started",
            "saddle_numbness_or_bladder_change",
        ),
        (
            "my thumbs fold back to my forearm and my knees bend backwards",
            "hypermobility",
        ),
        # "Since having my twins": the writer had them, the gap is hers.
        (
            "Since having my daughters the gap down the middle of my stomach "
            "never closed.",
            "diastasis_recti",
        ),
        # A medicine switched to goes on, however long ago the switch.
        ("I switched to apixaban two years ago", "anticoagulants"),
        # On the mend is not over.
        ("I sprained my wrist nine days ago and it's almost better", "acute_injury"),
        # "What if" asks the cause of a thing that is there.
        (
            "What if the tingling in my toes is from the tight shoes? "
            "It started yesterday.",
            "tingling",
        ),
        # Sharing what a child has.
        (
            "My son was diagnosed with haemophilia and I have it too",
            "bleeding_disorder",
        ),
        # "Stops when I rest" is how effort pain behaves, not an ending.
        (
            "Three weeks ago a heaviness in my chest began coming on when I climb "
            "stairs, and it stops when I rest.",
            "exertional_chest_pain",
        ),
    ],
)
def test_more_flagged(text: str, flag: str) -> None:
    assert flag in flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # The child's age dates the birth, and "stopped when" ends the sign.
        (
            "The numbness I had in pregnancy stopped when my daughter was born, "
            "and she's eight now.",
            "postpartum",
        ),
        (
            "The numbness I had in pregnancy stopped when my daughter was born, "
            "and she's eight now.",
            "radiating_numbness",
        ),
        # "What if" about something that is not there.
        (
            "What if I get a clot from the long flight next week?",
            "calf_swelling_warmth",
        ),
    ],
)
def test_more_not_flagged(text: str, flag: str) -> None:
    assert flag not in flags(text)


def test_a_precise_place_trims_a_vague_word() -> None:
    assert find_sources("a dull headache right across my forehead").regions == [
        "forehead"
    ]


def test_looking_over_a_shoulder_is_no_shoulder_pain() -> None:
    regions = find_sources("my eye aches when I look over my shoulder").regions
    assert regions == ["eye"]


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("that zappy pain is shooting down my leg again since monday", "shooting_pain"),
        ("a van knocked me off my bike on tuesday and my hip is sore", "recent_trauma"),
        ("I'm 9 weeks with my second and my back aches", "pregnancy"),
        (
            "Did a test last night and it's positive! Early days. Can I roll "
            "my calves?",
            "pregnancy",
        ),
        # A medicine the doctor may stop one day is still taken.
        ("the GP says I can probably come off apixaban one day", "anticoagulants"),
        # "The same X I get": the writer has it too.
        (
            "My mum has the same chest tightness I get when I climb stairs, "
            "it goes when I rest.",
            "exertional_chest_pain",
        ),
    ],
)
def test_round_three_flagged(text: str, flag: str) -> None:
    assert flag in flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # A story being written or watched.
        (
            "Writing a thriller where the nurse gets a DVT after a long flight. "
            "My own neck is stiff.",
            "calf_swelling_warmth",
        ),
        # A worry about the future, and a clot ruled out by a scan.
        (
            "Long haul next week and honestly worried about clots. Hamstrings tight.",
            "clot_history",
        ),
        (
            "The doctor was worried about a clot but the scan was clear, just a "
            "tight calf from running.",
            "calf_swelling_warmth",
        ),
        # Joint noise, and one phone dropped down the toilet.
        ("my neck cracks and pops when I stretch, no pain", "acute_injury"),
        ("dropped my phone in the toilet this morning, ugh", "weakness"),
        # A list after "had flu", all of it over.
        (
            "Had a virus three weeks ago - fever, aches, the works - but I'm fine now.",
            "fever",
        ),
    ],
)
def test_round_three_not_flagged(text: str, flag: str) -> None:
    assert flag not in flags(text)


def test_leaning_on_a_sore_spot_is_no_sign_it_is_over() -> None:
    regions = find_sources("the point of my elbow is sore when I lean on it").regions
    assert regions == ["elbow_back"]


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # "My back when": the back, not a time long ago.
        (
            "I was stretching my back when a heavy pain gripped my chest and "
            "I went clammy",
            "chest_pain_with_breathlessness",
        ),
        (
            "Carrying the shopping up the hill brings on a tight chest that fades "
            "when I rest",
            "exertional_chest_pain",
        ),
        (
            "my partner and I both slipped on the ice on monday, hip sore",
            "recent_trauma",
        ),
        (
            "fell on my outstretched hand at the weekend, wrist tender at the base "
            "of my thumb",
            "suspected_fracture",
        ),
        # An afterthought after a list of denials is not denied.
        ("no fall, no fever, all normal - oh, I do take warfarin", "anticoagulants"),
        # A diagnosis reported by the GP still stands.
        ("the GP told me I had a slipped disc in the spring", "nerve_root_pain"),
    ],
)
def test_round_four_flagged(text: str, flag: str) -> None:
    assert flag in flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("nope to numbness or tingling, just tight hamstrings", "tingling"),
        (
            "diabetic, and the diabetic foot check was all fine, arches ache",
            "reduced_sensation",
        ),
        (
            "The nurse ran through her list with me: fall? no. fever? no.",
            "recent_trauma",
        ),
        ("nearly tripped on the stairs, calves tight", "recent_trauma"),
    ],
)
def test_round_four_not_flagged(text: str, flag: str) -> None:
    assert flag not in flags(text)


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("band of pain round one side of my head from the back", "head_back"),
        ("deep ache in my butt cheek", "buttock"),
        ("ache down to the pinky side of my hand", "fingers_ulnar"),
    ],
)
def test_more_places(text: str, region: str) -> None:
    assert region in find_sources(text).regions


def test_a_place_beside_the_spine_takes_the_part_of_the_back_named() -> None:
    regions = find_sources("low back hurts right next to the spine").regions
    assert regions == ["low_back"]


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("back of my thigh aches and behind the knee. My calf is fine.", "calf"),
        ("my Achilles aches after runs, but the arch of my foot is fine", "sole"),
    ],
)
def test_a_place_said_to_be_fine_is_left_out(text: str, absent: str) -> None:
    assert absent not in find_sources(text).regions


def test_a_clear_scan_of_something_else_keeps_the_place() -> None:
    assert "cheek" in find_sources("achy cheekbone, sinus scan was clear").regions


def test_the_back_of_it_is_the_back_of_the_part_named() -> None:
    assert find_sources("my knee hurts at the back of it").regions == ["knee_back"]


def test_a_limb_lifted_is_how_the_pain_comes_on_not_where() -> None:
    regions = find_sources("outer shoulder aches when I lift my arm").regions
    assert regions == ["shoulder_side"]
