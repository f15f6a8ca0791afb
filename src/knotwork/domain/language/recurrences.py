"""Whether a sign comes back: "it keeps coming back", "returned this week".

A sign that returns after a spell away is current again, whatever date the
text gives its first time.
"""

from __future__ import annotations

from collections.abc import Sequence

from knotwork.domain.language.text import Token

# "Is back again", "it's come back", "has returned": a sign that was over is
# here again, whenever it was first dated.
_BACK_VERBS = frozenset(
    ["is", "it's", "its", "are", "came", "come", "comes", "coming", "been", "was"]
    + ["crept", "creeping", "creeps", "crawled", "snuck", "sneaked", "sneaking"]
)
# "Came back negative", "back to normal", "came back from Spain": no return.
_NOT_A_RETURN = frozenset(
    [
        "to",
        "from",
        "negative",
        "clear",
        "normal",
        "fine",
        "home",
        "ok",
        "okay",
        "within",
    ]
    + ["with", "in", "on", "at", "up", "into", "off", "down", "out"]
)
_SIGN_STEMS = frozenset(["tingl", "numb", "numbness", "pin", "needl", "pain", "weak"])
_SHORT_WHILE = frozenset(
    ["minute", "minutes", "min", "mins", "second", "seconds", "moment", "shaking"]
)
_DATING_PREPOSITIONS = frozenset(["at", "in", "on"])
_DATE_WORDS = frozenset(
    ["start", "beginning", "end", "week", "month", "weekend", "christmas", "easter"]
    + ["summer", "spring", "autumn", "winter", "january", "february", "march"]
    + ["april", "may", "june", "july", "august", "september", "october"]
    + ["november", "december", "monday", "tuesday", "wednesday", "thursday"]
    + ["friday", "saturday", "sunday", "year"]
)
_RETURN_WORDS = frozenset(["returned", "recurred", "recurring", "returning"])


def recurrences(words: Sequence[Token]) -> frozenset[int]:
    """Return the clauses that say a sign has come back.

    "It's back" or "they came back" speaks of what its sentence named before
    ("thought the tingling was sorted but it's back"), so every clause of the
    sentence up to it comes back too.
    """
    found = set()
    n = len(words)
    for i, token in enumerate(words):
        raw = token.raw
        if token.negated or (i >= 1 and words[i - 1].raw in ("never", "not")):
            continue  # "it never returned", "hasn't been back since"
        returned = raw in _RETURN_WORDS
        following = words[i + 1] if i + 1 < n else token
        # "Came back at the start of this month", "came back in March": a
        # date after the place word makes it a return, not a destination.
        dated_return = following.raw in _DATING_PREPOSITIONS and any(
            w.raw in _DATE_WORDS for w in words[i + 2 : i + 5]
        )
        if raw == "back" and i >= 1 and words[i - 1].raw in _BACK_VERBS:
            same = i + 1 < n and following.clause == token.clause
            # "The feeling came back after a minute" is the feeling returning;
            # "the tingling came back after a minute" is the sign.
            quickly = following.raw in ("as", "once", "when") or (
                following.raw == "after"
                and any(w.raw in _SHORT_WHILE for w in words[i + 2 : i + 5])
            )
            soon = quickly and not any(
                w.stem in _SIGN_STEMS for w in words[max(i - 6, 0) : i]
            )
            not_a_return = following.raw in _NOT_A_RETURN and not dated_return
            returned = not (same and (not_a_return or soon))
        if not returned:
            continue
        found.add(token.clause)
        # "It came back after a minute" may be the feeling coming back; "it's
        # back" and "they're back again" are the sign.
        # "It came back this morning" is dated like a fresh sign, not a feeling.
        dated = i + 1 < n and words[i + 1].raw in _FRESH_WORDS or dated_return
        event = words[i - 1].raw in _EVENT_VERBS
        state = raw == "back" and (not event or dated)
        if state and any(w.raw in _IT for w in words[max(0, i - 3) : i]):
            sentence = token.sentence
            opens = not any(
                w.sentence == sentence and w.clause != token.clause
                for w in words[max(0, i - 4) : i]
            )
            # Opening its sentence, "it" is what the sentence before named.
            first = sentence - 1 if opens else sentence
            # Walk back only over those sentences, so the cost stays linear.
            k = i - 1
            while k >= 0 and words[k].sentence >= first:
                found.add(words[k].clause)
                k -= 1
    return frozenset(found)


_FRESH_WORDS = frozenset(["this", "today", "yesterday", "last", "again", "and", "now"])


_EVENT_VERBS = frozenset(["came", "come", "comes", "coming"])
_IT = frozenset(["it", "it's", "its", "they", "they're", "theyre", "it'd"])
