"""Turn what a person types into comparable tokens.

Everything here is stdlib-only and deterministic: the finder and the safety
screen run on every CLI call and must start fast. Lexicon phrases go through
the same ``stem`` so both sides always agree, which matters more than
linguistic accuracy.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import NamedTuple

_NUMBER_SIGN = re.compile(r"\bno\.\s*(?=\d)")
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|[.,;:!?()]")

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
        "like",
        "also",
        "too",
    ]
)

# Tokens that open a negated stretch ("no numbness", "doesn't tingle").
# "can't" and "couldn't" are deliberately absent: "can't feel my toes" is a
# symptom, not a denial.
NEGATORS = frozenset(
    [
        "no",
        "nothing",
        "not",
        "never",
        "without",
        "nor",
        "neither",
        "none",
        "denies",
        "deny",
        "free",
        "don't",
        "doesn't",
        "didn't",
        "isn't",
        "aren't",
        "wasn't",
        "weren't",
        "haven't",
        "hasn't",
        "hadn't",
        "dont",
        "doesnt",
        "didnt",
        "isnt",
        "arent",
        "wasnt",
        "havent",
        "hasnt",
    ]
)
# Tokens that end a negated stretch.
SENTENCE_ENDS = frozenset([".", ";", "!", "?"])
BOUNDARIES = frozenset(
    [
        ".",
        ",",
        ";",
        ":",
        "!",
        "?",
        "(",
        ")",
        "but",
        "although",
        "though",
        "however",
        "yet",
        "except",
        "which",
        "because",
        "while",
        "whereas",
        "since",
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
NEGATION_WINDOW = 5
_ASIDE = 1_000_000
# "Can't reach the gate without stopping for breath": after an inability in
# the same clause, "without" says what happens, it does not deny it.
_INABILITY = frozenset(["can't", "cant", "cannot", "couldn't", "couldnt", "unable"])
LONG_WORD = 8

_IRREGULAR = {
    "feet": "foot",
    "teeth": "tooth",
    "swollen": "swell",
    "swelling": "swell",
    "sore": "sore",
    "soreness": "sore",
    "ached": "ache",
    "aches": "ache",
    "aching": "ache",
    "achy": "ache",
    "hurt": "hurt",
    "hurts": "hurt",
    "hurting": "hurt",
    "numb": "numb",
    "numbness": "numb",
    "tingly": "tingle",
    "tingling": "tingle",
    "tingles": "tingle",
    "tingled": "tingle",
    "women": "woman",
    "men": "man",
    "lying": "lie",
    "lay": "lie",
    "lain": "lie",
    "fell": "fall",
    "fallen": "fall",
    "fingers": "finger",
    "shoulders": "shoulder",
    "knees": "knee",
    "calves": "calf",
    "thighs": "thigh",
    "glutes": "glute",
    "traps": "trap",
    "quads": "quad",
    "hams": "ham",
    "ribs": "rib",
    "ran": "run",
    "running": "run",
    "sat": "sit",
    "sitting": "sit",
    "slept": "sleep",
    "sleeping": "sleep",
    "wrists": "wrist",
    "ankles": "ankle",
    "hips": "hip",
    "elbows": "elbow",
    "toes": "toe",
    "eyes": "eye",
    "ears": "ear",
    "cheeks": "cheek",
    "temples": "temple",
    "legs": "leg",
    "arms": "arm",
    "hands": "hand",
    "heels": "heel",
    "shins": "shin",
    "stairs": "stair",
    "weeks": "week",
    "days": "day",
    "hours": "hour",
    "months": "month",
}
# Returned exactly as written: stripping them would collide with body words
# ("late" -> "lat", the latissimus; "cane" -> "can").
_KEEP_WHOLE = {"late": "late", "lately": "late", "later": "later", "cane": "cane"}
_IRREGULAR |= {w: "not" for w in NEGATORS if w.endswith(("n't", "nt"))}
_VOWELS = set("aeiouy")


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """Reduce a lowercase word to a crude stem shared by its inflections."""
    if word in _KEEP_WHOLE:
        return _KEEP_WHOLE[word]
    if word.endswith("s's"):
        word = word[:-2]  # "the actress's", "my boss's": the owner, not "actresss"
    w = _IRREGULAR.get(word, word).replace("'", "")
    # Strip to a fixed point so stem(stem(w)) == stem(w) (a property test).
    while (shorter := _strip_suffixes(w)) != w:
        w = shorter
    return w


def _strip_suffixes(w: str) -> str:
    if len(w) <= 3 or w.isdigit():
        return w
    for suffix in ("ness", "ment", "ful"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            w = w[: -len(suffix)]
            break
    if w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith("sses"):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 3:
        w = w[:-1]
    for suffix in ("ing", "ed"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            base = w[: -len(suffix)]
            if not _VOWELS & set(base):
                break
            w = base
            if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "ls":
                w = w[:-1]
            break
    if w.endswith("ly") and len(w) > 5:
        w = w[:-2]
    if w.endswith("y") and len(w) > 4 and w[-2] not in _VOWELS:
        w = w[:-1]
    if w.endswith("e") and len(w) > 3:
        w = w[:-1]
    return w


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


# Clinical shorthand for a span of time: "6/52" is six weeks, "3/12" three
# months, "2/7" two days; "16/40" is sixteen weeks of a pregnancy.
_CLINICAL_SPAN = re.compile(r"(?<![\d/])(\d{1,2})/(52|12|7|40)(?![\d/])")
_SPAN_WORDS = {"52": "weeks", "12": "months", "7": "days", "40": "weeks pregnant"}
# A number glued to its unit ("8kg", "2wks") reads as the two words it means.
_GLUED_UNIT = re.compile(
    r"\b(\d+)(kg|kgs|kilos?|lbs?|wks?|weeks?|yrs?|years?|mins?|hrs?|days?|months?)\b"
)
# Texting shorthand that would otherwise split into letters: "w/o trying".
_WITHOUT = re.compile(r"\bw/o\b")


def split_words(text: str) -> list[str]:
    """Lowercase and split text into words and punctuation marks."""
    text = _CLINICAL_SPAN.sub(lambda m: f"{m[1]} {_SPAN_WORDS[m[2]]}", text)
    text = text.lower().replace("\u2019", "'").replace("-", " ")
    text = _WITHOUT.sub("without", text).replace("/", " ")
    text = _GLUED_UNIT.sub(r"\1 \2", text)
    # "baby no. 2" is a number, not a denial that ends a sentence.
    text = _NUMBER_SIGN.sub("number ", text)
    return _WORD.findall(text)


_AFTER_OR = 3
_COMPARISON_REACH = 5
# "... like this one", "... this bad": a comparison with the present.
_COMPARISONS = frozenset(
    [("like", "this"), ("like", "it"), ("like", "that"), ("this", "bad")]
    + [("that", "bad"), ("so", "bad"), ("this", "severe"), ("as", "bad")]
)
_LIST_REACH = 4
# "Not a big op", "not sure if", "not just tight": "not" denies a degree or a
# certainty here, not that the thing is there.
_DEGREE_WORDS = frozenset(
    ["sure", "certain", "convinced", "big", "huge", "major", "massive", "serious"]
    + ["typical", "usual", "great", "real", "proper", "just", "only"]
    + ["exactly", "entirely", "the", "that", "too", "so"]
)
_SKIPPED_BEFORE_DEGREE = frozenset(["a", "an", "very"])


def _denies_a_degree(words: Sequence[str], i: int) -> bool:
    """Whether "not" at ``i`` qualifies a degree rather than denying a thing.

    "Never had a headache like this one" says how bad this one is, too.
    """
    if words[i] == "never":
        ahead = list(words[i + 1 : i + 2 + _COMPARISON_REACH])
        for a, b in zip(ahead, ahead[1:], strict=False):
            if a in BOUNDARIES:
                return False
            if (a, b) in _COMPARISONS:
                return True
        return False
    if words[i] == "nothing":
        # "Is it nothing that I've lost control of my bowels?" asks; it
        # denies nothing.
        return i + 1 < len(words) and words[i + 1] == "that"
    if words[i] != "not":
        return False
    j = i + 1
    while j < len(words) and words[j] in _SKIPPED_BEFORE_DEGREE:
        j += 1
    return j < len(words) and words[j] in _DEGREE_WORDS


def _ends_a_list(words: Sequence[str], i: int) -> bool:
    """Whether the comma at ``i`` sits in a short list closed by "or" or "nor"."""
    for word in words[i + 1 : i + 1 + _LIST_REACH]:
        if word in ("or", "nor"):
            return True
        if word in BOUNDARIES:
            return False
    return False


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
    for i, word in enumerate(words):
        if word in _INABILITY:
            unable_clause = clause
        if word in BOUNDARIES:
            # "No heat, redness or swelling": a short list after a denial is
            # denied as a whole, though its items are split by commas.
            listing = word == "," and negation_left > 0 and _ends_a_list(words, i)
            if word == "?":
                asked.add(sentence)
            sentence += word in SENTENCE_ENDS
            if word == "(":
                outer = clause
            # An aside's clauses are numbered apart, so they never meet the
            # numbers of the clause it interrupts.
            clause = (i + 1) * _ASIDE if word == "(" else clause + 1
            if word == ")" and outer >= 0:
                # "Years ago (2012, maybe) I had a concussion": after an
                # aside the clause it interrupted goes on.
                clause, outer = outer, -1
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
                negation_left = max(negation_left, _AFTER_OR)
            continue
        if (
            word in NEGATORS
            and not (word == "without" and unable_clause == clause)
            and not _denies_a_degree(words, i)
        ):
            # Kept in the stream so phrases like "no improvement" can match.
            token = Token(stem(word), word, sentence, False, i, clause)
            content.append(token)
            every.append(token)
            negation_left = NEGATION_WINDOW
            continue
        token = Token(stem(word), word, sentence, negation_left > 0, i, clause)
        every.append(token)
        if word in FILLER:
            continue
        content.append(token)
        if negation_left:
            negation_left -= 1
    if asked:
        # Few sentences are questions; only their tokens are rebuilt.
        marked = {id(t): t._replace(asks=True) for t in every if t.sentence in asked}
        content = [marked.get(id(t), t) for t in content]
        every = [marked.get(id(t), t) for t in every]
    return content, every


def phrase_key(phrase: str, keep_filler: bool = False) -> tuple[str, ...]:
    """Return the stem tuple a lexicon phrase matches on."""
    return tuple(
        stem(w)
        for w in split_words(phrase)
        if (keep_filler or w not in FILLER)
        and w not in BOUNDARIES
        and w not in ("and", "or")
    )


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
    ) -> None:
        self._known = frozenset(known)
        self._by_initial = targets
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
    ) -> Speller:
        """Correct towards lexicon stems; leave known ordinary words alone."""
        lexicon = sorted(frozenset(lexicon_stems))
        targets: dict[str, list[str]] = {}
        for word in lexicon:
            if len(word) >= 3 and word.isalpha():
                targets.setdefault(word[0], []).append(word)
        return cls(set(lexicon) | set(common), targets, set(raw_only) & set(lexicon))

    def table(self) -> dict[str, object]:
        """Return the speller's data, for keeping in the derived-tables cache."""
        return {
            "known": self._known,
            "targets": self._by_initial,
            "raw_only": self._raw_only,
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
        return best

    def correct_all(self, tokens: Sequence[Token]) -> list[Token]:
        """Correct every token."""
        return [self.correct(t) for t in tokens]
