"""Dose a routine: hold times, which owned ball, and fitting the time budget."""

from __future__ import annotations

from dataclasses import dataclass, replace

from knotwork.domain.routine_model import Dropped, Routine, Step
from knotwork.kb.models import Ball, KnowledgeBase, Technique

MIN_BLOCK_SECONDS = 40
RETEST_SECONDS = 20
BALL_SIZE_ORDER = ("small", "medium", "large")
DENSITY_ORDER = ("soft", "medium", "firm")


@dataclass
class Block:
    """The steps for one target muscle, kept or dropped as a unit."""

    target: str
    steps: list[Step]
    priority: int  # lower is kept longer
    paired: bool = False


def hold_for(
    technique: Technique, gentle: bool, kb: KnowledgeBase, context: str | None
) -> int:
    """Apply the knowledge base's hold rule for the technique's protocol."""
    low, high = technique.hold_seconds
    caution = kb.dosing.bruise_caution_seconds
    if gentle or context == "pre-workout":
        # Beyond ~60 s can bruise; sensitive or modified areas stay short.
        high = min(high, caution)
    return max(low, min(high, (low + high) // 2))


def pick_ball(technique: Technique, owned: list[Ball], gentle: bool) -> Ball | None:
    """Choose an owned ball that suits the technique; softer/larger when gentle."""
    fits = [
        b
        for b in owned
        if (b.size in technique.ball_sizes or b.format == "handheld")
        and b.density in technique.densities
    ]
    if technique.position == "handheld":
        fits = [b for b in owned if b.density in technique.densities] or fits
    if gentle:
        fits = [b for b in fits if b.density != "firm"] or [
            b for b in owned if b.density == "soft"
        ]
        fits.sort(key=lambda b: (DENSITY_ORDER.index(b.density), -_size(b)))
    else:
        fits.sort(key=lambda b: (-DENSITY_ORDER.index(b.density), _size(b)))
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
