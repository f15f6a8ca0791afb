"""Draw one spot's pain trend as vector graphics inside the PDF summary.

reportlab, which lays out the PDF, draws the chart too: a PNG from matplotlib
would cost the export a second plotting library's start-up (most of a
second) for a picture that is sharper as vector lines anyway. The chart
shows the same things as ``charts.trend_figure``: weekly mean pain on the
0-10 scale, the baseline, and the band within which a change is not yet
meaningful.
"""

from __future__ import annotations

from datetime import date, timedelta

from reportlab.graphics.shapes import (  # type: ignore[import-untyped]
    Circle,
    Drawing,
    Line,
    PolyLine,
    Rect,
    String,
)
from reportlab.lib import colors  # type: ignore[import-untyped]

from knotwork.domain.progress.learning import SpotTrend
from knotwork.exports.charts import EPOCH, meaningful_band, x_limits

_LINE = colors.HexColor("#1f5f8b")
_GRID = colors.HexColor("#d9d9d9")
_BAND = colors.HexColor("#ececec")
_INK = colors.HexColor("#333333")
# Room for the axis labels around the plotting area, in points.
_LEFT, _RIGHT, _BOTTOM, _TOP = 42.0, 10.0, 30.0, 22.0
_TICKS = 6


def trend_drawing(trend: SpotTrend, title: str, width: float, height: float) -> Drawing:
    """Return a chart of one spot's weekly mean pain, ``width`` by ``height`` points."""
    drawing = Drawing(width, height)
    plot_w = width - _LEFT - _RIGHT
    plot_h = height - _BOTTOM - _TOP
    first, last = x_limits([trend])

    def x(day: float) -> float:
        return _LEFT + (day - first) / (last - first) * plot_w

    def y(pain: float) -> float:
        return _BOTTOM + pain / 10 * plot_h

    low, high = meaningful_band(trend.change.baseline)
    drawing.add(
        Rect(_LEFT, y(low), plot_w, y(high) - y(low), fillColor=_BAND, strokeColor=None)
    )
    for pain in range(0, 11, 2):
        drawing.add(Line(_LEFT, y(pain), _LEFT + plot_w, y(pain), strokeColor=_GRID))
        drawing.add(
            String(_LEFT - 6, y(pain) - 3, str(pain), fontSize=7, textAnchor="end")
        )
    ticks = _date_ticks(first, last)
    for k, day in enumerate(ticks):
        at = x(float((day - EPOCH).days))
        drawing.add(Line(at, _BOTTOM, at, _BOTTOM - 3, strokeColor=_INK))
        # The outer labels lean inwards so they stay inside the drawing.
        anchor = "start" if k == 0 else "end" if k == len(ticks) - 1 else "middle"
        label = day.strftime("%d %b %Y")
        drawing.add(String(at, _BOTTOM - 12, label, fontSize=7, textAnchor=anchor))
    drawing.add(
        String(12, _BOTTOM + plot_h / 2, "pain", fontSize=7, textAnchor="middle")
    )
    base = trend.change.baseline
    drawing.add(
        Line(
            _LEFT,
            y(base),
            _LEFT + plot_w,
            y(base),
            strokeColor=colors.grey,
            strokeDashArray=[4, 3],
        )
    )
    points: list[float] = []
    for week, mean, _ in trend.weekly:
        points += [x(float((week - EPOCH).days)), y(mean)]
    if len(points) > 2:
        drawing.add(PolyLine(points, strokeColor=_LINE, strokeWidth=1.5))
    if len(trend.weekly) < 30:
        for k in range(0, len(points), 2):
            drawing.add(
                Circle(points[k], points[k + 1], 2, fillColor=_LINE, strokeColor=None)
            )
    drawing.add(Rect(_LEFT, _BOTTOM, plot_w, plot_h, fillColor=None, strokeColor=_INK))
    drawing.add(String(_LEFT, height - 14, title, fontSize=10, fillColor=_INK))
    key = "weekly mean pain (0-10); grey band: baseline +/- a meaningful change"
    drawing.add(String(width - _RIGHT, height - 14, key, fontSize=7, textAnchor="end"))
    return drawing


def _date_ticks(first: float, last: float) -> list[date]:
    """Return up to six evenly spread dates inside the drawn span."""
    start = EPOCH + timedelta(days=int(first) + 1)
    span = max(1, int(last) - int(first) - 1)
    step = max(1, span // (_TICKS - 1))
    return [start + timedelta(days=k) for k in range(0, span + 1, step)][:_TICKS]
