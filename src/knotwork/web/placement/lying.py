"""The lying poses: on the back, face down, or on one side, the ball beneath."""

from __future__ import annotations

from knotwork.web.placement.pose import Pose

LYING_VIEW = "0 56 160 46"


def lying_pose(name: str) -> Pose:
    """Draw a figure lying on the floor: "supine", "prone" or on its "side"."""
    floor = '<path class="prop-line" d="M4 97H156"/>'
    body = (
        ((34, 80), (82, 80), 20),
        ((84, 80), (106, 80), 11),
        ((106, 80), (132, 82), 9),
        ((132, 82), (136, 72), 5),
        ((36, 78), (48, 70), 7),
        ((48, 70), (58, 76), 6),
    )
    under = {
        "head": (20, 92.5),
        "neck": (30, 92),
        "upper_back": (44, 92),
        "mid_back": (56, 92),
        "low_back": (70, 92),
        "buttock": (84, 92),
        "thigh_back": (98, 91.5),
        "calf": (120, 92),
        "side": (54, 92),
        "hip": (84, 92),
        "thigh_side": (100, 91.5),
        "upper_arm": (40, 92),
        "chest": (46, 92),
        "belly": (64, 92),
        "thigh_front": (98, 91.5),
        "shin": (122, 92),
    }
    if name == "supine":
        keep = {
            "spine": (58, 91),
            "skull_bone": (22, 88),
            "back_of_knee": (106, 88),
            "floating_ribs_kidneys": (68, 90),
        }
        return Pose(
            "supine",
            "lying on the back",
            (20, 80),
            body,
            floor,
            under,
            keep,
            view_box=LYING_VIEW,
        )
    if name == "prone":
        keep = {
            "abdominal_organs": (66, 90),
            "femoral_triangle": (86, 90),
            "bony_points": (108, 88),
        }
        return Pose(
            "prone",
            "lying face down",
            (20, 80),
            body,
            floor,
            under,
            keep,
            default="chest",
            view_box=LYING_VIEW,
        )
    keep = {
        "bony_points": (84, 89),
        "fibular_nerve": (108, 89),
        "armpit_vessels": (38, 89),
    }
    return Pose(
        "side",
        "lying on one side",
        (20, 80),
        body,
        floor,
        under,
        keep,
        default="hip",
        view_box=LYING_VIEW,
    )
