"""A medicine the person says they are on is taken now, whatever the clause dates.

"I'm on Plavix after a stent a few years ago": the date belongs to the stent,
but it shares the medicine's clause, so the medicine read as years ago.
"I'm on", "still on", "I take" before the medicine's name say it goes on.
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
            and ctx.time in ("past", "recent")
            and ctx.certainty == "affirmed"
            and start is not None
            and _said_as_taken(every, start)
        ):
            m = m._replace(context=ctx._replace(time="now", days_ago=None, cue=""))
        out.append(m)
    return out


def _said_as_taken(every: Sequence[Token], start: int) -> bool:
    """Whether "I'm on" or "I take" stands just before ``every[start]``."""
    before = [t.raw for t in every[max(start - _REACH, 0) : start]]
    if before[-1:] == ["on"] and any(w in _ON_NOW for w in before[:-1]):
        return True
    return bool(before[-1:]) and before[-1] in _TAKE_NOW and "i" in before
