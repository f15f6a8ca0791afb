"""A later correction takes back what was said before it.

"I was on warfarin after a clot. Wait, no, I misspoke, it was my husband"
and "Chest pain on the stairs, that's the character in my novel": what comes
before the correction, in its sentence or the one before, is taken back;
what the correction goes on to say still counts. "I'm on blood thinners. Or
was, they stopped them" makes what came before a thing of the past.
"""

from __future__ import annotations

from collections.abc import Sequence

from knotwork.domain.language.context import Annotation
from knotwork.domain.language.text import Token
from knotwork.domain.safety.mention import Mention

# Words that take back what was just said.
_TAKEN_BACK = tuple(
    tuple(cue.split())
    for cue in (
        "i misspoke",
        "misspoke",
        "i misheard",
        "misheard",
        "wait no",
        "i meant",
        "scratch that",
        "ignore that",
        "that's the character",
        "that's a character",
        "the character in",
        "that's what i wrote",
        "what i wrote in",
        "that was me typing",
        "sorry that was me",
        "sorry that was my",
        "sorry that's my",
        "actually it's only",
        "actually it was only",
        "well technically",
        "was a typo",
        "autocorrect",
        "only joking",
        "just joking",
        "i'm joking",
        "i was joking",
    )
)
# Words that move what was just said into the past.
_NOW_PAST = (("or", "was"), ("or", "rather", "was"), ("well", "was"))
# "...in the post tomorrow, I mean": "I mean" that ends its clause corrects.
_I_MEAN = ("i", "mean")


def _opens_with_was(every: Sequence[Token], i: int) -> bool:
    """Whether "was" alone opens a sentence: "Or was, they stopped them".

    The tokenizer drops "or", so the sentence's own first word is "was"; a
    comma must follow, or "Was wondering if..." would count.
    """
    t = every[i]
    if t.raw not in ("was", "were") or i == 0 or every[i - 1].sentence == t.sentence:
        return False
    return i + 1 < len(every) and every[i + 1].clause != t.clause


def _cues(every: Sequence[Token]) -> tuple[list[Token], list[Token]]:
    """Return where a taking-back cue and a moving-to-the-past cue begin."""
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for cue in _TAKEN_BACK:
        by_first.setdefault(cue[0], []).append(cue)
    taken: list[Token] = []
    past: list[Token] = []
    n = len(every)
    for i, t in enumerate(every):
        ahead = tuple(w.raw for w in every[i : i + 5])
        if any(ahead[: len(cue)] == cue for cue in by_first.get(t.raw, ())):
            taken.append(t)
        elif any(ahead[: len(cue)] == cue for cue in _NOW_PAST) or _opens_with_was(
            every, i
        ):
            past.append(t)
        elif ahead[:2] == _I_MEAN:
            ends = i + 2 >= n or every[i + 2].clause != t.clause
            if ends:
                taken.append(t)
    return taken, past


def taken_back(mentions: list[Mention], annotation: Annotation) -> list[Mention]:
    """Set aside what a later correction takes back, and date what it makes past."""
    taken, past = _cues(annotation.every)
    if not taken and not past:
        return mentions
    sentence_of = {t.word: t.sentence for t in annotation.every}

    def before(m: Mention, cue: Token) -> bool:
        first, last = m.span
        if first < 0 or last >= cue.word:
            return False
        return sentence_of.get(first, -1) in (cue.sentence, cue.sentence - 1)

    out = []
    for m in mentions:
        ctx = m.context
        if any(before(m, cue) for cue in taken):
            m = m._replace(context=ctx._replace(certainty="negated", cue="taken back"))
        elif any(before(m, cue) for cue in past) and ctx.time == "now":
            m = m._replace(context=ctx._replace(time="resolved", cue="or was"))
        out.append(m)
    return out
