"""A safety concept found in a text: which, where, in which words, in what context."""

from __future__ import annotations

from typing import NamedTuple

from knotwork.domain.language.context import Context


class Mention(NamedTuple):
    """One concept found in the text, where, in which words and in what context."""

    concept: str
    sentence: int
    words: str
    context: Context
    # The first and last word of the mention in the text (-1 when not from it).
    span: tuple[int, int] = (-1, -1)
