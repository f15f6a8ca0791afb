"""The knowledge base as typed, immutable objects: what the program runs on.

Every file under ``kb/data`` loads into these frozen dataclasses (lists become
tuples). They carry no validation: ``kb.schema`` states the rules with
pydantic and ``kb.build`` checks the data against them and every
cross-reference, in the tests and in ``make kb``. Keeping pydantic off the
run-time path saves a command the ~130 ms its model classes take to create.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Literal

from knotwork.kb.dosing_models import Breathing as Breathing
from knotwork.kb.dosing_models import Claim as Claim
from knotwork.kb.dosing_models import Dosing as Dosing
from knotwork.kb.dosing_models import HoldPosition as HoldPosition
from knotwork.kb.dosing_models import HoldRule as HoldRule
from knotwork.kb.dosing_models import Study as Study
from knotwork.kb.kinds import AreaVerdict as AreaVerdict
from knotwork.kb.kinds import Audience as Audience
from knotwork.kb.kinds import BallSize as BallSize
from knotwork.kb.kinds import Density as Density

# The kinds, the dosing and evidence, the reading vocabulary and the routines
# live apart to keep modules small; their models are part of this one
# (re-exported), and the loader finds them here.
from knotwork.kb.kinds import Position as Position
from knotwork.kb.kinds import Posture as Posture
from knotwork.kb.kinds import Prevalence as Prevalence
from knotwork.kb.kinds import Protocol as Protocol
from knotwork.kb.kinds import StepPosition as StepPosition
from knotwork.kb.kinds import Verdict as Verdict
from knotwork.kb.reading_models import ContextLexicon as ContextLexicon
from knotwork.kb.reading_models import ContextTrigger as ContextTrigger
from knotwork.kb.reading_models import GeneralWord as GeneralWord
from knotwork.kb.reading_models import Lexicon as Lexicon
from knotwork.kb.reading_models import OrganCaveat as OrganCaveat
from knotwork.kb.reading_models import SafetyPatterns as SafetyPatterns
from knotwork.kb.reading_models import SafetyRule as SafetyRule
from knotwork.kb.reading_models import Screening as Screening
from knotwork.kb.reading_models import ScreeningQuestion as ScreeningQuestion
from knotwork.kb.reading_models import Syndrome as Syndrome
from knotwork.kb.record import field, fields, is_dataclass, record
from knotwork.kb.routine_models import BuiltinRoutine as BuiltinRoutine
from knotwork.kb.routine_models import RoutineStep as RoutineStep

# Every model is a frozen record (a dataclass built without code generation,
# see ``kb.record``); keyword-only, so its fields keep the order of the data
# files and the schema.


@record(kw_only=True)
class Region:
    """A named area of the body where pain is felt."""

    id: str
    name: str
    view: Literal["front", "back", "both"]
    # The part of the body it lies in ("lower_leg"), one of the segments.
    segment: str
    phrases: tuple[str, ...]


@record(kw_only=True)
class Segment:
    """A part of the body that groups regions, and the parts it meets."""

    id: str
    next_to: tuple[str, ...]


@record(kw_only=True)
class TriggerPoint:
    """One trigger point: where it sits and where it sends pain."""

    id: str
    location: str
    primary: tuple[str, ...]
    spillover: tuple[str, ...] = ()
    prevalence: Prevalence


@record(kw_only=True)
class Technique:
    """One way to work a muscle with a ball."""

    id: str
    name: str
    position: Position
    ball_sizes: tuple[BallSize, ...]
    densities: tuple[Density, ...]
    protocol: Protocol
    steps: tuple[str, ...]
    hold_seconds: tuple[int, int]
    movement: str
    keep_off: tuple[str, ...] = ()
    posture: Posture
    # Medium density suits most people; very firm is for the experienced.
    default_density: Density
    # The longest hold for someone new to ball work.
    beginner_max_hold: int


@record(kw_only=True)
class Muscle:
    """A muscle: how people name it, its trigger points and ball techniques."""

    id: str
    name: str
    lay_names: tuple[str, ...]
    location: str
    how_to_find: str
    regions: tuple[str, ...]
    trigger_points: tuple[TriggerPoint, ...]
    symptoms: tuple[str, ...]
    aggravators: tuple[str, ...]
    cues: tuple[str, ...] = ()
    co_triggers: tuple[str, ...] = ()
    techniques: tuple[Technique, ...] = ()
    ball_note: str | None = None


@record(kw_only=True)
class KeepOff:
    """A spot the ball must never press, and why."""

    id: str
    name: str
    why: str


@record(kw_only=True)
class Care:
    """How to clean, warm and know when to replace a ball."""

    cleaning: str
    heat: str
    replace_when: str


@record(kw_only=True)
class Ball:
    """A massage ball in the catalogue."""

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
    best_for: tuple[str, ...]
    best_regions: tuple[str, ...] = ()
    cautions: tuple[str, ...]
    care: Care


@record(kw_only=True)
class PositionLimit:
    """A way of lying or leaning a condition rules out.

    A technique breaks the limit when its posture is listed (or no posture is
    listed), its position is listed (or none is), and, when regions are given,
    the muscle lies in one of them.
    """

    id: str
    postures: tuple[Posture, ...] = ()
    positions: tuple[Position, ...] = ()
    regions: tuple[str, ...] = ()
    why: str


@record(kw_only=True)
class ConditionLimits:
    """What a condition binds in the prescription, not only in the prose."""

    positions: tuple[PositionLimit, ...] = ()
    modify_areas: tuple[str, ...] = ()
    # Conventional "no sustained pressure" spots: the ball may pass, not hold.
    no_sustained_pressure: tuple[str, ...] = ()
    max_hold_seconds: int | None = None
    max_pressure: int | None = None
    max_density: Density | None = None
    # Frail skin tears under a rolling ball; such protocols are never chosen.
    forbidden_protocols: tuple[Protocol, ...] = ()


@record(kw_only=True)
class Condition:
    """A health condition that changes or rules out ball work."""

    kind: ClassVar[str] = "condition"
    # Only red flags can be urgent; a condition shapes the work instead.
    urgent: ClassVar[bool] = False

    id: str
    name: str
    verdict: Verdict
    area_verdict: AreaVerdict
    areas: tuple[str, ...] = ()
    applies_to_named_area: bool = False
    # The verdict when the text places the condition away from every area to
    # be worked: a bruise on the shin does not change work on the upper back.
    elsewhere_verdict: Verdict | None = None
    advice: str
    cleared_verdict: Verdict
    evidence: tuple[str, ...] = ()
    limits: ConditionLimits = ConditionLimits()


@record(kw_only=True)
class RedFlag:
    """A warning sign that calls for medical help instead of ball work."""

    kind: ClassVar[str] = "red_flag"

    id: str
    name: str
    verdict: Verdict
    urgent: bool
    advice: str
    during_session: bool = False
    evidence: tuple[str, ...] = ()


@record(kw_only=True)
class EscalationRule:
    """When progress should send the person to a clinician."""

    id: str
    trigger: str
    action: str
    red_flag: str | None


@record(kw_only=True)
class StopSign:
    """A sign during a session that means stop now."""

    id: str
    label: str
    red_flag: str | None
    advice: str


Flag = Condition | RedFlag


# One per process and compared by identity: its tables are not hashable.
@record(kw_only=True, eq=False)
class KnowledgeBase:
    """Everything knotwork knows, as loaded from ``kb/data``."""

    vocabulary: Mapping[str, Mapping[str, str]]
    segments: tuple[Segment, ...]
    regions: tuple[Region, ...]
    muscles: tuple[Muscle, ...]
    keep_off: tuple[KeepOff, ...]
    balls: tuple[Ball, ...]
    conditions: tuple[Condition, ...]
    red_flags: tuple[RedFlag, ...]
    escalation_rules: tuple[EscalationRule, ...]
    stop_signs: tuple[StopSign, ...]
    studies: tuple[Study, ...]
    claims: tuple[Claim, ...]
    dosing: Dosing
    lexicon: Lexicon
    safety_patterns: SafetyPatterns
    context: ContextLexicon
    screening: Screening
    # Lookups by id, derived once from the tuples above.
    _by_id: Mapping[str, Mapping[str, object]] = field(
        init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        flags: tuple[Flag, ...] = (*self.red_flags, *self.conditions)
        tables: dict[str, Mapping[str, object]] = {
            "regions": {r.id: r for r in self.regions},
            "muscles": {m.id: m for m in self.muscles},
            "keep_off": {k.id: k for k in self.keep_off},
            "balls": {b.id: b for b in self.balls},
            "stop_signs": {s.id: s for s in self.stop_signs},
            # A condition and a red flag never share an id (a test checks).
            "flags": {f.id: f for f in flags},
            "syndromes": {s.id: s for s in self.lexicon.syndromes},
        }
        object.__setattr__(self, "_by_id", tables)

    def muscle(self, muscle_id: str) -> Muscle:
        """Return the muscle with this id or raise ``KeyError``."""
        found = self._by_id["muscles"][muscle_id]
        assert isinstance(found, Muscle)
        return found

    def region(self, region_id: str) -> Region:
        """Return the body region with this id or raise ``KeyError``."""
        found = self._by_id["regions"][region_id]
        assert isinstance(found, Region)
        return found

    def ball(self, ball_id: str) -> Ball:
        """Return the ball with this id or raise ``KeyError``."""
        found = self._by_id["balls"][ball_id]
        assert isinstance(found, Ball)
        return found

    def keep_off_spot(self, keep_off_id: str) -> KeepOff:
        """Return the place to keep the ball off, or raise ``KeyError``."""
        found = self._by_id["keep_off"][keep_off_id]
        assert isinstance(found, KeepOff)
        return found

    def stop_sign(self, sign_id: str) -> StopSign:
        """Return the session stop sign with this id or raise ``KeyError``."""
        found = self._by_id["stop_signs"][sign_id]
        assert isinstance(found, StopSign)
        return found

    def flag(self, flag_id: str) -> Flag | None:
        """Return the condition or red flag with this id, or None."""
        found = self._by_id["flags"].get(flag_id)
        assert found is None or isinstance(found, Condition | RedFlag)
        return found

    def syndrome(self, syndrome_id: str) -> Syndrome:
        """Return the named pain pattern with this id or raise ``KeyError``."""
        found = self._by_id["syndromes"][syndrome_id]
        assert isinstance(found, Syndrome)
        return found

    def is_muscle(self, spot: str) -> bool:
        """Whether an id names a muscle."""
        return spot in self._by_id["muscles"]

    def is_region(self, spot: str) -> bool:
        """Whether an id names a body region."""
        return spot in self._by_id["regions"]


@record(kw_only=True)
class FigureSite:
    """One trigger point on one view of the figure, on the viewer's left half."""

    view: Literal["front", "back"]
    x: float
    y: float
    region: str


@record(kw_only=True)
class FigureSites:
    """Every muscle's trigger-point sites, by muscle id then trigger-point id."""

    version: int
    about: str
    sites: Mapping[str, Mapping[str, FigureSite]]


def as_json(value: Any) -> Any:
    """Return a model as plain JSON data, keyed as in the data files."""
    if is_dataclass(value) and not isinstance(value, type):
        return {
            f.metadata.get("json", f.name): as_json(getattr(value, f.name))
            for f in fields(value)
            if f.init
        }
    if isinstance(value, tuple | list):
        return [as_json(v) for v in value]
    if isinstance(value, Mapping):
        return {k: as_json(v) for k, v in value.items()}
    return value
