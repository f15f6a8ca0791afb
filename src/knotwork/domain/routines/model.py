"""The shape of a routine: its steps, what was dropped, and its JSON form."""

from __future__ import annotations

from typing import Any

from knotwork.domain.safety.verdict import SafetyResult
from knotwork.kb.record import asdict, field, record


@record
class Step:
    """One timed step of a routine."""

    target: str | None
    technique: str
    position: str
    ball: str | None
    seconds: int
    pressure: str | None
    protocol: str
    instructions: list[str]
    movement: str
    kind: str = "pressure"
    side: str | None = None
    hold_seconds: int | None = None
    paired_with: str | None = None


@record
class Dropped:
    """A target left out, and why."""

    target: str
    reason: str


@record(frozen=False)
class Routine:
    """A routine ready to run, or the reasons it could not be offered."""

    name: str
    steps: list[Step]
    safety: SafetyResult
    dropped: list[Dropped] = field(default_factory=list)
    breathing: str = "four_six"
    context: str | None = None
    budget_seconds: int | None = None
    message: str | None = None
    # Techniques passed over because they break a condition's limit, and why.
    set_aside: list[Dropped] = field(default_factory=list)

    @property
    def total_seconds(self) -> int:
        """Return the routine's length."""
        return sum(s.seconds for s in self.steps)

    @property
    def position_changes(self) -> int:
        """Count how often the person must change position."""
        positions = [s.position for s in self.steps if s.position != "standing"]
        return sum(a != b for a, b in zip(positions, positions[1:], strict=False))

    @property
    def pressure_share(self) -> float:
        """Return the share of the time spent under pressure."""
        under = sum(s.seconds for s in self.steps if s.kind == "pressure")
        return round(under / self.total_seconds, 3) if self.total_seconds else 0.0

    def to_json(self) -> dict[str, Any]:
        """Return the documented JSON shape."""
        return {
            "name": self.name,
            "steps": [asdict(s) for s in self.steps],
            "total_seconds": self.total_seconds,
            "position_changes": self.position_changes,
            "pressure_share": self.pressure_share,
            "dropped": [asdict(d) for d in self.dropped],
            "techniques_set_aside": [asdict(d) for d in self.set_aside],
            "breathing": self.breathing,
            "context": self.context,
            "message": self.message,
            "safety": self.safety.to_json(),
        }
