"""An age told as years lived: "I have 58 years", "in me 67 year".

Spanish, Italian and French speakers say an age as years one has, and some
English dialects as years one has lived; both are ages, not spans of time.
"""

from __future__ import annotations

_YEARS = frozenset(["years", "year", "yrs", "yr"])
# "I have 5 years of experience", "2 years left", "3 years to go": a span.
_SPAN_AFTER = frozenset(["of", "left", "to", "until", "till", "experience", "more"])


def years_lived(
    before: str, earlier: str, after: list[str], people: frozenset[str]
) -> str:
    """Return whose age "have N years" or "in my N years" gives, or ''."""
    if not after or after[0] not in _YEARS or after[1:2] and after[1] in _SPAN_AFTER:
        return ""
    if before in ("me", "my") and earlier == "in":
        return "self"  # "never had a headache in me 67 year"
    if before not in ("have", "has"):
        return ""
    who = earlier.removesuffix("'s")
    if who in ("i", ""):
        return "self"
    if who in people or who in ("he", "she"):
        return "other"
    return ""
