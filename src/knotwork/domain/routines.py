"""Build short, safe, well-dosed ball routines: the seeds' built-ins or custom.

Safety decides first: a ``stop`` verdict yields no routine; a ``clinician_first``
verdict that has not been cleared yields movement only, no pressure; an area
marked ``avoid`` never receives a step; ``modify`` areas get lighter pressure
and a softer or larger ball. Then the dose rules from the knowledge base set
the holds, and the steps are grouped by position so the person rarely has to
get up and down.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from knotwork.domain.limits import MAX_ROUTINE_MINUTES
from knotwork.domain.routine_dosing import (
    MIN_BLOCK_SECONDS,
    RETEST_SECONDS,
    Block,
    fit_budget,
    hold_for,
    pick_ball,
)
from knotwork.domain.routine_model import Dropped, Routine, Step
from knotwork.domain.safety import SafetyResult, check_safety
from knotwork.errors import KnotworkError
from knotwork.kb.loader import load_kb, load_routines
from knotwork.kb.models import Ball, BuiltinRoutine, KnowledgeBase, Muscle, Technique

CONTEXTS = ("pre-workout", "post-workout", "rest-day", "flare-up", "desk-break")
DEFAULT_MINUTES = {
    "pre-workout": 4,
    "post-workout": 8,
    "rest-day": 10,
    "flare-up": 5,
    "desk-break": 2,
    None: 8,
}
# Seconds per target muscle, both sides together: 1-3 minutes per muscle group,
# less before a workout (seed 000's practical framework).
BLOCK_SECONDS = {"pre-workout": 60, "desk-break": 60, None: 120}
POSITION_ORDER = ("seated", "handheld", "standing", "wall", "floor")
FULL_PRESSURE = "5-6/10"
LIGHT_PRESSURE = "3-4/10 (gentle: modified for safety)"
# When a custom routine does not say which balls the person owns.
DEFAULT_BALLS = ("lacrosse", "tennis", "peanut", "soft_foam")


class RoutineError(KnotworkError):
    """A routine request that cannot be built (unknown name, target, ball)."""


@dataclass(frozen=True)
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


def builtin_names() -> dict[str, str]:
    """Return the built-in routines' ids and names."""
    return {r.id: r.name for r in load_routines().values()}


def build_builtin(name: str, request: Request | None = None) -> Routine:
    """Return a built-in routine, adapted to the person's safety profile."""
    request = request or Request()
    routines = load_routines()
    if name not in routines:
        raise RoutineError(f"no built-in routine called '{name}'")
    builtin = routines[name]
    targets = [s.target for s in builtin.steps if s.target]
    safety = _screen(request, targets)
    routine = Routine(
        name=builtin.name, steps=[], safety=safety, breathing=builtin.breathing
    )
    if _refuse(routine, request):
        return routine
    gentle = safety.verdict != "ok"
    kb = load_kb()
    for bstep in builtin.steps:
        if bstep.target and _avoided(kb.muscle(bstep.target), safety):
            routine.dropped.append(Dropped(bstep.target, "area marked avoid"))
            continue
        if bstep.kind == "pressure" and not _pressure_allowed(safety, request):
            continue
        sides = _sides(bstep.per_side, request.side)
        for side in sides:
            routine.steps.append(_builtin_step(bstep, side, gentle, kb, request))
    if not _pressure_allowed(safety, request):
        routine.message = (
            "Talk to a clinician before deep self-treatment; until you are cleared, "
            "only the gentle movement steps of this routine are given."
        )
    if routine.steps and not _has_retest(routine):
        routine.steps.append(_retest(routine.steps))
    return routine


def build_custom(request: Request) -> Routine:
    """Build a routine for chosen targets within a time budget."""
    kb = load_kb()
    targets = _resolve_targets(request.targets, kb)
    context = request.context
    if context is not None and context not in CONTEXTS:
        raise RoutineError(
            f"unknown context '{context}'; use one of {', '.join(CONTEXTS)}"
        )
    minutes = (
        request.minutes if request.minutes is not None else DEFAULT_MINUTES[context]
    )
    if not math.isfinite(minutes) or not 0 < minutes <= MAX_ROUTINE_MINUTES:
        raise RoutineError(
            f"the time budget must be a number of minutes above 0 and at most "
            f"{MAX_ROUTINE_MINUTES}, not {minutes:g}"
        )
    budget = int(minutes * 60)
    owned = _owned_balls(request.have, kb)
    positions = set(request.positions) or {"wall", "floor", "seated", "handheld"}
    safety = _screen(request, targets)
    routine = Routine(
        name=_custom_name(targets, kb, context),
        steps=[],
        safety=safety,
        context=context,
        budget_seconds=budget,
    )
    if _refuse(routine, request):
        return routine
    if not _pressure_allowed(safety, request):
        routine.message = (
            "Talk to a clinician before deep self-treatment; until you are cleared, "
            "this routine holds only gentle movement, no ball pressure."
        )
    blocks = _plan_blocks(targets, kb, owned, positions, safety, request, routine)
    fit_budget(blocks, budget, routine)
    steps = [s for block in blocks for s in block.steps]
    steps.sort(key=lambda s: POSITION_ORDER.index(s.position))
    routine.steps = steps
    if steps and budget - routine.total_seconds >= RETEST_SECONDS:
        routine.steps.append(_retest(steps))
    return routine


# -- safety ------------------------------------------------------------------


def _screen(request: Request, targets: Iterable[str]) -> SafetyResult:
    conditions = list(request.conditions)
    cleared = conditions if request.cleared else list(request.cleared_conditions)
    return check_safety(
        request.text, conditions=conditions, areas=list(targets), cleared=cleared
    )


def _refuse(routine: Routine, request: Request) -> bool:
    """Give no routine at all when the verdict is stop."""
    if routine.safety.verdict == "stop" or routine.safety.red_flags:
        routine.message = "Do not self-treat now: " + "; ".join(
            r.advice for r in routine.safety.reasons if r.verdict == "stop"
        )
        return True
    return False


def _pressure_allowed(safety: SafetyResult, request: Request) -> bool:
    return safety.verdict in ("ok", "modify") or request.cleared


def _avoided(muscle: Muscle, safety: SafetyResult) -> bool:
    if safety.areas.get(muscle.id) == "avoid":
        return True
    return any(safety.areas.get(r) == "avoid" for r in muscle.regions)


def _gentle_area(muscle: Muscle, safety: SafetyResult) -> bool:
    if safety.verdict != "ok":
        return True
    return any(safety.areas.get(r) == "modify" for r in [muscle.id, *muscle.regions])


# -- custom blocks ----------------------------------------------------------


def _resolve_targets(raw: Sequence[str], kb: KnowledgeBase) -> list[str]:
    """Accept muscle ids, and region ids resolved to their likeliest source."""
    if not raw:
        raise RoutineError("name at least one target muscle or region (--target)")
    muscles = {m.id for m in kb.muscles}
    regions = {r.id for r in kb.regions}
    out: list[str] = []
    for target in raw:
        if target in muscles:
            out.append(target)
        elif target in regions:
            from knotwork.domain.finder import find_sources

            for c in find_sources("", [target]).candidates:
                muscle = kb.muscle(c.muscle)
                if muscle.techniques:
                    out.append(c.muscle)
                    break
        else:
            raise RoutineError(f"unknown target '{target}': use a muscle or region id")
    return list(dict.fromkeys(out))


def _owned_balls(have: Sequence[str], kb: KnowledgeBase) -> list[Ball]:
    ids = list(have) or list(DEFAULT_BALLS)
    out = []
    for ball_id in ids:
        try:
            out.append(kb.ball(ball_id))
        except KeyError:
            raise RoutineError(f"unknown ball '{ball_id}'") from None
    return out


def _plan_blocks(
    targets: list[str],
    kb: KnowledgeBase,
    owned: list[Ball],
    positions: set[str],
    safety: SafetyResult,
    request: Request,
    routine: Routine,
) -> list[Block]:
    blocks: list[Block] = []
    chosen = set(targets)
    for rank, target in enumerate(targets):
        block = _block_for(target, kb, owned, positions, safety, request, routine)
        if block:
            block.priority = rank
            blocks.append(block)
    # Pair each target with one muscle it commonly co-triggers with.
    for block in list(blocks):
        for partner_id in kb.muscle(block.target).co_triggers:
            if partner_id in chosen:
                continue
            partner = _block_for(
                partner_id, kb, owned, positions, safety, request, None
            )
            if partner:
                chosen.add(partner_id)
                partner.paired = True
                partner.priority = 100 + block.priority
                partner.steps = [
                    _replace(s, paired_with=block.target) for s in partner.steps
                ]
                blocks.append(partner)
                break
    return blocks


def _block_for(
    target: str,
    kb: KnowledgeBase,
    owned: list[Ball],
    positions: set[str],
    safety: SafetyResult,
    request: Request,
    routine: Routine | None,
) -> Block | None:
    muscle = kb.muscle(target)

    def drop(reason: str) -> None:
        if routine is not None:
            routine.dropped.append(Dropped(target, reason))

    if _avoided(muscle, safety):
        drop("area marked avoid by the safety screen")
        return None
    if not _pressure_allowed(safety, request):
        return Block(target, [_movement_step(muscle, request)], 0)
    options = [
        (t, ball)
        for t in muscle.techniques
        if t.position in positions
        for ball in [pick_ball(t, owned, _gentle_area(muscle, safety))]
        if ball is not None
    ]
    if not muscle.techniques:
        drop(f"a ball is the wrong tool here: {muscle.ball_note}")
        return None
    if not options:
        drop("no technique fits the balls you have and the positions you can use")
        return None
    technique, ball = options[0]
    gentle = _gentle_area(muscle, safety)
    seconds = BLOCK_SECONDS.get(request.context, BLOCK_SECONDS[None])
    sides = _sides(True, request.side)
    per_side = max(MIN_BLOCK_SECONDS // len(sides), seconds // len(sides))
    hold = hold_for(technique, gentle, kb, request.context)
    steps = [
        Step(
            target=target,
            technique=technique.id,
            position=technique.position,
            ball=ball.id,
            seconds=per_side,
            pressure=LIGHT_PRESSURE if gentle else FULL_PRESSURE,
            protocol=technique.protocol,
            instructions=list(technique.steps),
            movement=technique.movement,
            side=side,
            hold_seconds=min(hold, per_side),
        )
        for side in sides
    ]
    return Block(target, steps, 0)


def _movement_step(muscle: Muscle, request: Request) -> Step:
    movement = (
        muscle.techniques[0].movement if muscle.techniques else "gentle stretching"
    )
    return Step(
        target=muscle.id,
        technique="movement_only",
        position="standing",
        ball=None,
        seconds=45,
        pressure=None,
        protocol="movement",
        instructions=[
            f"No ball pressure until a clinician clears you. Move the {muscle.name} "
            f"area gently instead: {movement.rstrip('.')}.",
        ],
        movement=movement,
        kind="movement",
        side=request.side,
    )


# -- built-in steps ---------------------------------------------------------


def _builtin_step(
    bstep: Any, side: str | None, gentle: bool, kb: KnowledgeBase, request: Request
) -> Step:
    ball = None
    if bstep.kind == "pressure":
        owned = _owned_balls(request.have, kb)
        probe = Technique(
            id="builtin.probe",
            name="probe",
            position="wall",
            ball_sizes=bstep.ball_sizes,
            densities=bstep.densities,
            protocol=bstep.protocol,
            steps=["a", "b"],
            hold_seconds=(15, 90),
            movement="-",
        )
        picked = pick_ball(probe, owned, gentle)
        ball = picked.id if picked else None
    hold = bstep.hold_seconds
    if gentle and hold:
        hold = min(hold, kb.dosing.bruise_caution_seconds)
    return Step(
        target=bstep.target,
        technique=f"{bstep.target or 'finish'}.{bstep.kind}",
        position=bstep.position,
        ball=ball,
        seconds=bstep.seconds,
        pressure=(LIGHT_PRESSURE if gentle else FULL_PRESSURE)
        if bstep.kind == "pressure"
        else None,
        protocol=bstep.protocol or bstep.kind,
        instructions=list(bstep.instructions),
        movement=bstep.movement,
        kind=bstep.kind,
        side=side,
        hold_seconds=hold,
    )


def _has_retest(routine: Routine) -> bool:
    return any(s.kind == "retest" for s in routine.steps)


def _retest(steps: list[Step]) -> Step:
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
        ],
        movement="re-test "
        + ", ".join(dict.fromkeys(t.replace("_", " ") for t in targets)),
        kind="retest",
    )


def _sides(per_side: bool, side: str | None) -> list[str | None]:
    if not per_side:
        return [side]
    if side in ("left", "right"):
        return [side]
    return ["left", "right"]


def _custom_name(targets: list[str], kb: KnowledgeBase, context: str | None) -> str:
    names = [kb.muscle(t).name.lower() for t in targets[:3]]
    prefix = f"{context} " if context else ""
    return f"Custom {prefix}routine: " + ", ".join(names)


def _replace(step: Step, **changes: Any) -> Step:
    return replace(step, **changes)


def load_builtin(name: str) -> BuiltinRoutine:
    """Return a built-in routine's data (for browsing)."""
    routines = load_routines()
    if name not in routines:
        raise RoutineError(f"no built-in routine called '{name}'")
    return routines[name]
