"""Numb as a feeling, not a sensation: "we lost the derby and I'm numb".

A person who tells of an event and then says they are numb, with no part of
the body in that sentence and nothing after "numb" in its clause, speaks of
shock or grief. "I'm numb down my left side" or "my foot's numb" names where,
and a bare "I'm numb." tells of no event: both stay a sign.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from knotwork.domain.language.context import Context

if TYPE_CHECKING:
    from collections.abc import Sequence

    from knotwork.domain.language.context import Annotation
    from knotwork.domain.language.text import Token
    from knotwork.domain.language.understanding import Reader
    from knotwork.domain.safety.mention import Mention

# How a person says they themselves are numb: "I'm numb", "I just feel numb".
_I_AM = frozenset(["i'm", "im", "am", "feel", "felt", "feeling", "just", "totally"])
_NUMB = frozenset(["numb"])
# Words of an event told before "I'm numb" in its sentence.
_EVENT_WORDS = 3


def numb_with_feeling(
    mentions: list[Mention], annotation: Annotation, reader: Reader
) -> list[Mention]:
    """Mark as a figure of speech a bare "I'm numb" with no body part near it."""
    every = annotation.every
    at = {t.word: i for i, t in enumerate(every)}
    out = []
    for m in mentions:
        i = at.get(m.span[0], -1)
        if m.words in _NUMB and i > 0 and _bare(every, i, reader):
            m = m._replace(context=Context(sense="figurative", cue="numb (a feeling)"))
        out.append(m)
    return out


def _bare(every: Sequence[Token], i: int, reader: Reader) -> bool:
    """Whether "numb" at ``i`` follows "I'm" and ends its clause, with no place."""
    if every[i - 1].raw not in _I_AM:
        return False
    told = every[max(i - 1 - _EVENT_WORDS, 0) : i - 1]
    if sum(t.sentence == every[i].sentence for t in told) < _EVENT_WORDS:
        return False  # "I'm numb." alone tells of no event
    if i + 1 < len(every) and every[i + 1].clause == every[i].clause:
        return False  # "I'm numb down my left side"
    sentence = " ".join(t.raw for t in every if t.sentence == every[i].sentence)
    read = reader.read(sentence)
    return not (read.regions or read.muscles)
