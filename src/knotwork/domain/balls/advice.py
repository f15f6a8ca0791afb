"""Advise on balls: check the needs and safety, rank them, pick a starter pair.

Safety comes first: a `stop` verdict gives no ranking, an area marked
`avoid` is left out, and any other caution steers the scoring towards soft,
large balls.
"""

from __future__ import annotations

from typing import Any

from knotwork.domain.balls.context import ScoringContext, scoring_context
from knotwork.domain.balls.needs import BallNeeds, validate_needs
from knotwork.domain.balls.scoring import (
    DENSITY_LEVEL,
    SIZE_LEVEL,
    RankedBall,
    rank_ball,
    span,
)
from knotwork.domain.safety.verdict import SafetyResult
from knotwork.kb.models import Ball, KnowledgeBase
from knotwork.kb.record import asdict, field, record


@record
class StarterPair:
    """A gentler ball for broad areas and a sharper one for stubborn spots."""

    broad: str
    focused: str
    why: str


@record
class BallAdvice:
    """The ranking, a starter pair, and the safety result behind them."""

    safety: SafetyResult
    ranking: list[RankedBall]
    starter_pair: StarterPair | None
    avoided_areas: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def withheld(self) -> bool:
        """Whether safety rules out any ball work now."""
        return not self.safety.advice_allowed

    def to_json(self) -> dict[str, Any]:
        """Return the advice as `knotwork ball --json` and the API give it."""
        pair = self.starter_pair
        return {
            "safety": self.safety.to_json(),
            "advice_withheld": self.withheld,
            "ranking": [asdict(r) for r in self.ranking],
            "starter_pair": asdict(pair) if pair else None,
            "avoided_areas": self.avoided_areas,
            "notes": self.notes,
        }


def choose_balls(
    needs: BallNeeds, kb: KnowledgeBase, safety: SafetyResult
) -> BallAdvice:
    """Rank every catalogue ball for these needs within what safety allows."""
    validate_needs(needs, kb)
    avoided = sorted(a for a, v in safety.areas.items() if v == "avoid")
    if not safety.advice_allowed:
        note = "No ball work for now: follow the safety advice first."
        return BallAdvice(safety, [], None, avoided, [note])
    ctx, notes = scoring_context(needs, kb, safety)
    if (needs.muscles or needs.regions) and not ctx.regions:
        notes.append("None of the areas you named can take ball work now.")
        return BallAdvice(safety, [], None, avoided, notes)
    order = {b.id: i for i, b in enumerate(kb.balls)}
    ranking = sorted(
        (rank_ball(ball, ctx) for ball in kb.balls),
        key=lambda r: (-r.score, kb.ball(r.ball).price_usd[0], order[r.ball]),
    )
    return BallAdvice(safety, ranking, starter_pair(ranking, kb, ctx), avoided, notes)


def _is_gentle(ball: Ball) -> bool:
    """Whether a ball suits broad areas: large enough or soft enough to spread."""
    return ball.size == "large" or ball.density == "soft"


def starter_pair(
    ranking: list[RankedBall], kb: KnowledgeBase, ctx: ScoringContext
) -> StarterPair | None:
    """Pick a softer or larger ball for broad areas and a sharper one for knots."""
    balls = {r.ball: kb.ball(r.ball) for r in ranking}
    gentle = [r for r in ranking if _is_gentle(balls[r.ball])]
    if not gentle:
        return None
    # Prefer a large ball for the broad role: it covers more at once.
    broad = balls[
        max(gentle, key=lambda r: r.score + 10 * (balls[r.ball].size == "large")).ball
    ]
    for entry in ranking:
        focused = balls[entry.ball]
        size_step = SIZE_LEVEL[broad.size] - SIZE_LEVEL[span(focused)]
        firm_step = DENSITY_LEVEL[focused.density] - DENSITY_LEVEL[broad.density]
        # Smaller, firmer or both, but never bigger or softer than the broad one.
        if min(size_step, firm_step) >= 0 and size_step + firm_step > 0:
            return StarterPair(broad.id, focused.id, _pair_why(broad, focused, ctx))
    return None


def _pair_why(broad: Ball, focused: Ball, ctx: ScoringContext) -> str:
    why = (
        f"Use the {_described(broad, broad.size)} for broad areas and the "
        f"{_described(focused, span(focused))} for stubborn spots."
    )
    if ctx.caution:
        return f"{why} Keep both gentle because of {ctx.caution}."
    if ctx.comfort == 0:
        return f"{why} Start with the first; add the second once 5-6/10 is easy."
    return why


def _described(ball: Ball, size: str) -> str:
    feel = {"soft": "soft", "medium": "medium-firm", "firm": "firm"}[ball.density]
    size_word = "medium-size" if size == "medium" else size
    return f"{ball.name.split(' (')[0].lower()} ({size_word} and {feel})"
