"""What every routine obeys, built-in or custom: the request, the safety
screen, the condition limits, owned balls, sides and the closing re-test."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from knotwork.domain.routines.dosing import RETEST_SECONDS
from knotwork.domain.routines.model import Routine, Step
from knotwork.domain.safety.condition_limits import Limits, limits_for
from knotwork.domain.safety.verdict import SafetyResult, check_safety
from knotwork.errors import KnotworkError
from knotwork.kb.models import Ball, KnowledgeBase, Muscle
from knotwork.kb.record import record

# When a custom routine does not say which balls the person owns.
DEFAULT_BALLS = ("lacrosse", "tennis", "peanut", "soft_foam")


class RoutineError(KnotworkError):
    """A routine request that cannot be built (unknown name, target, ball)."""


@record
class Request:
    """What the person asked for."""

    targets: Sequence[str] = ()
    minutes: float | None = None
    context: str | None = None
    have: Sequence[str] = ()
    positions: Sequence[str] = ()
    conditions: Sequence[str] = ()
    cleared: bool = False
    cleared_conditions: Sequence[str] = ()  # cleared one by one (profile)
    side: str | None = None
    text: str = ""
    experience: str = "some"  # new, some, lots (the profile's)
    tolerance: str = "medium"  # low, medium, high


def screen(request: Request, targets: Iterable[str]) -> SafetyResult:
    """Screen the request's text and conditions for these targets."""
    conditions = list(request.conditions)
    cleared = conditions if request.cleared else list(request.cleared_conditions)
    return check_safety(
        request.text, conditions=conditions, areas=list(targets), cleared=cleared
    )


def refuse(routine: Routine, request: Request) -> bool:
    """Give no routine at all when the verdict is stop."""
    if routine.safety.verdict == "stop" or routine.safety.red_flags:
        routine.message = "Do not self-treat now: " + "; ".join(
            r.advice for r in routine.safety.reasons if r.verdict == "stop"
        )
        return True
    return False


def limits_of(safety: SafetyResult) -> Limits:
    """The structured limits of every condition behind the verdict."""
    return limits_for(r.id for r in safety.reasons if r.kind == "condition")


def pressure_allowed(safety: SafetyResult, request: Request) -> bool:
    return safety.verdict in ("ok", "modify") or request.cleared


def avoided(muscle: Muscle, safety: SafetyResult) -> bool:
    if safety.areas.get(muscle.id) == "avoid":
        return True
    return any(safety.areas.get(r) == "avoid" for r in muscle.regions)


def gentle_area(muscle: Muscle, safety: SafetyResult) -> bool:
    if safety.verdict != "ok":
        return True
    return any(safety.areas.get(r) == "modify" for r in [muscle.id, *muscle.regions])


def owned_balls(have: Sequence[str], kb: KnowledgeBase) -> list[Ball]:
    ids = list(have) or list(DEFAULT_BALLS)
    out = []
    for ball_id in ids:
        try:
            out.append(kb.ball(ball_id))
        except KeyError:
            raise RoutineError(f"unknown ball '{ball_id}'") from None
    return out


def has_retest(routine: Routine) -> bool:
    return any(s.kind == "retest" for s in routine.steps)


def retest_step(steps: list[Step], sore_next_day: str) -> Step:
    targets = [s.target for s in steps if s.target]
    return Step(
        target=None,
        technique="retest",
        position="standing",
        ball=None,
        seconds=RETEST_SECONDS,
        pressure=None,
        protocol="retest",
        instructions=[
            "Stand up and move the way that was tight or sore before.",
            "Rate it again from 0 to 10: is it easier?",
            sore_next_day,
        ],
        movement="re-test "
        + ", ".join(dict.fromkeys(t.replace("_", " ") for t in targets)),
        kind="retest",
    )


def sides_for(per_side: bool, side: str | None) -> list[str | None]:
    if not per_side:
        return [side]
    if side in ("left", "right"):
        return [side]
    return ["left", "right"]
