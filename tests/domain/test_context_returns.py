"""How long a sign has lasted, whether it came back, and who asks about whom.

Worded apart from every vignette file, so these test the rule, not a line.
"""

from __future__ import annotations

import pytest

from knotwork.domain.language.ages import stated_ages
from knotwork.domain.language.recurrences import recurrences
from knotwork.domain.language.text import tokenize
from knotwork.domain.language.times import durations
from tests.domain.safety_flags import flags


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("my toes have been numb for the past six years", 6 * 365),
        ("numb over the last couple of years", 2 * 365),
        ("it has felt like this for ages", 365),
        ("numb for a good while now", 365),
        ("tingly for 3 weeks", 21),
    ],
)
def test_a_clause_says_how_long_its_state_has_lasted(text: str, days: int) -> None:
    assert list(durations(tokenize(text, keep_filler=True)).values())[0][0] == days


@pytest.mark.parametrize(
    "text", ["for a while", "waited for the bus", "for me it aches", "over the road"]
)
def test_a_span_needs_a_unit_or_a_word_that_makes_it_long(text: str) -> None:
    assert durations(tokenize(text, keep_filler=True)) == {}


def test_numbness_known_for_years_is_lost_feeling_not_a_new_nerve_warning() -> None:
    got = flags("I'm diabetic and both feet have been numb for about five years")
    assert "reduced_sensation" in got
    assert "radiating_numbness" not in got


def test_new_numbness_beside_old_still_stops() -> None:
    got = flags(
        "My feet have been numb for years. "
        "Since Tuesday my left hand has gone numb too."
    )
    assert "radiating_numbness" in got


@pytest.mark.parametrize(
    ("text", "back"),
    [
        ("the tingling from last winter is back again", True),
        ("that dizzy feeling has returned", True),
        ("the scan came back negative", False),
        ("it never returned", False),
        ("I came back from Spain on Friday", False),
    ],
)
def test_a_clause_can_say_a_sign_came_back(text: str, back: bool) -> None:
    assert bool(recurrences(tokenize(text, keep_filler=True))) is back


def test_a_sign_dated_long_ago_that_is_back_counts_now() -> None:
    text = "The pins and needles in my hand that I had two summers ago are back"
    assert "tingling" in flags(text)


def test_it_went_in_the_next_sentence_ends_what_came_before() -> None:
    text = (
        "My fingers were tingling for a month in the spring. "
        "With vitamin tablets it cleared completely. Forearms tight from rowing."
    )
    assert "tingling" not in flags(text)


def test_the_one_who_fell_is_the_writer() -> None:
    text = "My wife is fine, I'm the one who fell down the stairs four days ago"
    assert "recent_trauma" in flags(text)


def test_her_before_a_noun_makes_that_noun_hers() -> None:
    text = "My sister has lymphoma, so I sent her to talk to her oncology nurse first."
    assert "cancer" not in flags(text)


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("My daughter, who is 10 and swims, has sore shoulders", 10),
        ("our boy is in year 6 and plays rugby", 10),
        ("my girl's in 4th grade", 9),
    ],
)
def test_a_childs_age_from_a_relative_clause_or_school_year(
    text: str, years: int
) -> None:
    ages, _ = stated_ages(tokenize(text, keep_filler=True))
    assert [a.years for a in ages] == [years]


def test_a_school_year_of_the_writer_is_no_childs_age() -> None:
    ages, _ = stated_ages(tokenize("I tore a muscle in year 9", keep_filler=True))
    assert ages == []


@pytest.mark.parametrize(
    "text",
    [
        "Could my 9 year old try the spiky ball on her calves?",
        "My grandson is in year 3. Would it be ok for him to borrow my ball?",
        "Can my dad use the peanut ball? He had a clot last spring.",
    ],
)
def test_a_question_about_another_persons_ball_use_is_for_them(text: str) -> None:
    assert flags(text) & {"under_16", "clot_history"}


@pytest.mark.parametrize(
    "text",
    [
        # A bracketed date speaks of what it follows.
        "Had a knee scope (about two years ago), all fine. Quads tight.",
        # "But that was in 2014" points back.
        "I had shingles on my back, but that was in 2014. Upper back tight now.",
        # "Two summers back" is two summers ago.
        "Fell off a ladder two summers back, mended well. Shoulders tight.",
        # An age in words dates a clause to earlier in life.
        "Had my tonsils out aged nine, I'm 35 now. Neck stiff.",
    ],
)
def test_dates_said_around_a_clause_reach_it(text: str) -> None:
    assert not flags(text) & {"recent_surgery", "recent_trauma", "skin_lesion"}


def test_a_sign_that_crept_back_counts_now() -> None:
    text = (
        "The tingling in my fingers went away in spring but it's crept back this month"
    )
    assert "tingling" in flags(text)


def test_numb_from_sitting_that_came_back_within_minutes_is_over() -> None:
    text = (
        "My leg went numb sitting on the floor, "
        "but the feeling came back within a minute"
    )
    assert "radiating_numbness" not in flags(text)


def test_a_stent_years_ago_is_no_fresh_clot_risk() -> None:
    text = "On clopidogrel since my stent in 2017. Calves tight from the hills."
    assert "calf_swelling_warmth" not in flags(text)


def test_a_childs_age_in_years_dates_a_caesarean() -> None:
    text = "Had a caesarean with my youngest, who is nearly four now. Glutes tight."
    assert not flags(text) & {"recent_surgery", "postpartum"}


def test_swelling_after_a_knock_is_the_knock_not_a_clot() -> None:
    got = flags("Kicked in the shin at football five days ago and it's still swollen")
    assert "recent_trauma" in got
    assert "calf_swelling_warmth" not in got


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("I'm on apixaban. Wait, no, I misspoke, that's my wife.", "anticoagulants"),
        (
            "Chest pain on the stairs, that's the character in my novel. Back tight.",
            "exertional_chest_pain",
        ),
        (
            "The GP said thin bones. Sorry, I misheard, it was my vitamin D.",
            "osteoporosis",
        ),
        (
            "I'm expecting. Expecting a parcel tomorrow, I mean. Glutes tight.",
            "pregnancy",
        ),
    ],
)
def test_a_correction_takes_back_what_came_before(text: str, flag: str) -> None:
    assert flag not in flags(text)


def test_what_the_correction_itself_says_still_counts() -> None:
    text = "I take a blood thinner. Actually it's only aspirin, 75mg."
    got = flags(text)
    assert "anticoagulants" not in got
    assert "antiplatelets" in got


def test_or_was_makes_the_sentence_before_past() -> None:
    text = "I'm on warfarin. Or was, they stopped it two years ago. Calves tight."
    assert "anticoagulants" not in flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "Had a hip operation and used crutches. That was back in 2015 though.",
        "Cortisone shot in my knee, should I say? It was two years ago.",
        "Whiplash after a car crash, neck still stiff. The crash was in 2013.",
    ],
)
def test_a_sentence_pointing_back_dates_the_one_before(text: str) -> None:
    assert not flags(text) & {"recent_surgery", "recent_injection", "recent_whiplash"}


def test_it_came_back_in_the_next_sentence_ends_numbness_from_lying_on_it() -> None:
    text = "Woke with my hand numb. I'd been lying on it, it came back within a minute."
    assert "radiating_numbness" not in flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("Checked today: blood pressure 120 over 80, temperature 36.8.", "fever"),
        ("Fingers numb with cold on the walk, fine once warm.", "radiating_numbness"),
        (
            "I'm a vet, bent over the operating table all day; back tight.",
            "recent_surgery",
        ),
        ("Half my class had a fever bug this week but I dodged it.", "fever"),
        (
            "I'm having my gallbladder out in June; back tight till then.",
            "recent_surgery",
        ),
        ("Does not apply to me: osteoporosis, pregnancy, pacemaker.", "osteoporosis"),
        ("Played a zombie in our show, dragging one leg all night.", "weakness"),
        ("Suppose I notice bruising the day after a session?", "lasting_after_session"),
    ],
)
def test_hard_benign_messages(text: str, flag: str) -> None:
    assert flag not in flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("They're watching a bulge in the main artery in my belly", "aortic_aneurysm"),
        (
            "My pec knot squeezes when I walk uphill and settles when I stop",
            "exertional_chest_pain",
        ),
        (
            "Since my stroke my left hand doesn't feel things properly",
            "reduced_sensation",
        ),
        (
            "I'm 70, dizzy turning my head, and I saw double yesterday",
            "dizziness_with_neuro_signs",
        ),
        ("My temperature is 38.6 and I ache all over", "fever"),
    ],
)
def test_more_real_signs_in_plain_words(text: str, flag: str) -> None:
    assert flag in flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("temperature was 38.6 last night and I feel completely wiped out", "fever"),
        ("my grip has got feeble and I fumbled my keys twice today", "weakness"),
        ("the pain drags me awake most nights", "worse_at_rest"),
        ("my hip is worst when I'm doing nothing, fine walking about", "worse_at_rest"),
        (
            "twice I didn't realise I needed to pee until it was too late",
            "saddle_numbness_or_bladder_change",
        ),
    ],
)
def test_signs_said_sideways(text: str, flag: str) -> None:
    assert flag in flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("dropped my phone on my face in bed again, neck stiff", "stroke_signs"),
        ("the neighbour's dog wakes me at 5am, neck stiff", "worse_at_rest"),
    ],
)
def test_more_everyday_look_alikes(text: str, flag: str) -> None:
    assert flag not in flags(text)


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("Nearly 16 and my neck is stiff", 15),
        ("15 next month, calves tight", 14),
        ("My 6th grader has sore knees", 11),
        ("Nanny for twins aged 4, forearms ache", 4),
    ],
)
def test_more_ways_to_say_an_age(text: str, years: int) -> None:
    ages, _ = stated_ages(tokenize(text, keep_filler=True))
    assert [a.years for a in ages] == [years]


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        (
            "SOBOE and central CP going up stairs, settles with rest",
            "exertional_chest_pain",
        ),
        ("PN day 10 after EMCS, upper back in knots", "postpartum"),
        ("CVA 2021 with residual sensory loss in my left arm", "reduced_sensation"),
        ("Hand kept letting go of my mug last week, still clumsy", "weakness"),
        (
            "Foot went numb last spring. It came back this morning and is spreading.",
            "radiating_numbness",
        ),
    ],
)
def test_shorthand_and_returns(text: str, flag: str) -> None:
    assert flag in flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("FHx of DVT (mum). Me: no PMH, calves tight", "clot_history"),
        ("Small hernia, awaiting elective repair; hip flexors tight", "recent_surgery"),
        (
            "Mild OA in both knees, early degenerative changes; upper back tight",
            "advanced_joint_disease",
        ),
        (
            "Calf swelled after a flight. "
            "Scanned, no clot, and it settled in two days.",
            "calf_swelling_warmth",
        ),
        (
            "Had a banging head after too much wine last Friday, gone by lunch",
            "sudden_severe_headache",
        ),
        (
            "Asking for me, not my son (he'd never sit still). Back tight.",
            "hypermobility",
        ),
    ],
)
def test_shorthand_and_everyday_look_alikes(text: str, flag: str) -> None:
    assert flag not in flags(text)
