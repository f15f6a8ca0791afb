"""How long something has gone on, from two days of the month or of the week.

"I started the ball on the 1st ... today is the 20th": the person gives no
span in words, but the two dates give one. Only a start marked as such ("on",
"since" or "from the 1st") and a today marked as such ("today is the 20th",
"it's the 20th", "now the 20th") are read, so dates of other events pass by.
"Used the ball Sunday night, it's Wednesday now" is days later, the same way.
A count of days said outright ("about 15 days now", "sixteen nights in a row")
is weeks from twelve on.
"""

from __future__ import annotations

from collections.abc import Sequence

from knotwork.domain.language.ages import ORDINAL
from knotwork.domain.language.context import Context
from knotwork.domain.language.numbers import word_number
from knotwork.domain.language.text import Token
from knotwork.domain.safety.mention import Mention

_STARTS = frozenset(["on", "since", "from"])
_TODAY = frozenset(["today", "it's", "its", "now", "is"])
# The same count of days the phrase "a fortnight" stands for, give or take.
_WEEKS_FROM_DAYS = 12


def _day(raw: str) -> int | None:
    m = ORDINAL.fullmatch(raw)
    return int(m.group(1)) if m and 1 <= int(m.group(1)) <= 31 else None


def days_counted(every: Sequence[Token]) -> list[Mention]:
    """Return a "weeks" mention for "15 days", "eighteen days now" and the like."""
    for i, token in enumerate(every[1:], 1):
        if token.raw not in _DAY_UNITS:
            continue
        before = every[i - 1].raw
        count = int(before) if before.isdigit() else word_number(before)
        if count is not None and _WEEKS_FROM_DAYS <= count <= _DAYS_IN_A_YEAR:
            words = f"{before} {token.raw}"
            return [Mention("weeks", token.sentence, words, Context(cue=words))]
    return []


_DAYS_IN_A_YEAR = 366
# "Sixteen nights in a row", "15 days now": each one a day of the count.
_DAY_UNITS = frozenset(["days", "day", "nights", "evenings", "mornings"])


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


_WEEKDAYS = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)
# Words around a weekday that make it the day something happened.
_EVENT_BEFORE = frozenset(["on", "since", "last"])
_EVENT_AFTER = frozenset(["night", "morning", "evening", "afternoon"])
# Two days on is when soreness from gentle work should have eased.
_DAYS_LATER = 2


def span_between_weekdays(every: Sequence[Token]) -> list[Mention]:
    """Return a "days_later" mention when a weekday event and today lie days apart."""
    start: str | None = None
    for i, token in enumerate(every):
        if token.raw not in _WEEKDAYS:
            continue
        before = every[i - 1].raw if i else ""
        after = every[i + 1].raw if i + 1 < len(every) else ""
        today = before in _TODAY or after == "now" or before == "today"
        if (
            start is None
            and not today
            and (before in _EVENT_BEFORE or after in _EVENT_AFTER)
        ):
            start = token.raw
        elif start is not None and today:
            gap = (_WEEKDAYS.index(token.raw) - _WEEKDAYS.index(start)) % 7
            if gap >= _DAYS_LATER:
                words = f"{start} ... {token.raw}"
                context = Context(cue=words)
                # The span is also told apart from a "2 days later" in words:
                # two dates in two sentences tie a session to how it is now.
                return [
                    Mention("days_later", token.sentence, words, context),
                    Mention("weekday_span", token.sentence, words, context),
                ]
    return []
