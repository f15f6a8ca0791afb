"""A clinician's clearance said in the text, and what it clears.

"The surgeon has cleared me for massage", or "my physio said ball work on my
upper back is fine": a clinician, a permission and massage or ball work, in
one sentence. What that sentence, and the one before it, tell of is cleared,
as a clearance in the profile would be.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping

from knotwork.domain.language.denial import NEGATORS
from knotwork.domain.safety.mention import Mention
from knotwork.domain.safety.rules import SetAsideFlag
from knotwork.kb.models import Condition, KnowledgeBase

_CLEARING = frozenset(["clinician", "clinician_cleared", "massage_word"])
# Marks that the text holds a clinician's clearance at all (not a flag id).
ANY_CLEARANCE = "*"
# Why a condition was set aside that a clearance shows still matters: a
# hamstring tear three months ago that a physio has just cleared for ball work
# is healing tissue, worked gently.
_HEALING = ("too long ago", "already over", "in the past")
_NO_TURN = 1 << 30
# What a clinician clears is often told just after the clearance: "My physio
# has cleared me for the ball. The hip replacement was four months ago."
_HEALING_AFTER = frozenset(
    ["recent_surgery", "acute_injury", "recent_injection", "recent_whiplash"]
)


def cleared_in_text(
    mentions: list[Mention],
    sources: Mapping[str, tuple[Mention, ...]],
    stated: set[str],
    turns: list[tuple[int, int]],
    asking: Collection[int] = (),
) -> set[str]:
    """Return the flags a clinician in the text clears for ball work.

    "The surgeon has cleared me for massage", or "my physio said ball work on
    my upper back is fine": a clinician, a permission and massage or ball
    work, all in one sentence and none of them denied or someone else's. It
    clears what that sentence and the one before it say, up to where the
    sentence turns after the clearance: "... is fine for massage now, but
    where I had a spinal fusion" does not clear the fusion.
    """
    said: dict[str, list[Mention]] = {}
    for m in mentions:
        ctx = m.context
        if m.concept in _CLEARING and ctx.certainty == "negated":
            # "The physio said massage is fine" reads as a denial of the
            # massage and the physio: only a plain "no massage" denies them.
            denied = ctx.cue.split()[:1] and ctx.cue.split()[0] in NEGATORS
            ctx = ctx if denied else ctx._replace(certainty="affirmed")
        # When is no matter here: "said massage is fine now" clears now.
        if not ctx.set_aside_because(history=True):
            said.setdefault(m.concept, []).append(m)

    def sentences(concept: str) -> set[int]:
        return {m.sentence for m in said.get(concept, ())}

    clearing = sentences("clinician") & (
        sentences("clinician_cleared")
        | (sentences("permission") & sentences("massage_word"))
    )
    # "The GP injected my hip on Monday - fine to roll around it?" asks for
    # the permission; it is not one a clinician gave.
    clearing -= set(asking)
    if not clearing:
        return set()
    cleared: set[str] = {ANY_CLEARANCE}
    # Where each clearing sentence's clearance ends, by word.
    ends = {
        s: max(
            m.span[1]
            for c in ("clinician_cleared", "permission")
            for m in said.get(c, ())
            if m.sentence == s
        )
        for s in clearing
    }
    # Where each clearing sentence turns after its clearance, if it does.
    turn_at = dict.fromkeys(clearing, _NO_TURN)
    for word, s in turns:
        if s in ends and ends[s] < word < turn_at[s]:
            turn_at[s] = word
    for flag, found_by in sources.items():
        # Derived mentions ("22 weeks" read as from 20 weeks) keep their sentence.
        said_in_text = [m for m in found_by if m.sentence >= 0]
        if flag in stated or not said_in_text:
            continue
        if all(
            m.sentence + 1 in clearing
            or (m.sentence in clearing and m.span[0] < turn_at[m.sentence])
            or (flag in _HEALING_AFTER and m.sentence - 1 in clearing)
            for m in said_in_text
        ):
            cleared.add(flag)
    return cleared


def still_healing(
    kb: KnowledgeBase, set_aside: Iterable[SetAsideFlag], found: Mapping[str, str]
) -> list[tuple[Condition, str]]:
    """Return the conditions a clearance shows still heal, with what was said.

    "A hamstring tear three months ago that my physio has just cleared": the
    tear is set aside as past, but the clearance says it is healing tissue,
    to be worked gently at the condition's cleared verdict.
    """
    healing = []
    for a in set_aside:
        info = kb.flag(a.id)
        if a.id in found or not isinstance(info, Condition):
            continue
        if a.because.startswith(_HEALING):
            healing.append((info, a.matched))
    return healing
