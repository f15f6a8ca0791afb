"""How long something has gone on, from two days of the month.

"I started the ball on the 1st ... today is the 20th": the person gives no
span in words, but the two dates give one. Only a start marked as such ("on",
"since" or "from the 1st") and a today marked as such ("today is the 20th",
"it's the 20th", "now the 20th") are read, so dates of other events pass by.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from knotwork.domain.language.context import Context
from knotwork.domain.language.text import Token
from knotwork.domain.safety.mention import Mention

_ORDINAL = re.compile(r"(\d{1,2})(?:st|nd|rd|th)")
_STARTS = frozenset(["on", "since", "from"])
_TODAY = frozenset(["today", "it's", "its", "now", "is"])
# The same count of days the phrase "a fortnight" stands for, give or take.
_WEEKS_FROM_DAYS = 12


def _day(raw: str) -> int | None:
    m = _ORDINAL.fullmatch(raw)
    return int(m.group(1)) if m and 1 <= int(m.group(1)) <= 31 else None


def span_between_days(every: Sequence[Token]) -> list[Mention]:
    """Return a "weeks" mention when a start and a today lie two weeks apart."""
    start: int | None = None
    start_raw = ""
    for i, token in enumerate(every):
        day = _day(token.raw)
        if day is None or i < 2 or every[i - 1].raw != "the":
            continue
        before = every[i - 2].raw
        if start is None and before in _STARTS:
            start, start_raw = day, token.raw
        elif start is not None and before in _TODAY and day - start >= _WEEKS_FROM_DAYS:
            words = f"the {start_raw} ... the {token.raw}"
            context = Context(cue=words)
            return [Mention("weeks", token.sentence, words, context)]
    return []
