"""Both sides, then one: "both legs were sore but now my left calf is fatter".

"Both sides the same" calms a calf that looks swollen, because a clot
swells one leg. When the same sentence turns ("but", "though") to one side
alone, the two legs are no longer alike: the "both" is what was, not what is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from knotwork.domain.language.context import Annotation
    from knotwork.domain.safety.mention import Mention

_ONE_SIDE = frozenset(["left", "right", "one", "l", "r"])


def one_side_now(mentions: list[Mention], annotation: Annotation) -> list[Mention]:
    """Drop a "both sides" mention that a later turn narrows to one swollen side."""
    if not any(m.concept == "bilateral" for m in mentions):
        return mentions
    clause_of: dict[int, tuple[int, int]] = {}
    one_side: set[tuple[int, int]] = set()  # turned clauses that name one side
    for t in annotation.every:
        clause_of[t.word] = (t.sentence, t.clause)
        if t.turns and t.raw in _ONE_SIDE:
            one_side.add((t.sentence, t.clause))
    # The first turned one-side clause of each sentence that also tells of a
    # change a clot makes: "the right one is the tighter" is no such change.
    narrowed: dict[int, int] = {}
    for m in mentions:
        where = clause_of.get(m.span[0])
        affirmed = m.context.certainty == "affirmed"
        if m.concept in _CHANGES and affirmed and where in one_side:
            narrowed[where[0]] = min(where[1], narrowed.get(where[0], where[1]))
    out = []
    for m in mentions:
        where = clause_of.get(m.span[1])
        if (
            m.concept == "bilateral"
            and where is not None
            and narrowed.get(where[0], -1) > where[1]
        ):
            continue  # the two sides are no longer alike
        out.append(m)
    return out


_CHANGES = frozenset(["swell", "warm_red"])
