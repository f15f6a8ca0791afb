"""Small inline SVG charts for the journal page, drawn on the server.

Each chart is decorative for screen readers only in part: it carries a title
and a one-line summary, and the page puts the same numbers in a table.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from html import escape

from markupsafe import Markup

from knotwork.domain.journal.pain_series import Reading
from knotwork.domain.plans.adherence import Adherence

WIDTH, HEIGHT = 320, 150
LEFT, RIGHT, TOP, BOTTOM = 28, 12, 12, 26
PLOT_W = WIDTH - LEFT - RIGHT
PLOT_H = HEIGHT - TOP - BOTTOM


def local_label(moment: datetime) -> str:
    """Return a moment as a short local date and time."""
    return moment.astimezone().strftime("%a %d %b %H:%M")


def _y(pain: float) -> float:
    return TOP + PLOT_H * (1 - pain / 10)


def _axes() -> list[str]:
    parts = []
    for pain in (0, 5, 10):
        y = _y(pain)
        parts.append(
            f'<line class="chart__grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" '
            f'y1="{y:.1f}" y2="{y:.1f}"/>'
            f'<text class="chart__tick" x="{LEFT - 4}" y="{y + 3:.1f}" '
            f'text-anchor="end">{pain}</text>'
        )
    return parts


def pain_chart(spot: str, label: str, readings: Sequence[Reading]) -> Markup:
    """Draw one spot's pain (0-10) over time: a line through every reading."""
    first, last = readings[0].seconds, readings[-1].seconds
    span = last - first

    def x(seconds: float) -> float:
        if span <= 0:
            return LEFT + PLOT_W / 2
        return LEFT + PLOT_W * (seconds - first) / span

    points = [(x(r.seconds), _y(r.pain), r) for r in readings]
    summary = (
        f"{len(readings)} readings from {local_label(readings[0].at)} to "
        f"{local_label(readings[-1].at)}; latest {readings[-1].pain}/10"
    )
    title_id = f"chart-{spot}-title"
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{title_id}" data-spot="{escape(spot)}">',
        f'<title id="{title_id}">{escape(label)}: pain over time. '
        f"{escape(summary)}</title>",
        *_axes(),
    ]
    if len(points) > 1:
        line = " ".join(f"{px:.1f},{py:.1f}" for px, py, _ in points)
        parts.append(f'<polyline class="chart__line" points="{line}"/>')
    for px, py, reading in points:
        side = f", {reading.side}" if reading.side else ""
        text = f"{local_label(reading.at)}: {reading.pain}/10{side}"
        parts.append(
            f'<circle class="chart__point" cx="{px:.1f}" cy="{py:.1f}" r="3.5" '
            f'data-pain="{reading.pain}"><title>{escape(text)}</title></circle>'
        )
    parts += [
        f'<text class="chart__tick" x="{LEFT}" y="{HEIGHT - 6}">'
        f"{escape(readings[0].at.astimezone().strftime('%d %b'))}</text>",
        f'<text class="chart__tick" x="{WIDTH - RIGHT}" y="{HEIGHT - 6}" '
        f'text-anchor="end">'
        f"{escape(readings[-1].at.astimezone().strftime('%d %b'))}</text>",
        "</svg>",
    ]
    return Markup("".join(parts))


def before_after_bar(before: int, after: int) -> Markup:
    """Draw pain before and after a session on one 0-10 line."""
    width, height, pad = 120, 16, 6

    def x(pain: int) -> float:
        return pad + (width - 2 * pad) * pain / 10

    better = "better" if after < before else ("worse" if after > before else "same")
    return Markup(
        f'<svg class="dumbbell dumbbell--{better}" viewBox="0 0 {width} {height}" '
        f'aria-hidden="true" focusable="false">'
        f'<line class="dumbbell__scale" x1="{pad}" x2="{width - pad}" y1="8" y2="8"/>'
        f'<line class="dumbbell__change" x1="{x(before):.1f}" x2="{x(after):.1f}" '
        f'y1="8" y2="8"/>'
        f'<circle class="dumbbell__before" cx="{x(before):.1f}" cy="8" r="4"/>'
        f'<circle class="dumbbell__after" cx="{x(after):.1f}" cy="8" r="4"/></svg>'
    )


def adherence_chart(adherence: Adherence) -> Markup:
    """Draw sessions done against sessions planned, week by week."""
    weeks = adherence.weeks[-8:]
    if not weeks:
        return Markup("")
    top = max(max(w.planned, w.done) for w in weeks) or 1
    slot = PLOT_W / len(weeks)
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" aria-hidden="true" '
        'focusable="false">'
    ]
    for i, w in enumerate(weeks):
        x0 = LEFT + i * slot + slot * 0.15
        bar = slot * 0.35
        for offset, value, kind in ((0.0, w.planned, "planned"), (bar, w.done, "done")):
            h = PLOT_H * value / top
            parts.append(
                f'<rect class="chart__bar chart__bar--{kind}" x="{x0 + offset:.1f}" '
                f'y="{TOP + PLOT_H - h:.1f}" width="{bar:.1f}" height="{h:.1f}"/>'
            )
        parts.append(
            f'<text class="chart__tick" x="{x0 + bar:.1f}" y="{HEIGHT - 6}" '
            f'text-anchor="middle">{w.week_start.strftime("%d %b")}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def pain_table_rows(
    readings: Sequence[Reading], limit: int = 12
) -> list[tuple[str, int, str]]:
    """Return the latest readings as (when, pain, side) rows, newest first."""
    latest = list(readings)[-limit:]
    return [(local_label(r.at), r.pain, r.side or "") for r in reversed(latest)]
