"""People named to compare or to introduce, reported questions, and look-alikes.

Worded apart from every vignette file, so these test the rule, not a line.
"""

from __future__ import annotations

import pytest

from knotwork.domain.language.stemming import stem
from tests.domain.safety_flags import flags


def test_a_person_named_to_compare_leaves_the_writer_the_subject() -> None:
    text = "Unlike my brother I keep getting vertigo when I turn my neck to reverse"
    assert "neck_dizziness" in flags(text)


def test_a_name_then_an_appositive_is_about_that_person() -> None:
    text = "Sam, my flatmate, fell off a ladder last week and broke his wrist."
    assert not flags(text) & {"recent_trauma", "acute_injury", "suspected_fracture"}


def test_an_appositive_stops_where_the_writer_speaks() -> None:
    text = (
        "Unlike my aunt, who only gets stiff, "
        "I've had numbness down my arm since Friday."
    )
    assert "radiating_numbness" in flags(text)


def test_a_reported_question_the_writer_answered_no_is_not_a_sign() -> None:
    text = "The nurse asked if I'd had any fever or weight loss and I said neither."
    assert not flags(text) & {"fever", "unexplained_weight_loss"}


def test_what_a_leaflet_says_to_watch_for_is_not_a_sign() -> None:
    text = (
        "The booklet says to watch for a hot, swollen calf. My calves are just tight."
    )
    assert "calf_swelling_warmth" not in flags(text)


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("new mum here, our baby is 11 months old, and my neck is stiff", False),
        ("new mum, baby is 5 weeks, upper back is sore", True),
    ],
)
def test_the_babys_age_dates_the_birth(text: str, counts: bool) -> None:
    assert ("postpartum" in flags(text)) is counts


def test_worry_from_reading_with_normal_legs_is_no_clot_sign() -> None:
    text = "I read a scary post and got worried about DVT, but my legs are fine."
    assert "calf_swelling_warmth" not in flags(text)


def test_worry_about_a_clot_with_a_sign_still_stops() -> None:
    text = "Worried it's a clot, my calf is warm and puffy since the flight"
    assert "calf_swelling_warmth" in flags(text)


def test_a_gym_session_is_no_ball_session() -> None:
    text = "Big leg day session on Monday and three days later my quads are still sore"
    assert "lasting_after_session" not in flags(text)


def test_a_ball_session_that_still_hurts_days_later_counts() -> None:
    text = "After my ball session on the glutes three days ago it is still much worse"
    assert "lasting_after_session" in flags(text)


def test_the_spine_is_no_spin() -> None:
    assert stem("spine") != stem("spinning")
    assert "neck_dizziness" not in flags("my spine and neck ache from the desk")


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("banged my funny bone on the table, arm's fine now", "recent_trauma"),
        (
            "heart hammering after hill sprints, back to normal in a minute",
            "chest_pain_with_breathlessness",
        ),
        ("woke and sat bolt upright, neck is stiff", "shooting_pain"),
        ("toes feel odd, which I put down to my new boots", "shooting_pain"),
    ],
)
def test_everyday_phrases_that_only_look_like_a_sign(text: str, flag: str) -> None:
    assert flag not in flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        (
            "the room lurches and I've been seeing two of everything",
            "dizziness_with_neuro_signs",
        ),
        ("fell on the ice and my forearm has a bend in it", "suspected_fracture"),
        ("they test how runny my blood is every few weeks", "anticoagulants"),
        ("last week the doctor put a needle into my knee joint", "recent_injection"),
        ("years back they took a lump out of my breast", "cancer_history"),
        ("my chest gets heavy when I take the stairs", "exertional_chest_pain"),
    ],
)
def test_signs_said_in_everyday_words(text: str, flag: str) -> None:
    assert flag in flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("hay fever is awful this week and my neck is stiff", "fever"),
        ("I do my insulin injections in my tummy, calves tight", "recent_injection"),
        ("had my shingles jab last week, upper back tight", "skin_lesion"),
        ("the lump was checked and it's a harmless lipoma", "unexplained_swelling"),
        ("stiff after long work trips in the car", "recent_trauma"),
        ("eczema on my hands is raw and cracked", "acute_injury"),
        ("my hernia pops out when I cough", "acute_injury"),
        (
            "calves ache after runs but it eases once I'm warmed up",
            "peripheral_arterial_disease",
        ),
    ],
)
def test_more_phrases_that_only_look_like_a_sign(text: str, flag: str) -> None:
    assert flag not in flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("had a lami three weeks ago, can I roll my calves?", "recent_surgery"),
        ("weekly methotrexate for my joints", "rheumatoid_arthritis"),
        ("kyphoplasty after a vertebra collapsed", "osteoporosis"),
        ("I wear an Omnipod on my arm", "implanted_device"),
        (
            "keep finding bruises and can't think what I've knocked",
            "unexplained_bruising",
        ),
        (
            "fell on my hand yesterday, the wrist has a funny bump now",
            "suspected_fracture",
        ),
    ],
)
def test_more_signs_said_in_everyday_words(text: str, flag: str) -> None:
    assert flag in flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("since this morning I can't see anything to my right side", "stroke_signs"),
        (
            "out of the blue she found me muddled, not sure what day it was",
            "stroke_signs",
        ),
        (
            "my wee is really hard to get started since the back went",
            "saddle_numbness_or_bladder_change",
        ),
        (
            "where the bike saddle touches feels half asleep",
            "saddle_numbness_or_bladder_change",
        ),
        (
            "aching up into my jaw while raking the lawn, had to sit down",
            "exertional_chest_pain",
        ),
        ("on the loo my head suddenly exploded with pain", "sudden_severe_headache"),
    ],
)
def test_emergencies_in_everyday_words(text: str, flag: str) -> None:
    assert flag in flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        (
            "I'm confused about which ball to buy, and suddenly my neck is sore",
            "stroke_signs",
        ),
        ("dropped my keys twice juggling the shopping, forearms tight", "weakness"),
        (
            "since adding the ball two days ago my neck feels looser",
            "lasting_after_session",
        ),
        ("I wouldn't say my feet are numb at all, arches ache", "radiating_numbness"),
        (
            "Nothing's numb and my bladder is normal, lower back tight",
            "radiating_numbness",
        ),
        ("Cortisone was offered but I said no. Shoulder tight.", "recent_injection"),
        ("no idea why, but my traps are tight today", "weakness"),
        ("my spine is stiff as a seized bolt", "shooting_pain"),
        ("Retired electrical engineer with a stiff back", "shooting_pain"),
    ],
)
def test_grammar_and_idioms_that_only_look_like_a_sign(text: str, flag: str) -> None:
    assert flag not in flags(text)


def test_no_idea_why_does_not_deny_what_follows() -> None:
    text = "no idea why my right calf has puffed up and gone hot this week"
    assert "calf_swelling_warmth" in flags(text)


def test_a_clinicians_she_is_the_clinician_not_a_patient() -> None:
    assert "nerve_root_pain" in flags(
        "My physio says she can't rule out a slipped disc, so I'm having a scan"
    )


def test_a_she_after_a_child_and_a_clinician_may_be_the_child() -> None:
    text = (
        "My son had a fever, the GP said it was viral, and he's fine now. Neck stiff."
    )
    assert "fever" not in flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("my toes won't lift and keep catching on the stairs", "weakness"),
        ("my fingertips feel like I'm wearing thick gloves", "radiating_numbness"),
        ("a feeling like cold water trickling down my shin", "tingling"),
        ("a sizzling feeling along the outside of my foot", "tingling"),
        ("keep droppin my mug w my left hand", "weakness"),
    ],
)
def test_nerve_signs_in_everyday_words(text: str, flag: str) -> None:
    assert flag in flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "pressing my glute sends a deep ache down into my calf",
        "a dull ache spreads down the back of my arm to the elbow",
        "the soreness travels down my leg like after a long run",
    ],
)
def test_a_spreading_deep_ache_is_referral_not_a_nerve_sign(text: str) -> None:
    assert "shooting_pain" not in flags(text)


def test_pain_spreading_down_a_leg_without_its_quality_still_stops() -> None:
    assert "shooting_pain" in flags("pain radiating down my leg into my foot")


def test_numbness_with_a_known_neurological_cause_is_lost_feeling() -> None:
    got = flags("I have MS and my feet are numb")
    assert "reduced_sensation" in got
    assert "radiating_numbness" not in got


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        (
            "Not for me, it's for my mum. She's on warfarin. Can she roll her calves?",
            "anticoagulants",
        ),
        (
            "My wife's calf is hot and puffy after the flight. "
            "She wants to roll it. Should she?",
            "calf_swelling_warmth",
        ),
        ("Me and my brother both have haemophilia, calves tight", "bleeding_disorder"),
        (
            "My dad is 74 and has a new headache and a sore scalp. "
            "Can he use the ball?",
            "giant_cell_arteritis",
        ),
        ("Had my hip replaced in February. It's early April now.", "recent_surgery"),
    ],
)
def test_whose_and_when_said_by_the_message_itself(text: str, flag: str) -> None:
    assert flag in flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("I care for my mum who has osteoporosis; my back is tight", "osteoporosis"),
        (
            "The dog has a swollen paw so we're both resting; quads sore",
            "unexplained_swelling",
        ),
        (
            "My grandad had cancer so I worry about lumps; traps tight",
            "unexplained_swelling",
        ),
    ],
)
def test_other_peoples_conditions_stay_theirs(text: str, flag: str) -> None:
    assert flag not in flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        (
            "Am 64 and ma jaw goes sore when am chewin, and a new headache",
            "giant_cell_arteritis",
        ),
        ("I just give birth 5 weeks ago, back is sore", "postpartum"),
        ("a car jam me from behind two weeks ago, neck paining me", "recent_trauma"),
        (
            "since yesterday I can't properly feel the skin when I wipe",
            "saddle_numbness_or_bladder_change",
        ),
        (
            "did a gentle five minutes on my neck on Monday "
            "and now it hurts more than before",
            "lasting_after_session",
        ),
    ],
)
def test_signs_in_non_standard_english(text: str, flag: str) -> None:
    assert flag in flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("Nae tinglin, nae numbness, just a stiff back", "radiating_numbness"),
        ("Mi nah pregnant, just tight glutes", "pregnancy"),
    ],
)
def test_denials_in_non_standard_english(text: str, flag: str) -> None:
    assert flag not in flags(text)


def test_my_ma_is_still_the_mother() -> None:
    from knotwork.domain.language.words import split_words

    assert split_words("my ma has ma knee") == ["my", "ma", "has", "my", "knee"]


def test_a_bare_list_after_another_persons_clause_is_theirs() -> None:
    text = (
        "My mum had a stroke last month, droopy face, slurred words, the lot. "
        "My neck is stiff."
    )
    assert "stroke_signs" not in flags(text)


def test_a_list_with_the_writers_own_words_is_the_writers() -> None:
    text = (
        "My mum had a stroke last month, "
        "and my own face is drooping since this morning."
    )
    assert "stroke_signs" in flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("lots of shooting drills at training, hamstrings tight", "shooting_pain"),
        ("my left is my weak side at football, calves tight", "weakness"),
        (
            "I basically dislocated my hip in yoga, not literally, glutes tight",
            "acute_injury",
        ),
        ("clotted cream tea after the walk, calves tight", "clot_history"),
        ("injected some pace in the last mile, hip flexors tight", "recent_injection"),
        (
            "numb bum after a long ride, went as soon as I got off the saddle",
            "saddle_numbness_or_bladder_change",
        ),
        ("on HRT for a year, calves tight from dog walks", "calf_swelling_warmth"),
        ("on the combined pill, calves tight after a 10k", "calf_swelling_warmth"),
        ("implants from a cosmetic op a decade ago, back tight", "recent_surgery"),
        ("broke my squat PB and my quads are on fire", "acute_injury"),
    ],
)
def test_sport_and_everyday_words_that_only_look_like_a_sign(
    text: str, flag: str
) -> None:
    assert flag not in flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("felt a pop in my pec on the bench four days ago, big bruise", "acute_injury"),
        (
            "decked out onto my wrist yesterday, swollen and it hurts to grip",
            "suspected_fracture",
        ),
        ("mastectomy six years ago, all clear since, back knotted", "cancer_history"),
        ("IVF transfer last week and got a positive test today", "pregnancy"),
        (
            "For my dad, 88: he's on warfarin. Could I roll his calves?",
            "anticoagulants",
        ),
        (
            "in a cast for a broken ankle and the calf above is red and puffy",
            "calf_swelling_warmth",
        ),
    ],
)
def test_more_real_signs(text: str, flag: str) -> None:
    assert flag in flags(text)


def test_numb_feet_with_diabetes_is_reduced_sensation_not_spreading_numbness() -> None:
    got = flags("I'm diabetic and my feet have gone numb")
    assert "reduced_sensation" in got
    assert "radiating_numbness" not in got


def test_a_numb_arm_beside_diabetic_feet_still_stops() -> None:
    got = flags(
        "I'm diabetic with numb feet, and since this morning my left arm is numb"
    )
    assert "radiating_numbness" in got
