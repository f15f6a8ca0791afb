"""Score one ball for a person: points for and against, each with a reason.

Every ball in the catalogue gets points for and against it, each with a
plain-language reason. The rules follow the source articles' guidance on
choosing a ball: size against area, density against tolerance and
experience, smooth before spiky, a double ball beside the spine, a handheld
ball when the floor is hard to reach. Any caution from the safety check
steers towards soft, large balls.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from knotwork.domain.balls.areas import (
    BROAD_AREAS,
    DELICATE_AREAS,
    HARD_TO_REACH,
    SENSITIVE_AREAS,
    SMALL_AREAS,
    SPIKY_AREAS,
    SPINE_SIDE,
    THICK_AREAS,
)
from knotwork.domain.balls.context import ScoringContext
from knotwork.kb.models import Ball
from knotwork.kb.record import record

Points = list[tuple[int, str]]

DENSITY_LEVEL = {"soft": 0, "medium": 1, "firm": 2}
SIZE_LEVEL = {"small": 0, "medium": 1, "large": 2}
WHO = {0: "a beginner or sensitive person", 1: "most everyday users", 2: "you"}
BASE_SCORE = 50
# These outweigh every bonus: a caution never tops with a firm ball, and a
# beginner or sensitive person never starts on a very firm or spiky one.
FIRM_WHEN_CAUTIOUS = -100
TOO_INTENSE = -100


@record
class RankedBall:
    """One ball, its score and the reasons for and against it."""

    ball: str
    name: str
    score: int
    reasons: list[str]


def rank_ball(ball: Ball, ctx: ScoringContext) -> RankedBall:
    """Score a ball by every rule, its strongest reasons first."""
    points = [p for rule in RULES for p in rule(ball, ctx)]
    score = BASE_SCORE + sum(p for p, _ in points)
    # The strongest reasons first, whichever way they pull.
    points.sort(key=lambda p: -abs(p[0]))
    return RankedBall(ball.id, ball.name, score, [why for _, why in points])


def span(ball: Ball) -> str:
    """Return the size a ball presses like: two joined balls span a medium one."""
    return "medium" if ball.format == "double" else ball.size


def _listing(ids: Iterable[str], names: dict[str, str]) -> str:
    words = [names.get(i, i) for i in sorted(ids)]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _area_fit(ball: Ball, ctx: ScoringContext) -> Points:
    if not ctx.regions:
        return []
    matched = ctx.regions & set(ball.best_regions)
    if not matched:
        return [(0, "Not one of its usual areas.")]
    share = len(matched) / len(ctx.regions)
    return [(round(25 * share), f"Good for {_listing(matched, ctx.names)}.")]


def _size(ball: Ball, ctx: ScoringContext) -> Points:
    if not ctx.regions:
        return [(5, "A medium ball suits most of the body.")] * (ball.size == "medium")
    out: Points = []
    small, broad = ctx.regions & SMALL_AREAS, ctx.regions & BROAD_AREAS
    if small:
        where = _listing(small, ctx.names)
        pts, why = {
            "small": (15, f"Small enough to settle into {where}."),
            "medium": (-10, f"May feel too broad for {where}."),
            "large": (-30, f"Too big to reach into {where}."),
        }[span(ball)]
        out.append((round(pts * len(small) / len(ctx.regions)), why))
    if broad:
        where = _listing(broad, ctx.names)
        deep = ctx.comfort == 2  # an experienced user may want precise depth
        pts, why = {
            "large": (
                5 + 15 * (not deep),
                f"Spreads pressure over a broad area: {where}.",
            ),
            "medium": (-5, f"Covers less of a broad area ({where}) than a large one."),
            "small": (10, f"Deep, precise pressure on {where}, as you like it.")
            if deep
            else (-10, f"Concentrates pressure; a larger one is kinder on {where}."),
        }[span(ball)]
        out.append((round(pts * len(broad) / len(ctx.regions)), why))
    return out


def _density(ball: Ball, ctx: ScoringContext) -> Points:
    diff = DENSITY_LEVEL[ball.density] - ctx.comfort
    who = WHO[ctx.comfort]
    if diff == 0:
        return [(15, f"{ball.density.capitalize()} density suits {who}.")]
    if diff < 0:
        if ctx.caution:
            return []  # softer is the point; the caution rule says so
        pts = 5 if diff == -1 else -5
        return [(pts, "Softer than you need; it may not reach deep knots.")]
    if diff == 2:
        return [(TOO_INTENSE, f"Very firm: too intense for {who}.")]
    if ball.format == "double":
        return [(-5, "Firm, but medium-firm EVA versions exist: pick one.")]
    if ctx.regions and ctx.regions <= THICK_AREAS:
        return [(-5, "Firmer than usual, but thick muscle here takes it well.")]
    return [(-15, f"Firmer than suits {who}.")]


def _techniques(ball: Ball, ctx: ScoringContext) -> Points:
    out: Points = []
    count = len(ctx.techniques) or 1
    # Two joined balls come in medium-firm EVA as well as firm rubber.
    usable = {ball.density, "medium"} if ball.format == "double" else {ball.density}
    for label, (sizes, densities) in ctx.techniques.items():
        if not usable & densities:
            wanted = " or ".join(d for d in DENSITY_LEVEL if d in densities)
            out.append((-12 // count, f"Techniques for {label} use {wanted} balls."))
        if span(ball) not in sizes:
            wanted = " or ".join(s for s in SIZE_LEVEL if s in sizes)
            out.append((-8 // count, f"Techniques for {label} use {wanted} balls."))
    return out


def _sensitivity(ball: Ball, ctx: ScoringContext) -> Points:
    out: Points = []
    sensitive = ctx.regions & SENSITIVE_AREAS
    if sensitive:
        where = _listing(sensitive, ctx.names)
        pts = {"soft": 10, "medium": -5, "firm": -20}[ball.density]
        feel = "gentle" if ball.density == "soft" else "a lot"
        out.append((pts, f"Sensitive ({where}): {ball.density} is {feel} there."))
    delicate = ctx.regions & DELICATE_AREAS
    if delicate and ball.density == "firm":
        where = _listing(delicate, ctx.names)
        if ball.format == "double":
            out.append((-10, f"On {where} use a medium-firm one, groove centred."))
        else:
            out.append((-20, f"Very firm balls are too aggressive for {where}."))
    return out


def _texture(ball: Ball, ctx: ScoringContext) -> Points:
    new = ctx.needs.experience == "new" or ctx.needs.tolerance == "low"
    if ball.texture == "spiky":
        if new:
            return [(TOO_INTENSE, "Spiky nubs are too strong for a beginner.")]
        if not ctx.regions or not ctx.regions <= SPIKY_AREAS:
            return [(-35, "Spiky nubs are too intense beyond the soles and glutes.")]
        if ctx.comfort < 2:
            return [(-25, "Spiky nubs are intense; most people start smooth.")]
        return [(5, "Nubs concentrate pressure on the sole or glutes, as you like.")]
    if ball.texture == "smooth" and ctx.needs.experience == "new":
        return [(5, "Smooth spreads pressure evenly: the easiest start.")]
    return []


def _format(ball: Ball, ctx: ScoringContext) -> Points:
    out: Points = []
    spine = ctx.regions & SPINE_SIDE
    if ball.format == "double":
        if spine:
            where = _listing(spine, ctx.names)
            out.append((35, f"The groove keeps the spine between the balls: {where}."))
        elif not ctx.regions or not ctx.regions <= set(ball.best_regions):
            out.append((-10, "A double ball is specialised; a single one is handier."))
    elif spine:
        out.append((-5, "Beside the spine a single ball must stay off the bones."))
    if ball.format == "handheld":
        if ctx.needs.no_floor:
            out.append((40, "You press with your hands: no getting down on the floor."))
        if ctx.needs.travel:
            out.append((15, "Compact, and works seated on a trip."))
        if not (ctx.needs.no_floor or ctx.needs.travel):
            out.append((-10, "Gripping it tires the hand; body weight is easier."))
        reach = ctx.regions & HARD_TO_REACH
        if reach:
            where = _listing(reach, ctx.names)
            out.append((-15, f"Hard to reach {where} on your own."))
    elif ctx.needs.travel and ball.size == "large":
        out.append((-10, "Bulky to pack."))
    elif ctx.needs.travel and any("travel" in use for use in ball.best_for):
        out.append((10, "Travel-friendly."))
    return out


def _purchase(ball: Ball, ctx: ScoringContext) -> Points:
    out: Points = []
    if ctx.needs.eco and ball.eco:
        out.append((35, "Eco-friendlier: natural, recyclable material with grip."))
    budget = ctx.needs.budget_usd
    if budget is None:
        return out
    low, high = ball.price_usd
    if budget < low:
        return [*out, (-50, f"Costs at least ${low}, over your ${budget:g} budget.")]
    if budget < high:
        return [*out, (-3, f"Only cheaper versions fit ${budget:g} (${low}-{high}).")]
    return [*out, (3, f"Fits your budget (${low}-{high}).")]


def _caution(ball: Ball, ctx: ScoringContext) -> Points:
    if ctx.caution is None:
        return []
    because = f"With {ctx.caution}"
    rules = (
        (ball.density == "firm", FIRM_WHEN_CAUTIOUS, "firm balls press too hard"),
        (ball.texture == "spiky", -60, "spiky nubs focus pressure too much"),
        (span(ball) == "small", -15, "a small ball focuses pressure too much"),
        (ball.density == "soft", 20, "soft pressure is the safer choice"),
        (ball.size == "large", 10, "a large ball spreads the pressure"),
    )
    return [(pts, f"{because}, {why}.") for applies, pts, why in rules if applies]


RULES: tuple[Callable[[Ball, ScoringContext], Points], ...] = (
    _caution,
    _area_fit,
    _size,
    _density,
    _techniques,
    _sensitivity,
    _texture,
    _format,
    _purchase,
)
