"""How far a context trigger reaches from where it stands.

A trigger covers itself only, or looks forwards, backwards or both ways up
to a window of tokens, within its clause or its sentence, and stops short at
a terminating phrase.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from knotwork.domain.language.numbers import word_number
from knotwork.domain.language.text import ASIDE, Token


class Trigger(NamedTuple):
    """A phrase that casts its category over the tokens in its scope."""

    category: str
    direction: str
    scope: str
    window: int
    applies_to: frozenset[str]
    unless_next: frozenset[str]
    unless_next_body: bool


def scope(
    tokens: Sequence[Token],
    start: int,
    end: int,
    home_token: Token,
    trigger: Trigger,
    stop: set[int],
) -> list[int]:
    """Return the content positions a trigger covering ``start:end`` reaches."""
    if trigger.direction == "within":
        return list(range(start, end))
    unit = "sentence" if trigger.scope == "sentence" else "clause"
    if (
        unit == "sentence"
        and trigger.direction != "forward"
        and _has_own_subject(tokens, start, home_token.clause)
    ):
        # "the right one is fine" speaks of its own subject: stay in its clause.
        unit = "clause"
    home = getattr(home_token, unit)
    reached: list[int] = []
    if trigger.direction in ("forward", "both"):
        for i in range(end, min(end + trigger.window, len(tokens))):
            if unit == "clause" and tokens[i].clause >= ASIDE > home:
                continue  # "My daughter (8) had a fever": the aside is passed over
            if getattr(tokens[i], unit) != home or i in stop:
                break
            # "Negative covid test, but I've got a fever": a turn ends the cue.
            if tokens[i].turns and tokens[i].clause != home_token.clause:
                break
            reached.append(i)
    # Looking back, a clause with no subject of its own (", fully recovered")
    # speaks of the clause just before it, not of everything said earlier.
    nearest = home_token.clause - 1 if unit == "sentence" else home_token.clause
    if unit == "sentence":
        # ", which went away": the comma and "which" each open a clause, and
        # the empty one between them is not the clause spoken of.
        earlier = [
            t.clause
            for t in tokens[max(start - 12, 0) : start]
            if t.clause < home_token.clause
        ]
        nearest = max(earlier, default=nearest)
    if unit == "sentence":
        nearest = _past_duration_asides(tokens, start, nearest)
        nearest = _list_before(tokens, start, nearest)
        nearest = _reason_before(tokens, start, nearest)
    if trigger.direction in ("backward", "both"):
        for i in range(start - 1, max(start - trigger.window, 0) - 1, -1):
            if i == start - 1 and unit == "clause" and home >= ASIDE > tokens[i].clause:
                # "Had knee surgery (when I was 14)": a bracket that opens with
                # the cue speaks of the clause it follows.
                home = nearest = tokens[i].clause
            if getattr(tokens[i], unit) != home or i in stop:
                break
            if tokens[i].clause < nearest:
                break
            reached.append(i)
    return reached


# "numb, one minute, never again": a clause that only says how long something
# lasted speaks of the clause before it.
_DURATION_WORDS = frozenset(
    ["one", "two", "few", "couple", "minute", "minutes", "second", "seconds"]
    + ["hour", "hours", "max", "tops", "only", "just", "about", "maybe", "or", "so"]
    # "..., a while back, all clear": "back" beside "while" is a time.
    + ["while", "ago", "back"]
)


def _past_duration_asides(tokens: Sequence[Token], start: int, nearest: int) -> int:
    """Return the clause a backward cue reaches once duration asides are passed."""
    words: dict[int, list[str]] = {}
    for t in tokens[max(start - 12, 0) : start]:
        words.setdefault(t.clause, []).append(t.raw)
    while nearest in words and all(
        w in _DURATION_WORDS or word_number(w) is not None for w in words[nearest]
    ):
        nearest -= 1
    return nearest


# Words that may open a clause without giving it a subject of its own
# ("..., gone in a minute", "..., which cleared up").
_NO_SUBJECT = frozenset(
    [
        # The person themselves: "..., I'm fine now" speaks of the same person.
        "i",
        "i'm",
        "im",
        "i've",
        "ive",
        "am",
        "feel",
        "feeling",
        "felt",
        "it",
        "its",
        "it's",
        # "..., but they were back to normal": they are what was just named.
        "they",
        "they're",
        "theyre",
        "which",
        "that",
        "that's",
        "thats",
        "then",
        "but",
        "all",
        "was",
        "were",
        "is",
        "are",
        "had",
        "has",
        "been",
        "have",
        "completely",
        "totally",
        "soon",
        "quickly",
        "fully",
        "pretty",
        "mostly",
    ]
)


_LIST_ITEM = 2


def _reason_before(tokens: Sequence[Token], start: int, nearest: int) -> int:
    """Reach back over a "because" clause to the one it explains.

    "Pins and needles because he slept on my arm, gone in a minute": the
    reason is an aside to the tingling, and what went is the tingling.
    """
    reason = [
        t for t in tokens[max(start - _LIST_WINDOW, 0) : start] if t.clause == nearest
    ]
    if reason and reason[0].because and reason[0].clause > 0:
        return nearest - 1
    return nearest


def _list_before(tokens: Sequence[Token], start: int, nearest: int) -> int:
    """Reach back over a list ("flu - fever, shivers, the lot - but fine now").

    A clause of a word or two after another is an item of a list, and the
    list names what the clause before it had: an "over" cue after the list
    speaks of all of it. Bounded by the trigger window, so it stays linear.
    """
    sizes: dict[int, int] = {}
    for t in tokens[max(start - _LIST_WINDOW, 0) : start]:
        sizes[t.clause] = sizes.get(t.clause, 0) + 1
    if sizes.get(nearest, _LIST_ITEM + 1) > _LIST_ITEM:
        return nearest
    if sizes.get(nearest - 1, _LIST_ITEM + 1) > _LIST_ITEM:
        return nearest  # one short clause alone is no list
    clause = nearest
    while sizes.get(clause, _LIST_ITEM + 1) <= _LIST_ITEM and clause - 1 in sizes:
        clause -= 1
    return clause


_LIST_WINDOW = 14


def _has_own_subject(tokens: Sequence[Token], start: int, clause: int) -> bool:
    """Whether the clause names something before the trigger at ``start``."""
    i = start - 1
    while i >= 0 and tokens[i].clause == clause:
        if tokens[i].raw not in _NO_SUBJECT:
            return True
        i -= 1
    return False
