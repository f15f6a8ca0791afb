"""The rules the knowledge files must keep, as pydantic models.

``kb.build`` validates the raw data against these in the tests and in
``make kb``; the program itself runs on the plain dataclasses of
``kb.models``, which a test keeps field for field in step with these. Ids
are plain strings checked against the catalogues by ``kb.build`` so that a
typo in a data file fails the suite instead of silently dropping a referral
zone.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Position = Literal["wall", "floor", "seated", "handheld"]
# How the body lies or stands while the ball works: what position limits bind.
Posture = Literal["standing", "seated", "kneeling", "supine", "prone", "side_lying"]
BallSize = Literal["small", "medium", "large"]
Density = Literal["soft", "medium", "firm"]
Protocol = Literal["sustained_compression", "rolling", "pin_and_stretch"]
Prevalence = Literal["very_common", "common", "occasional"]
Verdict = Literal["ok", "modify", "clinician_first", "stop"]
AreaVerdict = Literal["ok", "modify", "avoid"]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Segment(Model):
    id: str
    next_to: list[str] = Field(min_length=1)


class Region(Model):
    id: str
    name: str
    view: Literal["front", "back", "both"]
    segment: str
    phrases: list[str] = Field(min_length=1)


class TriggerPoint(Model):
    id: str
    location: str
    primary: list[str] = Field(min_length=1)
    spillover: list[str] = []
    prevalence: Prevalence


class Technique(Model):
    id: str
    name: str
    position: Position
    ball_sizes: list[BallSize] = Field(min_length=1)
    densities: list[Density] = Field(min_length=1)
    protocol: Protocol
    steps: list[str] = Field(min_length=2)
    hold_seconds: tuple[int, int]
    movement: str
    keep_off: list[str] = []
    posture: Posture
    # Seed 000: medium density suits most people; very firm is for the
    # experienced. The engine starts here and moves only on experience/tolerance.
    default_density: Density
    # The longest hold for someone new to ball work (seed 000/004: 60 s at most).
    beginner_max_hold: int = Field(ge=5, le=60)

    @model_validator(mode="after")
    def _hold_is_a_range(self) -> Technique:
        low, high = self.hold_seconds
        if not 5 <= low <= high <= 120:
            raise ValueError(f"hold_seconds {self.hold_seconds} is not a sane range")
        if self.default_density not in self.densities:
            raise ValueError(f"{self.id}: default density is not one it allows")
        if self.beginner_max_hold > high:
            raise ValueError(f"{self.id}: beginner hold longer than the technique's")
        return self


class Muscle(Model):
    id: str
    name: str
    lay_names: list[str] = Field(min_length=1)
    location: str
    how_to_find: str
    regions: list[str] = Field(min_length=1)
    trigger_points: list[TriggerPoint] = Field(min_length=1)
    symptoms: list[str] = Field(min_length=1)
    aggravators: list[str] = Field(min_length=1)
    cues: list[str] = []
    co_triggers: list[str] = []
    techniques: list[Technique] = []
    ball_note: str | None = None

    @model_validator(mode="after")
    def _ball_or_alternative(self) -> Muscle:
        if not self.techniques and not self.ball_note:
            raise ValueError(
                f"{self.id}: no technique and no note on what to do instead"
            )
        return self


class KeepOff(Model):
    id: str
    name: str
    why: str


class Ball(Model):
    id: str
    name: str
    in_seed_table: bool
    diameter_in: tuple[float, float]
    size: BallSize
    density: Density
    material: str
    texture: Literal["smooth", "textured", "spiky"]
    format: Literal["single", "double", "handheld"]
    eco: bool
    price_usd: tuple[int, int]
    best_for: list[str] = Field(min_length=1)
    best_regions: list[str] = []
    cautions: list[str] = Field(min_length=1)
    care: Care


class Care(Model):
    cleaning: str
    heat: str
    replace_when: str


class PositionLimit(Model):
    """A way of lying or leaning a condition rules out.

    A technique breaks the limit when its posture is listed (or no posture is
    listed), its position is listed (or none is), and, when regions are given,
    the muscle lies in one of them.
    """

    id: str
    postures: list[Posture] = []
    positions: list[Position] = []
    regions: list[str] = []
    why: str

    @model_validator(mode="after")
    def _says_something(self) -> PositionLimit:
        if not self.postures and not self.positions:
            raise ValueError(f"{self.id}: a position limit needs a posture or position")
        return self


class ConditionLimits(Model):
    """What a condition binds in the prescription, not only in the prose.

    Whole-area ``avoid`` stays on the condition (``areas``/``area_verdict``);
    these add gentler areas, spots without sustained holds, and dose caps.
    """

    positions: list[PositionLimit] = []
    modify_areas: list[str] = []
    # Conventional "no sustained pressure" spots: the ball may pass, not hold.
    no_sustained_pressure: list[str] = []
    max_hold_seconds: int | None = Field(default=None, ge=5, le=90)
    max_pressure: int | None = Field(default=None, ge=1, le=10)
    max_density: Density | None = None
    # Frail skin tears under a rolling ball; such protocols are never chosen.
    forbidden_protocols: list[Protocol] = []


class Condition(Model):
    id: str
    name: str
    verdict: Verdict
    area_verdict: AreaVerdict
    areas: list[str] = []
    applies_to_named_area: bool = False
    # The verdict when the text places the condition away from every area to
    # be worked: a bruise on the shin does not change work on the upper back.
    elsewhere_verdict: Verdict | None = None
    advice: str
    cleared_verdict: Verdict
    evidence: list[str] = []
    limits: ConditionLimits = ConditionLimits()


class RedFlag(Model):
    id: str
    name: str
    verdict: Verdict
    urgent: bool
    advice: str
    during_session: bool = False
    evidence: list[str] = []


# "internal" marks a quality bar for the team (e.g. symptom-checker accuracy
# figures): it never reaches a person using knotwork.
Audience = Literal["user", "internal"]


class Study(Model):
    id: str
    citation: str
    design: str
    finding: str
    source: str
    audience: Audience = "user"


class Claim(Model):
    id: str
    text: str
    evidence: list[str] = Field(min_length=1)
    audience: Audience = "user"


class HoldRule(Model):
    protocol: Protocol
    seconds: tuple[int, int]
    applies_to: str
    evidence: list[str] = []


class Dosing(Model):
    pressure_target: tuple[int, int]
    hold_positions: list[HoldPosition]
    hold_rules: list[HoldRule]
    reconciliation: str
    sore_next_day: str
    bruise_caution_seconds: int
    minutes_per_muscle_group: tuple[int, int]
    session_minutes: tuple[int, int]
    days_per_week: tuple[int, int]
    pre_workout_minutes: tuple[int, int]
    post_workout_minutes: tuple[int, int]
    rest_day_minutes: tuple[int, int]
    breathing: list[Breathing]


class HoldPosition(Model):
    source: str
    seconds: tuple[int, int]
    context: str


class Breathing(Model):
    id: str
    name: str
    pattern: list[tuple[str, float]]
    source: str


Ball.model_rebuild()
Dosing.model_rebuild()


class EscalationRule(Model):
    id: str
    trigger: str
    action: str
    red_flag: str | None


class StopSign(Model):
    id: str
    label: str
    red_flag: str | None
    advice: str


class GeneralWord(Model):
    phrases: list[str] = Field(min_length=1)
    regions: dict[str, float]


class Syndrome(Model):
    id: str
    name: str
    phrases: list[str] = Field(min_length=1)
    regions: dict[str, float]
    muscles: dict[str, float] = Field(min_length=1)


class SafetyRule(Model):
    flag: str
    all: list[str] = Field(min_length=1)
    # Slots met anywhere in the text, whatever the scope ("after a long flight").
    anywhere: list[str] = []
    none: list[str] = []
    scope: Literal["sentence", "text"] = "sentence"
    # Past mentions count: a history of clots or of cancer is itself the flag.
    history: bool = False
    # A dated mention older than this many days is set aside ("surgery in 2019").
    max_days: int | None = Field(default=None, gt=0)
    # Whose mention counts: the person's own, or a child's they describe.
    subject: Literal["self", "child"] = "self"
    # Risk context in `anywhere` counts even when over ("the scar healed").
    anywhere_history: bool = False
    # A warning sign that passed still counts (a mini-stroke, angina at rest).
    resolved_counts: bool = False
    # A passed sign counts only while this recent ("a face that drooped last
    # week"); one dated years back is history, not a warning now.
    passed_within: int | None = Field(default=None, gt=0)
    # A dated event, not a symptom: inside ``max_days`` it stays recent however
    # well it healed ("gallbladder out five weeks ago, recovery's been smooth").
    dated_event: bool = False
    # Concepts that cancel the rule from anywhere in the text, not only in
    # their sentence: "calves tight after the drive. Both legs the same."
    none_anywhere: list[str] = []
    # How long the sign has lasted: "new" counts only a sign not said to have
    # gone on for a year or more; "long" counts only one that has (numbness
    # "for years" is a known loss of feeling, not a new nerve warning).
    lasting: Literal["any", "new", "long"] = "any"


class ContextTrigger(Model):
    category: Literal[
        "other",
        "child",
        "self",
        "current",
        "past",
        "resolved",
        "negated",
        "hypothetical",
        "question",
        "figurative",
    ]
    # "within" marks the trigger's own words ("I'm a Cancer" is the sign).
    direction: Literal["forward", "backward", "both", "within"]
    scope: Literal["clause", "sentence"]
    window: int = Field(ge=1, le=20)
    phrases: list[str] = Field(min_length=1)
    applies_to: list[str] = []
    unless_next: list[str] = []
    unless_next_body: bool = False


class ScreeningQuestion(Model):
    id: str
    text: str = Field(min_length=10, max_length=300)
    flag: str
    areas: list[str] = Field(min_length=1)
    why: str
    source: str = Field(min_length=3)
    answered_by: list[str] = []


class OrganCaveat(Model):
    regions: list[str] = Field(min_length=1)
    text: str


class Screening(Model):
    questions: list[ScreeningQuestion] = Field(min_length=1)
    caveats: list[OrganCaveat]


class ContextLexicon(Model):
    triggers: list[ContextTrigger] = Field(min_length=1)


class SafetyPatterns(Model):
    veto: list[str]
    # Look-alikes of one concept only: "bowel cancer" is no bowel change,
    # though it is still cancer.
    look_alikes: dict[str, list[str]]
    concepts: dict[str, list[str]]
    rules: list[SafetyRule]


class Lexicon(Model):
    general: list[GeneralWord]
    syndromes: list[Syndrome]
    sides: dict[Literal["left", "right", "both"], list[str]]


class KnowledgeBase(Model):
    """Everything knotwork knows, validated and cross-referenced."""

    vocabulary: dict[str, dict[str, str]]
    segments: list[Segment]
    regions: list[Region]
    muscles: list[Muscle]
    keep_off: list[KeepOff]
    balls: list[Ball]
    conditions: list[Condition]
    red_flags: list[RedFlag]
    escalation_rules: list[EscalationRule]
    stop_signs: list[StopSign]
    studies: list[Study]
    claims: list[Claim]
    dosing: Dosing
    lexicon: Lexicon
    safety_patterns: SafetyPatterns
    context: ContextLexicon
    screening: Screening


class RoutineStep(Model):
    target: str | None
    kind: Literal["pressure", "movement", "retest"]
    position: Literal["wall", "floor", "seated", "handheld", "standing"]
    posture: Posture
    protocol: Protocol | None
    per_side: bool
    seconds: int = Field(gt=0, le=180)
    hold_seconds: int | None
    ball_sizes: list[BallSize]
    densities: list[Density]
    instructions: list[str] = Field(min_length=1)
    movement: str

    @model_validator(mode="after")
    def _pressure_needs_a_target(self) -> RoutineStep:
        if (self.kind == "pressure") != (self.target is not None):
            raise ValueError("pressure steps, and only they, name a target muscle")
        return self


class BuiltinRoutine(Model):
    id: str
    name: str
    minutes: tuple[int, int]
    source: str
    for_: str = Field(alias="for")
    equipment: str
    breathing: str
    steps: list[RoutineStep] = Field(min_length=2)


FIGURE_WIDTH = 200
FIGURE_HEIGHT = 505


class FigureSite(Model):
    """One trigger point on one view of the figure, on the viewer's left half."""

    view: Literal["front", "back"]
    x: float = Field(ge=0, le=FIGURE_WIDTH / 2)
    y: float = Field(ge=0, le=FIGURE_HEIGHT)
    region: str


class FigureSites(Model):
    """Every muscle's trigger-point sites, by muscle id then trigger-point id."""

    version: int
    about: str
    sites: dict[str, dict[str, FigureSite]]
