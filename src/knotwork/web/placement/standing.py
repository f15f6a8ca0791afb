"""The standing poses: back to a wall, facing it, side-on, or a foot on the ball."""

from __future__ import annotations

from knotwork.web.placement.pose import Pose


def standing_pose(facing_wall: bool, wall: str = "behind") -> Pose:
    """Draw a standing figure: back to the wall, facing it, or with no wall."""
    back = {
        "upper_back": (44.5, 38),
        "mid_back": (44.5, 48),
        "low_back": (44.5, 58),
        "buttock": (45, 68),
        "neck": (49, 27),
        "head": (48.5, 16),
        "calf": (50, 92),
        "thigh_back": (48, 80),
    }
    front = {
        "chest": (76.5, 40),
        "belly": (76.5, 54),
        "thigh_front": (72.5, 80),
        "shin": (71, 94),
        "upper_arm": (77, 46),
    }
    body = (
        ((60, 30), (60, 64), 22),
        ((60, 66), (61, 86), 11),
        ((61, 86), (60, 102), 9),
        ((60, 103), (70, 104), 5),
        ((62, 32), (66, 50), 8),
        ((66, 50), (70, 64), 7),
    )
    if facing_wall:
        return Pose(
            "wall_front",
            "standing facing a wall",
            (63, 16),
            body,
            '<rect class="prop" x="82" y="4" width="6" height="102"/>'
            '<path class="prop-line" d="M4 106H156"/>',
            front,
            {
                "front_of_neck": (70, 28),
                "abdominal_organs": (72, 56),
                "femoral_triangle": (70, 66),
                "bony_points": (72, 86),
            },
            default="chest",
        )
    if wall == "none":
        return Pose(
            "standing",
            "standing, one foot on the ball",
            (62, 16),
            body,
            '<path class="prop-line" d="M4 106H156"/>',
            {"sole": (66, 103)},
            {"bony_points": (60, 100)},
            default="sole",
        )
    return Pose(
        "wall_back",
        "standing with the back to a wall",
        (62, 16),
        body,
        '<rect class="prop" x="33" y="4" width="6" height="102"/>'
        '<path class="prop-line" d="M4 106H156"/>',
        back,
        {
            "spine": (49.5, 46),
            "skull_bone": (53, 20),
            "floating_ribs_kidneys": (49.5, 57),
            "sciatic_nerve": (49, 70),
            "back_of_knee": (55, 86),
        },
    )


def wall_side_pose() -> Pose:
    """Draw a figure standing side-on to a wall, the ball against its side."""
    body = (
        ((80, 30), (80, 62), 26),
        ((73, 64), (72, 86), 11),
        ((72, 86), (72, 103), 9),
        ((87, 64), (88, 86), 11),
        ((88, 86), (88, 103), 9),
        ((93, 33), (98, 50), 8),
        ((98, 50), (99, 64), 7),
        ((67, 33), (60, 46), 8),
        ((60, 46), (70, 56), 7),
    )
    return Pose(
        "wall_side",
        "standing side-on to a wall",
        (80, 16),
        body,
        '<rect class="prop" x="52" y="4" width="6" height="102"/>'
        '<path class="prop-line" d="M4 106H156"/>',
        {
            "side": (63, 48),
            "hip": (64, 63),
            "thigh_side": (63, 78),
            "upper_arm": (62, 38),
            "shin": (63, 94),
        },
        {
            "armpit_vessels": (70, 36),
            "fibular_nerve": (67, 88),
            "bony_points": (67, 66),
        },
        default="side",
    )
