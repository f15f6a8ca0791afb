"""Urgent signs told in two parts, inability, and ages and decades that date a clause.

Worded apart from every vignette file, so these test the rule, not a line.
"""

from __future__ import annotations

import pytest

from knotwork.domain.safety.verdict import check_safety
from tests.domain.safety_flags import flags


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # Pain in the jaw or arm on effort, gone once still: said in two parts.
        (
            "my left arm goes achy when I push the pram uphill, it's fine once I sit",
            "exertional_chest_pain",
        ),
        # Breathless on the smallest errand, or unable to go on without a stop.
        (
            "I get puffed out walking to the corner shop lately",
            "breathless_on_little_effort",
        ),
        (
            "couldn't climb one flight without stopping for breath today",
            "breathless_on_little_effort",
        ),
        # A face that has slipped on one side; an arm and leg gone clumsy.
        ("this morning my smile looks lopsided in the mirror", "stroke_signs"),
        ("my right arm and leg went heavy an hour ago", "stroke_signs"),
        # The worst headache of a life, told around the word.
        (
            "the headache behind my eyes tonight is the worst of my life",
            "sudden_severe_headache",
        ),
        # Over 50, jaw tiring at meals; a first headache late in life.
        ("I'm 74 and my jaw gets tired chewing my dinner", "giant_cell_arteritis"),
        (
            "at 66 I'm having headaches for the first time ever",
            "giant_cell_arteritis",
        ),
        # A fall, then a wrist at a wrong angle.
        (
            "came down hard on the ice and my wrist sits at an odd angle",
            "suspected_fracture",
        ),
    ],
)
def test_urgent_signs_told_in_parts_stop(text: str, flag: str) -> None:
    result = check_safety(text)
    assert flag in {r.id for r in result.reasons}, text
    assert result.verdict == "stop", text


def test_metalwork_in_the_spine_asks_for_a_clinician_and_keeps_the_ball_off() -> None:
    result = check_safety(
        "I've had rods and screws in my spine since 2019, low back tight"
    )
    assert "spinal_hardware" in flags("I've had rods and screws in my spine since 2019")
    assert result.verdict == "clinician_first"
    assert result.areas.get("low_back") == "avoid"


@pytest.mark.parametrize(
    "text",
    [
        # An age below the one given dates the clause to the past.
        "had my gallbladder out at 23, I'm 58 now; my calves are tight from walking",
        # A decade is a time, not somebody's age.
        "had a knee op back in the eighties, hamstrings tight from cycling",
        # A plan, a programme, a harmless lump, a near miss and an idiom.
        "booked a cruise next year, how do I avoid a clot? legs fine, just tight",
        "saw a programme about strokes last night; my neck is just stiff",
        "the doctor said the lump on my shoulder is a harmless cyst; traps tight",
        "nearly fell off the kerb this morning but caught myself, glutes tight",
        "my shoulders are out of whack from carrying the toddler",
        "went to the surgery for a blood pressure check, all fine; upper back stiff",
    ],
)
def test_past_plans_media_and_idioms_do_not_raise_the_verdict(text: str) -> None:
    assert check_safety(text).verdict in ("ok", "modify"), text


def test_a_comma_ends_a_time_cue() -> None:
    # "Two years, back's stiff": "years back" is not "years ago" across a comma.
    assert "oral_steroids" in flags(
        "been on prednisone for my lungs three years, back's sore"
    )


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # Shorthand copied from a clinic letter.
        ("L THR 3/52 ago, glute med tight", "recent_surgery"),
        ("24/40, mid back aching", "pregnancy_from_20_weeks"),
        ("paresthesia R foot x 2/12, constant", "tingling"),
        ("sudden vertigo and diplopia since lunch", "dizziness_with_neuro_signs"),
        # One word for an age: the child is the one asked about.
        (
            "my 12yo plays netball and her calves are tight, can she use a ball?",
            "under_16",
        ),
        # A message written wholly for another adult counts for that adult.
        (
            "typing this for my dad, he's 81; his temple is tender and chewing hurts",
            "giant_cell_arteritis",
        ),
    ],
)
def test_shorthand_one_word_ages_and_messages_for_another(text: str, flag: str) -> None:
    assert flag in flags(text), text


def test_an_aside_in_brackets_does_not_cut_the_clause_it_interrupts() -> None:
    # "Years ago" reaches past the bracket to the injury it dates.
    text = "Years ago (2009, I think) I broke my wrist skiing; forearms tight now"
    assert check_safety(text).verdict in ("ok", "modify")


def test_a_longer_phrase_that_holds_a_look_alike_still_counts() -> None:
    # "Flight of stairs" is not a plane, but "one flight of stairs" is little effort.
    assert "breathless_on_little_effort" in flags(
        "I'm out of breath after one flight of stairs lately, never like this before"
    )


def test_a_child_named_alone_at_the_start_is_what_the_sentence_is_about() -> None:
    assert "under_16" in flags("Eleven year old son, sore shins after football, ok?")
    # Said of the child in a full clause, the parent's own calf stays theirs.
    parent = check_safety(
        "My daughter is 9, my calf is swollen and hot since the flight"
    )
    assert parent.verdict == "stop"


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # A person the speaker only talks to or visits is not the subject.
        (
            "I was chatting with my sister on the phone when my words came out "
            "garbled, twenty minutes ago",
            "stroke_signs",
        ),
        (
            "yesterday I slipped on the ice outside a neighbour's house and "
            "now my wrist is a strange shape",
            "suspected_fracture",
        ),
        # A number glued to its unit, and texting shorthand for "without".
        (
            "dropped 9kg since summer w/o trying, ribs ache worse at night",
            "weight_loss_with_night_pain",
        ),
        # A baby "born by caesarean" tells of the mother's operation.
        ("our daughter was born by c-section 3 weeks ago, neck tight", "postpartum"),
        # A lifelong condition found years ago is still there.
        ("a bone scan in 2019 found osteoporosis; mid back stiff", "osteoporosis"),
        # Plain words for a red flag.
        (
            "been dizzy all week and fell over twice in the garden",
            "dizziness_with_neuro_signs",
        ),
        (
            "I struggle to pass water since my back went on Friday",
            "saddle_numbness_or_bladder_change",
        ),
        (
            "ache in my hip is hurting more when sitting than when walking",
            "worse_at_rest",
        ),
    ],
)
def test_the_speaker_stays_the_subject_and_plain_words_count(
    text: str, flag: str
) -> None:
    assert flag in flags(text), text


@pytest.mark.parametrize(
    "text",
    [
        # A general question after a statement asks about pregnancy in general.
        "we might try for a baby next spring, is rolling ok in pregnancy? glutes tight",
        # How long it lasted, then "never again": over.
        "once my toes went numb on the sofa, five minutes, never again; calves tight",
        # "Ten years before" closing its clause dates the operation.
        "I had an operation on my ankle 12 years before, all good; calves tight",
        # Figures of speech and other uses of the words.
        "my heart is broken since the breakup and my shoulders are tight",
        "I ride an electric scooter to work and my calves are tight",
        "swam front crawl for an hour, lats sore",
        "I dropped the ball on the project and my neck is stiff from the laptop",
        "three days after a leg session my quads are still sore, a bit better daily",
    ],
)
def test_questions_time_and_idioms_do_not_raise_the_verdict_more(text: str) -> None:
    assert check_safety(text).verdict in ("ok", "modify"), text


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # "Not" that qualifies a degree or a certainty denies nothing.
        (
            "Not a huge operation, only keyhole, but my gallbladder came out "
            "two weeks ago; upper back tight",
            "recent_surgery",
        ),
        (
            "not sure it matters, but one calf is hot and swollen since my flight",
            "calf_swelling_warmth",
        ),
        # "Never had one like this" tells how bad this one is.
        (
            "Never had a headache like this before. It hit in a second and "
            "it's the worst I've known.",
            "sudden_severe_headache",
        ),
        # A person the speaker had, carried or fed is not the subject.
        (
            "I had my son twelve days ago and now my left calf is red and puffy",
            "postpartum",
        ),
        # Someone who acts on the person's own things: the harm is theirs.
        (
            "someone drove into my car a week ago and my neck has been stiff since",
            "recent_trauma",
        ),
    ],
)
def test_degrees_comparisons_and_objects_keep_the_sign(text: str, flag: str) -> None:
    assert flag in flags(text), text


@pytest.mark.parametrize(
    "text",
    [
        # A short list after a denial is denied as a whole.
        "No fever, chills or sweats, and no numbness; just tight traps",
        "No history of clots or varicose veins, calves just tight from hiking",
        # A family history denied, a question in general, a play and a story.
        "Nobody in my family has had a stroke or a clot; neck stiff from work",
        "Can a clot come from foam rolling? Mine are just tight from running.",
        "I play a woman having a stroke in the school play; my back is stiff",
        "The fracture in my novel is made up; my wrists ache from typing",
        "Not a single bruise on my thigh, just a knot in the quad",
    ],
)
def test_denied_lists_general_questions_and_fiction_stay_ordinary(text: str) -> None:
    assert check_safety(text).verdict in ("ok", "modify"), text


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # Written for a child: what is said of the child counts, and the
        # person asked about is under 16.
        (
            "I'm writing for my 12-year-old daughter: since a knock to the head "
            "at hockey her headache keeps getting worse and she's been sick",
            "under_16",
        ),
        # The speaker naming their own role is still the speaker.
        (
            "I'm the team coach and also the one with a slipped disc; traps tight",
            "nerve_root_pain",
        ),
        # A clinician's clearance counts only as clearance, not as nothing.
        (
            "My surgeon has cleared me for massage after my knee op 6 weeks ago",
            "recent_surgery",
        ),
    ],
)
def test_proxies_roles_and_clearance(text: str, flag: str) -> None:
    assert flag in flags(text), text


def test_a_clearance_lowers_the_condition_to_modify() -> None:
    cleared = check_safety(
        "My surgeon has cleared me for massage after my knee op 6 weeks ago"
    )
    assert cleared.verdict == "modify"
    # Without a clinician in the sentence, nothing is cleared.
    assert (
        check_safety("Knee op 6 weeks ago, my mate says it's fine").verdict
        == "clinician_first"
    )


@pytest.mark.parametrize(
    "text",
    [
        # A short list belongs to the person named before it.
        "My husband's ankle was hot, red and swollen with gout; my own calves ache",
        # The dad of a newborn is not in the weeks after birth.
        "Our daughter is 2 weeks old. My wife had her, I'm the dad; my back is stiff",
        # Writing about oneself beside a child's trouble.
        "My son, 9, has growing pains in his legs. I'm asking about my own neck",
        # Both calves tight after a flight, with swelling and redness denied.
        "Flew back from Spain yesterday; calves a bit tight, no swelling or redness",
    ],
)
def test_others_lists_fathers_and_checked_calves_stay_ordinary(text: str) -> None:
    assert check_safety(text).verdict in ("ok", "modify"), text


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # The writer shares what another has.
        ("My dad's on warfarin and so am I; hamstrings tight", "anticoagulants"),
        (
            "My aunt had a DVT last year and so did I, in March; calves tight",
            "clot_history",
        ),
        # A turn ends a denial: what comes after "but" is affirmed.
        (
            "Flu test came back negative, but I've had a fever of 39 since Sunday",
            "fever",
        ),
    ],
)
def test_shared_conditions_and_turns(text: str, flag: str) -> None:
    assert flag in flags(text), text


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        # An animal or person that does something to the writer harms the writer.
        (
            "A cow kicked me in the shin yesterday and it's been sore since",
            "recent_trauma",
        ),
        # "Now" turns a topic back into the person's present.
        (
            "My class often asks about blood thinners, and now I'm on one: "
            "rivaroxaban since last month",
            "anticoagulants",
        ),
        # A baby born weeks ago tells of the mother.
        (
            "My daughter was born four weeks ago and my neck aches from feeding",
            "postpartum",
        ),
    ],
)
def test_actions_on_the_writer_now_and_births(text: str, flag: str) -> None:
    assert flag in flags(text), text


def test_telling_the_writer_keeps_the_other_the_subject() -> None:
    assert check_safety(
        "My mum told me her calf is swollen; my traps are tight"
    ).verdict in (
        "ok",
        "modify",
    )


@pytest.mark.parametrize(
    "text",
    [
        "is it ok to roll my glutes now I'm 30 weeks?",
        "I'm 16 weeks and my upper back is stiff",
    ],
)
def test_weeks_said_of_oneself_are_a_pregnancy(text: str) -> None:
    stages = {"pregnancy", "pregnancy_from_20_weeks", "pregnancy_third_trimester"}
    assert stages & flags(text), text


@pytest.mark.parametrize(
    "text",
    [
        "I'm 6 weeks post-op from a bunion and my calf is tight",
        "I'm 3 weeks into marathon training and my hamstrings are tight",
        "If I sprained my ankle at netball, could I still roll my calf? Calves tight",
    ],
)
def test_weeks_of_something_else_and_suppositions_are_not(text: str) -> None:
    assert not {"pregnancy", "acute_injury"} & flags(text), text


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        (
            "Dad has dementia, but it's me who's had crushing chest pain since noon",
            "chest_pain_with_breathlessness",
        ),
        (
            "I'm back nursing four weeks after giving birth; shoulders tight",
            "postpartum",
        ),
        (
            "Patients ask about osteoporosis, and my own scan shows I've got it too",
            "osteoporosis",
        ),
    ],
)
def test_the_writer_named_by_who_a_verb_and_it_too(text: str, flag: str) -> None:
    assert flag in flags(text), text


def test_a_risk_that_is_over_is_no_risk_now() -> None:
    text = (
        "My kids are 10 and 7, so pregnancy is well behind me; calves ache after work"
    )
    assert check_safety(text).verdict in ("ok", "modify")
