"""Dose a routine: hold times, which owned ball, and fitting the time budget."""

from __future__ import annotations

from knotwork.domain.routines.model import Dropped, Routine, Step
from knotwork.kb.models import Ball, KnowledgeBase, Technique
from knotwork.kb.record import record, replace

MIN_BLOCK_SECONDS = 40
RETEST_SECONDS = 20
BALL_SIZE_ORDER = ("small", "medium", "large")
DENSITY_ORDER = ("soft", "medium", "firm")


@record(frozen=False)
class Block:
    """The steps for one target muscle, kept or dropped as a unit."""

    target: str
    steps: list[Step]
    priority: int  # lower is kept longer
    paired: bool = False


def hold_for(
    technique: Technique,
    gentle: bool,
    kb: KnowledgeBase,
    context: str | None,
    *,
    experience: str = "some",
    cap: int | None = None,
) -> int:
    """Apply the hold rule for the technique, the person and the limits."""
    low, high = technique.hold_seconds
    caution = kb.dosing.bruise_caution_seconds
    if gentle or context == "pre-workout" or experience != "lots":
        # Beyond ~60 s can bruise: the timer stops at 60 s and only the
        # experienced start longer; past 60 s is for a spot still softening.
        high = min(high, caution)
    if experience == "new":
        high = min(high, technique.beginner_max_hold)
    hold = max(low, min(high, (low + high) // 2))
    # A condition's dose limit outranks the technique's own lower bound.
    return min(hold, cap) if cap is not None else hold


def target_density(
    default: str, allowed: list[str], gentle: bool, experience: str, tolerance: str
) -> str | None:
    """The density to start from: the technique's default, moved by the person.

    Seed 000: medium suits most people; very firm is for experienced users
    who know how to back off; soft for beginners and sensitive areas.
    """
    if not allowed:
        return None
    level = DENSITY_ORDER.index(default)
    if gentle or tolerance == "low" or experience == "new":
        level -= 1
    elif experience == "lots" and tolerance == "high":
        level += 1
    if experience != "lots" or tolerance == "low" or gentle:
        level = min(level, DENSITY_ORDER.index("medium"))
    level = max(0, min(level, len(DENSITY_ORDER) - 1))
    # Nearest allowed density, the softer one on a tie.
    return min(allowed, key=lambda d: (abs(DENSITY_ORDER.index(d) - level), d))


def pick_ball(
    technique: Technique,
    owned: list[Ball],
    gentle: bool,
    *,
    experience: str = "some",
    tolerance: str = "medium",
    allowed: list[str] | None = None,
) -> Ball | None:
    """Choose an owned ball that suits the technique and the person.

    ``allowed`` narrows the technique's densities (a condition's density
    limit). Beginners and low tolerance never get a firm ball; otherwise the
    ball nearest the technique's default density wins, in a medium size where
    the technique allows one.
    """
    densities: list[str] = (
        list(technique.densities) if allowed is None else list(allowed)
    )
    fits = [
        b
        for b in owned
        if (b.size in technique.ball_sizes or b.format == "handheld")
        and b.density in densities
    ]
    if technique.position == "handheld":
        fits = [b for b in owned if b.density in densities] or fits
    if gentle:
        fits = [b for b in fits if b.density != "firm"] or [
            b for b in owned if b.density == "soft"
        ]
    if experience == "new" or tolerance == "low":
        fits = [b for b in fits if b.density != "firm"]
    want = target_density(
        technique.default_density, densities, gentle, experience, tolerance
    )
    level = DENSITY_ORDER.index(want) if want else 0
    medium = BALL_SIZE_ORDER.index("medium")

    def rank(b: Ball) -> tuple[int, int, int]:
        density_gap = abs(DENSITY_ORDER.index(b.density) - level)
        size_gap = abs(_size(b) - medium)
        # Gentle work spreads pressure with a larger ball.
        return (density_gap, size_gap, -_size(b) if gentle else _size(b))

    fits.sort(key=rank)
    return fits[0] if fits else None


def _size(ball: Ball) -> int:
    return BALL_SIZE_ORDER.index(ball.size)


def fit_budget(blocks: list[Block], budget: int, routine: Routine) -> None:
    """Keep the most important blocks that fit, shrunk evenly to fill the budget.

    Blocks are dropped (least important first) only while even their shortest
    useful length cannot fit; the ones kept are then scaled from their full
    length, so dropping one gives its time back to the others.
    """
    reserve = RETEST_SECONDS if budget >= 3 * MIN_BLOCK_SECONDS else 0
    blocks.sort(key=lambda b: b.priority)
    while blocks:
        scaled = _scaled(blocks, budget - reserve)
        if sum(s.seconds for b in scaled for s in b.steps) + reserve <= budget:
            blocks[:] = scaled
            return
        gone = blocks.pop()
        why = "paired muscle left out" if gone.paired else "did not fit the time budget"
        routine.dropped.append(Dropped(gone.target, why))


def _scaled(blocks: list[Block], room: int) -> list[Block]:
    """Return the blocks shrunk evenly to ``room`` seconds, never below a floor."""
    total = sum(s.seconds for b in blocks for s in b.steps)
    if total <= room:
        return list(blocks)
    factor = max(room, 0) / total
    out = []
    for block in blocks:
        floor = max(15, MIN_BLOCK_SECONDS // len(block.steps))
        steps = [
            replace(
                s,
                seconds=(sec := max(floor, int(s.seconds * factor))),
                hold_seconds=min(s.hold_seconds or sec, sec),
            )
            for s in block.steps
        ]
        out.append(replace(block, steps=steps))
    return out
