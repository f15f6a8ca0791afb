"""Say how to work a muscle with a ball, within what the safety screen allows."""

from __future__ import annotations

from knotwork.domain.safety.condition_limits import (
    DENSITY_ORDER,
    limits_for,
    pressure_label,
)
from knotwork.domain.safety.verdict import SafetyResult
from knotwork.kb.loader import load_kb
from knotwork.kb.record import field, record


@record
class Treatment:
    """How to treat one muscle, or why a ball is the wrong tool for it."""

    muscle: str
    name: str
    technique: str | None
    position: str | None
    ball: str | None
    hold_seconds: tuple[int, int] | None
    pressure: str
    steps: list[str] = field(default_factory=list)
    movement: str | None = None
    keep_off: list[str] = field(default_factory=list)
    note: str | None = None
    side: str | None = None
    # Techniques passed over because they break a condition's limit, and why.
    set_aside: list[str] = field(default_factory=list)


BRUISE_CAUTION_SECONDS = 60  # kb dosing.bruise_caution_seconds; a test keeps them equal
PRESSURE = "5-6/10: a 'good discomfort' you can breathe through"
GENTLE_PRESSURE = "3-4/10: gentle, with a softer or larger ball"


def treatment_for(
    muscle_id: str,
    safety: SafetyResult | None = None,
    side: str | None = None,
    experience: str = "some",
) -> Treatment:
    """Return the first ball technique for a muscle that breaks no limit.

    The limits of every condition behind the safety verdict bind the choice:
    a technique in a forbidden posture, a held technique on a "no sustained
    pressure" spot, or one needing a firmer ball than allowed is passed over,
    and ``set_aside`` says which limit dropped it.
    """
    kb = load_kb()
    muscle = kb.muscle(muscle_id)
    conditions = (
        [r.id for r in safety.reasons if r.kind == "condition"] if safety else []
    )
    limits = limits_for(conditions, kb)
    regions = muscle.regions
    gentle = (safety is not None and safety.verdict != "ok") or limits.gentle(regions)
    set_aside: list[str] = []
    chosen = None
    for t in muscle.techniques:
        why = limits.breach(
            posture=t.posture,
            position=t.position,
            protocol=t.protocol,
            densities=t.densities,
            regions=regions,
        )
        if why:
            set_aside.append(f"{t.name}: {why}")
        elif chosen is None:
            chosen = t
    cap = limits.pressure_cap()
    if chosen is None:
        note = muscle.ball_note
        if set_aside:
            note = "No ball technique here fits your health profile. " + (note or "")
        return Treatment(
            muscle=muscle_id,
            name=muscle.name,
            technique=None,
            position=None,
            ball=None,
            hold_seconds=None,
            pressure=pressure_label(cap, True),
            note=note.strip() if note else None,
            side=side,
            set_aside=set_aside,
        )
    t = chosen
    sizes = t.ball_sizes
    densities = limits.allowed_densities(t.densities)
    size = sizes[-1] if gentle else ("medium" if "medium" in sizes else sizes[0])
    density = _density(t.default_density, densities, gentle, experience)
    low, high = t.hold_seconds
    if gentle:
        # Beyond ~60 s can bruise (dosing.json): gentle work stays short.
        high = min(high, BRUISE_CAUTION_SECONDS)
        low = min(low, high)
    if experience == "new":
        high = min(high, t.beginner_max_hold)
    hold_cap = limits.hold_cap(regions)
    if hold_cap is not None:
        high = min(high, hold_cap)
        low = min(low, high)
    return Treatment(
        muscle=muscle_id,
        name=muscle.name,
        technique=t.name,
        position=t.position,
        ball=f"{size}, {density}",
        hold_seconds=(low, high),
        pressure=_pressure(cap, gentle),
        steps=list(t.steps),
        movement=t.movement,
        keep_off=[kb.keep_off_spot(k).name for k in t.keep_off],
        note=muscle.ball_note,
        side=side,
        set_aside=set_aside,
    )


def _density(default: str, allowed: list[str], gentle: bool, experience: str) -> str:
    """Medium for most; softer when gentle or new; firm only for the experienced."""
    level = DENSITY_ORDER.index(default)
    if gentle or experience == "new":
        level -= 1
    if experience != "lots":
        level = min(level, DENSITY_ORDER.index("medium"))
    level = max(0, level)
    return min(allowed, key=lambda d: (abs(DENSITY_ORDER.index(d) - level), d))


def _pressure(cap: int | None, gentle: bool) -> str:
    if cap is None or cap >= 6:
        return GENTLE_PRESSURE if gentle else PRESSURE
    if cap >= 4 and gentle:
        return GENTLE_PRESSURE
    return pressure_label(cap, gentle)


def avoided(muscle_id: str, safety: SafetyResult) -> bool:
    """Whether the place a muscle lies is marked ``avoid``."""
    local = load_kb().muscle(muscle_id).regions
    return safety.areas.get(muscle_id) == "avoid" or any(
        safety.areas.get(r) == "avoid" for r in local
    )
