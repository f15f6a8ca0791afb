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


def _starts(every: Sequence[Token], i: int, cue: tuple[str, ...]) -> bool:
    """Whether ``cue`` is written from ``every[i]`` on."""
    if i + len(cue) > len(every):
        return False
    return all(every[i + k].raw == word for k, word in enumerate(cue))


def _cues(every: Sequence[Token]) -> tuple[list[Token], list[Token]]:
    """Return where a taking-back cue and a moving-to-the-past cue begin."""
    taken: list[Token] = []
    past: list[Token] = []
    n = len(every)
    for i, t in enumerate(every):
        raw = t.raw
        # Most words open no cue: one dictionary look each.
        told = i and every[i - 1].raw in _TELLING
        if not told and any(
            _starts(every, i, cue) for cue in _TAKEN_BY_FIRST.get(raw, ())
        ):
            taken.append(t)
        elif raw in _PAST_FIRST and (
            _opens_with_was(every, i)
            or any(_starts(every, i, cue) for cue in _NOW_PAST)
        ):
            past.append(t)
        elif (
            raw == "i"
            and _starts(every, i, _I_MEAN)
            # "...in the post tomorrow, I mean": only where it ends its clause.
            and (i + 2 >= n or every[i + 2].clause != t.clause)
        ):
            taken.append(t)
    return taken, past


_TAKEN_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _cue in _TAKEN_BACK:
    _TAKEN_BY_FIRST.setdefault(_cue[0], []).append(_cue)
_PAST_FIRST = frozenset(["or", "well", "was", "were"])
# "I said 'fork' when I meant 'door'": the slip is told, not corrected.
_TELLING = frozenset(["when", "what", "than", "as", "while", "whatever"])


def taken_back(mentions: list[Mention], annotation: Annotation) -> list[Mention]:
    """Set aside what a later correction takes back, and date what it makes past."""
    taken, past = _cues(annotation.every)
    if not taken and not past:
        return mentions
    sentence_of = {t.word: t.sentence for t in annotation.every}
    # The last cue word in each sentence: a mention is taken back by a cue
    # later in its own sentence or anywhere in the next, so one look each.
    last_taken = _last_word_by_sentence(taken)
    last_past = _last_word_by_sentence(past)

    def before(m: Mention, last_cue: dict[int, int]) -> bool:
        first, last = m.span
        sentence = sentence_of.get(first, -1)
        if first < 0:
            return False
        return last < last_cue.get(sentence, -1) or sentence + 1 in last_cue

    out = []
    for m in mentions:
        ctx = m.context
        if before(m, last_taken):
            m = m._replace(context=ctx._replace(certainty="negated", cue="taken back"))
        elif before(m, last_past) and ctx.time == "now":
            m = m._replace(context=ctx._replace(time="resolved", cue="or was"))
        out.append(m)
    return out


def _last_word_by_sentence(cues: list[Token]) -> dict[int, int]:
    last: dict[int, int] = {}
    for cue in cues:
        last[cue.sentence] = max(last.get(cue.sentence, -1), cue.word)
    return last
