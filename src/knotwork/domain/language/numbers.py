"""Numbers written as words or digits: "two", "a couple", "12", "seventy two"."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from knotwork.domain.language.text import Token

UNITS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
}
TEENS = {
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
# Exact number words, one word each.
_EXACT = {**UNITS, **TEENS, **TENS}
# Counts people give loosely ("a couple of days", "a few weeks"): near enough
# for a duration, never for an age.
_LOOSE = {"a": 1, "an": 1, "couple": 2, "few": 3, "several": 6}


def exact_number(word: str) -> int | None:
    """Read one word that names a number exactly: "12" or "twelve"."""
    if word.isdigit() and len(word) <= 4:
        return int(word)
    return _EXACT.get(word)


def word_number(word: str) -> int | None:
    """Read one word as a count, loose counts included ("a few" is 3)."""
    return _LOOSE.get(word, exact_number(word))


def spoken_number(tokens: Sequence[Token], i: int) -> tuple[int, int] | None:
    """Read a number at ``i`` in digits or words ("72", "seventy two", "eight").

    Returns (value, index of its last token).
    """
    raw = tokens[i].raw
    if raw.isdigit() and len(raw) <= 3:
        return int(raw), i
    if raw in TENS:
        nxt = tokens[i + 1].raw if i + 1 < len(tokens) else ""
        if nxt in UNITS and tokens[i + 1].sentence == tokens[i].sentence:
            return TENS[raw] + UNITS[nxt], i + 1
        return TENS[raw], i
    if raw in _EXACT:
        return _EXACT[raw], i
    return None
