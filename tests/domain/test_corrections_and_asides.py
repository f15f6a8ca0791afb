"""Corrections, asides in brackets, and everyday words that only look alarming."""

from __future__ import annotations

import pytest

from knotwork.domain.safety.verdict import check_safety
from tests.domain.safety_flags import flags


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        (
            "I take apixaban - I mean my husband does; my calves are tight",
            "anticoagulants",
        ),
        (
            "started on steroids, sorry, I mean statins, for cholesterol; neck stiff",
            "oral_steroids",
        ),
        (
            "numb legs - numb from boredom at work I mean haha - quads tight",
            "radiating_numbness",
        ),
    ],
)
def test_a_correction_within_the_sentence_takes_back_what_came_before(
    text: str, flag: str
) -> None:
    assert flag not in flags(text)


def test_i_mean_that_opens_a_sentence_corrects_nothing() -> None:
    text = "My leg has gone weak. I mean, I can barely lift my foot off the floor"
    assert "weakness" in flags(text)


def test_an_ellipsis_is_a_pause_not_a_new_sentence() -> None:
    text = "Had a steroid jab... in my shoulder, back in 2018. Traps tight now"
    assert "recent_injection" not in flags(text)


def test_a_bracket_that_opens_with_a_date_dates_what_it_follows() -> None:
    text = "Had my appendix out (when I was 12, I'm 45 now). Lower back tight"
    assert "recent_surgery" not in flags(text)


def test_the_next_step_of_a_dated_event_shares_its_date() -> None:
    text = "Snapped my wrist playing rugby in 2011, had pins put in, fine since"
    assert "recent_surgery" not in flags(text)


def test_metalwork_put_in_recently_is_recent_surgery() -> None:
    text = "broke my forearm six weeks ago and had a plate put in; shoulder tight"
    assert "recent_surgery" in flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        (
            "the roof leaked all week, my low back is sore from the buckets",
            "saddle_numbness_or_bladder_change",
        ),
        ("I operate a forklift on nights, back tight", "recent_surgery"),
        ("ants in the patio again, knees sore from weeding", "tingling"),
        ("got a shock when the electricity bill came, neck tight", "shooting_pain"),
        ("I work as a temp in a call centre, my traps are tight", "fever"),
        (
            "the cops stopped me for a broken light, neck tight from driving",
            "recent_trauma",
        ),
        ("did the triple jump at the county meet, hamstrings tight", "aortic_aneurysm"),
        (
            "we walked by a swollen river after the storm; my calves ache",
            "unexplained_swelling",
        ),
        ("pulling a calf out of a cow at 3am, back wrecked", "acute_injury"),
        (
            "fished a clot of hair out of the shower drain, knees sore from kneeling",
            "clot_history",
        ),
        (
            "the varicose veins running down my shin are old news; calf tight",
            "shooting_pain",
        ),
        ("sore shoulder from shooting at the archery club", "shooting_pain"),
        (
            "neck stiff from belaying; I watch my partner climb and feel fine",
            "neck_dizziness",
        ),
    ],
)
def test_everyday_words_that_only_look_alarming(text: str, flag: str) -> None:
    assert flag not in flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        (
            "I keep leaking when I cough and my back is agony",
            "saddle_numbness_or_bladder_change",
        ),
        ("my temp is 38.6 and every muscle aches", "fever"),
        ("electric shocks down my arm when I look down", "shooting_pain"),
        (
            "pins and needles in my hand, went the second I shook it; forearm tight",
            None,
        ),
    ],
)
def test_the_signs_those_words_stood_for_are_still_read(
    text: str, flag: str | None
) -> None:
    if flag is None:
        assert check_safety(text).verdict in ("ok", "modify")
    else:
        assert flag in flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("a rose thorn went in my thumb yesterday, small red puncture", "skin_lesion"),
        (
            "took a knee to the ribs at rugby on Saturday, sore to breathe in",
            "recent_trauma",
        ),
        (
            "looked up at the top shelf and the whole room spun; neck aches",
            "neck_dizziness",
        ),
        (
            "since my 61st birthday I get new headaches at my temples and my jaw "
            "aches when I chew",
            "giant_cell_arteritis",
        ),
    ],
)
def test_signs_said_in_everyday_words(text: str, flag: str) -> None:
    assert flag in flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("year 8 ran me ragged today, I teach them PE; calves tight", "under_16"),
        (
            "as a nurse I know what a DVT looks like, and my tight calves aren't it",
            "clot_history",
        ),
        (
            "the chisel slipped and nicked my finger; forearms tight from sanding",
            "recent_trauma",
        ),
        ("arms torn up from pruning roses, nothing deep; back tight", "acute_injury"),
        (
            "had a temperature on Monday but it's been normal since; neck stiff",
            "fever",
        ),
    ],
)
def test_work_words_and_passed_fevers_do_not_count(text: str, flag: str) -> None:
    assert flag not in flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        (
            "dropped a kettlebell on my foot, swollen and I can't put weight on it",
            "suspected_fracture",
        ),
        (
            "can I roll my chest when I get this tightness climbing the stairs?",
            "exertional_chest_pain",
        ),
        ("is the ball fine if I take aspirin daily for my heart?", "antiplatelets"),
        (
            "Can I roll my calves? The right one is hot and swollen since my flight",
            "calf_swelling_warmth",
        ),
    ],
)
def test_questions_about_real_things_still_count(text: str, flag: str) -> None:
    assert flag in flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("my gym buddy tore his calf last week; mine are only tight", "acute_injury"),
        ("dropped a plate washing up, shoulders tight from the sink", "recent_surgery"),
        ("what should I watch for, like tingling, that means stop?", "tingling"),
    ],
)
def test_friends_crockery_and_what_to_watch_for_do_not_count(
    text: str, flag: str
) -> None:
    assert flag not in flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("my left arm has gone feeble since the neck pain started", "weakness"),
        (
            "heard a snap at the back of my heel at badminton, very tender",
            "recent_trauma",
        ),
        (
            "since the back pain I can't feel it when I wipe",
            "saddle_numbness_or_bladder_change",
        ),
        (
            "I cannot control the pee well since my back went",
            "saddle_numbness_or_bladder_change",
        ),
        (
            "walking a short distance to the shop I'm breathing hard, never before",
            "breathless_on_little_effort",
        ),
        (
            "my calf has gone fat and sore since the boot came off; I was on crutches",
            "calf_swelling_warmth",
        ),
    ],
)
def test_plain_and_translated_words_for_signs(text: str, flag: str) -> None:
    assert flag in flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("my abuela takes warfarin and I lift her; my back aches", "anticoagulants"),
        ("snapped at my boss today, jaw tight from clenching", "acute_injury"),
        ("the graze on my knee healed with no infection; quads tight", "skin_lesion"),
        (
            "I had blood thinner jabs after my knee op but they finished years ago",
            "recent_injection",
        ),
    ],
)
def test_relatives_in_other_languages_tempers_and_healed_skin(
    text: str, flag: str
) -> None:
    assert flag not in flags(text)


def test_after_my_second_baby_dates_the_mother_s_own_condition() -> None:
    text = "after my first baby my stomach muscles split; she's four now. back stiff"
    assert "diastasis_recti" in flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        (
            "wedding photographer, twelve hours shooting on my feet; calves ache",
            "shooting_pain",
        ),
        ("fall cleanup in the yard wrecked my lower back", "recent_trauma"),
        (
            "my phone screen has a fracture across it so I squint; neck tight",
            "acute_injury",
        ),
        (
            "spent the weekend fixing the fuel injection on my van; back tight",
            "recent_injection",
        ),
        (
            "flu jab in my left arm yesterday; the knot is under my right shoulder",
            "fever",
        ),
        (
            "the dentist numbed my gum this morning; separately, my traps are tight",
            "radiating_numbness",
        ),
        (
            "the menthol gel makes my skin tingle a bit; calves tight from running",
            "tingling",
        ),
        ("my lower back's a bit tweaky after gardening", "acute_injury"),
        (
            "dozed off with my head on the armrest and woke with a stiff neck",
            "recent_trauma",
        ),
        (
            "theatre nurse, assisting in surgery all day bent over; back aches",
            "recent_surgery",
        ),
        ("the paint kept clotting up on the roller; shoulders tight", "clot_history"),
        (
            "had arthroscopic knee surgery nine months ago; quads tight",
            "recent_surgery",
        ),
    ],
)
def test_harmless_uses_of_alarming_words(text: str, flag: str) -> None:
    assert flag not in flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        (
            "my grip's gone on the left, I can't open jars any more; neck knotted",
            "weakness",
        ),
        (
            "the doctor checks the bulge in my tummy artery every year; back tight",
            "aortic_aneurysm",
        ),
        (
            "the strange thing is that halfway up the stairs I get a tight chest "
            "that eases when I stop",
            "exertional_chest_pain",
        ),
        (
            "I've dropped about six kilos in two months without changing what I eat",
            "unexplained_weight_loss",
        ),
        (
            "I'm 71, my temples ache and it hurts to lay my head on the pillow",
            "giant_cell_arteritis",
        ),
    ],
)
def test_signs_in_longer_or_plainer_words(text: str, flag: str) -> None:
    assert flag in flags(text)


def test_eczema_explains_a_red_patch_on_a_calf() -> None:
    text = "eczema flared on the back of my calf, red and a bit cracked; calves tight"
    assert "calf_swelling_warmth" not in flags(text)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("a cold sore on my lip this week; traps in knots", "skin_lesion"),
        (
            "fractured my wrist in primary school; forearms tight from climbing",
            "under_16",
        ),
        (
            "headache and stiff neck after a long drive, no fever and vision fine",
            "sudden_severe_headache",
        ),
    ],
)
def test_places_the_ball_never_goes_school_days_and_signs_said_to_be_fine(
    text: str, flag: str
) -> None:
    assert flag not in flags(text)


def test_a_child_in_primary_school_now_is_still_a_child() -> None:
    assert "under_16" in flags("my son is in primary school and his calves ache")
