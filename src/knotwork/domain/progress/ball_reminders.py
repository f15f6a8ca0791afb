"""Remind the person to check balls that are getting old, and what to look for.

The signs that a ball needs replacing come from each ball's care notes in the
knowledge base. The yearly check is knotwork's own rule of thumb, not a seed
figure: rubber and foam age, and a look once a year costs nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from knotwork.domain.journal.records import OwnedBall
from knotwork.domain.progress.alerts import readable
from knotwork.kb.loader import load_kb
from knotwork.kb.record import record

# Not a seed figure: a yearly prompt to inspect the ball for the signs below.
BALL_CHECK_DAYS = 365
GENERIC_REPLACE_SIGNS = (
    "Replace it when it stays flattened, cracks, or the surface turns sticky or flaky."
)


@record
class BallReminder:
    """A ball to inspect, and the signs that mean it needs replacing."""

    ball: str
    purchased: date | None
    age_days: int | None
    check_for: str

    @property
    def message(self) -> str:
        """Say why this ball is due a look."""
        name = readable(self.ball)
        # Most ball names already end in "ball" ("lacrosse ball"); say it once.
        if not name.lower().endswith("ball"):
            name += " ball"
        if self.purchased is None or self.age_days is None:
            return f"{name}: no purchase date recorded; check it now and then."
        months = self.age_days // 30
        unit = "month" if months == 1 else "months"
        return (
            f"{name}: bought {self.purchased.isoformat()}, "
            f"{months} {unit} ago; time to check it."
        )

    def to_json(self) -> dict[str, Any]:
        """Return the reminder as plain JSON data."""
        return {
            "ball": self.ball,
            "purchased": None if self.purchased is None else self.purchased.isoformat(),
            "age_days": self.age_days,
            "message": self.message,
            "check_for": self.check_for,
        }


def ball_reminders(balls: Sequence[OwnedBall], today: date) -> list[BallReminder]:
    """Return a reminder for each ball over a year old or of unknown age."""
    catalogue = {b.id: b.care.replace_when for b in load_kb().balls}
    out = []
    for owned in balls:
        signs = catalogue.get(owned.ball, GENERIC_REPLACE_SIGNS)
        if owned.purchased is None:
            out.append(BallReminder(owned.ball, None, None, signs))
            continue
        age = (today - owned.purchased).days
        if age >= BALL_CHECK_DAYS:
            out.append(BallReminder(owned.ball, owned.purchased, age, signs))
    return out
