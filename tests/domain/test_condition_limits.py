"""Condition limits bind the prescription: positions, areas, doses, firmness."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from knotwork.domain.routines.build import Request, build_builtin, build_custom
from knotwork.domain.safety.verdict import check_safety
from knotwork.domain.treatment.prescription import treatment_for
from knotwork.kb.loader import load_kb, load_routines
from knotwork.kb.models import Condition

KB = load_kb()
BALLABLE = sorted(m.id for m in KB.muscles if m.techniques)
CONDITIONS = sorted(c.id for c in KB.conditions)
BALLS = sorted(b.id for b in KB.balls)
TECHNIQUES = {t.id: (m, t) for m in KB.muscles for t in m.techniques}
BY_ID = {c.id: c for c in KB.conditions}
POSITIONED = sorted(c.id for c in KB.conditions if c.limits.positions)


def breaks_position(
    condition: Condition, posture: str, position: str, regions: list[str]
) -> bool:
    """Checked straight from the validated data, not through the engine."""
    for limit in condition.limits.positions:
        if limit.postures and posture not in limit.postures:
            continue
        if limit.positions and position not in limit.positions:
            continue
        if limit.regions and not set(limit.regions) & set(regions):
            continue
        return True
    return False


def builtin_posture(routine: str, target: str) -> str:
    steps = load_routines()[routine].steps
    return next(s.posture for s in steps if s.target == target)


profiles = st.fixed_dictionaries(
    {
        # At least one condition that limits positions, so the property bites.
        "conditions": st.tuples(
            st.sampled_from(POSITIONED),
            st.lists(st.sampled_from(CONDITIONS), max_size=3, unique=True),
        ).map(lambda t: list(dict.fromkeys([t[0], *t[1]]))),
        "cleared": st.booleans(),
        "targets": st.lists(
            st.sampled_from(BALLABLE), min_size=1, max_size=4, unique=True
        ),
        "have": st.lists(st.sampled_from(BALLS), max_size=4, unique=True),
        "experience": st.sampled_from(["new", "some", "lots"]),
        "tolerance": st.sampled_from(["low", "medium", "high"]),
        "builtin": st.sampled_from(sorted(load_routines())),
    }
)


@settings(max_examples=200, deadline=None)
@given(profiles)
def test_no_technique_ever_breaks_a_position_limit(profile: dict) -> None:  # type: ignore[type-arg]
    conditions = [BY_ID[c] for c in profile["conditions"]]
    request = Request(
        targets=profile["targets"],
        have=profile["have"],
        conditions=profile["conditions"],
        cleared=profile["cleared"],
        experience=profile["experience"],
        tolerance=profile["tolerance"],
    )
    custom = build_custom(request)
    for step in custom.steps:
        if step.kind != "pressure":
            continue
        muscle, technique = TECHNIQUES[step.technique]
        for c in conditions:
            assert not breaks_position(
                c, technique.posture, technique.position, muscle.regions
            ), (c.id, technique.id)
            if c.limits.max_hold_seconds is not None:
                assert (step.hold_seconds or 0) <= c.limits.max_hold_seconds
            if c.limits.max_density is not None and step.ball is not None:
                order = ("soft", "medium", "firm")
                ball = KB.ball(step.ball).density
                assert order.index(ball) <= order.index(c.limits.max_density)
    builtin = build_builtin(profile["builtin"], request)
    for step in builtin.steps:
        if step.kind != "pressure" or not step.target:
            continue
        posture = builtin_posture(profile["builtin"], step.target)
        regions = KB.muscle(step.target).regions
        for c in conditions:
            assert not breaks_position(c, posture, step.position, regions), c.id
    safety = check_safety(
        conditions=profile["conditions"],
        cleared=profile["conditions"] if profile["cleared"] else [],
    )
    for target in profile["targets"]:
        advice = treatment_for(target, safety, experience=profile["experience"])
        if advice.technique is None:
            continue
        muscle = KB.muscle(target)
        technique = next(t for t in muscle.techniques if t.name == advice.technique)
        for c in conditions:
            assert not breaks_position(
                c, technique.posture, technique.position, muscle.regions
            ), (c.id, technique.id)


def test_pregnancy_never_lies_face_down_and_from_20_weeks_not_on_the_back() -> None:
    early = build_custom(
        Request(
            targets=["rectus_femoris", "rhomboids"],
            conditions=["pregnancy"],
            cleared=True,
            minutes=8,
        )
    )
    assert not any(s.target == "rectus_femoris" for s in early.steps)
    why = {d.target: d.reason for d in early.dropped}
    assert "face down" in why["rectus_femoris"] and "Pregnant" in why["rectus_femoris"]
    later = build_custom(
        Request(
            targets=["rhomboids"],
            positions=["floor", "wall"],
            conditions=["pregnancy_from_20_weeks"],
            cleared=True,
        )
    )
    used = {s.technique for s in later.steps if s.kind == "pressure"}
    assert "rhomboids.floor_rest" not in used and "rhomboids.wall_hug_roll" in used
    assert any("back" in d.reason for d in later.set_aside)
    tr = treatment_for(
        "rectus_femoris",
        check_safety(
            conditions=["pregnancy_third_trimester"],
            cleared=["pregnancy_third_trimester"],
        ),
    )
    assert tr.technique is None and tr.set_aside


def test_pregnancy_holds_no_sustained_pressure_at_the_conventional_spots() -> None:
    r = build_custom(
        Request(
            targets=["upper_trapezius", "thumb_muscles"],
            conditions=["pregnancy"],
            cleared=True,
        )
    )
    assert not [s for s in r.steps if s.target in ("upper_trapezius", "thumb_muscles")]
    assert all(
        "sustained pressure" in d.reason
        for d in r.dropped
        if d.target in ("upper_trapezius", "thumb_muscles")
    )


def test_osteoporosis_has_no_body_weight_floor_work_on_the_trunk() -> None:
    r = build_custom(
        Request(
            targets=["infraspinatus"],
            positions=["floor"],
            conditions=["osteoporosis"],
            cleared=True,
        )
    )
    assert not r.steps
    assert "Osteoporosis" in r.dropped[0].reason and "floor" in r.dropped[0].reason
    assert "chest" in BY_ID["osteoporosis"].areas


def test_blood_thinners_and_reduced_sensation_hold_30_seconds_at_most() -> None:
    for condition in ("anticoagulants", "reduced_sensation", "antiplatelets"):
        r = build_custom(
            Request(
                targets=["gluteus_maximus", "infraspinatus"],
                conditions=[condition],
                cleared=True,
                minutes=8,
            )
        )
        holds = [s.hold_seconds for s in r.steps if s.kind == "pressure"]
        assert holds and all(h is not None and h <= 30 for h in holds), condition
    desk = build_builtin("desk_five", Request(conditions=["antiplatelets"]))
    assert all((s.hold_seconds or 0) <= 30 for s in desk.steps)


def test_medium_ball_for_most_firm_only_for_the_experienced() -> None:
    owned = ["lacrosse", "layered_foam", "tennis"]
    base = Request(targets=["gluteus_maximus"], have=owned, minutes=4)
    most = build_custom(base)
    firmness = {KB.ball(s.ball).density for s in most.steps if s.ball}
    assert firmness == {"medium"}
    keen = build_custom(
        Request(**{**base.__dict__, "experience": "lots", "tolerance": "high"})
    )
    assert {KB.ball(s.ball).density for s in keen.steps if s.ball} == {"firm"}
    new = build_custom(
        Request(targets=["rhomboids"], have=owned, experience="new", minutes=4)
    )
    for s in new.steps:
        if s.kind == "pressure":
            technique = TECHNIQUES[s.technique][1]
            assert (s.hold_seconds or 0) <= technique.beginner_max_hold
            assert KB.ball(s.ball or "tennis").density != "firm"
    desk = build_builtin("desk_five", Request(have=owned))
    neck = [
        s for s in desk.steps if s.target in ("upper_trapezius", "levator_scapulae")
    ]
    assert neck and all(KB.ball(s.ball or "").density != "firm" for s in neck)


def test_every_technique_has_sane_defaults() -> None:
    for _, technique in TECHNIQUES.values():
        assert technique.default_density in technique.densities
        assert technique.beginner_max_hold <= 60
    plantar = KB.muscle("plantar_intrinsics").techniques
    assert all(t.hold_seconds == (10, 20) for t in plantar)


def test_treatment_advice_caps_gentle_holds_like_the_routines() -> None:
    from knotwork.domain.treatment.prescription import BRUISE_CAUTION_SECONDS

    assert load_kb().dosing.bruise_caution_seconds == BRUISE_CAUTION_SECONDS
    safety = check_safety(conditions=["varicose_veins"])
    advice = treatment_for("rhomboids", safety)
    assert advice.hold_seconds is not None
    assert advice.hold_seconds[1] <= BRUISE_CAUTION_SECONDS
    thinners = check_safety(conditions=["anticoagulants"], cleared=["anticoagulants"])
    capped = treatment_for("rhomboids", thinners)
    assert capped.hold_seconds is not None and capped.hold_seconds[1] <= 30
    assert capped.ball is not None and not capped.ball.endswith("firm")


def test_long_holds_start_at_60_s_unless_experienced() -> None:
    def hold(experience: str) -> int:
        r = build_custom(
            Request(
                targets=["rhomboids"],
                positions=["wall"],
                side="left",
                experience=experience,
            )
        )
        return max(s.hold_seconds or 0 for s in r.steps if s.kind == "pressure")

    assert hold("new") <= 60 and hold("some") == 60
    assert 60 < hold("lots") <= 90
