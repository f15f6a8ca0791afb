"""Which movement re-tests a session, and how a phone measures it.

The seeds' re-test is "move the way that was tight, and see if it is
easier". A phone's motion sensors can turn that into degrees: held to the
forehead it follows the head turning, laid along the forearm it follows the
arm rising, laid on the shin it follows the leg. One movement per session is
enough to see a change, so the session's targets choose it: the body part
most of their regions lie in.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import datetime
from typing import Any, Literal

from knotwork.domain.journal.records import RomEntry
from knotwork.kb.loader import load_kb
from knotwork.kb.record import record

# How the sensor reading becomes an angle: "turn" follows the heading of a
# phone held upright (a rotation about the vertical); "lift" follows its
# tilt against gravity (a rise in a vertical plane), which needs no compass.
Measure = Literal["turn", "lift"]


@record
class RetestMovement:
    """One movement the player can measure, with what to tell the person."""

    id: str
    name: str  # stored as the re-test's movement
    measure: Measure
    phone: str  # where the phone goes
    start: str  # the position the angle counts from
    move: str  # what to do, with "{side}" for the side measured
    typical: str  # a rough healthy range, so a number means something

    def to_json(self) -> dict[str, Any]:
        """Return the movement as plain JSON data for the player."""
        return {
            "id": self.id,
            "name": self.name,
            "measure": self.measure,
            "phone": self.phone,
            "start": self.start,
            "move": self.move,
            "typical": self.typical,
            "sides": ["left", "right"],
        }


MOVEMENTS: dict[str, RetestMovement] = {
    m.id: m
    for m in (
        RetestMovement(
            id="neck_rotation",
            name="neck rotation",
            measure="turn",
            phone="Hold the phone upright and flat against your forehead, screen "
            "facing out.",
            start="Sit tall and look straight ahead.",
            move="Turn your head to the {side} as far as is comfortable, then hold "
            "still.",
            typical="Most adults turn about 70 to 80 degrees each way.",
        ),
        RetestMovement(
            id="shoulder_flexion",
            name="shoulder flexion",
            measure="lift",
            phone="Hold the phone in your {side} hand, lying along the inside of "
            "the forearm.",
            start="Stand tall with the arm straight down by your side.",
            move="Lift the straight {side} arm forward and up as far as is "
            "comfortable, then hold still.",
            typical="Most adults lift the arm about 160 to 180 degrees.",
        ),
        RetestMovement(
            id="straight_leg_raise",
            name="straight-leg raise",
            measure="lift",
            phone="Lie on your back and hold the phone flat on the {side} shin, "
            "just below the knee.",
            start="Both legs straight on the floor.",
            move="Lift the straight {side} leg as high as is comfortable, then "
            "hold still.",
            typical="Most adults raise a straight leg about 70 to 90 degrees.",
        ),
        RetestMovement(
            id="ankle_dorsiflexion",
            name="ankle dorsiflexion (knee to wall)",
            measure="lift",
            phone="Hold the phone flat on the front of the {side} shin, top "
            "towards the knee.",
            start="Half-kneel facing a wall, {side} foot forward, shin upright.",
            move="Keeping the heel down, bend the {side} knee towards the wall as "
            "far as is comfortable, then hold still.",
            typical="Most adults tilt the shin about 35 to 45 degrees.",
        ),
    )
}

# Each body region, by the movement that re-tests what lies there. Low back
# and belly go with the leg raise: their muscles tighten the hip.
_REGIONS = {
    "neck_rotation": "head_top forehead temple eye ear cheek jaw teeth head_back "
    "throat neck_side neck_back neck_base",
    "shoulder_flexion": "shoulder_side shoulder_front shoulder_back shoulder_top "
    "shoulder_blade between_shoulder_blades chest sternum armpit ribs_side "
    "mid_back upper_arm_front upper_arm_inner upper_arm_back elbow_front "
    "elbow_inner elbow_outer elbow_back forearm_front forearm_back wrist_front "
    "wrist_back palm thumb fingers_radial fingers_ulnar hand_back",
    "straight_leg_raise": "low_back abdomen hip_side groin buttock sacrum "
    "tailbone thigh_outer thigh_front thigh_inner thigh_back",
    "ankle_dorsiflexion": "knee_outer knee_front knee_inner knee_back leg_outer "
    "shin calf achilles ankle_outer ankle_front ankle_inner foot_top toes "
    "big_toe heel sole ball_of_foot",
}
MOVEMENT_OF_REGION = {
    region: movement
    for movement, regions in _REGIONS.items()
    for region in regions.split()
}
DEFAULT_MOVEMENT = "neck_rotation"  # the desk worker's re-test in the seeds


def choose_retest(targets: Sequence[str]) -> RetestMovement:
    """Return the movement that re-tests these targets (muscle or region ids).

    Each target's regions vote; a tie goes to the movement of the earlier
    target, because a routine lists the muscles asked for first.
    """
    kb = load_kb()
    muscles = {m.id: m for m in kb.muscles}
    votes: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    for order, target in enumerate(targets):
        muscle = muscles.get(target)
        regions = muscle.regions if muscle is not None else (target,)
        for region in regions:
            movement = MOVEMENT_OF_REGION.get(region)
            if movement is not None:
                votes[movement] += 1
                first_seen.setdefault(movement, order)
    if not votes:
        return MOVEMENTS[DEFAULT_MOVEMENT]
    best = max(votes, key=lambda m: (votes[m], -first_seen[m]))
    return MOVEMENTS[best]


@record
class RetestChange:
    """One movement's re-test before and after one session, on one side."""

    session_id: str
    at: datetime  # when it was first measured
    movement: str
    side: str | None
    unit: Literal["degrees", "ease"]
    before: float | None
    after: float | None

    @property
    def change(self) -> float | None:
        """Return after minus before (more is freer), or None if one is missing."""
        if self.before is None or self.after is None:
            return None
        return self.after - self.before


def retest_changes(entries: Sequence[RomEntry]) -> list[RetestChange]:
    """Pair each session's re-tests, before with after, newest session first."""
    pairs: dict[tuple[str, str, str | None, str], dict[str, Any]] = {}
    for e in sorted(entries, key=lambda e: e.at):
        if e.session_id is None or e.phase is None:
            continue
        unit = "degrees" if e.degrees is not None else "ease"
        value = e.degrees if e.degrees is not None else e.ease
        key = (e.session_id, e.movement, e.side, unit)
        pair = pairs.setdefault(key, {"at": e.at})
        pair[e.phase] = None if value is None else float(value)
    out = [
        RetestChange(
            session_id=sid,
            at=pair["at"],
            movement=movement,
            side=side,
            unit="degrees" if unit == "degrees" else "ease",
            before=pair.get("before"),
            after=pair.get("after"),
        )
        for (sid, movement, side, unit), pair in pairs.items()
    ]
    out.sort(key=lambda c: (c.at, c.movement, c.side or ""), reverse=True)
    return out
