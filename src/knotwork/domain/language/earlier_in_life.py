"""Clauses dated to the person's younger years: "had my appendix out at 19".

With an age of their own ("I'm 41"), any younger age dates its clause to the
past; without one, a teenage or early-adult age told in the past tense does.
"""

from __future__ import annotations

from collections.abc import Sequence

from knotwork.domain.language.ages import Age
from knotwork.domain.language.numbers import spoken_number
from knotwork.domain.language.text import Token


def earlier_in_life(
    tokens: Sequence[Token], every: Sequence[Token], ages: Sequence[Age]
) -> list[tuple[int, str]]:
    """Content positions in a clause dated by a younger own age ("at 19")."""
    own = [a.years for a in ages if a.subject == "self"]
    clauses: dict[int, str] = {}
    for j in range(len(every) - 1):
        if every[j].raw not in ("at", "aged", "age"):
            continue
        spoken = spoken_number(every, j + 1)
        if spoken is None:
            continue
        then, last = spoken
        following = every[last + 1].raw if last + 1 < len(every) else ""
        if following in _NOT_AN_AGE_AFTER or following.isdigit():
            continue  # "at 22 weeks", "at 22/40": a count, not an age
        # "Had my appendix out at 19, I'm 41 now": an age below the one the
        # person gives dates that clause to the past.
        younger = then + 2 <= max(own) if own else False
        if younger or (not own and _a_young_age_told_in_the_past(every, j, spoken)):
            clauses[every[j].clause] = f"{every[j].raw} {then}"
    return [(i, clauses[t.clause]) for i, t in enumerate(tokens) if t.clause in clauses]


# Past-tense verbs that tell of an illness or injury had at some age.
_TOLD_IN_THE_PAST = frozenset(
    ["had", "got", "caught", "broke", "tore", "snapped", "fractured", "was", "were"]
)
_TODAY = frozenset(
    ["this", "today", "tonight", "yesterday", "last", "morning", "night", "on"]
    + ["afternoon", "evening", "lunchtime", "am", "pm"]
)
_BROKEN = frozenset(
    ["broke", "tore", "snapped", "fractured", "dislocated", "cracked", "smashed"]
)
# What may follow a number that is not an age: "at 17 weeks", "at 17:30".
_NOT_AN_AGE_AFTER = frozenset(
    ["weeks", "wks", "week", "days", "degrees", "c", "f", "kg", "mg", "miles", "km"]
    + ["percent", "%", ":", ".", "pm", "am", "hundred", "o'clock", "h", "hrs"]
)


def _a_young_age_told_in_the_past(
    every: Sequence[Token], j: int, spoken: tuple[int, int]
) -> bool:
    """Whether "at 17" after "had ..." dates a clause to the person's youth.

    Without an age of their own, "had glandular fever at 17" still tells of
    the past: hours of the clock stop at 12, and a person old enough to write
    of their teens has left them. Numbers with a unit after them are no age.
    """
    then, last = spoken
    if not 3 <= then <= 25:
        return False
    following = every[last + 1].raw if last + 1 < len(every) else ""
    if following in _NOT_AN_AGE_AFTER or following.isdigit():
        return False
    clause = every[j].clause
    after = {t.raw for t in every[last + 1 : last + 5] if t.clause == clause}
    if after & _TODAY:
        return False  # "broke my wrist at 9 this morning": the clock
    told = {t.raw for t in every[max(j - 8, 0) : j] if t.clause == clause}
    # "Broke my collarbone at 12": no one breaks a bone at noon, so a child's
    # age counts after an injury; "had a nap at 12" may be the clock.
    # "Tonsils out at age six": the word "age" leaves no clock to mistake.
    said_age = every[j].raw in ("age", "aged")
    return bool(told & _BROKEN) or (
        (then >= 13 or said_age) and bool(told & _TOLD_IN_THE_PAST)
    )
