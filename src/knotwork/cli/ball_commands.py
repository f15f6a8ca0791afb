"""`knotwork ball`: rank massage balls for an area, or browse the catalogue."""

from __future__ import annotations

from typing import TYPE_CHECKING

from knotwork.cli.consult_commands import JSON, NO_PROFILE, PROFILE
from knotwork.cli.grammar import arg, command, finite
from knotwork.cli.output import emit_json, fail

if TYPE_CHECKING:
    from knotwork.domain.balls.advice import BallAdvice
    from knotwork.domain.balls.needs import Experience, Tolerance
    from knotwork.kb.models import Ball, KnowledgeBase
    from knotwork.services.core import Knotwork

SHOWN = 5
IDS_HINT = "See the ids with: knotwork muscles / knotwork regions / knotwork conditions"


@command(JSON)
def balls(core: Knotwork, as_json: bool) -> None:
    """Browse the ball catalogue with each ball's care (same as `ball --list`).

    Example: knotwork balls
    """
    show_catalogue(core.kb, as_json)


@command(
    arg(
        "ball_id", nargs="?", metavar="ID", help="Show one ball and how to care for it."
    ),
    arg("--muscle", "-m", action="append", metavar="ID", help="A muscle id."),
    arg("--region", "-r", action="append", metavar="ID", help="A body-region id."),
    arg(
        "--tolerance",
        choices=("low", "medium", "high"),
        help="How much pressure you enjoy: low, medium or high (default: your "
        "profile's, else medium).",
    ),
    arg(
        "--experience",
        choices=("new", "some", "lots"),
        help="How much ball work you have done: new, some or lots (default: "
        "your profile's, else some).",
    ),
    arg("--no-floor", action="store_true", help="Getting down on the floor is hard."),
    arg("--travel", action="store_true", help="For a trip."),
    arg("--eco", action="store_true", help="Prefer eco materials."),
    arg("--budget", type=finite, metavar="AMOUNT", help="Most you will pay, USD."),
    arg("--condition", "-c", action="append", metavar="ID", help="A condition id."),
    arg("--list", dest="list_balls", action="store_true", help="List the catalogue."),
    PROFILE,
    NO_PROFILE,
    JSON,
)
def ball(
    core: Knotwork,
    ball_id: str | None,
    muscle: list[str] | None,
    region: list[str] | None,
    tolerance: Tolerance | None,
    experience: Experience | None,
    no_floor: bool,
    travel: bool,
    eco: bool,
    budget: float | None,
    condition: list[str] | None,
    list_balls: bool,
    profile: bool,
    as_json: bool,
) -> None:
    """Rank massage balls for your areas, comfort and situation, safety first.

    With --list or a ball id, browse the catalogue and each ball's care.
    Your saved comfort and health screen apply unless you pass --no-profile.

    Example: knotwork ball --muscle gluteus_maximus --experience new
    """
    from knotwork.domain.balls.needs import (
        InvalidBudget,
        UnknownBall,
        UnknownTarget,
        find_ball,
    )
    from knotwork.domain.safety.verdict import UnknownId

    kb = core.kb
    ranking_asked = bool(muscle or region or condition or no_floor or travel or eco)
    ranking_asked |= budget is not None or tolerance is not None
    ranking_asked |= experience is not None
    if (list_balls or ball_id) and ranking_asked:
        fail(
            "browse the catalogue or rank balls, not both at once.",
            "Example: knotwork ball --list, or knotwork ball --region sole",
        )
    if list_balls:
        show_catalogue(kb, as_json)
        return
    if ball_id:
        try:
            show_ball(find_ball(kb, ball_id), as_json)
        except UnknownBall:
            fail(f"unknown ball '{ball_id}'.", _ball_hint(kb, ball_id))
        return
    needs = core.ball_needs(
        muscle or (),
        region or (),
        tolerance,
        experience,
        no_floor=no_floor,
        travel=travel,
        eco=eco,
        budget_usd=budget,
        use_profile=profile,
    )
    try:
        advice = core.balls(needs, condition or (), use_profile=profile)
    except (UnknownTarget, UnknownId) as exc:
        fail(f"{exc}.", IDS_HINT)
    except InvalidBudget as exc:
        fail(f"{exc}.", "Example: knotwork ball --budget 15")
    if as_json:
        emit_json(advice.to_json())
        return
    print_advice(advice)


def _ball_hint(kb: KnowledgeBase, ball_id: str) -> str:
    if any(m.id == ball_id for m in kb.muscles):
        return f"To rank balls for that muscle: knotwork ball --muscle {ball_id}"
    if any(r.id == ball_id for r in kb.regions):
        return f"To rank balls for that region: knotwork ball --region {ball_id}"
    return "List the balls with: knotwork ball --list"


def show_catalogue(kb: KnowledgeBase, as_json: bool) -> None:
    """Print every ball with its size, feel and price."""
    if as_json:
        from knotwork.kb import models

        emit_json([models.as_json(b) for b in kb.balls])
        return
    from knotwork.cli.layout import Table, say, show

    table = Table(
        ("id", "name", "size", "density", "texture", "format", "price"),
        title=f"{len(kb.balls)} massage balls",
    )
    for b in kb.balls:
        price = f"${b.price_usd[0]}-{b.price_usd[1]}" + (" eco" if b.eco else "")
        name = b.name.split(" (")[0]
        table.add_row(b.id, name, b.size, b.density, b.texture, b.format, price)
    show(table.render())
    say("Show one, with how to care for it: knotwork ball ID")


def show_ball(b: Ball, as_json: bool) -> None:
    """Print one ball: what it suits, its cautions and its care."""
    if as_json:
        from knotwork.kb import models

        emit_json(models.as_json(b))
        return
    from knotwork.cli.layout import panel, show
    from knotwork.cli.style import bold

    low, high = b.diameter_in
    lines = [
        f'{b.size}, {b.density}, {b.texture}, {low:g}-{high:g}" {b.format}; '
        f"{b.material}; ${b.price_usd[0]}-{b.price_usd[1]}"
        + ("; eco-friendlier" if b.eco else ""),
        bold("Best for:") + " " + "; ".join(b.best_for),
        bold("Cautions:"),
        *(f"  - {c}" for c in b.cautions),
        bold("Care"),
        f"  Cleaning: {b.care.cleaning}",
        f"  Heat: {b.care.heat}",
        f"  Replace: {b.care.replace_when}",
    ]
    show(panel("\n".join(lines), title=b.name))


def print_advice(advice: BallAdvice) -> None:
    """Show safety first, then the ranking, the starter pair and any notes."""
    from knotwork.cli.layout import Table, panel, say, show
    from knotwork.cli.render import print_safety
    from knotwork.cli.style import coloured
    from knotwork.domain.names import ball_fit

    print_safety(advice.safety)
    if advice.withheld:
        say(coloured("No ball is recommended until this is checked.", "red", True))
    if advice.ranking:
        hidden = len(advice.ranking) - SHOWN
        table = Table(
            ("#", "Ball", "Fit", "Why"),
            title="Balls for you, best first",
            caption=f"{hidden} less suitable balls not shown; --json lists all."
            if hidden > 0
            else "",
            right=("#",),
            lines=True,
            heading=2,
        )
        for i, r in enumerate(advice.ranking[:SHOWN], 1):
            why = "\n".join(f"- {reason}" for reason in r.reasons[:3])
            table.add_row(str(i), r.name, ball_fit(r.score), why)
        show(table.render())
    if advice.starter_pair:
        show(panel(advice.starter_pair.why, title="A starter pair"))
    for note in advice.notes:
        say(f"{coloured('Note:', 'yellow')} {note}")


COMMANDS = (ball, balls)
