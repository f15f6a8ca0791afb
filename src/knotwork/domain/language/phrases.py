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


Table = dict[str, list[tuple[list[str], T]]]
# Per first stem, each phrase length (longest first) with the phrases of that
# length: a position then costs one dict lookup per length instead of one
# comparison per phrase.
Index = dict[str, list[tuple[int, dict[tuple[str, ...], list[T]]]]]


class PhraseMatcher(Generic[T]):
    """Match stemmed phrases contiguously, indexed by their first stem."""

    def __init__(self, index: Index[T]) -> None:
        self._lengths = index

    @classmethod
    def build(cls, entries: Iterable[tuple[Sequence[str], T]]) -> PhraseMatcher[T]:
        """Index phrases by first stem, longest first within each bucket."""
        table: Table[T] = {}
        for key, payload in entries:
            if key:
                table.setdefault(key[0], []).append((list(key), payload))
        index: Index[T] = {}
        for first, bucket in table.items():
            # Sorted so the index, and the cache that keeps it, comes out the
            # same whichever order the knowledge files list the phrases in.
            bucket.sort(key=lambda item: (-len(item[0]), item[0]))
            by_length: dict[int, dict[tuple[str, ...], list[T]]] = {}
            for key, payload in bucket:
                by_length.setdefault(len(key), {}).setdefault(tuple(key), []).append(
                    payload
                )
            index[first] = sorted(by_length.items(), key=lambda x: -x[0])
        return cls(index)

    @property
    def index(self) -> Index[T]:
        """Return the index, for keeping in the derived-tables cache."""
        return self._lengths

    def stems(self) -> set[str]:
        """Return every stem used by any phrase."""
        return {
            s
            for lengths in self._lengths.values()
            for _, phrases in lengths
            for key in phrases
            for s in key
        }

    def find_all(self, tokens: Sequence[Token]) -> list[Match[T]]:
        """Return every phrase occurrence, overlapping ones included."""
        found: list[Match[T]] = []
        stems = [t.stem for t in tokens]
        lengths = self._lengths
        for i, first in enumerate(stems):
            for length, phrases in lengths.get(first, ()):
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
        lengths = self._lengths
        i = 0
        while i < len(stems):
            step = 1
            for length, phrases in lengths.get(stems[i], ()):
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
