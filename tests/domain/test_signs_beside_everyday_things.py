"""Signs told beside everyday things, and everyday things that sound like signs.

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
            "Back stiff as ever. New this week: my index finger feels fuzzy like "
            "it's asleep and it isn't wearing off",
            "radiating_numbness",
        ),
        (
            "Glutes tight. Also I've leaked a couple of times without warning "
            "lately, which is new",
            "saddle_numbness_or_bladder_change",
        ),
    ],
)
def test_a_new_sign_beside_old_soreness(text: str, flag: str) -> None:
    assert flag in flags(text), check_safety(text)


@pytest.mark.parametrize(
    "text",
    [
        "Dave at work had knee surgery last month and loves his ball. My calves "
        "are just tight, no surgery here.",
        "My sister broke her wrist on the ski trip; I came back with sore thighs "
        "from the same trip.",
        "I run a first aid course; today's class was strokes and heart attacks. "
        "My knees ache from kneeling.",
    ],
)
def test_other_peoples_events_and_topics(text: str) -> None:
    assert check_safety(text).verdict in ("ok", "modify"), check_safety(text)


def test_a_place_that_looks_normal_may_still_hurt() -> None:
    finding = find_sources("Inner knee aches after hiking downhill, knee looks normal")
    assert "knee_inner" in finding.regions


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        (
            "My blood is missing a clotting factor, so cuts bleed for ages. "
            "Hamstrings tight.",
            "bleeding_disorder",
        ),
        (
            "My legs weren't getting enough blood so they put a stent in my leg "
            "last year. Calves ache on walks.",
            "peripheral_arterial_disease",
        ),
        (
            "Surgeons joined two of the bones in my neck with a plate in 2019. "
            "Traps tight.",
            "spinal_hardware",
        ),
    ],
)
def test_conditions_told_in_lay_words(text: str, flag: str) -> None:
    assert flag in flags(text), check_safety(text)


@pytest.mark.parametrize(
    "text",
    [
        "One blood test said low platelets but the repeat was normal. Calves tight.",
        "Aneurysm screening letter came: artery normal size. Shoulder tight.",
        "My partner is 32 weeks pregnant and I've been painting all weekend. "
        "It's me using the ball, not her.",
    ],
)
def test_cleared_or_someone_elses(text: str) -> None:
    assert check_safety(text).verdict in ("ok", "modify"), check_safety(text)


def test_a_crooked_limb_after_a_fall_may_be_broken() -> None:
    text = "Came off my bike and my little finger looks a bit crooked and puffy"
    assert "suspected_fracture" in flags(text), check_safety(text)


@pytest.mark.parametrize(
    "text",
    [
        "My grin has always been a bit crooked, jaw tight from gum chewing",
        "I look crooked in photos because my shoulders are uneven and tight",
    ],
)
def test_a_lifelong_crooked_smile_is_no_stroke(text: str) -> None:
    assert check_safety(text).verdict in ("ok", "modify"), check_safety(text)


def test_effort_chest_pain_counts_even_after_a_class() -> None:
    text = (
        "After pilates my chest goes tight climbing the hill home and eases when I stop"
    )
    assert "exertional_chest_pain" in flags(text), check_safety(text)


def test_chest_soreness_from_burpees_is_muscle() -> None:
    text = "Too many burpees at bootcamp, chest and shoulders ache when I push up"
    assert check_safety(text).verdict in ("ok", "modify"), check_safety(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        (
            "My osteopath okayed rolling my back, but I didn't tell her I started "
            "rivaroxaban in March",
            "anticoagulants",
        ),
        (
            "I didn't know I had a clot in my leg until the scan last month",
            "clot_history",
        ),
    ],
)
def test_what_was_not_said_is_still_so(text: str, flag: str) -> None:
    assert flag in flags(text), check_safety(text)


@pytest.mark.parametrize(
    "text",
    [
        "Physio says it's a tight calf, no clot, crack on with the stretching",
        "The tingling is only the menthol gel I put on; traps still tight",
        "I didn't notice any swelling after the flight, calves just tight",
    ],
)
def test_idioms_and_gels(text: str) -> None:
    assert check_safety(text).verdict in ("ok", "modify"), check_safety(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        (
            "Neck stiff, and when I get woozy I see double; fell over on Tuesday",
            "dizziness_with_neuro_signs",
        ),
        (
            "Does anyone else go dizzy when they look up at the sky? I do, neck tight",
            "neck_dizziness",
        ),
        (
            "Rolled my back in Thursday's session and by Sunday it was much worse "
            "than before I started",
            "lasting_after_session",
        ),
        (
            "Walking the dog uphill my left shoulder aches and it spreads into my jaw",
            "exertional_chest_pain",
        ),
        (
            "A squeezing ache across the front of my ribs and I can't get a full "
            "breath in",
            "chest_pain_with_breathlessness",
        ),
        (
            "Knee is worn out and I'm on the waiting list for a new one, and my "
            "calves cramp after a short walk because my leg arteries are furred up",
            "peripheral_arterial_disease",
        ),
    ],
)
def test_signs_beside_traps(text: str, flag: str) -> None:
    assert flag in flags(text), check_safety(text)


def test_a_neighbours_numb_hand_is_hers() -> None:
    text = (
        "The man next door can't feel his right hand since his stroke. I've a "
        "stiff neck"
    )
    assert check_safety(text).verdict in ("ok", "modify"), check_safety(text)


def test_a_clearance_asked_for_is_not_given() -> None:
    text = "My physio injected my knee with steroid on Tuesday - ok to roll near it?"
    result = check_safety(text)
    assert "recent_injection" in flags(text)
    assert result.verdict in ("clinician_first", "stop"), result


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        (
            "A cow pinned me against the fence on Saturday and my ribs hurt since",
            "recent_trauma",
        ),
        (
            "Checking my blind spot in the van, everything swims for a second. "
            "Neck stiff.",
            "neck_dizziness",
        ),
        (
            "Guitarist: my left hand keeps losing hold of the neck, cups slip out of "
            "my hand too",
            "weakness",
        ),
        (
            "Grandad here - prostate cancer ten years ago, all clear. Hips stiff.",
            "cancer_history",
        ),
        (
            "My girl is 11 and her hamstrings are tight, can I roll them for her "
            "with my ball?",
            "under_16",
        ),
        (
            "My bone scan showed osteoporosis, hers came back normal. Back stiff.",
            "osteoporosis",
        ),
    ],
)
def test_more_told_in_passing(text: str, flag: str) -> None:
    assert flag in flags(text), check_safety(text)


@pytest.mark.parametrize(
    "text",
    [
        "The choir gave me chills tonight; my neck is tight from the concert",
        "My brain feels numb after exams, shoulders knotted",
    ],
)
def test_feelings_not_signs(text: str) -> None:
    assert check_safety(text).verdict in ("ok", "modify"), check_safety(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        (
            "Had a tooth taken out on Friday and my jaw muscles are stiff",
            "recent_surgery",
        ),
        (
            "Out of the blue a ripping pain shot through my tummy into my back",
            "tearing_pain_to_back",
        ),
    ],
)
def test_yet_more_signs(text: str, flag: str) -> None:
    assert flag in flags(text), check_safety(text)


@pytest.mark.parametrize(
    "text",
    [
        "Broke my toe years ago, healed; arches tight after a camping trip",
        "Spreadsheets till my eyes fall off, forearms tight",
        "Retired oncology nurse here, shoulders stiff from painting",
        "Three days of rolling my calves and they're loads better, a bit tender "
        "the morning after but gone by noon",
        "Lay on my arm and woke with pins and needles that went in about a minute",
    ],
)
def test_still_harmless(text: str) -> None:
    assert check_safety(text).verdict in ("ok", "modify"), check_safety(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        (
            "I'm 71 and this fortnight there's an ache on the left side of my head "
            "that I never used to get",
            "giant_cell_arteritis",
        ),
        (
            "At 63 the side of my head has gone tender on the pillow these last weeks",
            "giant_cell_arteritis",
        ),
        (
            "32 weeks pregnant, a pounding headache since lunch with flashing lights "
            "in my eyes",
            "sudden_severe_headache",
        ),
    ],
)
def test_headaches_that_matter(text: str, flag: str) -> None:
    assert flag in flags(text), check_safety(text)


@pytest.mark.parametrize(
    "text",
    [
        "Pharmacist: I dispense warfarin all day but take nothing myself. Neck stiff.",
        "A doctor on the radio was on about hip replacements; my glutes are just "
        "tight from the gym",
        "Revising strokes and spinal injuries for finals, neck stiff from the desk",
    ],
)
def test_work_and_study_topics(text: str) -> None:
    assert check_safety(text).verdict in ("ok", "modify"), check_safety(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("DEXA at 58 showed low density in my hips; lower back stiff", "osteoporosis"),
        (
            "used the ball on my calf sat, it's worse still on tues",
            "lasting_after_session",
        ),
    ],
)
def test_short_and_careful_messages(text: str, flag: str) -> None:
    assert flag in flags(text), check_safety(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        (
            "A forklift ran over my foot at work, it's huge and I can't stand on it",
            "suspected_fracture",
        ),
        (
            "Dark purple splodges on my arms and I don't remember banging them",
            "unexplained_bruising",
        ),
        (
            "The scan says a disc is bulging onto a nerve; my buttock is tight",
            "nerve_root_pain",
        ),
        (
            "A lorry rear-ended me on the motorway last week and my neck isn't right",
            "recent_trauma",
        ),
    ],
)
def test_told_plainly(text: str, flag: str) -> None:
    assert flag in flags(text), check_safety(text)


@pytest.mark.parametrize(
    "text",
    [
        "Month-end has me numb from the neck up, traps knotted",
        "Spin class had me gasping as usual, chest totally fine afterwards, quads sore",
        "I feel like I'm having a heart attack every time the phone rings; shoulders "
        "tight",
        "The lift's broken so I've carried boxes up four floors, calves burning",
        "There's a lump in the sofa that's ruining my posture, low back aches",
        "My phone has a spiderweb crack and I squint at it all day, neck tight",
        "Only thing swollen is my ego after the quiz. Hamstrings tight.",
        "The only thing shooting up is my heating bill; lower back stiff",
    ],
)
def test_everyday_words_that_sound_medical(text: str) -> None:
    assert check_safety(text).verdict in ("ok", "modify"), check_safety(text)
