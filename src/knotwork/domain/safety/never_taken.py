"""A prescription never taken: "the GP gave me blood thinners... I never took one".

A medicine named in one sentence and said in that sentence or the next never
to have been taken ("never took a single one", "never picked it up") is not
a medicine the person is on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from knotwork.domain.language.context import Annotation
    from knotwork.domain.safety.mention import Mention

_MEDICINES = frozenset(["anticoag", "antiplatelet", "oral_steroid", "cancer_drug"])
# "Never took", "never picked it up": in the past only, for "I never take it
# with food" is how one takes it, and "didn't take it yesterday" is one dose.
_NEVER_DID = frozenset(["took", "started", "picked", "collected", "filled"])


def never_taken(mentions: list[Mention], annotation: Annotation) -> list[Mention]:
    """Mark as ruled out a medicine the text says was never taken."""
    if not any(m.concept in _MEDICINES for m in mentions):
        return mentions
    every = annotation.every
    refused: set[int] = set()  # sentences that say a medicine was never taken
    for a, b in zip(every, every[1:], strict=False):
        if a.raw == "never" and b.raw in _NEVER_DID and a.sentence == b.sentence:
            refused.add(a.sentence)
    if not refused:
        return mentions
    out = []
    for m in mentions:
        said = m.concept in _MEDICINES and m.context.certainty == "affirmed"
        if said and (m.sentence in refused or m.sentence + 1 in refused):
            m = m._replace(
                context=m.context._replace(certainty="negated", cue="never taken")
            )
        out.append(m)
    return out
