"""A PDF summary a person can hand to their physiotherapist.

It opens with anything that needs a clinician's eye (stop events, red flags,
no response, lasting soreness), then each spot's course with a chart, what
seemed to help, recent sessions and adherence. It reports what the person
logged; it does not diagnose.
"""

from __future__ import annotations

import io
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

# reportlab ships no type hints, and adding a stubs package is not allowed here.
from reportlab.lib import colors  # type: ignore[import-untyped]
from reportlab.lib.pagesizes import A4  # type: ignore[import-untyped]
from reportlab.lib.styles import (  # type: ignore[import-untyped]
    ParagraphStyle,
    getSampleStyleSheet,
)
from reportlab.lib.units import cm  # type: ignore[import-untyped]
from reportlab.platypus import (  # type: ignore[import-untyped]
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from knotwork.domain.journal.records import Profile
from knotwork.domain.progress.learning import ProgressReport, SpotTrend
from knotwork.domain.progress.meaningful_change import (
    MEANINGFUL_CHANGE_RULE,
    MEANINGFUL_CHANGE_SOURCE,
)
from knotwork.domain.progress.session_effects import FACTOR_KINDS
from knotwork.exports.atomic import write_atomically
from knotwork.exports.fhir import spot_name
from knotwork.exports.pdf_chart import trend_drawing

MAX_CHARTS = 8
RECENT_SESSIONS = 15
_STYLES = getSampleStyleSheet()
_BODY = _STYLES["BodyText"]
_SMALL = ParagraphStyle("small", parent=_BODY, fontSize=8, leading=10)
_ALERT = ParagraphStyle(
    "alert", parent=_BODY, textColor=colors.HexColor("#8b0000"), leading=14
)
_GRID = TableStyle(
    [
        ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
        ("FONTSIZE", (0, 0), (-1, -1), 8),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
)


def _p(text: str, style: ParagraphStyle = _BODY) -> Paragraph:
    return Paragraph(escape(text), style)


def _local(moment: datetime, tz: tzinfo | None) -> datetime:
    return moment if moment.tzinfo is None else moment.astimezone(tz)


def _table(rows: list[list[Any]], widths: list[float] | None = None) -> Table:
    cells = [[_p(str(c), _SMALL) for c in row] for row in rows]
    table = Table(cells, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(_GRID)
    return table


def _heading(text: str) -> Paragraph:
    return _p(text, _STYLES["Heading2"])


def _escalations(report: ProgressReport, tz: tzinfo | None) -> list[Flowable]:
    out: list[Flowable] = [_heading("Needs a clinician's attention")]
    if not report.escalations:
        out.append(_p("No stop events, red flags or escalation signs were logged."))
        return out
    for e in report.escalations:
        when = _local(e.at, tz).strftime("%Y-%m-%d")
        urgent = "URGENT - " if e.urgent else ""
        out.append(_p(f"{urgent}{when}: {e.message}", _ALERT))
        out.append(_p(f"Advice given: {e.action}", _SMALL))
    return out


def _change_text(trend: SpotTrend) -> str:
    c = trend.change
    verdict = {"better": "meaningfully better", "worse": "meaningfully worse"}
    word = verdict.get(c.direction, "no meaningful change")
    percent = "" if c.percent is None else f", {c.percent:+.0f}%"
    return f"{c.points:+.1f} points{percent}: {word}"


def _spots(report: ProgressReport, tz: tzinfo | None) -> list[Flowable]:
    out: list[Flowable] = [_heading("Spots")]
    if not report.trends:
        out.append(_p("No pain entries were logged in this period."))
        return out
    rows: list[list[Any]] = [
        ["Spot", "Readings", "From", "To", "Baseline", "Now", "Change"]
    ]
    for t in report.trends:
        rows.append(
            [
                spot_name(t.spot),
                t.readings,
                _local(t.first_at, tz).strftime("%Y-%m-%d"),
                _local(t.last_at, tz).strftime("%Y-%m-%d"),
                f"{t.change.baseline:.1f}",
                f"{t.change.current:.1f}",
                _change_text(t),
            ]
        )
    out.append(
        _table(rows, [3.6 * cm, 1.8 * cm, 2 * cm, 2 * cm, 1.6 * cm, 1.4 * cm, 4.6 * cm])
    )
    out.append(
        _p(
            f"Meaningful change: {MEANINGFUL_CHANGE_RULE}. "
            f"Source: {MEANINGFUL_CHANGE_SOURCE}. Baseline is the first week's "
            "mean and now the latest week's mean (first and latest score when "
            "there is less data).",
            _SMALL,
        )
    )
    for trend in report.trends[:MAX_CHARTS]:
        chart = trend_drawing(
            trend, spot_name(trend.spot), width=17 * cm, height=17 * cm * 3.6 / 7.5
        )
        out.append(KeepTogether([Spacer(1, 0.2 * cm), chart]))
    return out


def _helps(report: ProgressReport) -> list[Flowable]:
    out: list[Flowable] = [_heading("What seemed to help")]
    lines = []
    for kind in FACTOR_KINDS:
        best = report.best(kind)
        if best is not None:
            lines.append(
                f"{kind.capitalize()}: {best.key} - pain fell {best.mean_drop:.1f} "
                f"points on average, over {best.sessions} sessions."
            )
    out.extend(_p(line) for line in lines)
    if not lines:
        out.append(_p("Not enough scored sessions yet to compare techniques."))
    return out


def _sessions(report: ProgressReport, tz: tzinfo | None) -> list[Flowable]:
    summary = report.session_summary()
    out: list[Flowable] = [_heading("Sessions")]
    mean = summary["mean_drop"]
    out.append(
        _p(
            f"{summary['sessions']} sessions, {summary['completed']} completed. "
            + ("" if mean is None else f"Pain fell {mean:.1f} points on average. ")
        )
    )
    recent = report.recent_sessions(RECENT_SESSIONS)
    if recent:
        rows: list[list[Any]] = [["Date", "Routine", "Finished", "Before -> after"]]
        for s in recent:
            scores = ", ".join(
                f"{spot_name(spot)} {b}->{a}"
                for spot, (b, a) in sorted(s.scores.items())
            )
            rows.append(
                [
                    _local(s.started_at, tz).strftime("%Y-%m-%d %H:%M"),
                    s.routine,
                    "yes" if s.completed else "stopped early",
                    scores or "-",
                ]
            )
        out.append(_table(rows, [3 * cm, 4 * cm, 2.4 * cm, 7.6 * cm]))
    if report.adherence is not None and report.adherence.rate is not None:
        out.append(
            _p(
                f"Adherence to the weekly plan: {report.adherence.rate:.0%} "
                "of planned sessions."
            )
        )
    return out


def _patterns(report: ProgressReport) -> list[Flowable]:
    if not report.recurrences:
        return []
    out: list[Flowable] = [_heading("Recurring patterns")]
    out.extend(_p(r.message) for r in report.recurrences)
    out.append(_p(report.recurrences[0].to_json()["advice"], _SMALL))
    return out


def pdf_summary(
    report: ProgressReport, profile: Profile | None = None, tz: tzinfo | None = None
) -> bytes:
    """Return the physio summary as PDF bytes."""
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title="knotwork summary",
        author="knotwork",
        leftMargin=2 * cm,
        rightMargin=2 * cm,
        topMargin=1.8 * cm,
        bottomMargin=1.8 * cm,
    )
    made = _local(report.generated_at, tz).strftime("%Y-%m-%d")
    story: list[Flowable] = [
        _p("Self-massage (ball work) summary", _STYLES["Title"]),
        _p(
            f"Made with knotwork on {made}. Everything here was logged by the "
            "person themself; it is a record, not a diagnosis.",
            _SMALL,
        ),
    ]
    if profile is not None and profile.conditions:
        cleared = set(profile.cleared)
        noted = [c + (" (cleared)" if c in cleared else "") for c in profile.conditions]
        story.append(_p(f"Conditions noted: {', '.join(noted)}."))
    story += _escalations(report, tz)
    story += _spots(report, tz)
    story += _helps(report)
    story += _sessions(report, tz)
    story += _patterns(report)
    document.build(story)
    return buffer.getvalue()


def write_pdf(
    path: Path,
    report: ProgressReport,
    profile: Profile | None = None,
    tz: tzinfo | None = None,
) -> None:
    """Write the physio summary to a PDF file atomically."""
    write_atomically(Path(path), pdf_summary(report, profile, tz))
