"""Routines: faithful built-ins, budgets kept, doses kept, safety never crossed."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from knotwork.domain.routines.build import (
    CONTEXTS,
    Request,
    RoutineError,
    build_builtin,
    build_custom,
    builtin_names,
)
from knotwork.kb.loader import load_kb

KB = load_kb()
BALLABLE = sorted(m.id for m in KB.muscles if m.techniques)
CONDITIONS = sorted(c.id for c in KB.conditions)
BALLS = sorted(b.id for b in KB.balls)


def test_builtins_match_the_seeds_steps_and_timings() -> None:
    assert set(builtin_names()) == {
        "neck_upper_back_reset",
        "mid_back_hips_glutes",
        "feet_calves",
        "desk_five",
        "between_meetings",
    }
    minutes = {
        "neck_upper_back_reset": (5, 7),
        "mid_back_hips_glutes": (7, 10),
        "feet_calves": (5, 8),
    }
    for name, (low, high) in minutes.items():
        r = build_builtin(name)
        assert low * 60 <= r.total_seconds <= high * 60 + 20, (name, r.total_seconds)
    neck = [s.target for s in build_builtin("neck_upper_back_reset").steps if s.target]
    assert list(dict.fromkeys(neck)) == [
        "upper_trapezius",
        "rhomboids",
        "pectoralis_minor",
    ]
    desk = build_builtin("desk_five")
    spots = [s.target for s in desk.steps if s.target]
    assert spots == [
        "suboccipitals",
        "upper_trapezius",
        "levator_scapulae",
        "rhomboids",
        "infraspinatus",
    ]
    assert all(60 <= (s.hold_seconds or 0) <= 90 for s in desk.steps if s.target)
    assert desk.breathing == "two_in_one_out"
    quick = build_builtin("between_meetings")
    assert [s.target for s in quick.steps if s.target] == [
        "upper_trapezius",
        "rhomboids",
    ]
    assert quick.total_seconds <= 180


def test_every_step_states_its_protocol() -> None:
    for name in builtin_names():
        for step in build_builtin(name).steps:
            assert step.protocol


def test_custom_routine_pairs_co_triggers_and_retests() -> None:
    r = build_custom(Request(targets=["upper_trapezius"], minutes=6))
    paired = {s.target for s in r.steps if s.paired_with == "upper_trapezius"}
    assert paired and paired <= set(KB.muscle("upper_trapezius").co_triggers)
    assert r.steps[-1].kind == "retest"


def test_regions_resolve_to_their_likely_source() -> None:
    r = build_custom(Request(targets=["heel"], minutes=5))
    assert r.steps[0].target in {"soleus", "plantar_intrinsics"}


def test_steps_are_grouped_to_minimise_position_changes() -> None:
    r = build_custom(
        Request(targets=["gastrocnemius", "upper_trapezius", "soleus"], minutes=10)
    )
    positions = {s.position for s in r.steps if s.position != "standing"}
    assert r.position_changes == len(positions) - 1


def test_stop_gives_no_routine_only_advice() -> None:
    r = build_custom(
        Request(targets=["gastrocnemius"], text="my calf is swollen and hot")
    )
    assert r.steps == [] and r.safety.verdict == "stop" and r.message


def test_clinician_first_gets_no_pressure_unless_cleared() -> None:
    r = build_custom(
        Request(targets=["upper_trapezius"], conditions=["anticoagulants"])
    )
    assert r.message and all(s.kind != "pressure" for s in r.steps)
    cleared = build_custom(
        Request(
            targets=["upper_trapezius"], conditions=["anticoagulants"], cleared=True
        )
    )
    assert any(s.kind == "pressure" for s in cleared.steps)
    assert all("gentle" in (s.pressure or "gentle") for s in cleared.steps)


def test_modify_areas_get_lighter_pressure_and_softer_balls() -> None:
    r = build_custom(
        Request(targets=["upper_trapezius"], conditions=["varicose_veins"])
    )
    pressure = [s for s in r.steps if s.kind == "pressure"]
    assert pressure
    for s in pressure:
        assert s.pressure and s.pressure.startswith("3-4")
        assert s.ball is not None and KB.ball(s.ball).density != "firm"


def test_budget_that_cannot_fit_says_what_was_dropped() -> None:
    r = build_custom(
        Request(targets=["upper_trapezius", "rhomboids", "gastrocnemius"], minutes=2)
    )
    assert r.total_seconds <= 120
    assert r.dropped and all(d.reason for d in r.dropped)


def test_bad_requests_are_refused() -> None:
    with pytest.raises(RoutineError):
        build_custom(Request(targets=[]))
    with pytest.raises(RoutineError):
        build_custom(Request(targets=["not_a_muscle"]))
    with pytest.raises(RoutineError):
        build_custom(Request(targets=["soleus"], have=["bowling_ball"]))
    with pytest.raises(RoutineError):
        build_builtin("yoga")


requests = st.builds(
    Request,
    targets=st.lists(st.sampled_from(BALLABLE), min_size=1, max_size=4, unique=True),
    minutes=st.one_of(st.none(), st.floats(min_value=1, max_value=20)),
    context=st.one_of(st.none(), st.sampled_from(CONTEXTS)),
    have=st.lists(st.sampled_from(BALLS), max_size=3, unique=True),
    positions=st.lists(
        st.sampled_from(["wall", "floor", "seated", "handheld"]),
        max_size=3,
        unique=True,
    ),
    conditions=st.lists(st.sampled_from(CONDITIONS), max_size=2, unique=True),
    cleared=st.booleans(),
    side=st.sampled_from([None, "left", "right"]),
)


@settings(max_examples=150, deadline=None)
@given(requests)
def test_routines_never_cross_safety_budget_or_dose(request: Request) -> None:
    r = build_custom(request)
    budget = r.budget_seconds or 0
    assert r.total_seconds <= budget
    per_target: dict[str, int] = {}
    for step in r.steps:
        if step.kind != "pressure":
            continue
        assert step.target is not None
        muscle = KB.muscle(step.target)
        # No avoided area is ever pressed.
        assert r.safety.areas.get(step.target) != "avoid"
        assert all(r.safety.areas.get(region) != "avoid" for region in muscle.regions)
        # No deep pressure on an uncleared clinician-first profile.
        assert r.safety.verdict in ("ok", "modify") or request.cleared
        assert r.safety.verdict != "stop"
        # Doses: holds within the rule, at most 3 minutes per muscle group.
        assert step.hold_seconds is not None and step.hold_seconds <= 90
        per_target[step.target] = per_target.get(step.target, 0) + step.seconds
        if r.safety.verdict != "ok":
            # Gentle: 3-4/10, or lower where a condition caps it.
            assert step.pressure is not None
            assert int(step.pressure.split("/")[0].split("-")[1]) <= 4
    assert all(seconds <= 180 for seconds in per_target.values())


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(sorted(builtin_names())),
    st.lists(st.sampled_from(CONDITIONS), max_size=2, unique=True),
)
def test_builtins_respect_safety_too(name: str, conditions: list[str]) -> None:
    r = build_builtin(name, Request(conditions=conditions))
    for step in r.steps:
        if step.kind == "pressure" and step.target:
            assert r.safety.areas.get(step.target) != "avoid"
            regions = KB.muscle(step.target).regions
            assert all(r.safety.areas.get(x) != "avoid" for x in regions)
            assert r.safety.verdict in ("ok", "modify")


def test_the_finders_output_can_drive_a_routine() -> None:
    from knotwork.services.routines import make_routine

    r = make_routine(text="ache between my shoulder blades from hunching", minutes=5)
    assert r.steps and r.steps[0].target in {"rhomboids", "middle_trapezius"} | {
        s.target for s in r.steps
    }
    flagged = make_routine(text="numbness shooting down my arm", minutes=5)
    assert flagged.steps == [] and flagged.safety.verdict == "stop"


def test_a_firm_ball_still_works_a_spot_that_prefers_softer_gently() -> None:
    # desk_five itself puts a lacrosse ball on the upper trapezius.
    r = build_custom(
        Request(targets=["upper_trapezius", "heel"], minutes=6, have=["lacrosse"])
    )
    kept = {s.target for s in r.steps}
    assert "upper_trapezius" in kept
    assert not r.dropped
    assert r.name.startswith("Custom routine: upper trapezius")
    trap = next(s for s in r.steps if s.target == "upper_trapezius")
    assert trap.ball == "lacrosse" and trap.pressure.startswith("3-4/10")


def test_a_dropped_target_gives_its_time_to_the_others() -> None:
    r = build_custom(
        Request(targets=["upper_trapezius", "heel"], minutes=6, have=["lacrosse"])
    )
    assert 0.9 * 360 <= r.total_seconds <= 360
    tight = build_custom(
        Request(targets=["upper_trapezius", "rhomboids", "gastrocnemius"], minutes=2)
    )
    assert tight.dropped and tight.total_seconds >= 0.75 * 120


def test_the_title_names_only_targets_that_were_kept() -> None:
    r = build_custom(
        Request(
            targets=["suboccipitals", "rhomboids"],
            have=["lacrosse"],
            positions=["wall"],
        )
    )
    assert "suboccipitals" not in {s.target for s in r.steps}
    assert r.name == "Custom routine: rhomboids"


def test_no_routine_says_why() -> None:
    r = build_custom(
        Request(targets=["suboccipitals"], have=["lacrosse"], positions=["wall"])
    )
    assert not r.steps
    assert r.message and "Suboccipitals" in r.message and "balls you have" in r.message
