"""Decide whether a change in 0-10 pain is big enough to matter to a person.

The threshold is not in the seeds. It is the minimal clinically important
difference commonly used for the 0-10 numeric rating scale, taken from
Farrar et al., Pain 2001: a drop of about 2 points or about 30% is the change
people themselves rate as "much better". We apply it both ways, so a rise of
that size counts as a meaningful worsening.
"""

from __future__ import annotations

from typing import Any, Literal

from knotwork.kb.record import record

MEANINGFUL_POINTS = 2.0
MEANINGFUL_FRACTION = 0.30
MEANINGFUL_CHANGE_SOURCE = "Farrar et al., Pain 2001 (NRS: ~2 points or ~30%)"
MEANINGFUL_CHANGE_RULE = "at least 2 points or at least 30% from baseline"

# Means of whole numbers are floats; this keeps 1.9999999 from missing 2.
_EPSILON = 1e-9

Direction = Literal["better", "worse", "unchanged"]


@record
class Change:
    """How pain moved from a baseline to a current level."""

    baseline: float
    current: float
    meaningful: bool
    direction: Direction

    @property
    def points(self) -> float:
        """Return current minus baseline (negative means less pain)."""
        return self.current - self.baseline

    @property
    def percent(self) -> float | None:
        """Return the change as a percentage of baseline, or None from zero."""
        if self.baseline <= 0:
            return None
        return 100.0 * self.points / self.baseline

    def to_json(self) -> dict[str, Any]:
        """Return the change as plain JSON data."""
        percent = self.percent
        return {
            "baseline": round(self.baseline, 2),
            "current": round(self.current, 2),
            "points": round(self.points, 2),
            "percent": None if percent is None else round(percent, 1),
            "meaningful": self.meaningful,
            "direction": self.direction,
        }


def is_meaningful_change(baseline: float, current: float) -> bool:
    """Return whether the change is at least 2 points or at least 30% of baseline."""
    delta = abs(current - baseline)
    if delta <= _EPSILON:
        return False
    if delta >= MEANINGFUL_POINTS - _EPSILON:
        return True
    return baseline > 0 and delta >= MEANINGFUL_FRACTION * baseline - _EPSILON


def assess_change(baseline: float, current: float) -> Change:
    """Compare current pain with baseline under the meaningful-change rule."""
    meaningful = is_meaningful_change(baseline, current)
    direction: Direction = "unchanged"
    if meaningful:
        direction = "better" if current < baseline else "worse"
    return Change(baseline, current, meaningful, direction)
