"""Request and response bodies of the REST API (``XCreate`` in, ``XPublic`` out).

These models only describe shapes and ranges, so that OpenAPI documents them
and a bad field is named in the error; the journal's bodies are in
``journal_schemas``.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import Field, StrictBool, StrictInt

from knotwork.services.journal_checks import NAME_LENGTH
from knotwork.web.fields import (
    MAX_ITEMS,
    Answers,
    Between,
    Create,
    Experience,
    FiniteFloat,
    Ids,
    Label,
    PlanDay,
    Position,
    Public,
    Side,
    Text,
    Tolerance,
    Verdict,
    Weekday,
)

# Errors and health ---------------------------------------------------------------


class FieldProblem(Public):
    """One field that is wrong, and what it must be instead."""

    field: str
    message: str


class Problem(Public):
    """An RFC 9457 problem document (``application/problem+json``)."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str
    errors: list[FieldProblem] | None = None


class HealthPublic(Public):
    status: Literal["ok"]
    version: str


class CreatedId(Public):
    id: str


# Finder and safety -----------------------------------------------------------------


class WhereCreate(Create):
    """Where it hurts: plain words, body-region ids, or both.

    ``answers`` maps screening question ids to yes (true) or no (false). The
    saved health screen applies unless ``use_profile`` is false.
    """

    text: Text = ""
    regions: Ids = []
    side: Side | None = None
    answers: Answers = {}
    use_profile: bool = True
    confirmed: Ids = Field(
        default=[],
        description="Muscles whose trigger point, pressed, brought back the "
        "familiar pain; they rank first.",
    )
    ruled_out: Ids = Field(
        default=[],
        description="Muscles whose trigger point, pressed, did not; they move down.",
    )


class CheckCreate(Create):
    """Symptoms or health details to screen, with condition and area ids.

    ``answers`` maps screening question ids to yes (true) or no (false). The
    saved health screen applies unless ``use_profile`` is false.
    """

    text: Text = ""
    conditions: Ids = []
    areas: Ids = []
    answers: Answers = {}
    use_profile: bool = True


class ReasonPublic(Public):
    id: str
    kind: str
    name: str
    verdict: Verdict
    advice: str
    urgent: bool
    matched: str


class SetAsidePublic(Public):
    id: str
    name: str
    matched: str
    because: str


class QuestionPublic(Public):
    id: str
    text: str
    flag: str
    why: str


class SafetyPublic(Public):
    """The verdict first; ``areas`` maps an area id to ok, modify or avoid.

    ``set_aside`` lists what was noticed but not counted (someone else's,
    past, ruled out, hypothetical, a figure of speech), with why;
    ``questions`` are the screening questions still to answer.
    """

    verdict: Verdict
    headline: str
    reasons: list[ReasonPublic]
    areas: dict[str, str]
    set_aside: list[SetAsidePublic]
    questions: list[QuestionPublic]
    caveats: list[str]


class CandidatePublic(Public):
    muscle: str
    name: str
    score: float
    why: str
    zones: list[str]
    co_triggers: list[str]
    pressed: Literal["confirmed", "ruled_out"] | None = None


class TreatmentPublic(Public):
    muscle: str
    name: str
    technique: str | None
    position: str | None
    ball: str | None
    hold_seconds: tuple[int, int] | None
    pressure: str
    steps: list[str]
    movement: str | None
    keep_off: list[str]
    note: str | None
    side: str | None
    set_aside: list[str] = []


class ConsultationPublic(Public):
    """Same as ``knotwork where --json``."""

    safety: SafetyPublic
    candidates: list[CandidatePublic]
    regions: list[str]
    side: str | None
    syndromes: list[str]
    advice_withheld: bool
    avoided_source: str | None
    treatment: TreatmentPublic | None


# Knowledge -------------------------------------------------------------------------


class RegionPublic(Public):
    id: str
    name: str
    view: str


class SafetyItemPublic(Public):
    id: str
    kind: Literal["condition", "red_flag"]
    name: str
    verdict: Verdict


# Balls -----------------------------------------------------------------------------


class BallChoiceCreate(Create):
    """What to work on and what suits the person (same as ``knotwork ball``)."""

    muscles: Ids = []
    regions: Ids = []
    tolerance: Tolerance | None = Field(
        None, description="Pressure you enjoy; the saved profile's when left out."
    )
    experience: Experience | None = Field(
        None, description="Ball work done so far; the saved profile's when left out."
    )
    no_floor: StrictBool = False
    travel: StrictBool = False
    eco: StrictBool = False
    budget: FiniteFloat | None = Field(None, description="Most you will pay, USD.")
    conditions: Ids = []
    use_profile: StrictBool = True


class RankedBallPublic(Public):
    ball: str
    name: str
    score: int
    reasons: list[str]


class StarterPairPublic(Public):
    broad: str
    focused: str
    why: str


class BallAdvicePublic(Public):
    """Same as ``knotwork ball --json``."""

    safety: SafetyPublic
    advice_withheld: bool
    ranking: list[RankedBallPublic]
    starter_pair: StarterPairPublic | None
    avoided_areas: list[str]
    notes: list[str]


# Routines and plans ----------------------------------------------------------------


class RoutineCreate(Create):
    """A built-in routine by ``name``, or a custom one (``knotwork routine``)."""

    name: Annotated[str, Field(max_length=NAME_LENGTH)] | None = None
    targets: Ids = []
    minutes: FiniteFloat | None = None
    context: Label | None = Field(
        None, description="pre-workout, post-workout, rest-day, flare-up or desk-break"
    )
    have: Ids = []
    positions: Annotated[list[Position], Field(max_length=MAX_ITEMS)] = []
    conditions: Ids = []
    cleared: StrictBool = False
    side: Side | None = None
    where: Text | None = Field(
        None, description="Describe the pain; the top sources become targets."
    )
    use_profile: StrictBool = True


class RoutineStepPublic(Public):
    target: str | None
    technique: str
    position: str
    ball: str | None
    seconds: int
    pressure: str | None
    protocol: str
    instructions: list[str]
    movement: str
    kind: str
    side: str | None
    hold_seconds: int | None
    paired_with: str | None


class DroppedPublic(Public):
    target: str
    reason: str


class RoutinePublic(Public):
    """Same as ``knotwork routine --json``; no steps when safety says stop."""

    name: str
    steps: list[RoutineStepPublic]
    total_seconds: int
    position_changes: int
    pressure_share: float
    dropped: list[DroppedPublic]
    techniques_set_aside: list[DroppedPublic] = []
    breathing: str
    context: str | None
    message: str | None
    safety: SafetyPublic


class PlanCreate(Create):
    """A week around training days (same options as ``knotwork plan``)."""

    train: Annotated[list[Weekday], Field(max_length=7)] = []
    focus: Ids = []
    # A week holds 10,080 minutes; what is sensible within it is the domain's call.
    minutes_per_week: Annotated[StrictInt, Between(0, 10_080)] | None = None
    days: Annotated[StrictInt, Between(0, 7)] | None = None
    start: PlanDay | None = Field(
        None, description="Calendar start; next Monday if unset."
    )
    times: Annotated[list[Label], Field(max_length=MAX_ITEMS)] = Field(
        [], description="HH:MM for all sessions, or KIND=HH:MM for one kind."
    )
    save: StrictBool = Field(
        False, description="Keep the plan in the journal so adherence is measured."
    )
    use_profile: StrictBool = Field(
        True, description="With no training days given, use the saved ones."
    )


class SlotPublic(Public):
    day: str
    kind: str
    minutes: int
    focus: list[str]
    context: str


class DayPlanPublic(Public):
    day: str
    training: bool
    sessions: list[SlotPublic]
    minutes: int


class PlanPublic(Public):
    """Same as ``knotwork plan --json``, plus the saved plan's id if kept."""

    days: list[DayPlanPublic]
    total_minutes: int
    active_days: int
    notes: list[str]
    starts_on: date
    saved_id: int | None = None
