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
from collections.abc import Sequence
from typing import Any

from knotwork.domain.limits import MAX_ROUTINE_MINUTES
from knotwork.domain.names import POSITIONS
from knotwork.domain.routines.builtins import build_builtin, builtin_names, load_builtin
from knotwork.domain.routines.dosing import (
    MIN_BLOCK_SECONDS,
    RETEST_SECONDS,
    Block,
    fit_budget,
    hold_for,
    pick_ball,
)
from knotwork.domain.routines.model import Dropped, Routine, Step
from knotwork.domain.routines.rules import (
    Request,
    RoutineError,
    avoided,
    gentle_area,
    limits_of,
    owned_balls,
    pressure_allowed,
    refuse,
    retest_step,
    screen,
    sides_for,
)
from knotwork.domain.safety.condition_limits import (
    DENSITY_ORDER,
    FULL_PRESSURE,
    LIGHT_PRESSURE,
    pressure_label,
)
from knotwork.domain.safety.verdict import SafetyResult
from knotwork.kb.loader import load_kb
from knotwork.kb.models import Ball, KnowledgeBase, Muscle, Technique
from knotwork.kb.record import replace

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
FIRMER_PRESSURE = "3-4/10 (lean in gently: this ball is firmer than the spot likes)"
__all__ = [
    "CONTEXTS",
    "FULL_PRESSURE",
    "LIGHT_PRESSURE",
    "Request",
    "RoutineError",
    "build_builtin",
    "build_custom",
    "builtin_names",
    "load_builtin",
]


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
    owned = owned_balls(request.have, kb)
    positions = set(request.positions) or set(POSITIONS)
    safety = screen(request, targets)
    routine = Routine(
        name=_custom_name(targets, kb, context),
        steps=[],
        safety=safety,
        context=context,
        budget_seconds=budget,
    )
    if refuse(routine, request):
        return routine
    if not pressure_allowed(safety, request):
        routine.message = (
            "Talk to a clinician before deep self-treatment; until you are cleared, "
            "this routine holds only gentle movement, no ball pressure."
        )
    blocks = _plan_blocks(targets, kb, owned, positions, safety, request, routine)
    fit_budget(blocks, budget, routine)
    steps = [s for block in blocks for s in block.steps]
    steps.sort(key=lambda s: POSITION_ORDER.index(s.position))
    routine.steps = steps
    kept = [t for t in targets if any(s.target == t for s in steps)]
    routine.name = _custom_name(kept or targets, kb, context)
    if steps and budget - routine.total_seconds >= RETEST_SECONDS:
        routine.steps.append(retest_step(steps, kb.dosing.sore_next_day))
    if not steps and routine.message is None:
        routine.message = "No routine: " + "; ".join(
            f"{kb.muscle(d.target).name} left out because {d.reason}"
            for d in routine.dropped
        )
    return routine


# -- safety ------------------------------------------------------------------


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
            from knotwork.domain.finder.ranking import find_sources

            for c in find_sources("", [target]).candidates:
                muscle = kb.muscle(c.muscle)
                if muscle.techniques:
                    out.append(c.muscle)
                    break
        else:
            raise RoutineError(f"unknown target '{target}': use a muscle or region id")
    return list(dict.fromkeys(out))


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

    if avoided(muscle, safety):
        drop("area marked avoid by the safety screen")
        return None
    if not pressure_allowed(safety, request):
        return Block(target, [_movement_step(muscle, request)], 0)
    if not muscle.techniques:
        drop(f"a ball is the wrong tool here: {muscle.ball_note}")
        return None
    limits = limits_of(safety)
    gentle = gentle_area(muscle, safety) or limits.gentle(muscle.regions)
    options: list[tuple[Technique, Ball]] = []
    broken: list[str] = []
    for t in muscle.techniques:
        if t.position not in positions:
            continue
        why = limits.breach(
            posture=t.posture,
            position=t.position,
            protocol=t.protocol,
            densities=t.densities,
            regions=muscle.regions,
        )
        if why:
            broken.append(f"{t.name} ({why})")
            continue
        ball = pick_ball(
            t,
            owned,
            gentle,
            experience=request.experience,
            tolerance=request.tolerance,
            allowed=limits.allowed_densities(t.densities),
        )
        if ball is not None:
            options.append((t, ball))
    pressure = pressure_label(limits.pressure_cap(), gentle)
    if not options and not gentle and not broken:
        # The ball catalogue's own advice for a firm ball on a softer spot is
        # to lean in gently, as the built-in desk routine does with a lacrosse
        # ball on the upper trapezius; a gentle (modified) area never gets it.
        for t in muscle.techniques:
            if t.position not in positions:
                continue
            ball = pick_ball(
                _any_density(t),
                owned,
                False,
                experience=request.experience,
                tolerance=request.tolerance,
                allowed=limits.allowed_densities(list(DENSITY_ORDER)),
            )
            if ball is not None:
                options.append((t, ball))
        pressure = FIRMER_PRESSURE
    if not options:
        if broken:
            drop("every technique breaks a limit: " + "; ".join(broken))
        else:
            drop("no technique fits the balls you have and the positions you can use")
        return None
    if routine is not None:
        routine.set_aside += [Dropped(target, why) for why in broken]
    technique, ball = options[0]
    seconds = BLOCK_SECONDS.get(request.context, BLOCK_SECONDS[None])
    sides = sides_for(True, request.side)
    per_side = max(MIN_BLOCK_SECONDS // len(sides), seconds // len(sides))
    hold = hold_for(
        technique,
        gentle,
        kb,
        request.context,
        experience=request.experience,
        cap=limits.hold_cap(muscle.regions),
    )
    steps = [
        Step(
            target=target,
            technique=technique.id,
            position=technique.position,
            ball=ball.id,
            seconds=per_side,
            pressure=pressure,
            protocol=technique.protocol,
            instructions=list(technique.steps),
            movement=technique.movement,
            side=side,
            hold_seconds=min(hold, per_side),
        )
        for side in sides
    ]
    return Block(target, steps, 0)


def _any_density(technique: Technique) -> Technique:
    """Return the technique as if it accepted a ball of any firmness."""
    return replace(technique, densities=DENSITY_ORDER)


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


def _custom_name(targets: list[str], kb: KnowledgeBase, context: str | None) -> str:
    names = [kb.muscle(t).name.lower() for t in targets[:3]]
    prefix = f"{context} " if context else ""
    return f"Custom {prefix}routine: " + ", ".join(names)


def _replace(step: Step, **changes: Any) -> Step:
    return replace(step, **changes)
