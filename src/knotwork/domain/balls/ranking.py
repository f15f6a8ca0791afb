"""Rank massage balls for a person's areas, comfort, situation and safety.

Every ball in the catalogue gets points for and against it, each with a
plain-language reason. The rules follow the source articles' guidance on
choosing a ball: size against area, density against tolerance and
experience, smooth before spiky, a double ball beside the spine, a handheld
ball when the floor is hard to reach. Safety comes first: a `stop` verdict
gives no ranking, an area marked `avoid` is left out, and any other caution
steers towards soft, large balls.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from typing import Any, Literal

from knotwork.domain.safety.verdict import SafetyResult, check_safety
from knotwork.errors import KnotworkError
from knotwork.kb.models import Ball, KnowledgeBase
from knotwork.kb.record import asdict, field, record

Tolerance = Literal["low", "medium", "high"]
Experience = Literal["new", "some", "lots"]
Points = list[tuple[int, str]]

LEVEL = {"low": 0, "medium": 1, "high": 2, "new": 0, "some": 1, "lots": 2}
DENSITY_LEVEL = {"soft": 0, "medium": 1, "firm": 2}
SIZE_LEVEL = {"small": 0, "medium": 1, "large": 2}
WHO = {0: "a beginner or sensitive person", 1: "most everyday users", 2: "you"}


def _ids(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Narrow areas: a small ball settles in, a big one bridges over the knot.
SMALL_AREAS = _ids(
    "sole ball_of_foot heel toes big_toe foot_top palm thumb hand_back "
    "forearm_front forearm_back between_shoulder_blades"
)
# Broad, padded areas: a large ball spreads the pressure.
BROAD_AREAS = _ids(
    "buttock hip_side thigh_front thigh_outer thigh_back thigh_inner armpit chest"
)
SENSITIVE_AREAS = _ids("ribs_side hip_side sternum abdomen")
# The neck, upper traps and bony places, where a very firm ball is too much.
DELICATE_AREAS = _ids(
    "head_back neck_back neck_side neck_base throat shoulder_top sacrum tailbone "
    "shin achilles wrist_back wrist_front elbow_outer elbow_inner elbow_front "
    "elbow_back knee_front knee_inner knee_outer knee_back ankle_outer "
    "ankle_inner ankle_front"
)
# Thick muscle (and the sole) that takes firm pressure well.
THICK_AREAS = _ids("buttock calf sole ball_of_foot")
# Muscles running beside the spine, where a double ball straddles the bones.
SPINE_SIDE = _ids("mid_back low_back neck_back neck_base head_back")
SPIKY_AREAS = _ids("sole ball_of_foot buttock")
HARD_TO_REACH = _ids("mid_back low_back between_shoulder_blades shoulder_blade")
SHORT_NAMES = {"between_shoulder_blades": "the area between the shoulder blades"}
BASE_SCORE = 50
# These outweigh every bonus: a caution never tops with a firm ball, and a
# beginner or sensitive person never starts on a very firm or spiky one.
FIRM_WHEN_CAUTIOUS = -100
TOO_INTENSE = -100


class UnknownTarget(KnotworkError):
    """A muscle or region id that knotwork does not know."""


class UnknownBall(KnotworkError):
    """A ball id that is not in the catalogue."""


class InvalidBudget(KnotworkError):
    """A budget that cannot buy anything."""


@record
class BallNeeds:
    """What the person wants to work on and what suits them."""

    muscles: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    tolerance: Tolerance = "medium"
    experience: Experience = "some"
    no_floor: bool = False
    travel: bool = False
    eco: bool = False
    budget_usd: float | None = None


@record
class RankedBall:
    """One ball, its score and the reasons for and against it."""

    ball: str
    name: str
    score: int
    reasons: list[str]


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


@record
class _Context:
    """Everything the scoring rules look at, worked out once."""

    needs: BallNeeds
    comfort: int  # 0 soft, 1 medium, 2 firm: the density this person suits
    regions: frozenset[str]
    techniques: dict[str, tuple[set[str], set[str]]]  # label -> sizes, densities
    names: dict[str, str]
    caution: str | None  # why pressure must stay gentle, if it must


def advise_balls(
    needs: BallNeeds, kb: KnowledgeBase, conditions: Iterable[str] = ()
) -> BallAdvice:
    """Check the ids and safety for these needs, then rank the balls."""
    validate_needs(needs, kb)
    areas = [*needs.muscles, *needs.regions]
    safety = check_safety(text="", conditions=conditions, areas=areas)
    return choose_balls(needs, kb, safety)


def validate_needs(needs: BallNeeds, kb: KnowledgeBase) -> None:
    """Raise if a muscle or region id is unknown or the budget is impossible."""
    muscle_ids = {m.id for m in kb.muscles}
    region_ids = {r.id for r in kb.regions}
    for muscle in needs.muscles:
        if muscle not in muscle_ids:
            raise UnknownTarget(f"unknown muscle: {muscle}")
    for region in needs.regions:
        if region not in region_ids:
            raise UnknownTarget(f"unknown region: {region}")
    budget = needs.budget_usd
    if budget is not None and (not math.isfinite(budget) or budget <= 0):
        raise InvalidBudget(f"a budget must be a sum above $0, not {budget:g}")


def find_ball(kb: KnowledgeBase, ball_id: str) -> Ball:
    """Return the catalogue ball with this id or raise ``UnknownBall``."""
    try:
        return kb.ball(ball_id)
    except KeyError:
        raise UnknownBall(f"unknown ball: {ball_id}") from None


def choose_balls(
    needs: BallNeeds, kb: KnowledgeBase, safety: SafetyResult
) -> BallAdvice:
    """Rank every catalogue ball for these needs within what safety allows."""
    validate_needs(needs, kb)
    avoided = sorted(a for a, v in safety.areas.items() if v == "avoid")
    if not safety.advice_allowed:
        note = "No ball work for now: follow the safety advice first."
        return BallAdvice(safety, [], None, avoided, [note])
    ctx, notes = _context(needs, kb, safety)
    if (needs.muscles or needs.regions) and not ctx.regions:
        notes.append("None of the areas you named can take ball work now.")
        return BallAdvice(safety, [], None, avoided, notes)
    order = {b.id: i for i, b in enumerate(kb.balls)}
    ranking = sorted(
        (_rank(ball, ctx) for ball in kb.balls),
        key=lambda r: (-r.score, kb.ball(r.ball).price_usd[0], order[r.ball]),
    )
    return BallAdvice(safety, ranking, starter_pair(ranking, kb, ctx), avoided, notes)


def _context(
    needs: BallNeeds, kb: KnowledgeBase, safety: SafetyResult
) -> tuple[_Context, list[str]]:
    names = {r.id: r.name.split(" (")[0].split(",")[0] for r in kb.regions}
    names.update(SHORT_NAMES)
    notes: list[str] = []
    regions: set[str] = set()
    techniques: dict[str, tuple[set[str], set[str]]] = {}
    gentle_areas: list[str] = []
    for target in dict.fromkeys([*needs.muscles, *needs.regions]):
        muscles = [m for m in kb.muscles if m.id == target]
        covered = muscles[0].regions if muscles else [target]
        label = muscles[0].name if muscles else names[target]
        if any(safety.areas.get(a) == "avoid" for a in [target, *covered]):
            notes.append(f"Left out {label}: the safety check says to avoid it.")
            continue
        if muscles and muscles[0].ball_note:
            notes.append(f"{label}: {muscles[0].ball_note}")
        if muscles and not muscles[0].techniques:
            continue  # the note says what to do instead of a ball
        if not muscles:
            # A region is worked through the muscles lying in it.
            muscles = [m for m in kb.muscles if target in m.regions and m.techniques]
            if not muscles and not any(target in b.best_regions for b in kb.balls):
                notes.append(
                    f"No ball work for {label}: pain there often starts elsewhere "
                    f"(try: knotwork where --region {target})."
                )
                continue
        sizes: set[str] = {
            s for m in muscles for t in m.techniques for s in t.ball_sizes
        }
        densities: set[str] = {
            d for m in muscles for t in m.techniques for d in t.densities
        }
        if sizes:
            techniques[label] = (sizes, densities)
        regions.update(covered)
        if any(safety.areas.get(a) == "modify" for a in [target, *covered]):
            gentle_areas.append(label)
    cautions = [_lower_first(r.name) for r in safety.reasons if r.verdict != "ok"]
    caution = ", ".join(cautions) if cautions else None
    if caution is None and gentle_areas:
        caution = f"the safety check on {', '.join(gentle_areas)}"
    comfort = min(LEVEL[needs.tolerance], LEVEL[needs.experience])
    ctx = _Context(needs, comfort, frozenset(regions), techniques, names, caution)
    return ctx, notes


def _rank(ball: Ball, ctx: _Context) -> RankedBall:
    points = [p for rule in RULES for p in rule(ball, ctx)]
    score = BASE_SCORE + sum(p for p, _ in points)
    # The strongest reasons first, whichever way they pull.
    points.sort(key=lambda p: -abs(p[0]))
    return RankedBall(ball.id, ball.name, score, [why for _, why in points])


def _lower_first(name: str) -> str:
    """Lower-case a name's first letter for mid-sentence use, unless an acronym."""
    return name[0].lower() + name[1:] if name[1:2].islower() else name


def _span(ball: Ball) -> str:
    """Return the size a ball presses like: two joined balls span a medium one."""
    return "medium" if ball.format == "double" else ball.size


def _is_gentle(ball: Ball) -> bool:
    """Whether a ball suits broad areas: large enough or soft enough to spread."""
    return ball.size == "large" or ball.density == "soft"


def _listing(ids: Iterable[str], names: dict[str, str]) -> str:
    words = [names.get(i, i) for i in sorted(ids)]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _area_fit(ball: Ball, ctx: _Context) -> Points:
    if not ctx.regions:
        return []
    matched = ctx.regions & set(ball.best_regions)
    if not matched:
        return [(0, "Not one of its usual areas.")]
    share = len(matched) / len(ctx.regions)
    return [(round(25 * share), f"Good for {_listing(matched, ctx.names)}.")]


def _size(ball: Ball, ctx: _Context) -> Points:
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
        }[_span(ball)]
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
        }[_span(ball)]
        out.append((round(pts * len(broad) / len(ctx.regions)), why))
    return out


def _density(ball: Ball, ctx: _Context) -> Points:
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


def _techniques(ball: Ball, ctx: _Context) -> Points:
    out: Points = []
    count = len(ctx.techniques) or 1
    # Two joined balls come in medium-firm EVA as well as firm rubber.
    usable = {ball.density, "medium"} if ball.format == "double" else {ball.density}
    for label, (sizes, densities) in ctx.techniques.items():
        if not usable & densities:
            wanted = " or ".join(d for d in DENSITY_LEVEL if d in densities)
            out.append((-12 // count, f"Techniques for {label} use {wanted} balls."))
        if _span(ball) not in sizes:
            wanted = " or ".join(s for s in SIZE_LEVEL if s in sizes)
            out.append((-8 // count, f"Techniques for {label} use {wanted} balls."))
    return out


def _sensitivity(ball: Ball, ctx: _Context) -> Points:
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


def _texture(ball: Ball, ctx: _Context) -> Points:
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


def _format(ball: Ball, ctx: _Context) -> Points:
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


def _purchase(ball: Ball, ctx: _Context) -> Points:
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


def _caution(ball: Ball, ctx: _Context) -> Points:
    if ctx.caution is None:
        return []
    because = f"With {ctx.caution}"
    rules = (
        (ball.density == "firm", FIRM_WHEN_CAUTIOUS, "firm balls press too hard"),
        (ball.texture == "spiky", -60, "spiky nubs focus pressure too much"),
        (_span(ball) == "small", -15, "a small ball focuses pressure too much"),
        (ball.density == "soft", 20, "soft pressure is the safer choice"),
        (ball.size == "large", 10, "a large ball spreads the pressure"),
    )
    return [(pts, f"{because}, {why}.") for applies, pts, why in rules if applies]


RULES: tuple[Callable[[Ball, _Context], Points], ...] = (
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


def starter_pair(
    ranking: list[RankedBall], kb: KnowledgeBase, ctx: _Context
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
        size_step = SIZE_LEVEL[broad.size] - SIZE_LEVEL[_span(focused)]
        firm_step = DENSITY_LEVEL[focused.density] - DENSITY_LEVEL[broad.density]
        # Smaller, firmer or both, but never bigger or softer than the broad one.
        if min(size_step, firm_step) >= 0 and size_step + firm_step > 0:
            return StarterPair(broad.id, focused.id, _pair_why(broad, focused, ctx))
    return None


def _pair_why(broad: Ball, focused: Ball, ctx: _Context) -> str:
    why = (
        f"Use the {_described(broad, broad.size)} for broad areas and the "
        f"{_described(focused, _span(focused))} for stubborn spots."
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
