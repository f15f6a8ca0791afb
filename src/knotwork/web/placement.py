"""Draw where the ball goes for each technique: a pose, the ball, keep-offs.

A handful of drawn poses (standing at a wall, lying on the back, front or
side, seated, handheld) are composed with a ball placed from the knowledge:
the technique's position picks the pose, the muscle's first region picks the
spot, and the technique's keep-off areas are marked with a crossed red ring.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from html import escape

from knotwork.kb.loader import load_kb
from knotwork.kb.models import Muscle, Technique

Point = tuple[float, float]
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
LYING_VIEW = "0 56 160 46"
_FRONT = {"chest", "belly", "thigh_front", "shin"}
_SIDE = {"side", "hip", "thigh_side"}
_PRONE = re.compile(r"face[ -]down|prone|on (?:your|the) (?:front|stomach|belly)")
_SIDE_LYING = re.compile(
    r"side-lying|lying on (?:your|one|the) side|"
    r"\bon (?:your|one|the|that|the other) (?:left |right |other |painful )?side\b"
)
_SUPINE = re.compile(r"on your back|supine|face[ -]up")


@dataclass(frozen=True)
class Pose:
    """A drawn figure: limbs as capsules, a head, and what it leans on."""

    name: str
    describe: str
    head: Point
    limbs: tuple[tuple[Point, Point, float], ...]
    props: str
    balls: Mapping[str, Point]
    keep_off: Mapping[str, Point] = field(default_factory=dict)
    default: str = "upper_back"
    view_box: str = "0 0 160 110"  # lying poses crop the empty space above


def _standing(facing_wall: bool, wall: str = "behind") -> Pose:
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


def _wall_side() -> Pose:
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


def _lying(name: str) -> Pose:
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


def _seated(handheld: bool) -> Pose:
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


@cache
def poses() -> dict[str, Pose]:
    """Return every drawn pose by name."""
    made = [
        _standing(False),
        _standing(True),
        _standing(False, "none"),
        _wall_side(),
        _lying("supine"),
        _lying("prone"),
        _lying("side"),
        _seated(False),
        _seated(True),
    ]
    return {p.name: p for p in made}


@cache
def techniques() -> dict[str, tuple[Muscle, Technique]]:
    """Return every technique by id, with the muscle it works."""
    return {t.id: (m, t) for m in load_kb().muscles for t in m.techniques}


def first_technique(muscle_id: str) -> str | None:
    """Return the id of a muscle's first technique, if it has one."""
    found = [t for t, (m, _) in techniques().items() if m.id == muscle_id]
    return found[0] if found else None


def step_technique(technique: str, target: str | None, position: str) -> str | None:
    """Return the technique whose picture fits a routine step, if any.

    Built-in routines name a step's technique generically ("calf.pressure");
    then the target muscle's technique done in the step's position is shown.
    """
    if technique in techniques():
        return technique
    mine = [t for t, (m, _) in techniques().items() if m.id == target]
    same_place = [t for t in mine if techniques()[t][1].position in position]
    found = same_place or mine
    return found[0] if found else None


def technique_id(muscle_id: str, technique_name: str) -> str | None:
    """Return the id of a muscle's technique given its display name."""
    for tid, (muscle, technique) in techniques().items():
        if muscle.id == muscle_id and technique.name == technique_name:
            return tid
    return None


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
        name = _lying_pose(said, anchor)
    pose = poses()[name]
    return pose, anchor if anchor in pose.balls else pose.default


def _lying_pose(said: list[str], anchor: str) -> str:
    for text in said:
        for name, cue in (
            ("prone", _PRONE),
            ("side", _SIDE_LYING),
            ("supine", _SUPINE),
        ):
            if cue.search(text):
                return name
    return "prone" if anchor in _FRONT else "side" if anchor in _SIDE else "supine"


def _capsule(a: Point, b: Point, width: float) -> str:
    return (
        f'<path class="pose__limb" d="M{a[0]:g} {a[1]:g}L{b[0]:g} {b[1]:g}" '
        f'stroke-width="{width:g}"/>'
    )


def _hand_to(ball: Point, pose: Pose) -> str:
    shoulder = pose.limbs[0][0]
    elbow = ((shoulder[0] + ball[0]) / 2 + 8, (shoulder[1] + ball[1]) / 2 + 8)
    return _capsule(shoulder, elbow, 8) + _capsule(elbow, ball, 7)


@cache
def placement_picture(technique_id: str) -> str:
    """Return the placement picture of one technique as a ``<figure>``."""
    muscle, technique = techniques()[technique_id]
    pose, anchor = choose_pose(muscle, technique)
    ball = pose.balls[anchor]
    names = {k.id: k.name for k in load_kb().keep_off}
    marked = [k for k in technique.keep_off if k in pose.keep_off]
    rings = "".join(
        f'<g class="keepoff"><circle cx="{pose.keep_off[k][0]:g}" '
        f'cy="{pose.keep_off[k][1]:g}" r="3.6"/>'
        f'<path d="M{pose.keep_off[k][0] - 2.5:g} {pose.keep_off[k][1] - 2.5:g}l5 5"/>'
        "</g>"
        for k in marked
    )
    limbs = "".join(_capsule(a, b, w) for a, b, w in pose.limbs)
    if pose.name == "handheld":
        limbs += _hand_to(ball, pose)
    alt = f"{technique.name}: {pose.describe}, the ball under the {muscle.name.lower()}"
    if technique.keep_off:
        alt += "; keep it off " + "; ".join(names[k] for k in technique.keep_off)
    hx, hy = pose.head
    svg = (
        f'<svg class="placement__svg" viewBox="{pose.view_box}" role="img" '
        f'aria-label="{escape(alt)}">{pose.props}'
        f'<g class="pose">{limbs}<circle class="pose__head" cx="{hx:g}" cy="{hy:g}" '
        f'r="9"/></g>'
        f'<circle class="ball" cx="{ball[0]:g}" cy="{ball[1]:g}" r="4.6"/>'
        f"{rings}</svg>"
    )
    keep = ""
    if marked:
        keep = (
            '<span class="placement__keep"><span class="key-ring" aria-hidden="true">'
            "</span> keep the ball off the ringed areas</span>"
        )
    return (
        f'<figure class="placement" data-placement="{technique_id}">{svg}'
        f'<figcaption><span class="key-ball" aria-hidden="true"></span> ball · '
        f"{escape(pose.describe)}{keep}</figcaption></figure>"
    )
