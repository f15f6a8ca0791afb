"""A denial that the same sentence takes back: the exception, the condition, the claim.

"Never had a blood clot, apart from the one in my lung": the exception names
one. "I'm not dizzy sitting still, only when I turn my head": the sign is
there, under a condition. "My mum doesn't have osteoporosis, I do": the
person claims it for themselves. Each of these undoes the denial before it,
so the mention counts as the person's own.
"""

from __future__ import annotations

from collections.abc import Sequence

from knotwork.domain.language.context import Annotation
from knotwork.domain.language.denial import NEGATORS
from knotwork.domain.language.text import Token
from knotwork.domain.safety.mention import Mention

# Two-word openings of an exception: "apart from the one in my lung".
_EXCEPTIONS = frozenset(
    [("apart", "from"), ("aside", "from"), ("other", "than"), ("save", "for")]
    + [("only", "when"), ("only", "if"), ("only", "on"), ("only", "while")]
    + [("just", "when"), ("only", "after"), ("except", "when")]
)
# "...nothing to worry about, but they're there": the thing itself is still there.
_STILL_THERE = frozenset(
    [("they're", "there"), ("it's", "there"), ("still", "there"), ("are", "there")]
    + [("is", "there"), ("theyre", "there"), ("its", "there")]
)
# A clause that claims what was just denied of someone else: ", I do,".
_CLAIMS = frozenset(
    [("i", "do"), ("i", "did"), ("i", "have"), ("i", "am"), ("mine", "does")]
    + [("i", "have", "it"), ("i", "am", "the", "one")]
)
_REACH = 12


def denials_undone(mentions: list[Mention], annotation: Annotation) -> list[Mention]:
    """Return the mentions with denials their own sentence undoes made affirmed."""
    every = annotation.every
    if not any(
        m.context.certainty == "negated" or m.context.subject == "other"
        for m in mentions
    ):
        return mentions
    position = {t.word: k for k, t in enumerate(every)}
    out = []
    for m in mentions:
        ctx = m.context
        last = position.get(m.span[1], -1)
        if last >= 0 and ctx.certainty == "negated" and _excepted(every, last):
            m = m._replace(
                context=ctx._replace(certainty="affirmed", cue="an exception")
            )
        elif last >= 0 and ctx.subject == "other" and _claimed(every, last):
            m = m._replace(
                context=ctx._replace(subject="self", certainty="affirmed", cue="I do")
            )
        out.append(m)
    return out


def _excepted(every: Sequence[Token], last: int) -> bool:
    """Whether an exception follows the mention ending at ``last`` in its sentence."""
    sentence = every[last].sentence
    ahead = every[last + 1 : last + 1 + _REACH]
    pairs = [
        (t.raw, ahead[k + 1].raw)
        for k, t in enumerate(ahead[:-1])
        if t.sentence == sentence and ahead[k + 1].sentence == sentence
    ]
    if any(pair in _STILL_THERE for pair in pairs):
        return True  # "nothing to worry about, but they're there"
    for t, pair in zip(ahead, pairs, strict=False):
        if t.raw in NEGATORS:
            # "No cancer, no meds apart from paracetamol": a new denial
            # starts another item, and the exception is that item's.
            return False
        if pair in _EXCEPTIONS:
            return True
    return False


def _claimed(every: Sequence[Token], last: int) -> bool:
    """Whether the next clause is only the person claiming it: ", I do,"."""
    t = every[last]
    nxt = [x for x in every[last + 1 : last + 6] if x.sentence == t.sentence]
    if not nxt or nxt[0].clause == t.clause:
        return False
    clause = [x.raw for x in nxt if x.clause == nxt[0].clause]
    return tuple(clause) in _CLAIMS
