"""The seated poses: sitting on a chair, or pressing the ball with the hand."""

from __future__ import annotations

from knotwork.web.placement.pose import Pose


def seated_pose(handheld: bool) -> Pose:
    """Draw a figure on a chair, leaning on the ball or pressing it by hand."""
    chair = (
        '<path class="prop-line" d="M4 106H156"/>'
        '<rect class="prop" x="40" y="30" width="6" height="48"/>'
        '<rect class="prop" x="40" y="76" width="50" height="5"/>'
        '<path class="prop-line" d="M44 81V106M86 81V106"/>'
    )
    body = (
        ((60, 34), (62, 66), 22),
        ((62, 68), (92, 68), 11),
        ((92, 68), (94, 100), 9),
        ((94, 100), (104, 101), 5),
        ((63, 36), (70, 52), 8),
        ((70, 52), (84, 58), 7),
    )
    balls = {
        "upper_back": (48.5, 42),
        "mid_back": (48.5, 52),
        "low_back": (49, 62),
        "buttock": (64, 76),
        "thigh_back": (80, 76),
        "sole": (99, 104.5),
        "side": (72, 48),
        "chest": (72, 42),
        "forearm": (80, 54),
        "hand": (86, 58),
        "head": (72, 16),
        "neck": (70, 26),
        "upper_arm": (74, 40),
        "thigh_front": (82, 60),
        "shin": (99, 80),
        "calf": (88, 84),
        "belly": (73, 56),
        "hip": (60, 66),
        "thigh_side": (80, 62),
    }
    if handheld:
        return Pose(
            "handheld",
            "seated, pressing the ball with the hand",
            (62, 18),
            body[:4],
            chair,
            balls,
            {
                "eye_and_face_nerves": (67, 14),
                "front_of_neck": (68, 28),
                "ulnar_nerve": (70, 52),
            },
            default="forearm",
        )
    return Pose(
        "seated",
        "sitting on a chair",
        (62, 18),
        body,
        chair,
        balls,
        {"spine": (50, 50), "sciatic_nerve": (68, 72)},
        default="buttock",
    )
