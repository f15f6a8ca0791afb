"""The context reader knows whose, when and whether each mention is."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from knotwork.domain.language.understanding import default_reader
from knotwork.domain.safety.read_mentions import read_mentions
from knotwork.domain.safety.verdict import VERDICTS, check_safety


def context_of(text: str, concept: str) -> str:
    """Return why the first mention of ``concept`` is set aside ('' if it counts)."""
    mentions, _ = read_mentions(text, default_reader())
    found = [m for m in mentions if m.concept == concept]
    assert found, f"{concept} not found in {text!r}"
    return found[0].context.set_aside_because()


@pytest.mark.parametrize(
    ("text", "concept", "because"),
    [
        ("My brother takes warfarin", "anticoag", "someone else"),
        ("my patients often have osteoporosis", "osteoporosis", "someone else"),
        ("I used to be on blood thinners", "anticoag", "in the past"),
        ("I broke my ankle when I was a kid", "acute_injury", "in the past"),
        ("the tingling went away after a minute", "tingle", "already over"),
        ("the DVT scan came back negative", "clot_words", "ruled out"),
        ("if I ever get pregnant can I still do this", "pregnant", "hypothetical"),
        ("could this be a clot?", "clot_words", "asked as a question"),
        ("I'm numb to it all by Friday", "numb", "figure of speech"),
        ("legs weak as a kitten after leg day", "weak", "figure of speech"),
        ("feel like I've been hit by a bus", "trauma", "figure of speech"),
        ("fell off my bike four years ago", "trauma", "in the past"),
    ],
)
def test_mentions_are_set_aside_with_their_reason(
    text: str, concept: str, because: str
) -> None:
    assert because in context_of(text, concept)


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("I take warfarin", "anticoag"),
        ("my mum is fine but I have osteoporosis", "osteoporosis"),
        ("the numbness hasn't gone away", "numb"),
        ("numb down to my toes", "numb"),
        ("I had my gallbladder out four weeks ago", "surgery"),
        ("tingling in my fingers again since yesterday", "tingle"),
    ],
)
def test_the_persons_own_current_mentions_count(text: str, concept: str) -> None:
    assert context_of(text, concept) == ""


def test_dated_mentions_carry_their_interval() -> None:
    mentions, _ = read_mentions("I had knee surgery three weeks ago", default_reader())
    surgery = next(m for m in mentions if m.concept == "surgery")
    assert surgery.context.time == "recent" and surgery.context.days_ago == 21


def test_set_aside_flags_are_listed_with_why() -> None:
    result = check_safety("My sister is on warfarin; my calves are tight")
    assert result.verdict == "ok"
    assert [(a.id, "someone else" in a.because) for a in result.set_aside] == [
        ("anticoagulants", True)
    ]


def test_ages_gate_giant_cell_arteritis_and_children() -> None:
    older = check_safety("I'm 71 and my scalp is tender when I brush my hair")
    assert older.verdict == "stop"
    assert "giant_cell_arteritis" in {r.id for r in older.reasons}
    child = check_safety("my 11 year old's knee hurts after football")
    assert {r.id for r in child.reasons} == {"under_16"}
    assert child.verdict == "clinician_first"


def test_sore_and_tight_describe_muscle_not_a_wound() -> None:
    for text in ("my calves are sore and tight", "a sore achy knot in my shoulder"):
        result = check_safety(text)
        assert result.verdict == "ok", text
        assert all(v == "ok" for v in result.areas.values())


def test_questions_follow_the_areas_and_skip_what_the_text_answered() -> None:
    asked = {q.id for q in check_safety("ache in my calf", areas=["calf"]).questions}
    assert {"calf_signs", "calf_clot_risk", "any_trauma"} <= asked
    answered = check_safety("ache in my calf, not swollen or warm", areas=["calf"])
    assert "calf_signs" not in {q.id for q in answered.questions}
    neck = {q.id for q in check_safety("stiff neck").questions}
    assert "neck_dizziness" in neck and "calf_signs" not in neck


def test_answers_raise_flags_and_silence_their_question() -> None:
    yes = check_safety("stiff neck", answers={"neck_dizziness": True})
    assert yes.verdict == "clinician_first"
    no = check_safety("stiff neck", answers={"neck_dizziness": False})
    assert no.verdict == "ok"
    assert "neck_dizziness" not in {q.id for q in no.questions}


# Properties ------------------------------------------------------------------

RED_FLAGS = [
    "sudden weakness in my right arm",
    "numbness spreading down my leg",
    "crushing chest pain and sweating",
    "my calf is swollen and hot",
    "I can't feel the toilet paper when I wipe",
    "the worst headache of my life came on in seconds",
    "pins and needles in my hand",
]
BENIGN = [
    "my traps are tight from typing",
    "sore calves after a long run",
    "a knot under my shoulder blade",
    "stiff lower back in the mornings",
]
SOFTENERS = [
    "no {}",
    "My mum has {}",
    "my friend said {}",
    "years ago I had {}",
    "if I ever had {}, what then",
]


def rank(text: str) -> int:
    return VERDICTS.index(check_safety(text).verdict)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(RED_FLAGS), st.sampled_from(SOFTENERS), st.sampled_from(BENIGN))
def test_softening_a_red_flag_never_raises_the_verdict(
    flag: str, softener: str, benign: str
) -> None:
    plain = f"{benign}. {flag}."
    softened = f"{benign}. {softener.format(flag)}."
    assert rank(softened) <= rank(plain)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(BENIGN), st.sampled_from(RED_FLAGS))
def test_adding_a_red_flag_never_lowers_the_verdict(benign: str, flag: str) -> None:
    assert rank(f"{benign}. {flag}.") >= rank(benign)
    assert rank(f"{benign}. {flag}.") == VERDICTS.index("stop")


@pytest.mark.parametrize(
    ("text", "years", "subject"),
    [
        ("I'm seventy-two and my jaw aches", 72, "self"),
        ("Fifty-five year old here. New ache at my temple", 55, "self"),
        ("my eight year old says her leg hurts", 8, "other"),
        ("My lad's fifteen and his knee is sore", 15, "other"),
        ("our daughter is six and gets growing pains", 6, "other"),
    ],
)
def test_ages_in_words_and_whose_they_are(text: str, years: int, subject: str) -> None:
    _, annotation = default_reader().annotated(text)
    assert (years, subject) in [(a.years, a.subject) for a in annotation.ages]


@pytest.mark.parametrize(
    "text", ["I'm one of those people who stretch", "I'm five foot two"]
)
def test_small_number_words_after_im_are_not_ages(text: str) -> None:
    _, annotation = default_reader().annotated(text)
    assert annotation.ages == []


def test_a_question_about_people_in_general_affirms_nothing() -> None:
    general = check_safety(
        "Can rolling your calf give you a blood clot? Mine is tight."
    )
    assert general.verdict == "ok"
    own = check_safety("Is it normal that my calf is swollen and warm after a flight?")
    assert own.verdict == "stop"


def test_a_date_of_diagnosis_or_starting_does_not_make_it_past() -> None:
    assert check_safety("I was diagnosed with osteoporosis last year").verdict != "ok"
    assert check_safety("My GP put me on warfarin last year").verdict != "ok"
    healed = check_safety("I was diagnosed with a stress fracture last year, healed")
    assert healed.verdict == "ok"


def test_a_month_long_past_dates_a_mention_but_a_recent_one_is_not_trusted() -> None:
    today = date.today()
    long_ago = (today.replace(day=1) - timedelta(days=250)).strftime("%B")
    recent = (today.replace(day=1) - timedelta(days=40)).strftime("%B")
    assert check_safety(f"I had a fever in {long_ago}, fine now").verdict == "ok"
    operated = check_safety(f"had a knee replacement in {recent}")
    assert "recent_surgery" in {r.id for r in operated.reasons}


@pytest.mark.parametrize(
    "text",
    [
        "Nearly had a heart attack when I saw the bill; my neck is stiff",
        "this week has been a total car crash and my shoulders are tight",
        "I'm broken after the marathon, legs ache in a good way",
        "four flights of stairs at work and my calves are tight",
    ],
)
def test_idioms_are_figures_of_speech(text: str) -> None:
    assert check_safety(text).verdict in ("ok", "modify")


def test_looking_over_a_shoulder_is_a_place_not_an_ending() -> None:
    result = check_safety(
        "when I look over my shoulder I go dizzy and my neck is stiff"
    )
    assert "neck_dizziness" in {r.id for r in result.reasons}


def test_a_birth_named_by_the_baby_is_the_mothers() -> None:
    assert "postpartum" in {
        r.id for r in check_safety("Baby number two arrived ten days ago").reasons
    }
    friend = check_safety("My friend had her baby and I held the newborn all week")
    assert "postpartum" not in {r.id for r in friend.reasons}


@pytest.mark.parametrize(
    ("text", "concept", "because"),
    [
        # A relative clause on another's noun keeps them the subject.
        ("The patient I saw this morning had a blood clot", "clot_words", "someone"),
        # An adjective before a plural of people describes them, not the writer.
        ("I teach yoga to pregnant ladies twice a week", "pregnant", "someone"),
        # An explicit ending outranks a date.
        ("The numbness I had in March is long gone", "numb", "already over"),
        # Being checked for something is not having it.
        ("the GP tested me for osteoporosis", "osteoporosis", "hypothetical"),
        ("broke the club record on Sunday", "acute_injury", "figure of speech"),
    ],
)
def test_more_ways_a_mention_is_not_the_writers_now(
    text: str, concept: str, because: str
) -> None:
    assert because in context_of(text, concept)


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("I was diagnosed with haemophilia as a child", "bleeding"),
        ("came off my bike yesterday and my hip hurts", "trauma"),
    ],
)
def test_an_onset_or_a_fall_named_with_came_off_still_counts(
    text: str, concept: str
) -> None:
    assert context_of(text, concept) == ""


@pytest.mark.parametrize(
    ("text", "years"),
    [("Sixty-one, and my temples ache when I chew", 61), ("67F here, stiff neck", 67)],
)
def test_an_age_standing_alone_or_in_shorthand_is_the_writers(
    text: str, years: int
) -> None:
    _, annotation = default_reader().annotated(text)
    assert [(a.years, a.subject) for a in annotation.ages] == [(years, "self")]


def test_a_birth_named_by_the_child_and_a_caesarean_start_the_weeks_after() -> None:
    for text in (
        "had my daughter three weeks ago and my upper back is in knots",
        "planned section a month back, neck is stiff from feeding",
    ):
        assert "postpartum" in {r.id for r in check_safety(text).reasons}, text


@pytest.mark.parametrize(
    ("text", "concept", "because"),
    [
        ("a colleague of mine has a DVT", "clot_words", "someone"),
        ("at work I hand out warfarin every day", "anticoag", "someone"),
        ("my boss's hip replacement went well", "surgery", "someone"),
        ("numb with shock after the news", "numb", "figure of speech"),
        ("she broke the internet with that photo", "acute_injury", "figure of speech"),
    ],
)
def test_an_owner_a_giver_or_a_feeling_is_not_the_writers_condition(
    text: str, concept: str, because: str
) -> None:
    assert because in context_of(text, concept)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("couldn't pee since last night and my back aches", "saddle_numbness"),
        ("my grip keeps getting weaker, I can't open jars", "weakness"),
        (
            "digging makes my left shoulder and arm ache, settles if I have a rest",
            "exertional_chest_pain",
        ),
        ("I had an ICD fitted in 2018 and my pec is tight", "implanted_device"),
    ],
)
def test_red_flags_in_plain_words(text: str, flag: str) -> None:
    assert any(r.id.startswith(flag) for r in check_safety(text).reasons), text


def test_an_age_before_a_childs_noun_is_the_childs() -> None:
    _, annotation = default_reader().annotated(
        "Twelve-year-old daughter does gymnastics, but this is about me, 41"
    )
    assert [(a.years, a.subject) for a in annotation.ages] == [
        (12, "other"),
        (41, "self"),
    ]


def test_an_ending_said_after_a_comma_belongs_to_the_clause_before_it() -> None:
    text = "I've been on clopidogrel since a mini-stroke years ago, fully recovered"
    assert "antiplatelets" in {r.id for r in check_safety(text).reasons}


def test_a_topic_spoken_of_runs_on_through_a_list() -> None:
    text = "At work we talk about warfarin, heparin and apixaban all day; I take none"
    assert check_safety(text).verdict == "ok"


def test_asking_whether_a_symptom_is_normal_tells_of_the_asker() -> None:
    text = (
        "Is it normal to get a headache that comes on in a second, like being "
        "hit on the head? It was an hour ago."
    )
    assert check_safety(text).verdict == "stop"


def test_no_improvement_needs_ball_work_to_have_happened() -> None:
    text = "Chef here, same every week: calves ache by Friday. What would you roll?"
    assert "no_response" not in {r.id for r in check_safety(text).reasons}
    tried = "Three weeks of rolling my calf every day and it's exactly the same"
    assert "no_response" in {r.id for r in check_safety(tried).reasons}


def test_a_gp_surgery_is_a_place_and_everyday_words_are_not_misspellings() -> None:
    for text in (
        "I work on reception at the GP surgery and my neck is stiff",
        "Easter egg hunt with the kids, my lower back is stiff",
        "my mortgage broker is slow and my traps are tight",
    ):
        assert check_safety(text).verdict == "ok", text


def test_a_question_answered_no_affirms_nothing_but_no_idea_answers_nothing() -> None:
    assert check_safety("Warfarin? Nope, never. Calves tight").verdict == "ok"
    unsure = check_safety(
        "Is my calf swollen? No idea, it is hot and puffy since the flight"
    )
    assert unsure.verdict == "stop"


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("sore back and since Monday I can't hold it in when I need a poo", "saddle"),
        (
            "climbing the hill brings a heavy pain in my left arm, when I sit it goes",
            "exertional",
        ),
        ("the big C is back and there's new pain in my back at night", "cancer"),
        ("bruises keep coming on my shins and I don't know from where", "bruising"),
    ],
)
def test_more_red_flags_in_everyday_and_second_language_wording(
    text: str, flag: str
) -> None:
    assert any(flag in r.id for r in check_safety(text).reasons), text


@pytest.mark.parametrize(
    "text",
    [
        "Clexane is what my dad injects, my hamstrings are tight",
        "swollen with pride after the race, calves tight",
        "snapped at my brother, jaw tight from clenching",
        "cabin fever this winter, neck stiff from the sofa",
    ],
)
def test_another_persons_medicine_and_idioms_stay_ok(text: str) -> None:
    assert check_safety(text).verdict == "ok", text
