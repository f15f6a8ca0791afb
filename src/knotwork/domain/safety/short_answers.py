"""A question the writer asks and answers at once, as on a form.

"Dizzy spells? None. Headaches? Nope.": each short question names a sign, and
the sentence after it that only says no denies it, as "no dizzy spells"
would. "Weakness? A little in my grip." answers yes: the sign is there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from knotwork.domain.language.context import Annotation
    from knotwork.domain.safety.mention import Mention

# Sentences that are a plain "no" and nothing else.
_NO_ANSWERS = frozenset(
    [("none",), ("nope",), ("no",), ("nah",), ("never",), ("negative",), ("nil",)]
    + [("not", "really"), ("not", "at", "all"), ("zero",), ("no", "way")]
    + [("none", "at", "all"), ("not", "once"), ("no", "no"), ("nothing",)]
    + [("none", "whatsoever"), ("no", "never"), ("never", "had", "any")]
    + [("never", "had", "one"), ("never", "had", "it"), ("never", "have")]
    + [("not", "ever"), ("none", "ever")]
)


# How a sentence that says yes opens.
_YES_OPENINGS = frozenset(
    [("yes",), ("yeah",), ("yep",), ("yup",), ("sometimes",), ("occasionally",)]
    + [("a", "little"), ("a", "bit"), ("a", "lot"), ("some",), ("slightly",)]
    + [("definitely",), ("constantly",), ("often",), ("every",), ("daily",)]
)


def short_answers(mentions: list[Mention], annotation: Annotation) -> list[Mention]:
    """Settle what a question names by the short answer that follows it."""
    words: dict[int, list[str]] = {}
    asks: set[int] = set()
    for t in annotation.every:
        words.setdefault(t.sentence, []).append(t.raw)
        if t.asks:
            asks.add(t.sentence)
    denied = {s for s in asks if tuple(words.get(s + 1, ())) in _NO_ANSWERS}
    confirmed = {
        s
        for s in asks
        if s + 1 not in asks
        and any(tuple(words.get(s + 1, ())[:k]) in _YES_OPENINGS for k in (1, 2))
    }
    if not (denied or confirmed):
        return mentions
    out = []
    for m in mentions:
        ctx = m.context
        if m.sentence in denied:
            m = m._replace(context=ctx._replace(certainty="negated", cue="answered no"))
        elif m.sentence in confirmed and ctx.certainty == "question":
            m = m._replace(context=ctx._replace(certainty="affirmed", cue=""))
        elif m.sentence - 1 in confirmed:
            # "Weakness? A little in my grip.": the answer goes on with the
            # question, so the grip is where the weakness is.
            m = m._replace(sentence=m.sentence - 1)
        out.append(m)
    return out
