"""Turn what a person types into comparable tokens.

Everything here is stdlib-only and deterministic: the finder and the safety
screen run on every CLI call and must start fast. Lexicon phrases become
keys through the same words, filler and ``stem`` as the text, so both sides
always agree.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from knotwork.domain.language.denial import (
    AFTER_OR,
    INABILITY,
    NEGATION_WINDOW,
    NEGATORS,
    denies_a_degree,
    ends_a_list,
    in_a_short_list,
)
from knotwork.domain.language.stemming import stem
from knotwork.domain.language.words import BOUNDARIES, SENTENCE_ENDS, split_words

# Words that carry no meaning for matching; dropping them lets "back of my
# head" and "back of the head" meet the same lexicon phrase.
FILLER = frozenset(
    [
        "a",
        "an",
        "the",
        "my",
        "your",
        "his",
        "her",
        "their",
        "our",
        "this",
        "that",
        "these",
        "those",
        "its",
        "some",
        "any",
        "really",
        "very",
        "quite",
        "just",
        "so",
        "kind",
        "sort",
        "kinda",
        "sorta",
        "like",
        "also",
        "too",
    ]
)

_KEPT_BOUNDARIES = frozenset(["since"])
_SUBJECT_AFTER_AND = frozenset(
    [
        "i",
        "my",
        "i'm",
        "i've",
        "im",
        "ive",
        "it",
        "its",
        "the",
        "she",
        "he",
        "her",
        "his",
        "there",
        "now",
        "then",
    ]
)
_SELF_AFTER_AND = frozenset(["i", "my", "i'm", "i've", "im", "ive"])
# "... two years ago and now the same calf is swollen": the time moves on.
_NEW_TIME_AFTER_AND = frozenset(["now"])
# Clauses of an aside in brackets are numbered from here, apart from the rest.
ASIDE = 1_000_000


class Token(NamedTuple):
    """One content word of the input, stemmed, with where it sits."""

    stem: str
    raw: str
    sentence: int
    negated: bool
    # Where the word sits among ``split_words`` and which clause holds it: the
    # context reader scopes its triggers by clause and looks at raw words.
    word: int = -1
    clause: int = 0
    # The sentence ends with a question mark.
    asks: bool = False
    # The clause opens with "but" or the like: what came before is set against it.
    turns: bool = False
    # The clause opens with "because": it gives the reason for the one before.
    because: bool = False


def tokenize(text: str, keep_filler: bool = False) -> list[Token]:
    """Split text into content tokens that know their clause and negation.

    ``keep_filler`` keeps "my", "this" and the like, which context triggers
    need ("could this be", "not a").
    """
    return tokenize_words(split_words(text), keep_filler)


def tokenize_words(words: Sequence[str], keep_filler: bool = False) -> list[Token]:
    """Tokenize words already split by ``split_words``."""
    content, every = tokenize_both(words)
    return every if keep_filler else content


def tokenize_both(words: Sequence[str]) -> tuple[list[Token], list[Token]]:
    """Return the content tokens and every token (filler kept), in one pass.

    Filler words never use up the negation window, so "no pain in my calf"
    negates "calf" in both lists alike.
    """
    content: list[Token] = []
    every: list[Token] = []
    sentence = clause = 0
    negation_left = 0
    unable_clause = -1
    outer = -1
    asked: set[int] = set()
    turned: set[int] = set()
    reasons: set[int] = set()
    for i, word in enumerate(words):
        if word in INABILITY:
            unable_clause = clause
        if word == "." and i > 0 and words[i - 1] == ".":
            continue  # an ellipsis parts its clauses once, as a comma would
        if word == "," and in_a_short_list(words, i):
            # "Her knee was hot, red and swollen": the items of a short list
            # belong to one clause, so what is said of the first holds for all.
            continue
        if word == "since" and (i + 1 == len(words) or words[i + 1] in BOUNDARIES):
            # "I've felt fine since.": a "since" that ends its clause opens
            # none; it belongs with the words before it.
            token = Token(stem(word), word, sentence, negation_left > 0, i, clause)
            content.append(token)
            every.append(token)
            continue
        if word == "while" and i and words[i - 1] in ("a", "good", "little"):
            # "A while back", "for a good while": a stretch of time, which
            # opens no clause as "while I was running" does.
            token = Token(stem(word), word, sentence, negation_left > 0, i, clause)
            every.append(token)
            continue
        if word in BOUNDARIES:
            # "No heat, redness or swelling": a short list after a denial is
            # denied as a whole, though its items are split by commas.
            listing = word == "," and negation_left > 0 and ends_a_list(words, i)
            if word == "?":
                asked.add(sentence)
            # "Felt electric... electric scooter, I mean": an ellipsis pauses
            # within a thought; it parts clauses, not sentences.
            sentence += word in SENTENCE_ENDS and not _in_an_ellipsis(words, i)
            if word == "(":
                outer = clause
            # An aside's clauses are numbered apart, so they never meet the
            # numbers of the clause it interrupts.
            clause = (i + 1) * ASIDE if word == "(" else clause + 1
            if word == ")" and outer >= 0:
                # "Years ago (2012, maybe) I had a concussion": after an
                # aside the clause it interrupted goes on.
                clause, outer = outer, -1
            following = words[i + 1] if i + 1 < len(words) else ""
            if word in _TURNS or following in _AFTERTHOUGHTS:
                # "All normal - oh, I do take apixaban": an afterthought turns
                # as "but" does.
                turned.add(clause)
            if word == "because":
                reasons.add(clause)
            negation_left = NEGATION_WINDOW if listing else 0
            if word not in _KEPT_BOUNDARIES:
                continue
            # "Since my stroke three years ago I can't feel...": the word opens
            # a clause and also says that what began then goes on.
            token = Token(stem(word), word, sentence, False, i, clause)
            content.append(token)
            every.append(token)
            continue
        if word in ("and", "or"):
            following = words[i + 1] if i + 1 < len(words) else ""
            if following in _SUBJECT_AFTER_AND:
                negation_left = 0
                # "... and my calf": the person speaks of themselves again.
                clause += following in _SELF_AFTER_AND | _NEW_TIME_AFTER_AND
            elif negation_left and word == "or":
                # "No slipped discs or back surgery": the denial covers both.
                negation_left = max(negation_left, AFTER_OR)
            continue
        # "Nowhere near my forehead" denies; "out of nowhere" does not.
        near = word == "nowhere" and i + 1 < len(words) and words[i + 1] == "near"
        if (
            (word in NEGATORS or near)
            and not (word == "without" and unable_clause == clause)
            and not denies_a_degree(words, i)
        ):
            if word == "free" and content and _after_a_thing(words, i):
                # "Injury-free, pain-free": "free" after a thing denies it.
                content[-1] = content[-1]._replace(negated=True)
                every[-1] = content[-1]
            # Kept in the stream so phrases like "no improvement" can match.
            token = Token(stem(word), word, sentence, False, i, clause)
            content.append(token)
            every.append(token)
            negation_left = NEGATION_WINDOW
            continue
        token = Token(stem(word), word, sentence, negation_left > 0, i, clause)
        every.append(token)
        if (negation_left or (content and content[-1].negated)) and word in _EXAMPLES:
            # "Not on any proper blood thinners like warfarin": what the
            # example names is denied with the kind it stands for.
            negation_left = max(negation_left, _EXAMPLE_REACH + 1)
        if word in FILLER or _hedged_of(words, i):
            continue
        content.append(token)
        if negation_left:
            negation_left -= 1
    if asked or turned or reasons:
        # Few sentences ask, turn or give reasons; only their tokens are rebuilt.
        marked = {
            id(t): t._replace(
                asks=t.sentence in asked,
                turns=t.clause in turned,
                because=t.clause in reasons,
            )
            for t in every
            if t.sentence in asked or t.clause in turned or t.clause in reasons
        }
        content = [marked.get(id(t), t) for t in content]
        every = [marked.get(id(t), t) for t in every]
    return content, every


# Words before "free" that make it no denial: "feel free", "for free".
_NOT_FREE_OF = frozenset(
    ["feel", "for", "set", "break", "broke", "is", "are", "am", "was", "be", "been"]
    + ["i'm", "im", "get", "got", "run", "walk", "and", "totally", "completely"]
)


def _after_a_thing(words: Sequence[str], i: int) -> bool:
    """Whether "free" at ``i`` follows the thing it denies ("injury free")."""
    before = words[i - 1] if i > 0 else ""
    return before.isalpha() and before not in _NOT_FREE_OF and before not in FILLER


def _in_an_ellipsis(words: Sequence[str], i: int) -> bool:
    """Whether the full stop at ``i`` opens two or more in a row."""
    return words[i] == "." and i + 1 < len(words) and words[i + 1] == "."


def _hedged_of(words: Sequence[str], i: int) -> bool:
    """Whether ``words[i]`` is the "of" of a hedge: "my foot kind of slaps"."""
    return words[i] == "of" and i > 0 and words[i - 1] in ("kind", "sort")


# Words that open a clause set against what came before.
_TURNS = frozenset(["but", "however", "although", "though", "yet", "whereas", "except"])
_EXAMPLES = frozenset(["like", "including", "e.g."])
_EXAMPLE_REACH = 2
_AFTERTHOUGHTS = frozenset(["oh", "actually", "wait", "although", "though", "except"])


def phrase_key(phrase: str, keep_filler: bool = False) -> tuple[str, ...]:
    """Return the stem tuple a lexicon phrase matches on."""
    return tuple(
        stem(w)
        for w in split_words(phrase)
        if (keep_filler or w not in FILLER)
        # "since" stays in the token stream, so it stays in keys: "since
        # monday" must not shrink to "monday".
        and (w not in BOUNDARIES or w in _KEPT_BOUNDARIES)
        and w not in ("and", "or")
    )
