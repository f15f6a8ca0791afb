"""Draw each catalogue ball to scale, with its texture and format.

All balls share one scale (a ruler marks 1 and 5 inches), so a tennis ball and
a 5-inch foam ball look as different as they are. Sizes come from the
catalogue's diameter range (the middle of it is drawn); texture, format and
density come from the same record, so the picture cannot disagree with it.
"""

from __future__ import annotations

import math
from functools import cache
from html import escape

from knotwork.kb.loader import load_kb
from knotwork.kb.models import Ball

PX_PER_INCH = 16.0
HEIGHT = 96
WIDTH = 132
# Fill by density: darker means firmer (and the words say it too).
SHADE = {"soft": "ball--soft", "medium": "ball--medium", "firm": "ball--firm"}


def _middle(ball: Ball) -> float:
    low, high = ball.diameter_in
    return (low + high) / 2


def _texture(cx: float, cy: float, r: float, texture: str) -> str:
    if texture == "spiky":
        spikes = []
        for i in range(16):
            a = 2 * math.pi * i / 16
            x1, y1 = cx + r * math.cos(a), cy + r * math.sin(a)
            x2, y2 = cx + (r + 4) * math.cos(a), cy + (r + 4) * math.sin(a)
            spikes.append(f"M{x1:.1f} {y1:.1f}L{x2:.1f} {y2:.1f}")
        return f'<path class="ball__spikes" d="{"".join(spikes)}"/>'
    if texture == "textured":
        dots = [
            f'<circle class="ball__grain" cx="{cx + dx * r:.1f}" '
            f'cy="{cy + dy * r:.1f}" r="1.1"/>'
            for dx, dy in (
                (-0.4, -0.3),
                (0.3, -0.45),
                (0.1, 0.1),
                (-0.5, 0.35),
                (0.45, 0.3),
                (-0.1, 0.55),
                (0.55, -0.05),
                (-0.2, -0.6),
            )
        ]
        return "".join(dots)
    return (
        f'<path class="ball__seam" d="M{cx - r * 0.7:.1f} {cy - r * 0.2:.1f}'
        f'Q{cx:.1f} {cy + r * 0.5:.1f} {cx + r * 0.7:.1f} {cy - r * 0.2:.1f}"/>'
    )


@cache
def ball_picture(ball_id: str) -> str:
    """Return one ball drawn to scale, as a ``<figure>``."""
    ball = next(b for b in load_kb().balls if b.id == ball_id)
    diameter = _middle(ball)
    r = diameter * PX_PER_INCH / 2
    cy = HEIGHT - 14 - r
    shade = SHADE[ball.density]
    shapes: list[str] = []
    if ball.format == "double":
        for cx in (WIDTH / 2 - r * 0.8, WIDTH / 2 + r * 0.8):
            shapes.append(
                f'<circle class="ball__body {shade}" cx="{cx:.1f}" '
                f'cy="{cy:.1f}" r="{r:.1f}"/>'
            )
            shapes.append(_texture(cx, cy, r, ball.texture))
    else:
        cx = WIDTH / 2
        if ball.format == "handheld":
            shapes.append(
                f'<rect class="ball__handle" x="{cx - 4:.1f}" y="{cy - r - 26:.1f}" '
                f'width="8" height="{26 + r * 0.5:.1f}" rx="4"/>'
            )
        shapes.append(
            f'<circle class="ball__body {shade}" cx="{cx:.1f}" '
            f'cy="{cy:.1f}" r="{r:.1f}"/>'
        )
        shapes.append(_texture(cx, cy, r, ball.texture))
    ruler_y = HEIGHT - 6
    inch = PX_PER_INCH
    ticks = "".join(f"M{8 + i * inch:.1f} {ruler_y - 3}v6" for i in range(0, 6))
    alt = (
        f"{ball.name}: {ball.diameter_in[0]:g} to {ball.diameter_in[1]:g} inches "
        f"across, {ball.texture}, {ball.density}, {ball.material}"
    )
    return (
        f'<figure class="ballpic" data-ball-picture="{ball_id}">'
        f'<svg viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{escape(alt)}">'
        f"{''.join(shapes)}"
        f'<path class="ballpic__ruler" d="M8 {ruler_y}h{5 * inch:.0f}{ticks}"/>'
        f'<text class="ballpic__label" x="8" y="{ruler_y - 5}">0</text>'
        f'<text class="ballpic__label" x="{8 + 5 * inch:.0f}" y="{ruler_y - 5}" '
        f'text-anchor="end">5 in</text></svg>'
        f"<figcaption>{ball.diameter_in[0]:g}–{ball.diameter_in[1]:g} in · "
        f"{escape(ball.texture)} · {escape(ball.density)}</figcaption></figure>"
    )
