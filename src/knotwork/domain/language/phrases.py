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


class PhraseMatcher(Generic[T]):
    """Match stemmed phrases contiguously, indexed by their first stem."""

    def __init__(self, table: Table[T]) -> None:
        self._by_first = table
        # For matching: per first stem, each phrase length (longest first) with
        # the phrases of that length, so a position costs one dict lookup per
        # length instead of one comparison per phrase.
        self._lengths: dict[str, list[tuple[int, dict[tuple[str, ...], list[T]]]]] = {}
        for first, bucket in table.items():
            by_length: dict[int, dict[tuple[str, ...], list[T]]] = {}
            for key, payload in bucket:
                by_length.setdefault(len(key), {}).setdefault(tuple(key), []).append(
                    payload
                )
            self._lengths[first] = sorted(by_length.items(), key=lambda x: -x[0])

    @classmethod
    def build(cls, entries: Iterable[tuple[Sequence[str], T]]) -> PhraseMatcher[T]:
        """Index phrases by first stem, longest first within each bucket."""
        table: Table[T] = {}
        for key, payload in entries:
            if key:
                table.setdefault(key[0], []).append((list(key), payload))
        for bucket in table.values():
            bucket.sort(key=lambda item: (-len(item[0]), item[0]))
        return cls(table)

    @property
    def table(self) -> Table[T]:
        """Return the index, for compiling into the packaged JSON."""
        return self._by_first

    def stems(self) -> set[str]:
        """Return every stem used by any phrase."""
        return {s for bucket in self._by_first.values() for k, _ in bucket for s in k}

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

    def find_longest(self, tokens: Sequence[Token]) -> list[Match[T]]:
        """Return leftmost-longest matches; a token belongs to at most one."""
        found: list[Match[T]] = []
        stems = [t.stem for t in tokens]
        lengths = self._lengths
        i = 0
        while i < len(stems):
            step = 1
            for length, phrases in lengths.get(stems[i], ()):
                payloads = phrases.get(tuple(stems[i : i + length]))
                if payloads:
                    negated = tokens[i].negated
                    for p in payloads:
                        found.append(Match(i, i + length, p, negated))
                    step = length
                    break
            i += step
        return found
