"""The seeds' built-in routines, adapted to the person's safety profile."""

from __future__ import annotations

from typing import Any

from knotwork.domain.routines.dosing import pick_ball
from knotwork.domain.routines.model import Dropped, Routine, Step
from knotwork.domain.routines.rules import (
    Request,
    RoutineError,
    avoided,
    has_retest,
    limits_of,
    owned_balls,
    pressure_allowed,
    refuse,
    retest_step,
    screen,
    sides_for,
)
from knotwork.domain.safety.condition_limits import Limits, pressure_label
from knotwork.kb.loader import load_kb, load_routines
from knotwork.kb.models import BuiltinRoutine, KnowledgeBase, Technique


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
    safety = screen(request, targets)
    routine = Routine(
        name=builtin.name, steps=[], safety=safety, breathing=builtin.breathing
    )
    if refuse(routine, request):
        return routine
    kb = load_kb()
    limits = limits_of(safety)
    for bstep in builtin.steps:
        if bstep.target and avoided(kb.muscle(bstep.target), safety):
            routine.dropped.append(Dropped(bstep.target, "area marked avoid"))
            continue
        if bstep.kind == "pressure" and not pressure_allowed(safety, request):
            continue
        regions = list(kb.muscle(bstep.target).regions) if bstep.target else []
        if bstep.kind == "pressure":
            why = limits.breach(
                posture=bstep.posture,
                position=bstep.position,
                protocol=bstep.protocol or "rolling",
                densities=bstep.densities,
                regions=regions,
            )
            if why:
                routine.dropped.append(Dropped(bstep.target or "", f"limit: {why}"))
                continue
        gentle = safety.verdict != "ok" or limits.gentle(regions)
        sides = sides_for(bstep.per_side, request.side)
        for side in sides:
            routine.steps.append(
                _builtin_step(bstep, side, gentle, kb, request, limits, regions)
            )
    if not pressure_allowed(safety, request):
        routine.message = (
            "Talk to a clinician before deep self-treatment; until you are cleared, "
            "only the gentle movement steps of this routine are given."
        )
    if routine.steps and not has_retest(routine):
        routine.steps.append(retest_step(routine.steps, kb.dosing.sore_next_day))
    return routine


def _builtin_step(
    bstep: Any,
    side: str | None,
    gentle: bool,
    kb: KnowledgeBase,
    request: Request,
    limits: Limits,
    regions: list[str],
) -> Step:
    ball = None
    caution = kb.dosing.bruise_caution_seconds
    if bstep.kind == "pressure":
        owned = owned_balls(request.have, kb)
        probe = Technique(
            id="builtin.probe",
            name="probe",
            position="wall",
            ball_sizes=bstep.ball_sizes,
            densities=bstep.densities,
            protocol=bstep.protocol,
            steps=("a", "b"),
            hold_seconds=(15, 90),
            movement="-",
            posture=bstep.posture,
            default_density="medium"
            if "medium" in bstep.densities
            else bstep.densities[0],
            beginner_max_hold=caution,
        )
        picked = pick_ball(
            probe,
            owned,
            gentle,
            experience=request.experience,
            tolerance=request.tolerance,
            allowed=limits.allowed_densities(bstep.densities),
        )
        ball = picked.id if picked else None
    hold = bstep.hold_seconds
    if hold and (gentle or request.experience == "new"):
        hold = min(hold, caution)
    cap = limits.hold_cap(regions)
    if hold and cap is not None:
        hold = min(hold, cap)
    return Step(
        target=bstep.target,
        technique=f"{bstep.target or 'finish'}.{bstep.kind}",
        position=bstep.position,
        ball=ball,
        seconds=bstep.seconds,
        pressure=pressure_label(limits.pressure_cap(), gentle)
        if bstep.kind == "pressure"
        else None,
        protocol=bstep.protocol or bstep.kind,
        instructions=list(bstep.instructions)
        + ([kb.dosing.sore_next_day] if bstep.kind == "retest" else []),
        movement=bstep.movement,
        kind=bstep.kind,
        side=side,
        hold_seconds=hold,
    )


def load_builtin(name: str) -> BuiltinRoutine:
    """Return a built-in routine's data (for browsing)."""
    routines = load_routines()
    if name not in routines:
        raise RoutineError(f"no built-in routine called '{name}'")
    return routines[name]
