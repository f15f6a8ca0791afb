"""Show a progress report in the terminal: alerts first, then sparklines and bars."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from knotwork.domain.progress.alerts import RECURRENCE_ADVICE, readable
from knotwork.domain.progress.learning import ProgressReport
from knotwork.domain.progress.meaningful_change import (
    MEANINGFUL_CHANGE_RULE,
    MEANINGFUL_CHANGE_SOURCE,
)
from knotwork.domain.progress.session_effects import FACTOR_KINDS

SPARK = "▁▂▃▄▅▆▇█"
SPARK_WEEKS = 26
BAR_WIDTH = 20
RECENT = 5
VERDICT_STYLE = {"better": "green", "worse": "red", "unchanged": "yellow"}


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


def _escalations(report: ProgressReport) -> Panel | None:
    if not report.escalations:
        return None
    lines: list[Text] = []
    for e in report.escalations:
        style = "bold red" if e.urgent else "bold"
        lines.append(Text(f"{_when(e.at)}  {e.message}", style=style))
        lines.append(Text(f"  -> {e.action}"))
    return Panel(
        Group(*lines),
        title="See a clinician / take care",
        border_style="red",
        expand=True,
    )


def _trends(report: ProgressReport) -> Table:
    table = Table(
        title="Pain by spot (weekly mean, last 26 weeks)", title_justify="left"
    )
    for column in ("Spot", "Trend", "Baseline", "Now", "Change", ""):
        table.add_column(column)
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
            Text(verdict, style=VERDICT_STYLE[c.direction]),
        )
    return table


def _sessions(report: ProgressReport, out: Console) -> None:
    summary = report.session_summary()
    if not summary["sessions"]:
        return
    mean = summary["mean_drop"]
    relief = "" if mean is None else f"; pain fell {mean:.1f} points on average"
    out.print(
        f"\n[bold]Sessions[/]: {summary['sessions']} "
        f"({summary['completed']} finished){relief}."
    )
    for s in report.recent_sessions(RECENT):
        scores = ", ".join(
            f"{readable(spot)} {b}->{a}" for spot, (b, a) in sorted(s.scores.items())
        )
        state = "" if s.completed else " [yellow](stopped early)[/]"
        out.print(f"  {_when(s.started_at)}  {s.routine}{state}  {scores}")


def _helps(report: ProgressReport, out: Console) -> None:
    ranked = [f for f in report.helps if f.mean_drop > 0][:6]
    if not ranked:
        return
    table = Table(title="What helps you most (mean pain drop per session)",
                  title_justify="left", show_header=False)  # fmt: skip
    high = max(f.mean_drop for f in ranked)
    best = {report.best(kind) for kind in FACTOR_KINDS}
    for f in ranked:
        mark = " best" if f in best else ""
        table.add_row(f.kind, f.key, bar(f.mean_drop, high),
                      f"{f.mean_drop:.1f} ({f.sessions} sessions){mark}")  # fmt: skip
    out.print(table)


def _adherence(report: ProgressReport, out: Console) -> None:
    adherence = report.adherence
    if adherence is None:
        return
    # The current week is still under way, so only finished weeks are drawn.
    recent = adherence.weeks[:-1][-12:]
    shares = [min(1.0, w.done / w.planned) if w.planned else 1.0 for w in recent]
    rate = "-" if adherence.rate is None else f"{adherence.rate:.0%}"
    out.print(
        f"\n[bold]Plan adherence[/]: {rate} of planned sessions "
        f"(last 12 weeks: {sparkline(shares, 0.0, 1.0)})"
    )


def _notes(report: ProgressReport, out: Console) -> None:
    if report.recurrences:
        out.print("\n[bold]Keeps coming back[/]")
        for r in report.recurrences:
            out.print(f"  {r.message}")
        out.print(f"  {RECURRENCE_ADVICE}")
    for ball in report.ball_reminders:
        out.print(f"\n[bold]Ball check[/]: {ball.message}\n  {ball.check_for}")
    for rom in report.rom:
        unit = " deg" if rom.unit == "degrees" else "/10 ease"
        side = f" ({rom.side})" if rom.side else ""
        out.print(
            f"\n[bold]Re-test[/] {rom.movement}{side}: {rom.first:.0f}{unit} -> "
            f"{rom.latest:.0f}{unit} over {rom.tests} tests"
        )


def print_progress(report: ProgressReport, out: Console | None = None) -> None:
    """Render the whole report, escalation prompts first."""
    out = out or Console(highlight=False)
    panel = _escalations(report)
    if panel is not None:
        out.print(panel)
    if not report.trends and not report.sessions:
        out.print("Nothing logged yet. Start with: knotwork log pain SPOT 0-10")
        return
    if report.trends:
        out.print(_trends(report))
        out.print(
            f"Meaningful change: {MEANINGFUL_CHANGE_RULE}. "
            f"Source: {MEANINGFUL_CHANGE_SOURCE}."
        )
    _sessions(report, out)
    _helps(report, out)
    _adherence(report, out)
    _notes(report, out)
