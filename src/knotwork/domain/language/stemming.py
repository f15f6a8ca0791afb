"""Reduce words to crude stems shared by their inflections.

Lexicon phrases and what a person types go through the same ``stem`` so both
sides always agree, which matters more than linguistic accuracy.
"""

from __future__ import annotations

from functools import lru_cache

from knotwork.domain.language.denial import NEGATORS

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
# ("late" -> "lat", the latissimus; "cane" -> "can") or with a context word
# ("clearly" bigger is not a scan that "cleared").
_KEEP_WHOLE = {
    # "Operated on my knee" is surgery; "operate a forklift" is a job.
    "operated": "operated",
    # "Copped a knock" is a blow; "the cops" are people.
    "copped": "copped",
    # "Had it plated" is surgery; a dropped plate is not.
    "plated": "plated",
    # "A bit tweaky" is a niggle, not "tweaked" (a strain).
    "tweaky": "tweaky",
    "late": "late",
    "lately": "late",
    "later": "later",
    "cane": "cane",
    # A plane is no plan: "running plan" is no flight.
    "plane": "plane",
    "planes": "plane",
    # "It's easing off" goes on, getting better; "it eased off" is over, and
    # "it eases off in the day" is a daily pattern, not an end.
    "eased": "eased",
    # "A bit sore" is no bite: "bite" and "bit" must not share a stem.
    "bite": "bite",
    "bites": "bite",
    "biting": "biting",
    "easing": "easing",
    # "Clearing snow" is no scan that "was clear", and "clearing up" is not
    # yet cleared.
    "clearing": "clearing",
    "settling": "settling",
    # "A clot scare" makes the clot a worry; "the pain scared me" does not
    # make the pain one.
    "scared": "scared",
    # "Here" is a place, never "her" ("pain right here", "nurse here").
    "here": "here",
    # "Nearly fell" is no fall, but "sore near the thumb" is sore.
    "nearly": "nearly",
    # A bruise that is fading is still there; one that faded is gone.
    "fading": "fading",
    # "Boiling then freezing" is a temperature, not a boil on the skin.
    "boiling": "boiling",
    "clearly": "clearly",
    # "He'd never sit still" is no hEDS (hypermobile Ehlers-Danlos).
    "he'd": "he'd",
    # "Completely wiped out" is no course "completed".
    "completely": "completely",
    # "Three" is no THR (a total hip replacement).
    "three": "three",
    # The spine is not a spin (dizziness), and a shine is no shin.
    "spine": "spine",
    "spines": "spine",
    "shine": "shine",
    "shines": "shine",
    "shining": "shine",
}
_IRREGULAR |= {w: "not" for w in NEGATORS if w.endswith(("n't", "nt"))}
# "Zero tingling", "nil improvement": the same denial as "no".
_IRREGULAR |= {"zero": "no", "nil": "no"}
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
