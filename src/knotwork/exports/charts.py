"""Draw pain trends as PNG or SVG with matplotlib (Agg, no display needed).

Charts plot each spot's weekly mean pain on the 0-10 scale. A single-spot
chart also draws its baseline and the band within which a change is not yet
meaningful (Farrar et al., Pain 2001), so a reader sees at a glance whether
the spot has really moved.
Matplotlib is imported only here, and only when a chart is asked for.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from knotwork.domain.names import short_name
from knotwork.domain.progress.learning import SpotTrend
from knotwork.errors import KnotworkError
from knotwork.exports.atomic import write_atomically

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

ChartFormat = Literal["png", "svg"]
EPOCH = date(1970, 1, 1)
FORMATS: dict[str, ChartFormat] = {".png": "png", ".svg": "svg"}


class ChartError(KnotworkError):
    """A chart that cannot be drawn as asked."""


class UnsupportedChartFormat(ChartError):
    """The file name does not end in .png or .svg."""


class NothingToChart(ChartError):
    """There are no pain readings to draw."""


def chart_format(path: Path) -> ChartFormat:
    """Return the chart format a file name asks for, or raise."""
    try:
        return FORMATS[Path(path).suffix.lower()]
    except KeyError:
        raise UnsupportedChartFormat(
            f"'{path}': a chart file must end in .png or .svg"
        ) from None


def render_trend_chart(
    trends: Sequence[SpotTrend], fmt: ChartFormat = "png", title: str | None = None
) -> bytes:
    """Return a chart of weekly mean pain per spot as PNG or SVG bytes."""
    figure = trend_figure(trends, title)
    buffer = io.BytesIO()
    metadata = {"Date": None} if fmt == "svg" else {"Software": None}
    figure.savefig(buffer, format=fmt, metadata=metadata)
    return buffer.getvalue()


def trend_figure(trends: Sequence[SpotTrend], title: str | None = None) -> Figure:
    """Return the matplotlib figure of weekly mean pain per spot."""
    if not trends:
        raise NothingToChart("no pain entries to chart yet")
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(7.5, 3.6), dpi=110, layout="constrained")
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    for trend in trends:
        weeks = [_day_number(week) for week, _, _ in trend.weekly]
        means = [mean for _, mean, _ in trend.weekly]
        marker = "o" if len(weeks) < 30 else None
        axes.plot(weeks, means, marker=marker, markersize=3, label=_label(trend.spot))
    if len(trends) == 1:
        _draw_baseline(axes, trends[0])
    axes.xaxis_date()
    axes.set_xlim(*x_limits(trends))
    axes.set_ylim(0, 10)
    axes.set_ylabel("pain (0-10), weekly mean")
    axes.grid(True, alpha=0.3)
    axes.legend(loc="upper right", fontsize="small")
    axes.set_title(title or "Pain by spot", fontsize="medium")
    figure.autofmt_xdate()
    return figure


def x_limits(trends: Sequence[SpotTrend]) -> tuple[float, float]:
    """Return the date span to draw: the data's, never narrower than two weeks.

    Left to itself, matplotlib widens a single point's axis to years.
    """
    days = [_day_number(week) for t in trends for week, _, _ in t.weekly]
    first, last = min(days), max(days)
    pad = max(3.5, (last - first) * 0.04)
    if last - first < 14:
        middle = (first + last) / 2
        first, last = middle - 7, middle + 7
    return first - pad, last + pad


def meaningful_band(baseline: float) -> tuple[float, float]:
    """Return the pain band around baseline where a change is not yet meaningful.

    Meaningful = 2 points or 30% of baseline, whichever is reached first.
    """
    reach = min(2.0, 0.3 * baseline) if baseline > 0 else 2.0
    return max(0.0, baseline - reach), min(10.0, baseline + reach)


def _draw_baseline(axes: Axes, trend: SpotTrend) -> None:
    """Shade the band around baseline where change is not yet meaningful."""
    baseline = trend.change.baseline
    axes.axhline(baseline, color="grey", linestyle="--", linewidth=1)
    axes.axhspan(
        *meaningful_band(baseline),
        color="grey",
        alpha=0.12,
        label="baseline, +/- a meaningful change (2 points or 30%)",
    )


def _day_number(day: date) -> float:
    """Return matplotlib's date number: days since its default 1970 epoch."""
    return float((day - EPOCH).days)


def _label(spot: str) -> str:
    return short_name(spot)


def write_trend_chart(
    path: Path, trends: Sequence[SpotTrend], title: str | None = None
) -> Path:
    """Write the chart to ``path`` (.png or .svg) atomically; return the path."""
    fmt = chart_format(path)
    write_atomically(Path(path), render_trend_chart(trends, fmt, title))
    return Path(path)
