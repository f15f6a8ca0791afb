"""Bodies of the journal routes: sessions, pain, re-tests, profile, progress, data.

Records come back as the domain's own dataclasses (`SessionRecord`, `Profile`,
`History`), which FastAPI serialises without copying them into models first.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import Field, StrictBool

from knotwork.domain.limits import MAX_DEGREES
from knotwork.services.journal_checks import ID_LENGTH, LABEL_LENGTH, NAME_LENGTH
from knotwork.web.fields import (
    MAX_ITEMS,
    Between,
    Create,
    Day,
    Experience,
    FiniteFloat,
    Id,
    Ids,
    JournalSide,
    Label,
    Moment,
    Note,
    Position,
    Public,
    Score,
    Seconds,
    StepIndex,
    Tolerance,
    Weekday,
)


class StepRecordCreate(Create):
    index: StepIndex
    target: Id
    technique: Label
    ball: Id | None = None
    protocol: Annotated[str, Field(max_length=40)]
    planned_seconds: Seconds
    done_seconds: Seconds
    pressure_felt: Score | None = None
    skipped: StrictBool = False
    side: JournalSide | None = None


class StopEventCreate(Create):
    sign: Id
    at: Moment
    step_index: StepIndex | None = None
    red_flag: Id | None = None
    advice: Note


class SessionCreate(Create):
    """A guided session as the player recorded it; the same id replaces it."""

    id: Annotated[str, Field(min_length=1, max_length=ID_LENGTH)]
    routine: Annotated[str, Field(min_length=1, max_length=NAME_LENGTH)]
    started_at: Moment
    ended_at: Moment | None = None
    steps: Annotated[list[StepRecordCreate], Field(max_length=MAX_ITEMS)] = []
    pain_before: dict[str, Score] = {}
    pain_after: dict[str, Score] = {}
    retest: Note | None = None
    retest_ease: Score | None = None
    stop: StopEventCreate | None = None
    completed: StrictBool = False


class PainCreate(Create):
    """Pain at one spot, 0-10; ``at`` defaults to now."""

    spot: Id
    pain: Score
    at: Moment | None = None
    side: JournalSide | None = None
    activity: Label | None = None
    note: Note | None = None


class PainLoggedPublic(Public):
    """The pain entry as kept, with its id."""

    id: int
    spot: str
    pain: int
    at: datetime
    side: str | None
    activity: str | None
    note: str | None
    session_id: str | None
    phase: str | None


class RomCreate(Create):
    """A range-of-motion re-test: degrees, or an ease rating from 0 to 10.

    The player sends one per side before and after a session, naming the
    session and the phase, so the two can be compared.
    """

    movement: Annotated[str, Field(min_length=1, max_length=LABEL_LENGTH)]
    degrees: Annotated[FiniteFloat, Between(0, MAX_DEGREES)] | None = None
    ease: Score | None = None
    side: JournalSide | None = None
    spot: Id | None = None
    at: Moment | None = None
    note: Note | None = None
    session_id: Annotated[str, Field(min_length=1, max_length=ID_LENGTH)] | None = None
    phase: Literal["before", "after"] | None = None


class RomLoggedPublic(Public):
    """The re-test as kept, with its id."""

    id: int
    movement: str
    at: datetime
    degrees: float | None
    ease: int | None
    side: str | None
    spot: str | None
    note: str | None
    session_id: str | None
    phase: str | None


class OwnedBallCreate(Create):
    ball: Id
    purchased: Day | None = None


class ProfileUpdate(Create):
    """The whole profile; PUT replaces it (unset fields take their defaults)."""

    conditions: Ids = []
    cleared: Ids = []
    tolerance: Tolerance = "medium"
    experience: Experience = "some"
    balls: Annotated[list[OwnedBallCreate], Field(max_length=MAX_ITEMS)] = []
    positions: Annotated[list[Position], Field(max_length=MAX_ITEMS)] = [
        "wall",
        "floor",
        "seated",
        "handheld",
    ]
    training_days: Annotated[list[Weekday], Field(max_length=7)] = []
    # GET /profile carries the health screen, so a client that edits what it
    # read sends it back. It is read-only here: the screen changes through
    # PUT /profile/health, where its answers are checked and dated.
    health: HealthEcho | None = Field(
        default=None,
        description="Ignored: the screen is kept; change it with PUT /profile/health.",
    )


class HealthEcho(Create):
    """The health screen as GET /profile shows it; accepted and left unused."""

    age_band: Annotated[str, Field(max_length=20)] | None = None
    pregnant_weeks: Annotated[int, Field(ge=0, le=45)] | None = None
    pregnant_as_of: Day | None = None
    gave_birth_on: Day | None = None
    medicines: Annotated[
        list[Annotated[str, Field(max_length=NAME_LENGTH)]], Field(max_length=MAX_ITEMS)
    ] = []
    screened_on: Day | None = None


class HealthScreenAnswers(Create):
    """The health screen's answers, as plain text, asked once and changeable.

    Weeks of pregnancy are dated by the server, so they count on by themselves.
    """

    age_band: Annotated[str, Field(max_length=20)] = ""
    pregnant_weeks: Annotated[str, Field(max_length=10)] = ""
    gave_birth_on: Annotated[str, Field(max_length=20)] = ""
    medicines: Annotated[str, Field(max_length=1400)] = ""
    implant: Annotated[str, Field(max_length=10)] = ""


class HealthScreenPublic(Public):
    """The saved screen, the conditions it means today, and its questions."""

    answers: dict[str, object]
    conditions_today: list[str]
    to_ask_again: list[str]
    questions: list[dict[str, str]]


# Progress and data -----------------------------------------------------------------


class ProgressPublic(Public):
    """Same as ``knotwork progress --json`` (without the chart file)."""

    generated_at: datetime
    filters: dict[str, str | None]
    meaningful_change: dict[str, str]
    escalations: list[dict[str, Any]]
    trends: list[dict[str, Any]]
    rom: list[dict[str, Any]]
    session_summary: dict[str, Any]
    recent_sessions: list[dict[str, Any]]
    helps: list[dict[str, Any]]
    best: dict[str, str | None]
    adherence: dict[str, Any] | None
    recurrences: list[dict[str, Any]]
    ball_reminders: list[dict[str, Any]]


class ImportedPublic(Public):
    """How many records of each kind an import stored."""

    imported: dict[str, int]
