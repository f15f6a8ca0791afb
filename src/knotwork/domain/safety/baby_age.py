"""A baby's age, when given, dates the birth: "new mum, baby is 14 months".

The weeks after birth matter for a while (the postpartum rules' ``max_days``).
"New mum" says nothing of when; a baby said to be fourteen months old does,
so the birth is dated by the baby's age wherever the message names it.
"""

from __future__ import annotations

from collections.abc import Sequence

from knotwork.domain.language.context import PAST_DAYS
from knotwork.domain.language.numbers import word_number
from knotwork.domain.language.text import Token
from knotwork.domain.safety.mention import Mention

_BABY_NOUNS = frozenset(
    ["baby", "babies", "bub", "bubba", "newborn", "twins", "son", "daughter", "lo"]
    + ["youngest", "girl", "boy", "child", "kid", "lad", "lass", "eldest", "bairn"]
)
# A caesarean is the birth, and an operation: the baby's age dates both.
_SECTION_WORDS = ("caesarean", "cesarean", "section")
# Words between a child and a bare age: "my youngest, who is nearly four".
_ABOUT = frozenset(
    ["is", "was", "who", "who's", "whos", "nearly", "almost", "just", "about"]
    + ["over", "now", "turning", "turned"]
)
_UNIT_DAYS = {"day": 1, "days": 1, "week": 7, "weeks": 7, "wk": 7, "wks": 7}
_UNIT_DAYS |= {"month": 30, "months": 30}
_UNIT_DAYS |= {"mo": 30, "mos": 30, "year": 365, "years": 365, "yr": 365, "yrs": 365}
# Concepts that tell of a birth, and so of the weeks after it.
_BIRTH = frozenset(["postpartum", "born_by_section", "born_recently", "baby_word"])
_REACH = 3
_THE_CHILD = frozenset(["he's", "she's", "he", "she"])


def baby_days(every: Sequence[Token]) -> int | None:
    """Return how old the message says the baby is, in days, if it says.

    "Baby is 14 months", "our 6 week old son", and "my youngest is nearly
    three", where a bare number is years.
    """
    named = False
    for i, token in enumerate(every[:-1]):
        named = named or token.raw.removesuffix("'s") in _BABY_NOUNS
        # "My son was born, and he's six now": the pronoun is the child named.
        pronoun = named and token.raw in _THE_CHILD
        if not (token.raw.removesuffix("'s") in _BABY_NOUNS or pronoun):
            continue
        k = i + 1
        while k < len(every) and every[k].raw in _ABOUT and k - i <= _REACH:
            k += 1
        years = word_number(every[k].raw) if k < len(every) else None
        unit = every[k + 1].raw if k + 1 < len(every) else ""
        if years is not None and unit not in _UNIT_DAYS and (k > i + 1 or pronoun):
            return years * 365
    for i, token in enumerate(every):
        days = _UNIT_DAYS.get(token.raw)
        if days is None or i == 0:
            continue
        number = word_number(every[i - 1].raw)
        if number is None:
            continue
        near = [*every[max(0, i - 1 - _REACH) : i - 1], *every[i + 1 : i + 1 + _REACH]]
        if any(t.raw.removesuffix("'s") in _BABY_NOUNS for t in near):
            return number * days
    return None


def date_the_birth(mentions: list[Mention], days: int | None) -> list[Mention]:
    """Date every undated mention of a birth by the baby's age."""
    if days is None:
        return mentions
    out = []
    for m in mentions:
        ctx = m.context
        birth = m.concept in _BIRTH or (
            m.concept == "surgery" and any(w in m.words for w in _SECTION_WORDS)
        )
        if birth and ctx.days_ago is None and ctx.time == "now":
            time = "past" if days >= PAST_DAYS else "recent"
            dated = ctx._replace(time=time, days_ago=days, cue="the baby's age")
            m = m._replace(context=dated)
        out.append(m)
    return out
