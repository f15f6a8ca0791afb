"""The body areas the ball rules treat alike: narrow, broad, delicate, ...

Each set names region ids; a scoring rule looks at which of a person's areas
fall in it.
"""

from __future__ import annotations


def _ids(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Narrow areas: a small ball settles in, a big one bridges over the knot.
SMALL_AREAS = _ids(
    "sole ball_of_foot heel toes big_toe foot_top palm thumb hand_back "
    "forearm_front forearm_back between_shoulder_blades"
)
# Broad, padded areas: a large ball spreads the pressure.
BROAD_AREAS = _ids(
    "buttock hip_side thigh_front thigh_outer thigh_back thigh_inner armpit chest"
)
SENSITIVE_AREAS = _ids("ribs_side hip_side sternum abdomen")
# The neck, upper traps and bony places, where a very firm ball is too much.
DELICATE_AREAS = _ids(
    "head_back neck_back neck_side neck_base throat shoulder_top sacrum tailbone "
    "shin achilles wrist_back wrist_front elbow_outer elbow_inner elbow_front "
    "elbow_back knee_front knee_inner knee_outer knee_back ankle_outer "
    "ankle_inner ankle_front"
)
# Thick muscle (and the sole) that takes firm pressure well.
THICK_AREAS = _ids("buttock calf sole ball_of_foot")
# Muscles running beside the spine, where a double ball straddles the bones.
SPINE_SIDE = _ids("mid_back low_back neck_back neck_base head_back")
SPIKY_AREAS = _ids("sole ball_of_foot buttock")
HARD_TO_REACH = _ids("mid_back low_back between_shoulder_blades shoulder_blade")
