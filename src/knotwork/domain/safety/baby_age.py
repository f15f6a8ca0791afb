"""A baby's age, when given, dates the birth: "new mum, baby is 14 months".

The weeks after birth matter for a while (the postpartum rules' ``max_days``).
"New mum" says nothing of when; a baby said to be fourteen months old does,
so the birth is dated by the baby's age wherever the message names it.
"""

from __future__ import annotations

from collections.abc import Sequence

from knotwork.domain.language.context import PAST_DAYS
from knotwork.domain.language.text import Token
from knotwork.domain.language.times import word_number
from knotwork.domain.safety.mention import Mention

_BABY_NOUNS = frozenset(
    ["baby", "babies", "bub", "bubba", "newborn", "twins", "son", "daughter", "lo"]
)
_UNIT_DAYS = {"week": 7, "weeks": 7, "wk": 7, "wks": 7, "month": 30, "months": 30}
_UNIT_DAYS |= {"mo": 30, "mos": 30, "year": 365, "years": 365, "yr": 365, "yrs": 365}
# Concepts that tell of a birth, and so of the weeks after it.
_BIRTH = frozenset(["postpartum", "born_by_section", "born_recently", "baby_word"])
_REACH = 3


def baby_days(every: Sequence[Token]) -> int | None:
    """Return how old the message says the baby is, in days, if it says."""
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
        if m.concept in _BIRTH and ctx.days_ago is None and ctx.time == "now":
            time = "past" if days >= PAST_DAYS else "recent"
            dated = ctx._replace(time=time, days_ago=days, cue="the baby's age")
            m = m._replace(context=dated)
        out.append(m)
    return out
