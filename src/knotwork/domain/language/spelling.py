"""Correct misspelt words towards the lexicon's vocabulary."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

from knotwork.domain.language.text import Token

# A lexicon word this long or longer may be reached by two edits.
LONG_WORD = 8


def edit_distance(a: str, b: str, limit: int) -> int:
    """Return the Damerau-Levenshtein distance, or ``limit + 1`` once beyond it."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


class Speller:
    """Correct misspelt words towards the lexicon's vocabulary."""

    def __init__(
        self,
        known: Iterable[str],
        targets: dict[str, list[str]],
        raw_only: Iterable[str] = (),
        words: dict[str, list[tuple[str, str]]] | None = None,
    ) -> None:
        self._known = frozenset(known)
        self._by_initial = targets
        # Whole safety words as typed, with their stems: "tingeling" is one
        # letter from "tingling", but four from its stem "tingl".
        self._words = words or {}
        # Medicine and condition names are matched against what was typed,
        # never against a stem: "cleaning" stems to "clean", one letter from
        # "clexane".
        self._raw_only = frozenset(raw_only)

    @classmethod
    def build(
        cls,
        lexicon_stems: Iterable[str],
        common: Iterable[str],
        raw_only: Iterable[str] = (),
        whole_words: dict[str, str] | None = None,
    ) -> Speller:
        """Correct towards lexicon stems; leave known ordinary words alone.

        ``whole_words`` maps words as written (safety words) to their stems.
        """
        lexicon = sorted(frozenset(lexicon_stems))
        targets: dict[str, list[str]] = {}
        for word in lexicon:
            if len(word) >= 3 and word.isalpha():
                targets.setdefault(word[0], []).append(word)
        words: dict[str, list[tuple[str, str]]] = {}
        for word, stem_ in sorted((whole_words or {}).items()):
            words.setdefault(word[0], []).append((word, stem_))
        return cls(
            set(lexicon) | set(common),
            targets,
            set(raw_only) & set(lexicon),
            words,
        )

    def table(self) -> dict[str, object]:
        """Return the speller's data, for keeping in the derived-tables cache."""
        return {
            "known": self._known,
            "targets": self._by_initial,
            "raw_only": self._raw_only,
            "words": self._words,
        }

    def correct(self, token: Token) -> Token:
        """Return the token, re-stemmed to a lexicon word if it looks misspelt."""
        if token.stem in self._known or len(token.raw) < 3 or token.raw.isdigit():
            return token
        best = self._corrected(token.raw, token.stem)
        if best is None:
            return token
        return Token(
            best, token.raw, token.sentence, token.negated, token.word, token.clause
        )

    @lru_cache(maxsize=1 << 14)  # noqa: B019 - one speller per process
    def _corrected(self, raw: str, stem_: str) -> str | None:
        """Return the lexicon stem a misspelt word stands for, or None."""
        token = Token(stem_, raw, 0, False)
        limit = 1 if len(token.raw) < 7 else 2
        best, best_distance = None, limit + 1
        for candidate in self._by_initial.get(token.raw[0], ()):
            forms = (
                (token.raw,) if candidate in self._raw_only else (token.raw, token.stem)
            )
            for form in forms:
                d = edit_distance(form, candidate, limit)
                # Two edits turn too many short words into others ("wrecked"
                # into "weak"); only long words are corrected that far.
                if d == 2 and len(candidate) < LONG_WORD:
                    continue
                if d < best_distance:
                    best, best_distance = candidate, d
        for word, stem_ in self._words.get(token.raw[0], ()):
            d = edit_distance(token.raw, word, limit)
            if d == 2 and len(word) < LONG_WORD:
                continue
            if d < best_distance:
                best, best_distance = stem_, d
        return best

    def correct_all(self, tokens: Sequence[Token]) -> list[Token]:
        """Correct every token."""
        return [self.correct(t) for t in tokens]
