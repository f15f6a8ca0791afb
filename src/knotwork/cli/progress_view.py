"""Show a progress report in the terminal: alerts first, then sparklines and bars."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from knotwork.cli.layout import Table, panel, say, show
from knotwork.cli.style import Colour, bold, coloured
from knotwork.domain.progress.alerts import RECURRENCE_ADVICE, readable
from knotwork.domain.progress.meaningful_change import (
    MEANINGFUL_CHANGE_RULE,
    MEANINGFUL_CHANGE_SOURCE,
)
from knotwork.domain.progress.session_effects import FACTOR_KINDS

if TYPE_CHECKING:
    from typing import TextIO

    from knotwork.domain.progress.learning import ProgressReport

SPARK = "▁▂▃▄▅▆▇█"
SPARK_WEEKS = 26
BAR_WIDTH = 20
RECENT = 5
VERDICT_STYLE: dict[str, Colour] = {
    "better": "green",
    "worse": "red",
    "unchanged": "yellow",
}


def sparkline(values: Sequence[float], low: float = 0.0, high: float = 10.0) -> str:
    """Return one block character per value, scaled from low to high."""
    span = (high - low) or 1.0
    top = len(SPARK) - 1
    return "".join(
        SPARK[max(0, min(top, round((v - low) / span * top)))] for v in values
    )


def bar(value: float, high: float, width: int = BAR_WIDTH) -> str:
    """Return a horizontal bar of ``width`` cells filled in proportion to value."""
    if high <= 0 or value <= 0:
        return ""
    return "█" * max(1, round(min(value, high) / high * width))


def _when(moment: datetime) -> str:
    local = moment if moment.tzinfo is None else moment.astimezone()
    return local.strftime("%a %Y-%m-%d")


def _escalations(report: ProgressReport) -> str | None:
    if not report.escalations:
        return None
    lines: list[str] = []
    for e in report.escalations:
        said = f"{_when(e.at)}  {e.message}"
        lines.append(coloured(said, "red", strong=True) if e.urgent else bold(said))
        lines.append(f"  -> {e.action}")
    return panel("\n".join(lines), title="See a clinician / take care", colour="red")


def _trends(report: ProgressReport) -> Table:
    table = Table(
        ("Spot", "Trend", "Baseline", "Now", "Change", ""),
        title="Pain by spot (weekly mean, last 26 weeks)",
        title_left=True,
    )
    for t in report.trends:
        weeks = [mean for _, mean, _ in t.weekly[-SPARK_WEEKS:]]
        c = t.change
        percent = "" if c.percent is None else f" ({c.percent:+.0f}%)"
        verdict = {"better": "better", "worse": "worse"}.get(
            c.direction, "no real change"
        )
        table.add_row(
            readable(t.spot),
            sparkline(weeks),
            f"{c.baseline:.1f}",
            f"{c.current:.1f}",
            f"{c.points:+.1f}{percent}",
            coloured(verdict, VERDICT_STYLE[c.direction]),
        )
    return table


def _sessions(report: ProgressReport, out: TextIO | None) -> None:
    summary = report.session_summary()
    if not summary["sessions"]:
        return
    mean = summary["mean_drop"]
    relief = "" if mean is None else f"; pain fell {mean:.1f} points on average"
    say(
        f"\n{bold('Sessions')}: {summary['sessions']} "
        f"({summary['completed']} finished){relief}.",
        out,
    )
    for s in report.recent_sessions(RECENT):
        scores = ", ".join(
            f"{readable(spot)} {b}->{a}" for spot, (b, a) in sorted(s.scores.items())
        )
        state = "" if s.completed else " " + coloured("(stopped early)", "yellow")
        say(f"  {_when(s.started_at)}  {s.routine}{state}  {scores}", out)


def _helps(report: ProgressReport, out: TextIO | None) -> None:
    ranked = [f for f in report.helps if f.mean_drop > 0][:6]
    if not ranked:
        return
    table = Table(("Kind", "Factor", "", "Drop"),
                  title="What helps you most (mean pain drop per session)",
                  title_left=True, show_header=False)  # fmt: skip
    high = max(f.mean_drop for f in ranked)
    best = {report.best(kind) for kind in FACTOR_KINDS}
    for f in ranked:
        mark = " best" if f in best else ""
        table.add_row(f.kind, f.key, bar(f.mean_drop, high),
                      f"{f.mean_drop:.1f} ({f.sessions} sessions){mark}")  # fmt: skip
    show(table.render(), file=out)


def _adherence(report: ProgressReport, out: TextIO | None) -> None:
    adherence = report.adherence
    if adherence is None:
        return
    # The current week is still under way, so only finished weeks are drawn.
    recent = adherence.weeks[:-1][-12:]
    shares = [min(1.0, w.done / w.planned) if w.planned else 1.0 for w in recent]
    rate = "-" if adherence.rate is None else f"{adherence.rate:.0%}"
    say(
        f"\n{bold('Plan adherence')}: {rate} of planned sessions "
        f"(last 12 weeks: {sparkline(shares, 0.0, 1.0)})",
        out,
    )


def _notes(report: ProgressReport, out: TextIO | None) -> None:
    if report.recurrences:
        say("\n" + bold("Keeps coming back"), out)
        for r in report.recurrences:
            say(f"  {r.message}", out)
        say(f"  {RECURRENCE_ADVICE}", out)
    for ball in report.ball_reminders:
        say(f"\n{bold('Ball check')}: {ball.message}\n  {ball.check_for}", out)
    for rom in report.rom:
        unit = " deg" if rom.unit == "degrees" else "/10 ease"
        side = f" ({rom.side})" if rom.side else ""
        say(
            f"\n{bold('Re-test')} {rom.movement}{side}: {rom.first:.0f}{unit} -> "
            f"{rom.latest:.0f}{unit} over {rom.tests} tests",
            out,
        )


def print_progress(report: ProgressReport, out: TextIO | None = None) -> None:
    """Render the whole report, escalation prompts first."""
    alerts = _escalations(report)
    if alerts is not None:
        show(alerts, file=out)
    if not report.trends and not report.sessions:
        say("Nothing logged yet. Start with: knotwork log pain SPOT 0-10", out)
        return
    if report.trends:
        show(_trends(report).render(), file=out)
        say(
            f"Meaningful change: {MEANINGFUL_CHANGE_RULE}. "
            f"Source: {MEANINGFUL_CHANGE_SOURCE}.",
            out,
        )
    _sessions(report, out)
    _helps(report, out)
    _adherence(report, out)
    _notes(report, out)
