"""The finder ranks source muscles from lay descriptions and regions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from knotwork.domain.finder.ranking import MIN_CANDIDATES, UnknownRegion, find_sources
from knotwork.domain.language.understanding import default_reader
from knotwork.kb.loader import load_kb
from tests.conftest import SHARED, VIGNETTES


def top(text: str = "", regions: tuple[str, ...] = (), n: int = 3) -> list[str]:
    return [c.muscle for c in find_sources(text, regions).candidates[:n]]


def test_back_of_head_wrapping_to_temple_points_at_the_suboccipitals() -> None:
    assert "suboccipitals" in top(
        "headache at the back of my head wrapping round to the temple"
    )


def test_condition_names_are_understood() -> None:
    assert top("tennis elbow")[0] == "wrist_extensors"
    # Travell & Simons: inner-elbow pain is referred mostly from the triceps,
    # pectoralis minor and serratus muscles, and only occasionally the flexors.
    golfer = top("golfer's elbow")
    assert golfer[0] == "triceps_brachii" and "forearm_flexors" in golfer
    assert "infraspinatus" in top("rotator-cuff-like pain")
    assert "subscapularis" in top("frozen shoulder")
    assert "piriformis" in top("sciatica-like pain in my bum")
    assert top("the first steps in the morning hurt my heel")[0] in {
        "soleus",
        "plantar_intrinsics",
    }


def test_referred_pain_beats_local_pain_for_the_front_of_the_shoulder() -> None:
    assert top("deep ache in the front of my shoulder")[0] == "infraspinatus"


def test_side_is_read_but_right_only_counts_next_to_a_body_word() -> None:
    assert find_sources("pain in my left heel").side == "left"
    assert find_sources("right after squats my kneecap aches").side is None
    assert find_sources("back of my right knee").side == "right"
    assert "knee_back" in find_sources("back of my right knee").regions


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        ("my head hurts at the back", {"head_back"}),
        ("the knee aches on the inside when I squat", {"knee_inner"}),
        ("elbow sore on the outside after tennis", {"elbow_outer"}),
        # "At the back of my neck" names its own place; the head stays general.
        ("my head hurts at the back of my neck", {"neck_back", "temple"}),
    ],
)
def test_a_place_word_after_a_body_part_says_which_part(
    text: str, regions: set[str]
) -> None:
    assert regions <= set(default_reader().read(text).regions)
    if len(regions) == 1:
        assert set(default_reader().read(text).regions) == regions


def test_lying_on_the_back_is_a_position_not_back_pain() -> None:
    read = default_reader().read("my neck hurts when I lie on my back or my side")
    assert not {"low_back", "mid_back"} & set(read.regions)
    assert "neck_back" in read.regions


def test_negated_regions_are_not_used() -> None:
    finding = find_sources("pain above the knee, not in the kneecap itself")
    assert "knee_front" not in finding.regions


def test_every_candidate_explains_itself() -> None:
    for candidate in find_sources("ache between my shoulder blades").candidates[:5]:
        assert candidate.why and candidate.score > 0


def test_unknown_region_is_refused() -> None:
    with pytest.raises(UnknownRegion):
        find_sources("", ["elbow_sideways"])


def test_nonsense_finds_nothing() -> None:
    assert find_sources("purple monkey dishwasher").candidates == []


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(sorted(r.id for r in load_kb().regions)), min_size=1, max_size=3
    )
)
def test_any_region_gives_at_least_five_ranked_candidates(regions: list[str]) -> None:
    candidates = find_sources("", regions).candidates
    assert len(candidates) >= MIN_CANDIDATES
    scores = [c.score for c in candidates]
    assert scores == sorted(scores, reverse=True)


def _cases(path: Path) -> list[dict[str, list[str] | str]]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def _score(path: Path, track: str) -> tuple[float, float]:
    cases = _cases(path)
    hit1 = hit3 = 0
    for c in cases:
        text = str(c["text"]) if track == "text" else ""
        regions = () if track == "text" else tuple(c["regions"])
        got = top(text, regions)
        hit1 += bool(got) and got[0] in c["top1"]
        hit3 += any(m in c["top3"] for m in got)
    return hit1 / len(cases), hit3 / len(cases)


VIGNETTE_FILES = [
    SHARED / "cases" / "finder_dev.jsonl",
    VIGNETTES / "finder_extra.jsonl",
    VIGNETTES / "finder_extra2.jsonl",
    VIGNETTES / "finder_extra3.jsonl",
    VIGNETTES / "finder_extra4.jsonl",
    VIGNETTES / "finder_extra5.jsonl",
    VIGNETTES / "finder_extra6.jsonl",
    VIGNETTES / "finder_extra7.jsonl",
    VIGNETTES / "finder_extra8.jsonl",
    VIGNETTES / "finder_extra9.jsonl",
    VIGNETTES / "finder_extra10.jsonl",
    VIGNETTES / "finder_extra11.jsonl",
    VIGNETTES / "finder_extra12.jsonl",
    VIGNETTES / "finder_extra13.jsonl",
    VIGNETTES / "finder_extra14.jsonl",
    VIGNETTES / "finder_extra15.jsonl",
    VIGNETTES / "finder_extra16.jsonl",
    VIGNETTES / "finder_extra17.jsonl",
    VIGNETTES / "finder_extra18.jsonl",
    VIGNETTES / "finder_extra19.jsonl",
    VIGNETTES / "finder_extra20.jsonl",
    VIGNETTES / "finder_extra21.jsonl",
    VIGNETTES / "finder_extra22.jsonl",
    VIGNETTES / "finder_extra23.jsonl",
    VIGNETTES / "finder_extra24.jsonl",
    VIGNETTES / "finder_extra25.jsonl",
    VIGNETTES / "finder_extra26.jsonl",
    VIGNETTES / "finder_extra27.jsonl",
    VIGNETTES / "finder_extra28.jsonl",
    VIGNETTES / "finder_extra29.jsonl",
    VIGNETTES / "finder_extra30.jsonl",
    VIGNETTES / "finder_extra31.jsonl",
    VIGNETTES / "finder_extra32.jsonl",
    VIGNETTES / "finder_extra33.jsonl",
    VIGNETTES / "finder_extra34.jsonl",
    VIGNETTES / "finder_extra35.jsonl",
    VIGNETTES / "finder_extra36.jsonl",
    VIGNETTES / "finder_extra37.jsonl",
    VIGNETTES / "finder_extra38.jsonl",
    VIGNETTES / "finder_extra39.jsonl",
    VIGNETTES / "finder_extra40.jsonl",
    VIGNETTES / "finder_extra41.jsonl",
    VIGNETTES / "finder_extra42.jsonl",
    VIGNETTES / "finder_extra43.jsonl",
    VIGNETTES / "finder_extra44.jsonl",
    VIGNETTES / "finder_extra45.jsonl",
    VIGNETTES / "finder_extra46.jsonl",
    VIGNETTES / "finder_extra47.jsonl",
    VIGNETTES / "finder_extra48.jsonl",
]


@pytest.mark.parametrize("path", VIGNETTE_FILES, ids=lambda p: p.name)
def test_text_track_meets_its_floors(path: Path) -> None:
    if not path.exists():
        pytest.skip(f"{path} is not on this machine")
    top1, top3 = _score(path, "text")
    assert top3 >= 0.90 and top1 >= 0.60, (top1, top3)


@pytest.mark.parametrize("path", VIGNETTE_FILES, ids=lambda p: p.name)
def test_regions_track_meets_its_floor(path: Path) -> None:
    if not path.exists():
        pytest.skip(f"{path} is not on this machine")
    _, top3 = _score(path, "regions")
    assert top3 >= 0.95, top3


def test_a_vague_word_adds_nothing_where_the_person_was_precise() -> None:
    read = default_reader().read("lower back stiff every morning, stays in the back")
    assert set(read.regions) == {"low_back"}


def test_where_the_pain_arrives_is_a_place_not_a_named_source() -> None:
    read = default_reader().read("deep buttock ache that spreads down into my calf")
    assert "calf" in read.regions
    assert not {"gastrocnemius", "soleus"} & set(read.muscles)


def test_the_child_carried_on_a_hip_does_not_put_the_pain_there() -> None:
    read = default_reader().read("carrying my grandson on my hip, sore shoulder top")
    assert not {"hip_side", "buttock"} & set(read.regions)


def test_inner_ankle_ache_points_to_the_sole_muscles_below_it() -> None:
    # Abductor hallucis runs along the inner foot just below the ankle bone.
    assert "plantar_intrinsics" in top("aching just below my inner ankle bone")[:2]


def test_the_underside_of_the_big_toe_points_to_the_long_toe_flexors() -> None:
    # Flexor hallucis longus refers to the underside of the big toe and the
    # ball of the foot; the shin muscle refers to its top.
    assert top("the underside of my big toe aches after hill walks")[0] == "toe_flexors"


def test_plain_words_for_ankle_bones_and_the_top_of_the_foot() -> None:
    assert (
        "ankle_outer"
        in default_reader().read("ache round the outside ankle bone").regions
    )
    assert (
        "foot_top"
        in default_reader().read("the upper surface of my foot is sore").regions
    )


def test_the_neck_s_fine_leaves_the_neck_out() -> None:
    read = default_reader().read("outside of my shoulder aches, the neck's fine")
    assert "neck_back" not in read.regions
    assert "neck_back" in default_reader().read("my neck's sore").regions
