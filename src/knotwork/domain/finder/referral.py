"""Where each muscle sends its pain, and how strongly: the finder's score table.

Derived from the trigger points in the knowledge base, once per process.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Literal

from knotwork.kb.models import KnowledgeBase, Muscle
from knotwork.kb.record import record

# How often a trigger point is active: a common one is the likelier source.
PREVALENCE = {"very_common": 1.0, "common": 0.8, "occasional": 0.6}
# A primary zone counts fully, a spillover zone partly, the muscle's own spot
# a little.
PRIMARY, SPILLOVER, LOCAL = 1.0, 0.4, 0.5

ReferralKind = Literal["primary", "spillover", "local"]


@record
class Referral:
    """How strongly one muscle refers pain to one region, and from where."""

    weight: float
    kind: ReferralKind
    where: str


@record
class ReferralMap:
    """One muscle's referral zones and how likely it is to be active at all."""

    zones: Mapping[str, Referral]
    prior: float


def referral_map(muscle: Muscle) -> ReferralMap:
    """Map each region to the strongest way this muscle refers pain there."""
    zones: dict[str, Referral] = {}

    def offer(region: str, weight: float, kind: ReferralKind, where: str) -> None:
        if region not in zones or zones[region].weight < weight:
            zones[region] = Referral(round(weight, 3), kind, where)

    for tp in muscle.trigger_points:
        p = PREVALENCE[tp.prevalence]
        for r in tp.primary:
            offer(r, PRIMARY * p, "primary", tp.location)
        for r in tp.spillover:
            offer(r, SPILLOVER * p, "spillover", tp.location)
    for r in muscle.regions:
        offer(r, LOCAL, "local", muscle.location)
    prior = max(PREVALENCE[tp.prevalence] for tp in muscle.trigger_points)
    return ReferralMap(dict(sorted(zones.items())), prior)


@cache
def referral_maps(kb: KnowledgeBase) -> dict[str, ReferralMap]:
    """Return every muscle's referral map, by muscle id in sorted order.

    The finder ranks with a stable sort, so this order settles ties.
    """
    return {m.id: referral_map(m) for m in sorted(kb.muscles, key=lambda m: m.id)}
