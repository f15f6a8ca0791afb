"""What a later sentence denies in the present is over where it was said before."""

from __future__ import annotations

from knotwork.domain.language.context import Annotation
from knotwork.domain.safety.mention import Mention

# Words that put a denial in the present: "not dizzy at all now".
_NOW_WORDS = frozenset(["now", "anymore", "nowadays", "today"])


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
            m = m._replace(
                context=ctx._replace(time="resolved", cue=f"not {later[1]} now")
            )
        out.append(m)
    return out
