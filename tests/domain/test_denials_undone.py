"""Denials that their own sentence takes back, and denials said in other shapes."""

from __future__ import annotations

import pytest

from knotwork.domain.safety.verdict import check_safety
from tests.domain.safety_flags import flags


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        (
            "never been on blood thinners, other than the rivaroxaban I started "
            "last month; calves tight",
            "anticoagulants",
        ),
        ("no numbness at all, only when I bend my neck forward", "radiating_numbness"),
        ("my sister doesn't have lymphoedema, I do, since my surgery", "lymphoedema"),
        ("not pregnant I think... the test this morning had a faint line", "pregnancy"),
        ("my right foot keeps slapping the pavement since the sciatica", "weakness"),
        (
            "two weeks of rolling my calves daily, not a jot of difference",
            "no_response",
        ),
    ],
)
def test_the_sign_the_sentence_gives_back_counts(text: str, flag: str) -> None:
    assert flag in flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        (
            "no surgery, no injections, no meds apart from vitamin D; glutes tight",
            "recent_surgery",
        ),
        ("injury-free and medication-free, just one knot in my trap", "acute_injury"),
        (
            "the insulin pump isn't mine, it's my son's; my back is tight",
            "implanted_device",
        ),
        (
            "I'm a theatre nurse and deal with clots all day; calves ache",
            "clot_history",
        ),
    ],
)
def test_denials_in_other_shapes_still_deny(text: str, flag: str) -> None:
    assert flag not in flags(text)


def test_feel_free_is_no_denial() -> None:
    text = "feel free to tell me off, but my calf is swollen and hot after the flight"
    assert check_safety(text).verdict == "stop"


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        (
            "physio, 31, G2 at 24/40; glutes very tight by the end of clinic",
            "pregnancy_from_20_weeks",
        ),
        ("4/52 PP after an SVD, no complications; upper back knotted", "postpartum"),
        (
            "steroid inj L shoulder 1/52 ago, still knotted round the blade",
            "recent_injection",
        ),
        (
            "since the ball session on Monday my hip has ached a bit more every day",
            "lasting_after_session",
        ),
        (
            "SOB at rest since yesterday and sharp pain on a deep breath",
            "breathless_on_little_effort",
        ),
        (
            "my diabetes means I can't tell if the bath is too hot with my feet",
            "reduced_sensation",
        ),
        (
            "the room keeps swimming and I'm seeing two of the clock; neck aches",
            "dizziness_with_neuro_signs",
        ),
        (
            "a van reversed into my car on Friday and now I can't turn my neck",
            "recent_trauma",
        ),
        ("my fingers feel thick and clumsy with buttons lately, neck sore", "weakness"),
        (
            "I have to stop on the landing to get my breath back this week",
            "breathless_on_little_effort",
        ),
        ("can't see my own feet over the bump now, low back aching", "pregnancy"),
        ("can't get warm, shaking under the duvet all day, everything aches", "fever"),
    ],
)
def test_shorthand_and_daily_life_effects_are_read(text: str, flag: str) -> None:
    assert flag in flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        (
            "ward nurse, most of my pts are on DOACs; me, nothing, traps tight",
            "anticoagulants",
        ),
        (
            "I'm an RA in the halls and moving boxes wrecked my back",
            "rheumatoid_arthritis",
        ),
        (
            "the only thing waking me at night is the neighbour's dog; back tight",
            "worse_at_rest",
        ),
        (
            "I had a good sob at the film last night; neck stiff from the sofa",
            "chest_pain_with_breathlessness",
        ),
    ],
)
def test_shorthand_for_other_people_and_ordinary_nights(text: str, flag: str) -> None:
    assert flag not in flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        (
            "my shoulder aches all night, no matter which way I lie I can't get comfy",
            "worse_at_rest",
        ),
        (
            "on apixaban and bruises keep turning up that I don't remember getting",
            "unexplained_bruising",
        ),
        (
            "GP said my hernia is nothing to worry about, but it's there; back tight",
            "abdominal_hernia",
        ),
    ],
)
def test_nights_without_relief_bruises_without_a_knock_and_reassured_conditions(
    text: str, flag: str
) -> None:
    assert flag in flags(text)


def test_a_repair_bill_is_no_operation() -> None:
    assert "recent_surgery" not in flags(
        "the car repair bill made me wince; traps tight"
    )


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        (
            "my left arm went weak mid match on the console, could not lift it",
            "weakness",
        ),
        (
            "the x-ray said no break, but since last night it's hot, red and puffy and "
            "I can't bend it",
            "hot_swollen_joint",
        ),
    ],
)
def test_signs_beside_games_and_clear_x_rays(text: str, flag: str) -> None:
    assert flag in flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        (
            "the rota gives me a headache (figure of speech); traps tight",
            "stroke_signs",
        ),
        (
            "I'm a midwife so labour wards and pregnancy are my day; back aches",
            "pregnancy",
        ),
        (
            "giddy with excitement about the holiday, neck tight from packing",
            "neck_dizziness",
        ),
    ],
)
def test_jobs_and_feelings_that_sound_like_signs(text: str, flag: str) -> None:
    assert flag not in flags(text)


def test_a_clearance_for_a_healing_injury_asks_for_gentle_work() -> None:
    text = (
        "my physio cleared me for ball work on my calf; the tear was three months ago"
    )
    assert check_safety(text).verdict == "modify"


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        (
            "neck aches all night, doesn't matter how I lie or which pillow",
            "worse_at_rest",
        ),
        (
            "back pain since Friday and now I can barely get a wee out",
            "saddle_numbness_or_bladder_change",
        ),
        (
            "rolled my glutes last night, today it's worse and spreading",
            "lasting_after_session",
        ),
        (
            "felt my calf go sprinting for the bus on Monday; can I roll it?",
            "acute_injury",
        ),
    ],
)
def test_more_plain_words_for_signs(text: str, flag: str) -> None:
    assert flag in flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        (
            "the dull band across my forehead is eye strain from the screen",
            "acute_injury",
        ),
        (
            "A&E nurse, I see heaps of DVTs; my own calves are just tight",
            "clot_history",
        ),
    ],
)
def test_eye_strain_and_a_nurses_caseload(text: str, flag: str) -> None:
    assert flag not in flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("since lunch my left hand has felt heavy and not quite mine", "weakness"),
        (
            "felt like someone kicked me in the calf at squash; it hurts to push off",
            "acute_injury",
        ),
    ],
)
def test_strange_limbs_and_the_kick_of_a_torn_calf(text: str, flag: str) -> None:
    assert flag in flags(text)


def test_tired_heavy_legs_after_a_long_shift_are_no_weakness() -> None:
    assert "weakness" not in flags("after a long shift my legs feel heavy and achy")


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        (
            "fell on my hand; wrist has a funny lump, can't turn the door handle",
            "suspected_fracture",
        ),
        (
            "headache for days and I keep asking the same questions",
            "sudden_severe_headache",
        ),
        (
            "my lad's 13, calves aching, he's asked to borrow my ball",
            "under_16",
        ),
        ("rods in from L4 to S1 since 2016; glutes tight", "spinal_hardware"),
        (
            "ball on my neck Saturday night, it's Tuesday now, still sore",
            "lasting_after_session",
        ),
        (
            "hip replaced in February; surgeon says a massage ball is fine now",
            "recent_surgery",
        ),
    ],
)
def test_fresh_wordings_of_signs_and_conditions(text: str, flag: str) -> None:
    assert flag in flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        (
            "I help at a club for adults with Down syndrome; back aches",
            "down_syndrome",
        ),
        (
            "foot went dead sitting cross-legged, fine in a minute; calves tight",
            "radiating_numbness",
        ),
        (
            "grandson keeps asking to borrow my ball as a toy, I said no",
            "under_16",
        ),
    ],
)
def test_others_conditions_passing_numbness_and_a_refused_request(
    text: str, flag: str
) -> None:
    assert flag not in flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        (
            "whiplash in a crash at uni, that's twenty years ago; neck stiff",
            "recent_whiplash",
        ),
        (
            "pins and needles in my foot just now, gone after I stood",
            "tingling",
        ),
        (
            "had a temperature last week but that's all over now; traps tight",
            "fever",
        ),
    ],
)
def test_times_that_end_or_date_a_sign(text: str, flag: str) -> None:
    assert flag not in flags(text)


def test_purple_marks_from_nowhere_are_still_unexplained_bruising() -> None:
    text = "purple marks keep turning up on my arms and I don't remember knocking them"
    assert "unexplained_bruising" in flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        (
            "came off a ladder onto my wrist yesterday, swollen and looks a bit bent",
            "suspected_fracture",
        ),
        (
            "landed from Singapore yesterday; my calf is sore to touch",
            "calf_swelling_warmth",
        ),
    ],
)
def test_a_bent_wrist_and_a_tender_calf_after_a_long_flight(
    text: str, flag: str
) -> None:
    assert flag in flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("it's Cancer season and I'm a Cancer, apparently; traps tight", "cancer"),
        (
            "taught a lesson on blood clots today; my calves are tight from netball",
            "clot_history",
        ),
        (
            "I'm a radiographer, all day looking at fractures; neck stiff",
            "acute_injury",
        ),
        (
            "the whole family's got flu except me; back stiff from running about",
            "fever",
        ),
        (
            "osteoporosis runs in my family but my bones are normal; upper back stiff",
            "osteoporosis",
        ),
        (
            "my brain went numb in the spin class; quads sore today",
            "radiating_numbness",
        ),
        (
            "pins and needles from sleeping on my arm, shook it off in a minute",
            "tingling",
        ),
        (
            "checked my calf after a clot advert on TV: same size, not warm; tight",
            "calf_swelling_warmth",
        ),
        (
            "a groin hernia waiting for a routine repair; hip flexor tight",
            "recent_surgery",
        ),
    ],
)
def test_what_a_keyword_scan_gets_wrong(text: str, flag: str) -> None:
    assert flag not in flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        (
            "the midwife wants to see me again at 36 weeks; lower back aching",
            "pregnancy_third_trimester",
        ),
        (
            "since the plaster came off on Friday my calf is tight and achy",
            "calf_swelling_warmth",
        ),
        (
            "haematology say my count is still only about 30; thighs ache",
            "low_platelets",
        ),
        (
            "just finished four weeks on crutches after my knee op; quad tight",
            "recent_surgery",
        ),
        (
            "I've always been bendy, I can pull my thumb back to my wrist",
            "hypermobility",
        ),
    ],
)
def test_implied_conditions_are_read(text: str, flag: str) -> None:
    assert flag in flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        (
            "my lip is still numb from the dentist's injection; neck tight",
            "radiating_numbness",
        ),
        (
            "my eczema cream is a cortisone one, for my hands only; shoulders tight",
            "recent_injection",
        ),
    ],
)
def test_dental_numbness_and_steroid_creams(text: str, flag: str) -> None:
    assert flag not in flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        (
            "Dad is 82. His speech went slurred this morning and his arm felt heavy",
            "stroke_signs",
        ),
        (
            "Mum had a DVT years ago. She wants the ball for her tight calves",
            "clot_history",
        ),
        (
            "been sweating and an ache is creeping into my jaw and left arm",
            "chest_pain_with_breathlessness",
        ),
        (
            "crashed on the descent yesterday; shoulder and collarbone really hurt",
            "recent_trauma",
        ),
        (
            "still some tummy muscle separation since my kids; hips tight",
            "diastasis_recti",
        ),
    ],
)
def test_messages_for_a_parent_and_signs_without_naming_the_chest(
    text: str, flag: str
) -> None:
    assert flag in flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("Mum of two here, lower back tight from car seats", "postpartum"),
        (
            "two hours of shooting drills; my shooting shoulder is knotted",
            "shooting_pain",
        ),
        ("popped off the crux ten times last night; forearms pumped", "acute_injury"),
        (
            "pins and needles from gripping the drops, shook them out; neck tight",
            "tingling",
        ),
    ],
)
def test_sport_talk_and_a_mum_writing_for_herself(text: str, flag: str) -> None:
    assert flag not in flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        (
            "midwife says the baby's head down now at 37 weeks; hips achy",
            "pregnancy_third_trimester",
        ),
        (
            "kicked the doorframe and the doctor sent me for an x-ray; foot throbbing",
            "suspected_fracture",
        ),
        (
            "the podiatrist says I've lost a lot of feeling in my feet; arches ache",
            "reduced_sensation",
        ),
    ],
)
def test_what_a_clinician_reported(text: str, flag: str) -> None:
    assert flag in flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        (
            "the tingling I had in spring was low B12, it's sorted now; shoulders sore",
            "tingling",
        ),
        (
            "patients always ask me about warfarin and rollers; my calves are tight",
            "anticoagulants",
        ),
    ],
)
def test_sorted_signs_and_questions_from_patients(text: str, flag: str) -> None:
    assert flag not in flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        (
            "PM dog walk - out of breath after 20 steps, new this week",
            "breathless_on_little_effort",
        ),
        (
            "slipped on the ice, my wrist is swollen and bends where wrists don't",
            "suspected_fracture",
        ),
        ("two weeks of daily rolling and it's as rubbish as day one", "no_response"),
    ],
)
def test_notes_app_fragments_and_jokes_that_hide_signs(text: str, flag: str) -> None:
    assert flag in flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("broke my wrist skating aged 11, ages ago; forearm tight today", "under_16"),
        (
            "nine hours on a plane and my hamstrings have fused into a plank",
            "spinal_hardware",
        ),
        (
            "rolled my calf yesterday, a bit tender but looser than before I started",
            "lasting_after_session",
        ),
        (
            "half my ward is on blood thinners; the only thing I'm on is coffee",
            "anticoagulants",
        ),
    ],
)
def test_jokes_that_are_only_jokes(text: str, flag: str) -> None:
    assert flag not in flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        (
            "My aunt's knee replacement went well. Had mine six weeks ago",
            "recent_surgery",
        ),
        (
            "My brother had a slipped disc. Mine was diagnosed last month too, L4",
            "nerve_root_pain",
        ),
    ],
)
def test_mine_stands_for_what_another_had(text: str, flag: str) -> None:
    assert flag in flags(text)


def test_mine_is_just_stiff_sets_the_writer_apart() -> None:
    text = "My dad has a trapped nerve in his neck. Mine is just stiff from my pillow"
    assert "nerve_root_pain" not in flags(text)
