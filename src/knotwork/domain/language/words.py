"""Split what a person types into words and marks, and name the clause edges.

Everything here is stdlib-only and deterministic, like the rest of the
reader: it runs on every CLI call and must start fast.
"""

from __future__ import annotations

import re

_NUMBER_SIGN = re.compile(r"\bno\.\s*(?=\d)")
_DECIMAL = re.compile(r"(\d)\.(\d)")
_DASH = re.compile(r"\s[-\u2013\u2014]+\s|[\u2013\u2014]")
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|[.,;:!?()]")

# Marks that end a sentence.
SENTENCE_ENDS = frozenset([".", ";", "!", "?"])
# Marks and words that end a clause, and with it a negated stretch.
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
    # A dash set off by spaces, or a long dash, ends a clause like a comma:
    # "isn't just tight - felt a pop" denies nothing after the dash.
    text = _DASH.sub(" , ", text)
    # "Temp 38.5": a decimal point is no full stop.
    text = _DECIMAL.sub(r"\1 point \2", text)
    text = text.lower().replace("\u2019", "'").replace("-", " ")
    text = _WITHOUT.sub("without", text).replace("/", " ")
    text = _GLUED_UNIT.sub(r"\1 \2", text)
    # "baby no. 2" is a number, not a denial that ends a sentence.
    text = _NUMBER_SIGN.sub("number ", text)
    words = [_SHORTHAND.get(w, w) for w in _WORD.findall(text)]
    # Only the rare words ending in "in" pay for the dropped-g test.
    words = [_g_dropped(w) if w[-2:] == "in" else w for w in words]
    return _my_for_ma(words) if "ma" in words else words


# "Ma jaw goes sore" is "my jaw"; "my ma" is still the mother.
_OWNERS = frozenset(["my", "our", "your", "his", "her", "their", "the", "a"])


def _my_for_ma(words: list[str]) -> list[str]:
    return [
        "my" if w == "ma" and (k == 0 or words[k - 1] not in _OWNERS) else w
        for k, w in enumerate(words)
    ]


# "Keep droppin my cup", "been swimmin": a dropped final g after a doubled
# consonant, or in a few common verbs. Medicine names ending in "in"
# (aspirin, heparin, insulin) have no doubled consonant and stay as written.
_G_DROPPED = re.compile(r"[a-z]*([b-df-hj-np-tv-z])\1in")
_G_DROPPED_VERBS = frozenset(
    ["goin", "doin", "feelin", "walkin", "workin", "lookin", "thinkin", "sleepin"]
    + ["achin", "hurtin", "tryin", "sayin", "playin", "liftin", "carryin", "usin"]
    + ["typin", "bendin", "reachin", "standin", "startin", "gettin", "havin"]
    + ["tinglin", "shootin", "burnin", "chewin", "nothin", "somethin", "sleepin"]
    + ["achin", "throbbin", "swellin", "bleedin", "wakin", "lyin", "sittin"]
)


def _g_dropped(word: str) -> str:
    if not word.endswith("in"):
        return word  # most words: one cheap test
    if word in _G_DROPPED_VERBS or (len(word) > 5 and _G_DROPPED.fullmatch(word)):
        return word + "g"
    return word


# Texting shorthand read as the word it stands for: "should i worry abt clots"
# is the question "worry about".
_SHORTHAND = {
    "abt": "about",
    "bout": "about",
    "cuz": "because",
    "coz": "because",
    "b4": "before",
    "yday": "yesterday",
    "yest": "yesterday",
    "2day": "today",
    "tmrw": "tomorrow",
    "thru": "through",
    # Scots and Caribbean English: "nae tinglin", "mi nah pregnant".
    "nae": "no",
    # Caribbean English: "mi cyaan feel dem", "di sugar".
    "cyaan": "can't",
    "caan": "can't",
    "di": "the",
    "heid": "head",
    "ower": "over",
    # "Pins n needles", "on n off".
    "n": "and",
    "mi": "i",
}
