"""Carry a date from the clause that says it to the clauses it speaks of.

"I had sciatica after my second baby, twenty years ago": the date has a
clause of its own, but it dates the clause before it. "Last year, when my
knee was in a brace" dates the clause after it, and "Broke my ankle in 2009,
had a plate put in" dates the next step of the same event.
"""

from __future__ import annotations

from collections.abc import Sequence

from knotwork.domain.language.numbers import word_number
from knotwork.domain.language.text import Token

# Words a clause may hold besides its date and still say nothing else.
_DATE_ONLY = frozenset(
    ["ago", "years", "year", "months", "month", "about", "or", "so"]
    + ["it", "was", "that", "in", "back", "all", "around", "i", "think", "maybe"]
    + ["that's", "thats", "it's", "its"]
    + ["roughly", "approximately", "nearly", "almost", "probably"]
)
_WHERE_OPENERS = frozenset(["in", "on", "into", "at", "to", "under", "behind"])
_WHERE_WORDS = 4


def _only_says_where(clause: Sequence[Token]) -> bool:
    """Whether a short clause opens with a place word: ", in my knee,"."""
    return len(clause) <= _WHERE_WORDS and clause[0].raw in _WHERE_OPENERS


# "But that was in 2012", "which was two years ago": a clause that opens by
# pointing back dates what came before it.
_POINTING_BACK = frozenset(["was", "were"])
# "..., but they finished two years ago": what ended then was named before.
_ENDED = frozenset(["finished", "stopped", "ended", "ceased"])


def dates_before(
    tokens: Sequence[Token], found: dict[int, tuple[int, str]]
) -> dict[int, tuple[int, str]]:
    """Let a clause that is only a date (", twenty years ago,") date the one before.

    "I had sciatica after my second baby, twenty years ago": the comma ends
    the clause the date speaks of, so the date is carried back to it. A
    bracket ("a dog bite (around 8 months ago)") is a clause of its own.
    """
    words: dict[int, list[Token]] = {}
    for t in tokens:
        words.setdefault(t.clause, []).append(t)
    # Clauses in the order they are written: a bracket's clause has its own id.
    order = list(words)
    by_sentence: dict[int, list[int]] = {}
    for c, ts in words.items():
        by_sentence.setdefault(ts[0].sentence, []).append(c)
    before_of = {c: order[k - 1] for k, c in enumerate(order) if k}
    after_of = {c: order[k + 1] for k, c in enumerate(order[:-1])}
    for clause, (days, cue) in list(found.items()):
        before = before_of.get(clause)
        if before is None or before in found:
            continue
        cue_words = set(cue.split())
        only_date = all(
            t.raw in cue_words or t.raw in _DATE_ONLY or word_number(t.raw) is not None
            for t in words[clause]
        )
        if not only_date:
            only_date = _opens_with_date(words[clause], cue_words)
        points_back = words[clause][0].raw in _POINTING_BACK or (
            len(words[clause]) > 1
            and words[clause][0].raw in ("which", "that", "it", "they")
            and words[clause][1].raw in _POINTING_BACK | _ENDED
        )
        same_sentence = words[before][-1].sentence == words[clause][0].sentence
        # "Had knee surgery. That was back in 2016": a sentence that opens by
        # pointing back dates the whole sentence before it.
        opens_sentence = not same_sentence
        if (only_date or points_back) and same_sentence:
            found[before] = (days, cue)
            # "A cortisone shot, in my knee, back in 2019": a clause that only
            # says where carries the date on to the clause it completes.
            earlier = before_of.get(before)
            if (
                earlier is not None
                and earlier not in found
                and _only_says_where(words[before])
                and words[earlier][-1].sentence == words[before][0].sentence
            ):
                found[earlier] = (days, cue)
        elif points_back and opens_sentence:
            for c in by_sentence.get(words[before][-1].sentence, ()):
                found.setdefault(c, (days, cue))
        elif opens_sentence and len(words[clause]) > 1:
            # "Whiplash in a car crash. The crash was in 2012": the thing named
            # again dates the clause that first named it.
            named, verb = words[clause][0], words[clause][1]
            if verb.raw in _POINTING_BACK:
                for c in by_sentence.get(words[before][-1].sentence, ()):
                    if any(t.stem == named.stem for t in words[c]):
                        found.setdefault(c, (days, cue))
    for clause, (days, cue) in list(found.items()):
        after = after_of.get(clause)
        if after is None or after in found:
            continue
        relative = words[after][0].raw in ("which", "who", "was", "were")
        if relative and words[after][0].sentence == words[clause][-1].sentence:
            # "A skiing tumble in 2012, which was just a sprained thumb".
            found[after] = (days, cue)
    for clause, (days, cue) in list(found.items()):
        # "Last year, when my knee was in a brace...": a date that opens its
        # sentence alone dates the clause after it; "Ages ago, 2009 I think,
        # I had a clot" opens it over two.
        after = after_of.get(clause)
        if after is None or after in found:
            continue
        before = before_of.get(clause)
        opens = before is None or (
            words[before][-1].sentence != words[clause][0].sentence
            or _only_words(words[before], _OPENING_DATES)
        )
        cue_words = set(cue.split())
        only_date = all(
            t.raw in cue_words or t.raw in _DATE_ONLY for t in words[clause]
        )
        if (
            opens
            and only_date
            and words[after][0].sentence == words[clause][0].sentence
        ):
            found[after] = (days, cue)
    # "Broke my ankle skiing in 2009, had a plate put in": an undated clause
    # that goes on with "had" tells the next step of the same dated event.
    for clause in order:
        before = before_of.get(clause)
        first = words[clause][0]
        if (
            clause not in found
            and before in found
            and first.raw in _NEXT_STEP
            and words[before][-1].sentence == first.sentence
            and not any(t.raw in _NOW_AGAIN for t in words[clause])
        ):
            found[clause] = found[before]
    return found


_NEXT_STEP = frozenset(["had", "got"])
# Words that move an event told next to another away from its date.
_NOW_AGAIN = frozenset(["now", "since", "still", "again", "recently", "just", "today"])


# Words that tie what follows a date back to the event it dates: "once,
# about eight years ago after sleeping awkwardly" (not "... ago I had surgery").
_DATE_LINKS = frozenset(
    ["after", "when", "while", "whilst", "during", "following", "from", "before"]
)


def _opens_with_date(clause: list[Token], cue_words: set[str]) -> bool:
    """Whether a clause is its date plus a phrase that only says how it came about."""
    for k, t in enumerate(clause):
        if t.raw in cue_words or t.raw in _DATE_ONLY or word_number(t.raw) is not None:
            continue
        return k > 0 and t.raw in _DATE_LINKS and clause[k - 1].raw in cue_words
    return True


# Vague dates that may open a sentence before an exact one: "Ages ago, 2009".
_OPENING_DATES = frozenset(["ages", "ago", "years", "long", "way", "back", "then"])


def _only_words(clause: list[Token], allowed: frozenset[str]) -> bool:
    return all(t.raw in allowed for t in clause)
