"""The safety screen catches warning signs and conditions, without crying wolf."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from knotwork.domain.safety.verdict import VERDICTS, UnknownId, check_safety, worst
from tests.conftest import SHARED, VIGNETTES

BENIGN = [
    "Tight upper back from working at a laptop",
    "Sore quads after leg day",
    "Neck feels tight, no numbness, no tingling",
    "My calf is tight but not swollen or red",
    "I fell asleep on the sofa and my neck is stiff",
    "Sore from shooting hoops all afternoon",
]


@pytest.mark.parametrize(
    ("text", "flag", "verdict"),
    [
        ("an electric zing down my arm when I turn my head", "shooting_pain", "stop"),
        ("I'm on warfarin", "anticoagulants", "clinician_first"),
        (
            "34 weeks pregnant with a sore low back",
            "pregnancy_third_trimester",
            "clinician_first",
        ),
        ("my calf is swollen and warm after a flight", "calf_swelling_warmth", "stop"),
        ("pins and needles in my fingers", "tingling", "stop"),
        ("I keep dropping things with my right hand", "weakness", "stop"),
        (
            "crushing chest pain and I'm short of breath",
            "chest_pain_with_breathlessness",
            "stop",
        ),
        (
            "worst headache of my life, came on suddenly",
            "sudden_severe_headache",
            "stop",
        ),
        (
            "I've wet myself twice since the back pain began",
            "saddle_numbness_or_bladder_change",
            "stop",
        ),
        (
            "the pain wakes me every night whatever position I lie in",
            "worse_at_rest",
            "clinician_first",
        ),
        ("three weeks of rolling and no improvement", "no_response", "clinician_first"),
        (
            "after the ball session my neck has been worse for three days",
            "lasting_after_session",
            "clinician_first",
        ),
        (
            "I came off my bike yesterday and my hip hurts",
            "recent_trauma",
            "clinician_first",
        ),
        (
            "I've lost 8 kilos without trying",
            "unexplained_weight_loss",
            "clinician_first",
        ),
        ("I have a fever and the chills", "fever", "stop"),
        ("had a knee replacement in August", "recent_surgery", "clinician_first"),
        (
            "cortisone injection in my shoulder last week",
            "recent_injection",
            "clinician_first",
        ),
        ("I sprained my ankle on Saturday", "acute_injury", "clinician_first"),
        ("my bone density scan showed osteopenia", "osteoporosis", "clinician_first"),
        ("bone on bone in my knee", "advanced_joint_disease", "clinician_first"),
        ("rheumatoid arthritis in my hands", "rheumatoid_arthritis", "clinician_first"),
        ("I had a DVT two years ago", "clot_history", "clinician_first"),
        ("a graze on my shin", "skin_lesion", "modify"),
        (
            "there's a lump on my thigh I can't explain",
            "unexplained_swelling",
            "clinician_first",
        ),
        ("varicose veins on both calves", "varicose_veins", "modify"),
        ("diabetic neuropathy in my feet", "reduced_sensation", "clinician_first"),
        ("I'm pregnant, 12 weeks", "pregnancy", "modify"),
        ("I'm having chemo for lymphoma", "cancer", "clinician_first"),
    ],
)
def test_paraphrases_are_caught(text: str, flag: str, verdict: str) -> None:
    result = check_safety(text)
    assert flag in {r.id for r in result.reasons}, result.reasons
    assert VERDICTS.index(result.verdict) >= VERDICTS.index(verdict)


@pytest.mark.parametrize("text", BENIGN)
def test_ordinary_soreness_is_not_flagged(text: str) -> None:
    assert check_safety(text).verdict in ("ok", "modify")


def test_red_flags_stop_advice_and_come_first() -> None:
    result = check_safety("on warfarin and now numbness spreading down my leg")
    assert result.verdict == "stop"
    assert not result.advice_allowed
    assert result.reasons[0].kind == "red_flag"


def test_urgent_red_flags_lead() -> None:
    result = check_safety("tingling in my hand and chest pain with breathlessness")
    assert result.red_flags[0].urgent


def test_surgery_long_ago_is_not_recent() -> None:
    assert check_safety("had my appendix out as a kid").verdict == "ok"


def test_area_verdicts_for_named_and_implied_areas() -> None:
    result = check_safety("healing wound on my calf", areas=["gastrocnemius"])
    assert result.areas["calf"] == "avoid"
    result = check_safety("", conditions=["varicose_veins"], areas=["calf"])
    assert result.areas["calf"] == "avoid"
    assert (
        check_safety("tight traps", areas=["upper_trapezius"]).areas
        == {
            "upper_trapezius": "ok",
            "shoulder_top": "ok",
        }
        or check_safety("", areas=["upper_trapezius"]).areas["upper_trapezius"] == "ok"
    )


def test_clearance_lowers_a_condition_to_its_cleared_verdict() -> None:
    assert check_safety("", conditions=["osteoporosis"]).verdict == "clinician_first"
    cleared = check_safety("", conditions=["osteoporosis"], cleared=["osteoporosis"])
    assert cleared.verdict == "modify"


def test_unknown_ids_are_refused() -> None:
    with pytest.raises(UnknownId):
        check_safety("", conditions=["bad_knees"])
    with pytest.raises(UnknownId):
        check_safety("", areas=["elbow_sideways"])


@given(st.sampled_from(BENIGN), st.sampled_from(["numbness", "tingling", "swelling"]))
def test_a_denied_symptom_never_raises_the_verdict(text: str, symptom: str) -> None:
    before = check_safety(text).verdict
    after = check_safety(f"{text}. No {symptom}.").verdict
    assert VERDICTS.index(after) <= VERDICTS.index(before)


@given(st.lists(st.sampled_from(VERDICTS), min_size=1))
def test_worst_is_the_most_cautious(verdicts: list[str]) -> None:
    assert worst(verdicts) == max(verdicts, key=VERDICTS.index)


SAFETY_FILES = [
    SHARED / "cases" / "safety_dev.jsonl",
    SHARED / "cases" / "safety_context_dev.jsonl",
    VIGNETTES / "safety_extra.jsonl",
    VIGNETTES / "safety_extra2.jsonl",
    VIGNETTES / "safety_context_extra.jsonl",
    VIGNETTES / "safety_context_extra2.jsonl",
    VIGNETTES / "safety_context_extra3.jsonl",
    VIGNETTES / "safety_context_extra4.jsonl",
    VIGNETTES / "safety_context_extra5.jsonl",
    VIGNETTES / "safety_context_extra6.jsonl",
    VIGNETTES / "safety_context_extra7.jsonl",
    VIGNETTES / "safety_context_extra8.jsonl",
    VIGNETTES / "safety_context_extra9.jsonl",
    VIGNETTES / "safety_context_extra10.jsonl",
    VIGNETTES / "safety_context_extra11.jsonl",
    VIGNETTES / "safety_context_extra12.jsonl",
    VIGNETTES / "safety_context_extra13.jsonl",
    VIGNETTES / "safety_context_extra14.jsonl",
    VIGNETTES / "safety_context_extra15.jsonl",
    VIGNETTES / "safety_context_extra16.jsonl",
    VIGNETTES / "safety_context_extra17.jsonl",
    VIGNETTES / "safety_context_extra18.jsonl",
    VIGNETTES / "safety_context_extra19.jsonl",
    VIGNETTES / "safety_context_extra20.jsonl",
    VIGNETTES / "safety_context_extra21.jsonl",
    VIGNETTES / "safety_context_extra22.jsonl",
    VIGNETTES / "safety_context_extra23.jsonl",
    VIGNETTES / "safety_context_extra24.jsonl",
    VIGNETTES / "safety_context_extra25.jsonl",
    VIGNETTES / "safety_context_extra26.jsonl",
    VIGNETTES / "safety_context_extra27.jsonl",
    VIGNETTES / "safety_context_extra28.jsonl",
    VIGNETTES / "safety_context_extra29.jsonl",
    VIGNETTES / "safety_context_extra30.jsonl",
    VIGNETTES / "safety_context_extra31.jsonl",
    VIGNETTES / "safety_context_extra32.jsonl",
    VIGNETTES / "safety_context_extra33.jsonl",
    VIGNETTES / "safety_context_extra34.jsonl",
    VIGNETTES / "safety_context_extra35.jsonl",
    VIGNETTES / "safety_context_extra36.jsonl",
    VIGNETTES / "safety_context_extra37.jsonl",
    VIGNETTES / "safety_context_extra38.jsonl",
    VIGNETTES / "safety_context_extra39.jsonl",
    VIGNETTES / "safety_context_extra40.jsonl",
    VIGNETTES / "safety_context_extra41.jsonl",
    VIGNETTES / "safety_context_extra42.jsonl",
    VIGNETTES / "safety_context_extra43.jsonl",
    VIGNETTES / "safety_context_extra44.jsonl",
    VIGNETTES / "safety_context_extra45.jsonl",
    VIGNETTES / "safety_context_extra46.jsonl",
    VIGNETTES / "safety_context_extra47.jsonl",
    VIGNETTES / "safety_context_extra48.jsonl",
    VIGNETTES / "safety_context_extra49.jsonl",
    VIGNETTES / "safety_context_extra50.jsonl",
    VIGNETTES / "safety_context_extra51.jsonl",
    VIGNETTES / "safety_context_extra52.jsonl",
    VIGNETTES / "safety_context_extra53.jsonl",
    VIGNETTES / "safety_context_extra54.jsonl",
    VIGNETTES / "safety_context_extra55.jsonl",
    VIGNETTES / "safety_context_extra56.jsonl",
    VIGNETTES / "safety_context_extra57.jsonl",
    VIGNETTES / "safety_context_extra58.jsonl",
    VIGNETTES / "safety_context_extra59.jsonl",
    VIGNETTES / "safety_context_extra60.jsonl",
    VIGNETTES / "safety_context_extra61.jsonl",
    VIGNETTES / "safety_context_extra62.jsonl",
    VIGNETTES / "safety_context_extra63.jsonl",
    VIGNETTES / "safety_context_extra64.jsonl",
    VIGNETTES / "safety_context_extra65.jsonl",
    VIGNETTES / "safety_context_extra66.jsonl",
    VIGNETTES / "safety_context_extra67.jsonl",
    VIGNETTES / "safety_context_extra68.jsonl",
    VIGNETTES / "safety_context_extra69.jsonl",
    VIGNETTES / "safety_context_extra70.jsonl",
    VIGNETTES / "safety_context_extra71.jsonl",
    VIGNETTES / "safety_context_extra72.jsonl",
    VIGNETTES / "safety_context_extra73.jsonl",
    VIGNETTES / "safety_context_extra74.jsonl",
    VIGNETTES / "safety_context_extra75.jsonl",
    VIGNETTES / "safety_context_extra76.jsonl",
    VIGNETTES / "safety_context_extra77.jsonl",
    VIGNETTES / "safety_context_extra78.jsonl",
    VIGNETTES / "safety_context_extra79.jsonl",
    VIGNETTES / "safety_context_extra80.jsonl",
    VIGNETTES / "safety_context_extra81.jsonl",
    VIGNETTES / "safety_context_extra82.jsonl",
    VIGNETTES / "safety_context_extra83.jsonl",
    VIGNETTES / "safety_context_extra84.jsonl",
    VIGNETTES / "safety_context_extra85.jsonl",
    VIGNETTES / "safety_context_extra86.jsonl",
    VIGNETTES / "safety_context_extra87.jsonl",
    VIGNETTES / "safety_context_extra88.jsonl",
    VIGNETTES / "safety_context_extra89.jsonl",
    VIGNETTES / "safety_context_extra90.jsonl",
    VIGNETTES / "safety_context_extra91.jsonl",
    VIGNETTES / "safety_context_extra92.jsonl",
    VIGNETTES / "safety_context_extra93.jsonl",
    VIGNETTES / "safety_context_extra94.jsonl",
    VIGNETTES / "safety_context_extra95.jsonl",
    VIGNETTES / "safety_context_extra96.jsonl",
    VIGNETTES / "safety_context_extra97.jsonl",
    VIGNETTES / "safety_context_extra98.jsonl",
    VIGNETTES / "safety_context_extra99.jsonl",
    VIGNETTES / "safety_context_extra100.jsonl",
    VIGNETTES / "safety_context_extra101.jsonl",
    VIGNETTES / "safety_context_extra102.jsonl",
    VIGNETTES / "safety_context_extra103.jsonl",
    VIGNETTES / "safety_context_extra104.jsonl",
    VIGNETTES / "safety_context_extra105.jsonl",
    VIGNETTES / "safety_context_extra106.jsonl",
    VIGNETTES / "safety_context_extra107.jsonl",
    VIGNETTES / "safety_context_extra108.jsonl",
    VIGNETTES / "safety_context_extra109.jsonl",
    VIGNETTES / "safety_context_extra110.jsonl",
    VIGNETTES / "safety_context_extra111.jsonl",
    VIGNETTES / "safety_context_extra112.jsonl",
    VIGNETTES / "safety_context_extra113.jsonl",
    VIGNETTES / "safety_context_extra114.jsonl",
    VIGNETTES / "safety_context_extra115.jsonl",
    VIGNETTES / "safety_context_extra116.jsonl",
    VIGNETTES / "safety_context_extra117.jsonl",
    VIGNETTES / "safety_context_extra118.jsonl",
    VIGNETTES / "safety_context_extra119.jsonl",
    VIGNETTES / "safety_context_extra120.jsonl",
    VIGNETTES / "safety_context_extra121.jsonl",
    VIGNETTES / "safety_context_extra122.jsonl",
    VIGNETTES / "safety_context_extra123.jsonl",
    VIGNETTES / "safety_context_extra124.jsonl",
    VIGNETTES / "safety_context_extra125.jsonl",
    VIGNETTES / "safety_context_extra126.jsonl",
    VIGNETTES / "safety_context_extra127.jsonl",
    VIGNETTES / "safety_context_extra128.jsonl",
    VIGNETTES / "safety_context_extra129.jsonl",
    VIGNETTES / "safety_context_extra130.jsonl",
    VIGNETTES / "safety_context_extra131.jsonl",
    VIGNETTES / "safety_context_extra132.jsonl",
    VIGNETTES / "safety_context_extra133.jsonl",
    VIGNETTES / "safety_context_extra134.jsonl",
    VIGNETTES / "safety_context_extra135.jsonl",
    VIGNETTES / "safety_context_extra136.jsonl",
    VIGNETTES / "safety_context_extra137.jsonl",
    VIGNETTES / "safety_context_extra138.jsonl",
    VIGNETTES / "safety_context_extra139.jsonl",
    VIGNETTES / "safety_context_extra140.jsonl",
    VIGNETTES / "safety_context_extra141.jsonl",
    VIGNETTES / "safety_context_extra142.jsonl",
    VIGNETTES / "safety_context_extra143.jsonl",
    VIGNETTES / "safety_context_extra144.jsonl",
    VIGNETTES / "safety_context_extra145.jsonl",
    VIGNETTES / "safety_context_extra146.jsonl",
    VIGNETTES / "safety_context_extra147.jsonl",
    VIGNETTES / "safety_context_extra148.jsonl",
    VIGNETTES / "safety_context_extra149.jsonl",
    VIGNETTES / "safety_context_extra150.jsonl",
    VIGNETTES / "safety_context_extra151.jsonl",
    VIGNETTES / "safety_context_extra152.jsonl",
    VIGNETTES / "safety_context_extra153.jsonl",
    VIGNETTES / "safety_context_extra154.jsonl",
    VIGNETTES / "safety_context_extra155.jsonl",
    VIGNETTES / "safety_context_extra156.jsonl",
    VIGNETTES / "safety_context_extra157.jsonl",
    VIGNETTES / "safety_context_extra158.jsonl",
    VIGNETTES / "safety_context_extra159.jsonl",
    VIGNETTES / "safety_context_extra160.jsonl",
    VIGNETTES / "safety_context_extra161.jsonl",
    VIGNETTES / "safety_context_extra162.jsonl",
    VIGNETTES / "safety_context_extra163.jsonl",
    VIGNETTES / "safety_context_extra164.jsonl",
    VIGNETTES / "safety_context_extra165.jsonl",
    VIGNETTES / "safety_context_extra166.jsonl",
    VIGNETTES / "safety_context_extra167.jsonl",
    VIGNETTES / "safety_context_extra168.jsonl",
    VIGNETTES / "safety_context_extra169.jsonl",
    VIGNETTES / "safety_context_extra170.jsonl",
    VIGNETTES / "safety_context_extra171.jsonl",
    VIGNETTES / "safety_context_extra172.jsonl",
    VIGNETTES / "safety_context_extra173.jsonl",
    VIGNETTES / "safety_context_extra174.jsonl",
    VIGNETTES / "safety_context_extra175.jsonl",
    VIGNETTES / "safety_context_extra176.jsonl",
    VIGNETTES / "safety_context_extra177.jsonl",
    VIGNETTES / "safety_context_extra178.jsonl",
    VIGNETTES / "safety_context_extra179.jsonl",
    VIGNETTES / "safety_context_extra180.jsonl",
    VIGNETTES / "safety_context_extra181.jsonl",
    VIGNETTES / "safety_context_extra182.jsonl",
    VIGNETTES / "safety_context_extra183.jsonl",
    VIGNETTES / "safety_context_extra184.jsonl",
    VIGNETTES / "safety_context_extra185.jsonl",
    VIGNETTES / "safety_context_extra186.jsonl",
    VIGNETTES / "safety_context_extra187.jsonl",
    VIGNETTES / "safety_context_extra188.jsonl",
    VIGNETTES / "safety_context_extra189.jsonl",
    VIGNETTES / "safety_context_extra190.jsonl",
    VIGNETTES / "safety_context_extra191.jsonl",
    VIGNETTES / "safety_context_extra192.jsonl",
    VIGNETTES / "safety_context_extra193.jsonl",
    VIGNETTES / "safety_context_extra194.jsonl",
    VIGNETTES / "safety_context_extra195.jsonl",
    VIGNETTES / "safety_context_extra196.jsonl",
    VIGNETTES / "safety_context_extra197.jsonl",
    VIGNETTES / "safety_context_extra198.jsonl",
    VIGNETTES / "safety_context_extra199.jsonl",
    VIGNETTES / "safety_context_extra200.jsonl",
    VIGNETTES / "safety_context_extra201.jsonl",
    VIGNETTES / "safety_context_extra202.jsonl",
    VIGNETTES / "safety_context_extra203.jsonl",
    VIGNETTES / "safety_context_extra204.jsonl",
    VIGNETTES / "safety_context_extra205.jsonl",
    VIGNETTES / "safety_context_extra206.jsonl",
    VIGNETTES / "safety_context_extra207.jsonl",
]


@pytest.mark.parametrize("path", SAFETY_FILES, ids=lambda p: p.name)
def test_vignettes_miss_no_red_flag_and_rarely_alarm(path: Path) -> None:
    if not path.exists():
        pytest.skip(f"{path} is not on this machine")
    cases = [json.loads(x) for x in path.read_text().splitlines() if x.strip()]
    missed, alarms, benign = [], 0, 0
    for c in cases:
        rank = VERDICTS.index(check_safety(c["text"]).verdict)
        if VERDICTS.index(c["min"]) > 0 and rank < VERDICTS.index(c["min"]):
            missed.append(c["text"])
        if VERDICTS.index(c["max"]) <= 1:
            benign += 1
            alarms += rank > VERDICTS.index(c["max"])
    assert missed == []
    assert alarms / benign <= 0.10


@pytest.mark.parametrize(
    "text",
    [
        "I slipped a disc in my lower back last month",
        "physio says I have a bulging disc pressing on a nerve",
        "diagnosed with a herniated disc, sciatica down my left leg",
        "I've got a trapped nerve in my neck",
        "MRI showed a disc prolapse at L5",
    ],
)
def test_nerve_root_pain_asks_for_a_clinician_not_a_fall(text: str) -> None:
    result = check_safety(text)
    ids = {r.id for r in result.reasons}
    assert "nerve_root_pain" in ids
    # "Slipped" and "ruptured" describe the disc here, not a fall or a tear.
    assert not ids & {"recent_trauma", "acute_injury"}
    assert VERDICTS.index(result.verdict) >= VERDICTS.index("clinician_first")


@pytest.mark.parametrize(
    "text",
    [
        "I had a slipped disc ten years ago and it settled completely",
        "my mum has a trapped nerve in her back",
        "is it a trapped nerve or just a tight glute?",
    ],
)
def test_nerve_root_words_about_others_or_the_past_are_set_aside(text: str) -> None:
    result = check_safety(text)
    assert "nerve_root_pain" not in {r.id for r in result.reasons}


def test_sciatica_counts_and_sciatica_like_pain_is_asked_about() -> None:
    # "My sciatica" names nerve-root pain: the ball stays off the buttock.
    named = check_safety("my sciatica is playing up again", areas=["buttock"])
    assert "nerve_root_pain" in {r.id for r in named.reasons}
    assert named.areas["buttock"] == "avoid"
    # "Sciatica-like" pain is often a trigger point's: ask, don't guess.
    asked = check_safety("sciatica-like pain in my buttock", areas=["buttock"])
    assert "nerve_root_pain" not in {r.id for r in asked.reasons}
    assert "back_leg_nerve" in {q.id for q in asked.questions}
    answered = check_safety(
        "sciatica-like pain in my buttock",
        areas=["buttock"],
        answers={"back_leg_nerve": True},
    )
    assert "nerve_root_pain" in {r.id for r in answered.reasons}
    assert answered.areas["buttock"] == "avoid"


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("since lunch everything is double when I read", "stroke_signs"),
        ("suddenly I cannot see out of the top of my right eye", "stroke_signs"),
        ("my smile is hanging down on the left this morning", "stroke_signs"),
        ("they put titanium rods in my spine in 2019, back tight", "spinal_hardware"),
        (
            "appendix taken out a month ago and healed nicely; hips tight",
            "recent_surgery",
        ),
        ("the worst part is that it wakes me every night", "worse_at_rest"),
    ],
)
def test_plain_words_for_signs_and_dated_events_count(text: str, flag: str) -> None:
    assert flag in {r.id for r in check_safety(text).reasons}


@pytest.mark.parametrize(
    "text",
    [
        "the atmosphere in the stadium was electric and my calves are wrecked",
        "carrying the fishing rods made my lower back sore",
        "is that normal? my traps are tight after deadlifts",
    ],
)
def test_everyday_uses_of_warning_words_stay_ok(text: str) -> None:
    assert check_safety(text).verdict in ("ok", "modify")


def test_a_childs_age_counts_when_the_writer_says_their_own_body_is_fine() -> None:
    text = (
        "My daughter is 12 and her calves are tight after netball. My own back is fine."
    )
    assert "under_16" in {r.id for r in check_safety(text).reasons}
    own = "My daughter is 12. My own calves are tight after netball."
    assert "under_16" not in {r.id for r in check_safety(own).reasons}


def test_a_cue_that_would_span_a_comma_leaves_the_supposition_to_be_read() -> None:
    text = "I wonder, if I got pregnant, would the ball be ok? Hips tight."
    result = check_safety(text)
    assert "pregnancy" not in {r.id for r in result.reasons}
    assert "pregnancy" in {a.id for a in result.set_aside}


@pytest.mark.parametrize(
    "text",
    [
        "The tingling in my toes settled with new shoes; calves tight from hiking",
        "numb fingers, which went away once I changed my mouse; forearms tight",
    ],
)
def test_a_sign_that_settled_with_a_remedy_is_over(text: str) -> None:
    result = check_safety(text)
    assert result.verdict in ("ok", "modify")
    assert any("already over" in a.because for a in result.set_aside)


@pytest.mark.parametrize(
    "text",
    [
        "my foot went numb and the feeling never came back",
        "the tingling in my hand came back after a minute and is still there",
    ],
)
def test_a_sign_that_came_back_or_never_left_still_counts(text: str) -> None:
    assert check_safety(text).verdict == "stop"
