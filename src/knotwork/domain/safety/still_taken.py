"""Whether a medicine is taken now, from the words just before its name.

"I'm on Plavix after a stent a few years ago": the date belongs to the stent,
but it shares the medicine's clause, so the medicine read as years ago.
"I'm on", "still on", "I take" before the medicine's name say it goes on;
"I was on", "used to take" say it has ended.
"""

from __future__ import annotations

from collections.abc import Sequence

from knotwork.domain.language.context import Annotation
from knotwork.domain.language.text import Token
from knotwork.domain.safety.mention import Mention

_MEDICINES = frozenset(["anticoag", "antiplatelet", "oral_steroid"])
# Words that, just before a medicine, say it is taken now.
_ON_NOW = frozenset(["i'm", "im", "am", "still", "currently", "now", "also"])
_TAKE_NOW = frozenset(["take", "takes", "taking"])
_ON_BEFORE = frozenset(["was", "were"])
# A thinner's effect ends with it; years of steroid tablets leave thin bones.
_ENDED_WITH_STOPPING = frozenset(["anticoag", "antiplatelet"])
_REACH = 3


def taken_now(mentions: list[Mention], annotation: Annotation) -> list[Mention]:
    """Return the mentions with dated medicines the person is on now made current."""
    if not any(m.concept in _MEDICINES for m in mentions):
        return mentions
    every = annotation.every
    at = {t.word: i for i, t in enumerate(every)}
    out = []
    for m in mentions:
        ctx = m.context
        start = at.get(m.span[0])
        if (
            m.concept in _MEDICINES
            and ctx.certainty == "affirmed"
            and start is not None
        ):
            if ctx.time in ("past", "recent") and _said_as_taken(every, start):
                m = m._replace(context=ctx._replace(time="now", days_ago=None, cue=""))
            elif (
                ctx.time == "now"
                and m.concept in _ENDED_WITH_STOPPING
                and _said_as_ended(every, start)
            ):
                m = m._replace(context=ctx._replace(time="resolved", cue="was on"))
        out.append(m)
    return out


def _said_as_ended(every: Sequence[Token], start: int) -> bool:
    """Whether "I was on" or "used to take" stands just before ``every[start]``."""
    before = [t.raw for t in every[max(start - _REACH, 0) : start]]
    if before[-2:-1] and before[-1] == "on" and before[-2] in _ON_BEFORE:
        return True  # "I was on warfarin", not "I was put on Eliquis"
    return before[-2:] == ["used", "to"] or before[-3:-1] == ["used", "to"]


def _said_as_taken(every: Sequence[Token], start: int) -> bool:
    """Whether "I'm on" or "I take" stands just before ``every[start]``."""
    before = [t.raw for t in every[max(start - _REACH, 0) : start]]
    if before[-1:] == ["on"] and any(w in _ON_NOW for w in before[:-1]):
        return True
    return bool(before[-1:]) and before[-1] in _TAKE_NOW and "i" in before
