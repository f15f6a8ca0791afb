"""Work out once, from the needs, the knowledge and safety, what the rules see.

The person's areas are resolved to regions and the techniques for them,
areas that safety says to avoid are left out with a note, and any caution
that must keep pressure gentle is put into words.
"""

from __future__ import annotations

from knotwork.domain.balls.needs import BallNeeds
from knotwork.domain.safety.verdict import SafetyResult
from knotwork.kb.models import KnowledgeBase
from knotwork.kb.record import record

LEVEL = {"low": 0, "medium": 1, "high": 2, "new": 0, "some": 1, "lots": 2}
SHORT_NAMES = {"between_shoulder_blades": "the area between the shoulder blades"}


@record
class ScoringContext:
    """Everything the scoring rules look at, worked out once."""

    needs: BallNeeds
    comfort: int  # 0 soft, 1 medium, 2 firm: the density this person suits
    regions: frozenset[str]
    techniques: dict[str, tuple[set[str], set[str]]]  # label -> sizes, densities
    names: dict[str, str]
    caution: str | None  # why pressure must stay gentle, if it must


def scoring_context(
    needs: BallNeeds, kb: KnowledgeBase, safety: SafetyResult
) -> tuple[ScoringContext, list[str]]:
    """Return what the scoring rules look at, and notes on the areas left out."""
    names = {r.id: r.name.split(" (")[0].split(",")[0] for r in kb.regions}
    names.update(SHORT_NAMES)
    notes: list[str] = []
    regions: set[str] = set()
    techniques: dict[str, tuple[set[str], set[str]]] = {}
    gentle_areas: list[str] = []
    for target in dict.fromkeys([*needs.muscles, *needs.regions]):
        muscles = [m for m in kb.muscles if m.id == target]
        covered = muscles[0].regions if muscles else [target]
        label = muscles[0].name if muscles else names[target]
        if any(safety.areas.get(a) == "avoid" for a in [target, *covered]):
            notes.append(f"Left out {label}: the safety check says to avoid it.")
            continue
        if muscles and muscles[0].ball_note:
            notes.append(f"{label}: {muscles[0].ball_note}")
        if muscles and not muscles[0].techniques:
            continue  # the note says what to do instead of a ball
        if not muscles:
            # A region is worked through the muscles lying in it.
            muscles = [m for m in kb.muscles if target in m.regions and m.techniques]
            if not muscles and not any(target in b.best_regions for b in kb.balls):
                notes.append(
                    f"No ball work for {label}: pain there often starts elsewhere "
                    f"(try: knotwork where --region {target})."
                )
                continue
        sizes: set[str] = {
            s for m in muscles for t in m.techniques for s in t.ball_sizes
        }
        densities: set[str] = {
            d for m in muscles for t in m.techniques for d in t.densities
        }
        if sizes:
            techniques[label] = (sizes, densities)
        regions.update(covered)
        if any(safety.areas.get(a) == "modify" for a in [target, *covered]):
            gentle_areas.append(label)
    cautions = [_lower_first(r.name) for r in safety.reasons if r.verdict != "ok"]
    caution = ", ".join(cautions) if cautions else None
    if caution is None and gentle_areas:
        caution = f"the safety check on {', '.join(gentle_areas)}"
    comfort = min(LEVEL[needs.tolerance], LEVEL[needs.experience])
    ctx = ScoringContext(needs, comfort, frozenset(regions), techniques, names, caution)
    return ctx, notes


def _lower_first(name: str) -> str:
    """Lower-case a name's first letter for mid-sentence use, unless an acronym."""
    return name[0].lower() + name[1:] if name[1:2].islower() else name
