"""Compose one technique's placement picture: the pose, the ball, keep-off rings."""

from __future__ import annotations

from functools import cache
from html import escape

from knotwork.kb.loader import load_kb
from knotwork.web.placement.pose import Point, Pose
from knotwork.web.placement.pose_choice import choose_pose
from knotwork.web.placement.techniques import techniques


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
