"""A later correction takes back what was said before it.

"I was on warfarin after a clot. Wait, no, I misspoke, it was my husband"
and "Chest pain on the stairs, that's the character in my novel": what comes
before the correction, in its sentence or the one before, is taken back;
what the correction goes on to say still counts. "I'm on blood thinners. Or
was, they stopped them" makes what came before a thing of the past.
"""

from __future__ import annotations

from collections.abc import Sequence

from knotwork.domain.language.ages import PEOPLE_NOUNS
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


def _names_whom(every: Sequence[Token], i: int) -> bool:
    """Whether "I mean" at ``i`` follows "my partner" or the like: who, not what."""
    before = [t.raw for t in every[max(i - 2, 0) : i]]
    return len(before) == 2 and before[0] == "my" and before[1] in _WHOM


_WHOM = PEOPLE_NOUNS | {"partner", "son", "daughter", "brother", "sister", "mate"}


def _starts(every: Sequence[Token], i: int, cue: tuple[str, ...]) -> bool:
    """Whether ``cue`` is written from ``every[i]`` on."""
    if i + len(cue) > len(every):
        return False
    return all(every[i + k].raw == word for k, word in enumerate(cue))


def _cues(every: Sequence[Token]) -> tuple[list[Token], list[Token], list[Token]]:
    """Return where a taking-back cue and a moving-to-the-past cue begin.

    The third list holds corrections that take back only what came before
    them in their own sentence.
    """
    taken: list[Token] = []
    past: list[Token] = []
    here: list[Token] = []
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
        elif raw == "i" and _starts(every, i, _I_MEAN):
            end = i + 2
            while end < n and every[end].raw in _LAUGHS:
                end += 1  # "weak willpower I mean lol -"
            if i == 0 or every[i - 1].sentence != t.sentence:
                # "My leg's gone weak. I mean, I can barely lift it" says more;
                # "I'm on warfarin. I mean, my mum is" hands it to another.
                if _someone_after(every, i):
                    taken.append(t)
            elif _names_whom(every, i):
                pass  # "He's on steroids (my partner, I mean)": says who he is
            elif end >= n or every[end].clause != t.clause:
                taken.append(t)  # "...in the post tomorrow, I mean"
            elif _corrects_here(every, i):
                here.append(t)
    return taken, past, here


# Words around a mid-sentence "I mean" that mark it as a correction: an
# apology before it ("- sorry, I mean"), or another person after it ("I'm on
# warfarin - I mean my dad is"). "Swollen - I mean really swollen" is neither.
_SORRY = frozenset(["sorry", "no", "oops", "whoops", "er", "erm", "um", "uh", "sry"])
_LAUGHS = frozenset(["lol", "haha", "lmao", "jk", "ha", "hah"])
_REACH_AFTER = 3


def _corrects_here(every: Sequence[Token], i: int) -> bool:
    """Whether "I mean" within a sentence takes back what came before it."""
    t = every[i]
    if i == 0 or every[i - 1].sentence != t.sentence:
        return False  # "I mean, my arm is numb" opens a sentence: no correction
    if every[i - 1].raw in _SORRY or (i > 1 and every[i - 2].raw in _SORRY):
        return True
    return _someone_after(every, i)


def _someone_after(every: Sequence[Token], i: int) -> bool:
    """Whether another person is named just after "I mean" at ``i``."""
    after = every[i + 2 : i + 2 + _REACH_AFTER]
    return any(w.raw in PEOPLE_NOUNS or w.raw in _KIN for w in after)


_KIN = frozenset(
    ["son", "daughter", "sister", "brother", "partner", "gran", "nan", "grandpa"]
    + ["boyfriend", "girlfriend", "hubby", "mate", "boss", "uncle", "aunt", "auntie"]
)


_TAKEN_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _cue in _TAKEN_BACK:
    _TAKEN_BY_FIRST.setdefault(_cue[0], []).append(_cue)
_PAST_FIRST = frozenset(["or", "well", "was", "were"])
# "I said 'fork' when I meant 'door'": the slip is told, not corrected.
_TELLING = frozenset(["when", "what", "than", "as", "while", "whatever"])


def taken_back(mentions: list[Mention], annotation: Annotation) -> list[Mention]:
    """Set aside what a later correction takes back, and date what it makes past."""
    taken, past, here = _cues(annotation.every)
    if not taken and not past and not here:
        return mentions
    sentence_of = {t.word: t.sentence for t in annotation.every}
    # The last cue word in each sentence: a mention is taken back by a cue
    # later in its own sentence or anywhere in the next, so one look each.
    last_taken = _last_word_by_sentence(taken)
    last_past = _last_word_by_sentence(past)
    last_here = _last_word_by_sentence(here)

    def before(m: Mention, last_cue: dict[int, int]) -> bool:
        first, last = m.span
        sentence = sentence_of.get(first, -1)
        if first < 0:
            return False
        return last < last_cue.get(sentence, -1) or sentence + 1 in last_cue

    out = []
    for m in mentions:
        ctx = m.context
        first_word, last_word = m.span
        here_cue = last_here.get(sentence_of.get(first_word, -1), -1)
        if before(m, last_taken) or (first_word >= 0 and last_word < here_cue):
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
