"""Find lexicon phrases in a token stream."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Generic, NamedTuple, TypeVar

from knotwork.domain.language.text import Token

T = TypeVar("T")


class Match(NamedTuple, Generic[T]):
    """A phrase found at ``tokens[start:end]``.

    A tuple, not a dataclass: a long text yields tens of thousands of them.
    """

    start: int
    end: int
    payload: T
    negated: bool


# Two flat tables: the phrase lengths that start with each stem (longest
# first), and every phrase's payloads by its stem tuple. A position costs one
# dict lookup per length, and the tables hold few containers, so reading them
# back from the derived-tables cache is quick.
Lengths = dict[str, tuple[int, ...]]
Phrases = dict[tuple[str, ...], tuple[T, ...]]
Index = tuple[Lengths, Phrases[T]]


class PhraseMatcher(Generic[T]):
    """Match stemmed phrases contiguously, indexed by their first stem."""

    def __init__(self, index: Index[T]) -> None:
        self._starts, self._phrases = index

    @classmethod
    def build(cls, entries: Iterable[tuple[Sequence[str], T]]) -> PhraseMatcher[T]:
        """Index phrases by first stem, longest first within each first stem."""
        collected: dict[tuple[str, ...], list[T]] = {}
        for key, payload in entries:
            if key:
                collected.setdefault(tuple(key), []).append(payload)
        # Equal payloads and equal length lists are one object each, so the
        # cache stores them once and reads them back once.
        shared: dict[object, object] = {}

        def one(value: tuple[object, ...]) -> object:
            try:
                return shared.setdefault(value, value)
            except TypeError:  # a payload that cannot be hashed (a dict)
                return value

        # Sorted so the index, and the cache that keeps it, comes out the same
        # whichever order the knowledge files list the phrases in.
        phrases: Phrases[T] = {
            key: one(tuple(collected[key]))  # type: ignore[misc]
            for key in sorted(collected)
        }
        by_first: dict[str, set[int]] = {}
        for key in phrases:
            by_first.setdefault(key[0], set()).add(len(key))
        starts: Lengths = {
            first: one(tuple(sorted(lengths, reverse=True)))  # type: ignore[misc]
            for first, lengths in sorted(by_first.items())
        }
        return cls((starts, phrases))

    @property
    def index(self) -> Index[T]:
        """Return the index, for keeping in the derived-tables cache."""
        return self._starts, self._phrases

    def stems(self) -> set[str]:
        """Return every stem used by any phrase."""
        return {s for key in self._phrases for s in key}

    def phrases(self) -> Phrases[T]:
        """Return every phrase's payloads by its stem tuple."""
        return self._phrases

    def find_all(self, tokens: Sequence[Token]) -> list[Match[T]]:
        """Return every phrase occurrence, overlapping ones included."""
        found: list[Match[T]] = []
        stems = [t.stem for t in tokens]
        starts, phrases = self._starts, self._phrases
        n = len(stems)
        for i, first in enumerate(stems):
            for length in starts.get(first, ()):
                if i + length > n:
                    continue  # a cut-short slice could equal a shorter phrase
                payloads = phrases.get(tuple(stems[i : i + length]))
                if payloads:
                    negated = tokens[i].negated
                    for p in payloads:
                        found.append(Match(i, i + length, p, negated))
        return found

    def find_longest(
        self, tokens: Sequence[Token], within_clause: bool = False
    ) -> list[Match[T]]:
        """Return leftmost-longest matches; a token belongs to at most one.

        ``within_clause`` refuses a match that runs over a clause boundary, so
        "I wonder, if I got pregnant" leaves "if I got" to be found instead of
        a "wonder if" that spans the comma.
        """
        found: list[Match[T]] = []
        stems = [t.stem for t in tokens]
        starts, phrases = self._starts, self._phrases
        n = len(stems)
        i = 0
        while i < n:
            step = 1
            for length in starts.get(stems[i], ()):
                if i + length > n:
                    continue  # a cut-short slice could equal a shorter phrase
                payloads = phrases.get(tuple(stems[i : i + length]))
                if (
                    payloads
                    and within_clause
                    and tokens[i].clause
                    != tokens[min(i + length, len(tokens)) - 1].clause
                ):
                    continue
                if payloads:
                    negated = tokens[i].negated
                    for p in payloads:
                        found.append(Match(i, i + length, p, negated))
                    step = length
                    break
            i += step
        return found
