"""Choose the pose a technique is drawn in and the spot on the body for the ball.

The muscle's first region picks the anchor the ball sits on. The technique's
position picks the pose, the anchor says which side of a wall, and for a
lying technique its name, then its steps, say which way up.
"""

from __future__ import annotations

import re
from functools import cache

from knotwork.kb.models import Muscle, Technique
from knotwork.web.placement.lying import lying_pose
from knotwork.web.placement.pose import Pose
from knotwork.web.placement.seated import seated_pose
from knotwork.web.placement.standing import standing_pose, wall_side_pose

# Body anchors the ball can sit on, and which regions fall under each.
ANCHOR_OF: dict[str, str] = {
    region: anchor
    for anchor, regions in {
        "head": "head_top forehead temple eye ear cheek jaw teeth head_back",
        "neck": "throat neck_side neck_back neck_base",
        "upper_back": "shoulder_top shoulder_blade between_shoulder_blades "
        "shoulder_back",
        "mid_back": "mid_back",
        "side": "ribs_side armpit",
        "low_back": "low_back sacrum tailbone",
        "buttock": "buttock",
        "hip": "hip_side",
        "chest": "chest sternum shoulder_front",
        "belly": "abdomen groin",
        "upper_arm": "upper_arm_front upper_arm_inner upper_arm_back shoulder_side "
        "elbow_front elbow_inner elbow_outer elbow_back",
        "forearm": "forearm_front forearm_back wrist_front wrist_back",
        "hand": "palm thumb fingers_radial fingers_ulnar hand_back",
        "thigh_front": "thigh_front thigh_inner knee_front knee_inner",
        "thigh_back": "thigh_back knee_back",
        "thigh_side": "thigh_outer knee_outer",
        "calf": "calf achilles",
        "shin": "shin leg_outer ankle_outer ankle_front ankle_inner foot_top",
        "sole": "heel sole ball_of_foot toes big_toe",
    }.items()
    for region in regions.split()
}
_FRONT = {"chest", "belly", "thigh_front", "shin"}
_SIDE = {"side", "hip", "thigh_side"}
_PRONE = re.compile(r"face[ -]down|prone|on (?:your|the) (?:front|stomach|belly)")
_SIDE_LYING = re.compile(
    r"side-lying|lying on (?:your|one|the) side|"
    r"\bon (?:your|one|the|that|the other) (?:left |right |other |painful )?side\b"
)
_SUPINE = re.compile(r"on your back|supine|face[ -]up")


@cache
def poses() -> dict[str, Pose]:
    """Return every drawn pose by name."""
    made = [
        standing_pose(False),
        standing_pose(True),
        standing_pose(False, "none"),
        wall_side_pose(),
        lying_pose("supine"),
        lying_pose("prone"),
        lying_pose("side"),
        seated_pose(False),
        seated_pose(True),
    ]
    return {p.name: p for p in made}


def choose_pose(muscle: Muscle, technique: Technique) -> tuple[Pose, str]:
    """Return the pose a technique is done in and the anchor for the ball."""
    anchor = ANCHOR_OF.get(muscle.regions[0], "upper_back")
    # The technique's name says the position most plainly; then its steps.
    said = [technique.name.lower(), " ".join(technique.steps).lower()]
    if technique.position == "handheld":
        name = "handheld"
    elif technique.position == "seated":
        name = "seated"
    elif technique.position == "wall":
        name = (
            "wall_front"
            if anchor in _FRONT
            else "wall_side"
            if anchor in _SIDE
            else "wall_back"
        )
    elif anchor == "sole":
        name = "standing"
    else:
        name = _lying_pose_name(said, anchor)
    pose = poses()[name]
    return pose, anchor if anchor in pose.balls else pose.default


def _lying_pose_name(said: list[str], anchor: str) -> str:
    for text in said:
        for name, cue in (
            ("prone", _PRONE),
            ("side", _SIDE_LYING),
            ("supine", _SUPINE),
        ):
            if cue.search(text):
                return name
    return "prone" if anchor in _FRONT else "side" if anchor in _SIDE else "supine"
