"""What a later sentence denies in the present is over where it was said before.

And one illness is one: a fever said to be over anywhere is the same fever
named earlier ("had flu last week, the fever went 5 days ago").
"""

from __future__ import annotations

from knotwork.domain.language.context import Annotation
from knotwork.domain.safety.mention import Mention

# Words that put a denial in the present: "not dizzy at all now".
_NOW_WORDS = frozenset(["now", "anymore", "nowadays", "today"])
# Concepts whose mentions in one message are one and the same illness.
_ONE_ILLNESS = frozenset(["fever"])


def denied_now(mentions: list[Mention], annotation: Annotation) -> list[Mention]:
    """Mark as over what a later sentence denies in the present.

    "Room spinning for a few days last month... Not dizzy at all now": the
    earlier mention is over. Signs that count even when passed (a face that
    drooped) still count, as for any sign that is over.
    """
    now = {t.sentence for t in annotation.every if t.raw in _NOW_WORDS}
    denied: dict[str, tuple[int, str]] = {}
    for m in mentions:
        if m.context.certainty == "negated" and m.sentence in now:
            denied.setdefault(m.concept, (m.sentence, m.words))
    for m in mentions:
        over = m.context.time == "resolved" and not m.context.set_aside_because(
            resolved_counts=True
        )
        if m.concept in _ONE_ILLNESS and over:
            # Said over in the same sentence or later: the same illness.
            denied[m.concept] = (m.sentence + 1, m.words)
    if not denied:
        return mentions
    out = []
    for m in mentions:
        ctx = m.context
        later = denied.get(m.concept)
        if (
            later
            and later[0] > m.sentence
            and ctx.certainty == "affirmed"
            and ctx.time in ("now", "recent", "past")
        ):
            cue = (
                f"the {later[1]} passed"
                if m.concept in _ONE_ILLNESS
                else f"not {later[1]} now"
            )
            m = m._replace(context=ctx._replace(time="resolved", cue=cue))
        out.append(m)
    return out
