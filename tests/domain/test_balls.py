"""The ball chooser follows the guidance on size, density, format and safety."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from knotwork.domain.balls.advice import BallAdvice, choose_balls
from knotwork.domain.balls.needs import (
    BallNeeds,
    InvalidBudget,
    UnknownBall,
    UnknownTarget,
    find_ball,
    validate_needs,
)
from knotwork.domain.balls.scoring import DENSITY_LEVEL, SIZE_LEVEL
from knotwork.domain.safety.verdict import UnknownId, check_safety
from knotwork.kb.loader import load_kb
from knotwork.kb.models import KnowledgeBase

KB = load_kb()
CATALOGUE = {b.id for b in KB.balls}
BEGINNER_TARGETS = [
    {"regions": ("sole",)},
    {"muscles": ("gluteus_maximus",)},
    {"muscles": ("thoracic_paraspinals",)},
    {"muscles": ("suboccipitals",)},
    {"regions": ("calf",)},
    {"eco": True, "regions": ("sole",)},
    {"no_floor": True},
]


def advise_balls(
    needs: BallNeeds, kb: KnowledgeBase, conditions: Iterable[str] = ()
) -> BallAdvice:
    """Check the ids and safety for these needs, then rank, as the core does."""
    validate_needs(needs, kb)
    areas = [*needs.muscles, *needs.regions]
    return choose_balls(needs, kb, check_safety(conditions=conditions, areas=areas))


def advise(conditions: tuple[str, ...] = (), **needs: Any) -> BallAdvice:
    return advise_balls(BallNeeds(**needs), KB, conditions)


def top(conditions: tuple[str, ...] = (), **needs: Any) -> str:
    advice = advise(conditions, **needs)
    assert advice.ranking, advice.notes
    return advice.ranking[0].ball


def ids(advice: BallAdvice) -> list[str]:
    return [r.ball for r in advice.ranking]


def test_feet_get_a_small_ball() -> None:
    assert KB.ball(top(regions=("sole",))).size == "small"
    assert KB.ball(top(muscles=("plantar_intrinsics",))).size == "small"


def test_glutes_get_a_large_ball_or_a_lacrosse_ball_when_experienced() -> None:
    assert KB.ball(top(muscles=("gluteus_maximus",))).size == "large"
    assert KB.ball(top(regions=("buttock",))).size == "large"
    experienced = {"experience": "lots", "tolerance": "high"}
    assert top(muscles=("gluteus_maximus",), **experienced) == "lacrosse"


@pytest.mark.parametrize(
    "muscle", ["thoracic_paraspinals", "lumbar_paraspinals", "suboccipitals"]
)
def test_work_beside_the_spine_gets_the_peanut_ball(muscle: str) -> None:
    advice = advise(muscles=(muscle,))
    assert advice.ranking[0].ball == "peanut"
    assert any("groove" in why for why in advice.ranking[0].reasons)


def test_single_balls_beside_the_spine_are_told_to_stay_off_the_bones() -> None:
    advice = advise(regions=("mid_back",))
    tennis = next(r for r in advice.ranking if r.ball == "tennis")
    assert any("off the bones" in why for why in tennis.reasons)


@pytest.mark.parametrize("regions", [(), ("thigh_front",), ("calf",)])
def test_no_floor_puts_the_handheld_ball_first(regions: tuple[str, ...]) -> None:
    advice = advise(regions=regions, no_floor=True)
    assert advice.ranking[0].ball == "handheld"
    assert any("floor" in why for why in advice.ranking[0].reasons)


def test_travel_favours_compact_balls_over_bulky_ones() -> None:
    advice = advise(travel=True)
    assert ids(advice)[0] in {"handheld", "layered_foam"}
    large = [r for r in advice.ranking if KB.ball(r.ball).size == "large"]
    assert all(any("Bulky" in why for why in r.reasons) for r in large)


@pytest.mark.parametrize("regions", [(), ("sole",), ("buttock",)])
def test_eco_puts_cork_near_the_top(regions: tuple[str, ...]) -> None:
    assert "cork" in ids(advise(regions=regions, eco=True))[:2]
    assert "cork" not in ids(advise(regions=regions))[:2]


@pytest.mark.parametrize("needs", BEGINNER_TARGETS)
@pytest.mark.parametrize(
    "person", [{"experience": "new"}, {"tolerance": "low", "experience": "lots"}]
)
def test_beginners_never_start_on_spiky_or_very_firm_balls(
    needs: dict[str, Any], person: dict[str, str]
) -> None:
    first = KB.ball(top(**needs, **person))
    assert first.density != "firm"
    assert first.texture != "spiky"


def test_beginners_start_smooth_and_soft() -> None:
    first = KB.ball(top(experience="new", tolerance="low"))
    assert (first.texture, first.density) == ("smooth", "soft")


def test_neck_and_upper_traps_never_top_with_a_firm_single_ball() -> None:
    for muscle in ("upper_trapezius", "levator_scapulae", "suboccipitals"):
        first = KB.ball(top(muscles=(muscle,), experience="lots", tolerance="high"))
        assert not (first.density == "firm" and first.format == "single"), muscle


@pytest.mark.parametrize("region", ["ribs_side", "hip_side"])
def test_sensitive_areas_get_soft_balls(region: str) -> None:
    assert KB.ball(top(regions=(region,))).density == "soft"


@pytest.mark.parametrize(
    "needs",
    [{}, {"muscles": ("gluteus_maximus",)}, {"regions": ("thigh_outer",)}],
)
def test_osteoporosis_puts_a_soft_large_ball_first(needs: dict[str, Any]) -> None:
    advice = advise(("osteoporosis",), **needs)
    first = KB.ball(advice.ranking[0].ball)
    assert (first.density, first.size) == ("soft", "large")
    for r in advice.ranking:
        if KB.ball(r.ball).density == "firm":
            assert any("osteoporosis" in why for why in r.reasons), r.ball


@pytest.mark.parametrize(
    "condition", ["anticoagulants", "varicose_veins", "clot_history", "diabetes"]
)
def test_cautions_keep_firm_and_spiky_balls_off_the_top(condition: str) -> None:
    advice = advise((condition,), regions=("buttock",), experience="lots")
    first = KB.ball(advice.ranking[0].ball)
    assert first.density != "firm" and first.texture != "spiky"
    assert advice.starter_pair is not None
    assert "gentle" in advice.starter_pair.why


def test_stop_verdict_gives_no_ranking_only_the_safety_result() -> None:
    advice = advise(("fever",), regions=("calf",))
    assert advice.safety.verdict == "stop"
    assert advice.withheld
    assert advice.ranking == []
    assert advice.starter_pair is None


def test_avoided_area_is_left_out_and_reported() -> None:
    advice = advise(("varicose_veins",), regions=("calf",))
    assert advice.ranking == []
    assert "calf" in advice.avoided_areas
    assert any("calf" in note and "avoid" in note for note in advice.notes)


def test_avoided_area_is_dropped_while_the_others_are_ranked() -> None:
    advice = advise(("varicose_veins",), regions=("calf", "buttock"))
    assert advice.ranking
    assert not any("calf" in why for r in advice.ranking for why in r.reasons)


def test_a_muscle_a_ball_cannot_treat_gets_its_note_instead() -> None:
    advice = advise(muscles=("sternocleidomastoid",))
    assert advice.ranking == []
    assert any("pincer" in note for note in advice.notes)


def test_a_region_no_ball_reaches_is_explained_not_ranked() -> None:
    advice = advise(regions=("throat",))
    assert advice.ranking == []
    assert any("knotwork where --region throat" in note for note in advice.notes)
    assert advise(regions=("temple", "buttock")).ranking


def test_spiky_balls_stay_below_smooth_ones_unless_experienced() -> None:
    experienced = {"experience": "lots", "tolerance": "high"}
    for region in ("sole", "ball_of_foot", "buttock"):
        everyday = ids(advise(regions=(region,)))
        assert everyday.index("spiky") > everyday.index("lacrosse"), region
        assert "spiky" in ids(advise(regions=(region,), **experienced))[:4], region
    assert ids(advise(regions=("thigh_front",), **experienced))[-3:].count("spiky")


def test_budget_puts_affordable_balls_first_and_says_why() -> None:
    advice = advise(budget_usd=5)
    assert KB.ball(advice.ranking[0].ball).price_usd[0] <= 5
    layered = next(r for r in advice.ranking if r.ball == "layered_foam")
    assert any("over your $5 budget" in why for why in layered.reasons)


def test_low_tolerance_starter_pair_is_soft_foam_and_tennis() -> None:
    pair = advise(tolerance="low").starter_pair
    assert pair is not None
    assert (pair.broad, pair.focused) == ("soft_foam", "tennis")


def test_experienced_starter_pair_adds_a_firm_small_ball() -> None:
    pair = advise(muscles=("gluteus_maximus",), experience="lots", tolerance="high")
    assert pair.starter_pair is not None
    focused = KB.ball(pair.starter_pair.focused)
    assert focused.density == "firm"


def test_unknown_ids_and_budgets_are_refused() -> None:
    with pytest.raises(UnknownTarget, match="muscle"):
        advise(muscles=("biceps",))
    with pytest.raises(UnknownTarget, match="region"):
        advise(regions=("elbow",))
    with pytest.raises(UnknownId):
        advise(("gout",))
    with pytest.raises(InvalidBudget):
        advise(budget_usd=0)
    with pytest.raises(UnknownBall):
        find_ball(KB, "golf")
    assert find_ball(KB, "cork").eco


muscle_ids = st.lists(st.sampled_from([m.id for m in KB.muscles]), max_size=3)
region_ids = st.lists(st.sampled_from([r.id for r in KB.regions]), max_size=3)
needs_strategy = st.builds(
    BallNeeds,
    muscles=muscle_ids.map(tuple),
    regions=region_ids.map(tuple),
    tolerance=st.sampled_from(["low", "medium", "high"]),
    experience=st.sampled_from(["new", "some", "lots"]),
    no_floor=st.booleans(),
    travel=st.booleans(),
    eco=st.booleans(),
    budget_usd=st.none() | st.integers(min_value=1, max_value=60).map(float),
)
conditions_strategy = st.lists(
    st.sampled_from([c.id for c in KB.conditions]), max_size=2
)


@settings(deadline=None)
@given(needs=needs_strategy, conditions=conditions_strategy)
def test_ranking_invariants(needs: BallNeeds, conditions: list[str]) -> None:
    safety = check_safety(
        text="", conditions=conditions, areas=[*needs.muscles, *needs.regions]
    )
    advice = choose_balls(needs, KB, safety)
    assert advice == choose_balls(needs, KB, safety), "deterministic"
    scores = [r.score for r in advice.ranking]
    assert scores == sorted(scores, reverse=True)
    assert len(ids(advice)) == len(set(ids(advice)))
    assert set(ids(advice)) <= CATALOGUE
    assert all(r.reasons for r in advice.ranking)
    if safety.verdict == "stop":
        assert advice.ranking == []
        return
    if not advice.ranking:
        assert advice.notes, "an empty ranking always says why"
        return
    first = KB.ball(advice.ranking[0].ball)
    if safety.verdict in ("modify", "clinician_first"):
        assert first.density != "firm"
    if needs.experience == "new" or needs.tolerance == "low":
        assert first.density != "firm" and first.texture != "spiky"
    pair = advice.starter_pair
    if pair is not None:
        broad, focused = KB.ball(pair.broad), KB.ball(pair.focused)
        assert broad.id != focused.id
        assert broad.size == "large" or broad.density == "soft"
        assert DENSITY_LEVEL[focused.density] >= DENSITY_LEVEL[broad.density]
        assert SIZE_LEVEL[focused.size] <= SIZE_LEVEL[broad.size] or (
            focused.format == "double"
        )


@settings(deadline=None)
@given(needs=needs_strategy, conditions=conditions_strategy)
def test_every_avoided_target_is_left_out_and_said(
    needs: BallNeeds, conditions: list[str]
) -> None:
    advice = advise_balls(needs, KB, conditions)
    for target in {*needs.muscles, *needs.regions}:
        covered = [m.regions for m in KB.muscles if m.id == target] or [[target]]
        areas = [target, *covered[0]]
        if advice.safety.advice_allowed and any(
            advice.safety.areas.get(a) == "avoid" for a in areas
        ):
            assert any(note.startswith("Left out") for note in advice.notes)
            assert target in advice.avoided_areas or any(
                a in advice.avoided_areas for a in areas
            )
