"""What knotwork remembers about a person: plain, typed, storage-free records.

The guided session produces a ``SessionRecord``; the journal stores these
records; progress analytics and exports read them. Keeping them as plain
dataclasses lets the domain stay free of the database layer.
"""

from __future__ import annotations

from datetime import date, datetime

from knotwork.domain.names import POSITIONS as POSITIONS

# Re-exported: records have long been where callers found the positions.
from knotwork.domain.safety.health_facts import HealthFacts
from knotwork.errors import KnotworkError
from knotwork.kb.record import field, record

SIDES = ("left", "right", "both", "centre")
TOLERANCES = ("low", "medium", "high")
EXPERIENCE = ("new", "some", "lots")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# A session step with no target muscle (a re-test, a movement) is named by
# its kind instead; the journal and the import accept both.
STEP_KINDS = ("pressure", "movement", "retest")


class InvalidRecord(KnotworkError):
    """A record that breaks a rule (pain 11, a date in the future, ...)."""


@record
class PainEntry:
    """Pain felt at one spot, 0-10, at one moment."""

    spot: str  # a muscle or region id
    pain: int
    at: datetime
    side: str | None = None
    activity: str | None = None
    note: str | None = None
    session_id: str | None = None  # set when logged before/after a session
    phase: str | None = None  # "before" | "after" | None


@record
class RomEntry:
    """A range-of-motion re-test: degrees, or a 0-10 ease rating."""

    movement: str
    at: datetime
    degrees: float | None = None
    ease: int | None = None
    side: str | None = None
    spot: str | None = None
    note: str | None = None
    session_id: str | None = None
    phase: str | None = None  # "before" | "after" the session, or None


@record
class StepRecord:
    """One routine step as actually done."""

    index: int
    target: str
    technique: str
    ball: str | None
    protocol: str
    planned_seconds: int
    done_seconds: int
    pressure_felt: int | None = None  # 0-10
    skipped: bool = False
    side: str | None = None


@record
class StopEvent:
    """The person pressed "stop - something's wrong"."""

    sign: str  # a stop-sign id from the knowledge base
    at: datetime
    step_index: int | None
    red_flag: str | None
    advice: str


@record
class SessionRecord:
    """A guided session from start to finish (or to its interruption)."""

    id: str
    routine: str
    started_at: datetime
    ended_at: datetime | None
    steps: list[StepRecord] = field(default_factory=list)
    pain_before: dict[str, int] = field(default_factory=dict)  # spot -> 0-10
    pain_after: dict[str, int] = field(default_factory=dict)
    retest: str | None = None
    retest_ease: int | None = None
    stop: StopEvent | None = None
    completed: bool = False

    @property
    def interrupted(self) -> bool:
        """Whether the session ended early."""
        return not self.completed


@record
class OwnedBall:
    """A ball the person owns, and when they bought it."""

    ball: str  # a ball id from the catalogue
    purchased: date | None = None


@record
class Profile:
    """What changes how knotwork advises this person."""

    conditions: list[str] = field(default_factory=list)
    cleared: list[str] = field(
        default_factory=list
    )  # conditions cleared by a clinician
    tolerance: str = "medium"
    experience: str = "some"
    balls: list[OwnedBall] = field(default_factory=list)
    positions: list[str] = field(default_factory=lambda: list(POSITIONS))
    training_days: list[str] = field(default_factory=list)
    # The health screen's dated answers: age band, pregnancy, medicines.
    health: HealthFacts = field(default_factory=HealthFacts)


def check_pain(value: int) -> int:
    """Return a 0-10 pain score or raise ``InvalidRecord``."""
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10:
        raise InvalidRecord(f"pain must be a whole number from 0 to 10, not {value!r}")
    return value


def check_not_future(moment: datetime, now: datetime) -> datetime:
    """Return the moment, or raise when it lies in the future."""
    if moment > now:
        raise InvalidRecord(f"{moment:%Y-%m-%d %H:%M} is in the future")
    return moment
