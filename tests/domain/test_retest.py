"""The re-test movement follows the session's targets."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from knotwork.domain.journal.records import RomEntry
from knotwork.domain.routines.retest import (
    MOVEMENT_OF_REGION,
    MOVEMENTS,
    choose_retest,
    retest_changes,
)
from knotwork.kb.loader import load_kb


def test_every_region_has_a_movement() -> None:
    regions = {r.id for r in load_kb().regions}
    assert regions <= set(MOVEMENT_OF_REGION)
    assert set(MOVEMENT_OF_REGION) <= regions
    assert set(MOVEMENT_OF_REGION.values()) == set(MOVEMENTS)


@pytest.mark.parametrize(
    ("targets", "movement"),
    [
        (["upper_trapezius", "levator_scapulae"], "neck_rotation"),
        (["suboccipitals"], "neck_rotation"),
        (["infraspinatus"], "shoulder_flexion"),
        (["deltoid", "pectoralis_minor"], "shoulder_flexion"),
        (["gluteus_medius", "piriformis"], "straight_leg_raise"),
        (["hamstrings_medial"], "straight_leg_raise"),
        (["gastrocnemius", "soleus", "plantar_intrinsics"], "ankle_dorsiflexion"),
        (["calf"], "ankle_dorsiflexion"),
        ([], "neck_rotation"),
    ],
)
def test_the_targets_choose_the_movement(targets: list[str], movement: str) -> None:
    assert choose_retest(targets).id == movement


def test_a_tie_goes_to_the_first_target() -> None:
    assert choose_retest(["calf", "neck_side"]).id == "ankle_dorsiflexion"
    assert choose_retest(["neck_side", "calf"]).id == "neck_rotation"


def test_every_movement_says_where_the_phone_goes_and_what_to_do() -> None:
    for movement in MOVEMENTS.values():
        data = movement.to_json()
        assert data["sides"] == ["left", "right"]
        assert data["measure"] in ("turn", "lift")
        assert data["phone"] and data["start"] and data["move"].count("{side}")


def test_a_sessions_re_tests_pair_before_with_after() -> None:
    at = datetime(2026, 3, 2, 9, tzinfo=UTC)
    later = at + timedelta(minutes=5)
    entries = [
        RomEntry(
            "neck rotation", at, 55.0, side="left", session_id="s", phase="before"
        ),
        RomEntry(
            "neck rotation", later, 68.0, side="left", session_id="s", phase="after"
        ),
        RomEntry("neck rotation", at, None, 4, session_id="s", phase="before"),
        RomEntry(
            "neck rotation", later, 70.0, side="right", session_id="s", phase="after"
        ),
        RomEntry("neck rotation", at, 40.0, side="left"),  # not from a session
    ]
    changes = {(c.side, c.unit): c for c in retest_changes(entries)}
    assert set(changes) == {("left", "degrees"), (None, "ease"), ("right", "degrees")}
    assert changes["left", "degrees"].change == 13.0
    assert changes[None, "ease"].after is None and changes[None, "ease"].change is None
    assert changes["right", "degrees"].before is None
