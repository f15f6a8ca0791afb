"""Which words deny what follows them, and how far a denial reaches."""

from __future__ import annotations

from collections.abc import Sequence

from knotwork.domain.language.words import BOUNDARIES

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
        "zero",
        "nil",
        "nothing's",
        "nah",
        "nope",
        "nothings",
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
# How many content words a denial covers, and still covers after "or".
NEGATION_WINDOW = 5
AFTER_OR = 3
# "Can't reach the gate without stopping for breath": after an inability in
# the same clause, "without" says what happens, it does not deny it.
INABILITY = frozenset(["can't", "cant", "cannot", "couldn't", "couldnt", "unable"])

_COMPARISON_REACH = 5
# "... like this one", "... this bad": a comparison with the present.
_COMPARISONS = frozenset(
    [("like", "this"), ("like", "it"), ("like", "that"), ("this", "bad")]
    + [("that", "bad"), ("so", "bad"), ("this", "severe"), ("as", "bad")]
)
_LIST_REACH = 4
# A denied list may hold longer items ("no numbness, pins and needles, or...").
_DENIED_LIST_REACH = 7
# "Not a big op", "not sure if", "not just tight": "not" denies a degree or a
# certainty here, not that the thing is there.
_DEGREE_WORDS = frozenset(
    ["sure", "certain", "convinced", "big", "huge", "major", "massive", "serious"]
    + ["typical", "usual", "great", "real", "proper", "just", "only"]
    + ["exactly", "entirely", "the", "that", "too", "so"]
)
_SKIPPED_BEFORE_DEGREE = frozenset(["a", "an", "very"])
_SAYING_NEGATORS = frozenset(["didn't", "didnt", "haven't", "havent", "never"])
_SAYING_VERBS = frozenset(
    ["mention", "mentioned", "tell", "told", "say", "said", "know", "knew"]
    + ["realise", "realize", "realised", "realized"]
)


def denies_a_degree(words: Sequence[str], i: int) -> bool:
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
    if words[i] == "no" and i + 2 < len(words) and words[i + 1] == "idea":
        # "No idea why my ankle has puffed up" does not deny the ankle.
        return words[i + 2] in ("why", "how", "what", "where", "when", "if")
    if (
        words[i] in _SAYING_NEGATORS
        and i + 1 < len(words)
        and words[i + 1] in _SAYING_VERBS
    ):
        # "I didn't mention I started apixaban", "I didn't know I had a clot":
        # what was not said or known is still so.
        return True
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


def ends_a_list(words: Sequence[str], i: int) -> bool:
    """Whether the comma at ``i`` sits in a short list closed by "or" or "nor"."""
    for word in words[i + 1 : i + 1 + _DENIED_LIST_REACH]:
        if word in ("or", "nor"):
            return True
        # "No numbness, tingling, weakness or bladder trouble": a longer list
        # runs on through its commas to the "or" that closes it.
        if word in BOUNDARIES and word != ",":
            return False
    return False


# Words that open a clause of their own rather than name a list item.
_CLAUSE_OPENERS = frozenset(
    ["i", "i'm", "im", "i've", "ive", "my", "me", "he", "she", "it", "its", "it's"]
    + ["they", "we", "his", "her", "their", "our", "the", "this", "that", "now"]
    + ["then", "so", "but", "just", "also", "and", "or", "nor", "not", "no"]
)


_LIST_ITEM_WORDS = 2
_FIXED_PAIRS = frozenset(
    [("pins", "needles"), ("aches", "pains"), ("on", "off"), ("up", "down")]
    + [("in", "out"), ("back", "forth"), ("wear", "tear"), ("sick", "tired")]
    + [("bits", "pieces"), ("ups", "downs"), ("pin", "needles")]
)


def in_a_short_list(words: Sequence[str], i: int) -> bool:
    """Whether the comma at ``i`` joins items of a list closed by "and" or "or".

    At most two words may sit between the comma and the closing word, and
    none may open a clause: "hot, red and swollen" is a list; "calf hurts,
    my knee and ankle are fine" is not.
    """
    for between, j in enumerate(range(i + 1, min(i + 1 + _LIST_REACH, len(words)))):
        word = words[j]
        if word in ("and", "or", "nor"):
            after = words[j + 1] if j + 1 < len(words) else ""
            # "climber here, pins and needles": a fixed pair is one item.
            return between > 0 and (words[j - 1], after) not in _FIXED_PAIRS
        if word in BOUNDARIES or word in _CLAUSE_OPENERS:
            return False
        if between >= _LIST_ITEM_WORDS:
            return False
    return False
