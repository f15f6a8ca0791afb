"""The physio summary PDF: readable, with spots, charts, sessions and flags."""

from __future__ import annotations

import base64
import re
import zlib
from datetime import date, datetime, timedelta
from pathlib import Path

from reportlab.graphics.shapes import Circle  # type: ignore[import-untyped]

from knotwork.domain.journal.records import (
    OwnedBall,
    PainEntry,
    Profile,
    SessionRecord,
    StepRecord,
    StopEvent,
)
from knotwork.domain.progress.learning import build_progress_report
from knotwork.exports.pdf import pdf_summary, write_pdf
from knotwork.exports.pdf_chart import trend_drawing

START = datetime(2025, 1, 6, 9)
STREAM = re.compile(
    rb"/Filter \[ /ASCII85Decode /FlateDecode \][^>]*>>\s*stream\r?\n(.*?)endstream",
    re.S,
)


def _text(pdf: bytes) -> bytes:
    """Return every decoded content stream joined, for a plain text search."""
    out = b""
    for match in STREAM.finditer(pdf):
        raw = match.group(1).strip().removesuffix(b"~>")
        out += zlib.decompress(base64.a85decode(raw))
    return out


def _report_and_profile() -> tuple[object, Profile]:
    entries = [
        PainEntry("upper_trapezius", 6 if n < 10 else 3, START + timedelta(days=n))
        for n in range(21)
    ]
    stop = StopEvent(
        "tingling",
        START + timedelta(days=3, minutes=2),
        0,
        "tingling",
        "Move the ball off the spot.",
    )
    sessions = [
        SessionRecord(
            "s1",
            "neck_reset",
            START + timedelta(days=3),
            None,
            [StepRecord(0, "upper_trapezius", "wall_lean", "lacrosse", "hold", 60, 30)],
            {"upper_trapezius": 6},
            {},
            stop=stop,
        ),
        SessionRecord(
            "s2",
            "neck_reset",
            START + timedelta(days=5),
            START + timedelta(days=5, minutes=6),
            [StepRecord(0, "upper_trapezius", "wall_lean", "lacrosse", "hold", 60, 60)],
            {"upper_trapezius": 6},
            {"upper_trapezius": 3},
            completed=True,
        ),
    ]
    profile = Profile(
        conditions=["osteoporosis"], balls=[OwnedBall("lacrosse", date(2023, 1, 1))]
    )
    report = build_progress_report(
        entries, sessions, now=START + timedelta(days=22), profile=profile
    )
    return report, profile


def test_pdf_names_spots_flags_and_sessions(tmp_path: Path) -> None:
    report, profile = _report_and_profile()
    path = tmp_path / "summary.pdf"
    write_pdf(path, report, profile)  # type: ignore[arg-type]
    data = path.read_bytes()
    assert data.startswith(b"%PDF-")
    assert len(re.findall(rb"/Type /Page[^s]", data)) >= 1
    text = _text(data)
    for expected in (
        b"Upper trapezius",
        b"Needs a clinician",
        b"Tingling or pins",
        b"Move the ball off the spot.",
        b"neck_reset",
        b"Conditions noted: osteoporosis",
        b"Farrar et al., Pain 2001",
    ):
        assert expected in text, expected
    # The spot's chart is drawn as vector lines, with its key.
    assert b"weekly mean pain" in text


def test_the_chart_plots_each_week_inside_its_frame() -> None:
    report, _ = _report_and_profile()
    trend = report.trends[0]
    drawing = trend_drawing(trend, "Upper trapezius", width=480, height=230)
    dots = [s for s in drawing.contents if isinstance(s, Circle)]
    assert len(dots) == len(trend.weekly)
    for dot, (_, mean, _) in zip(dots, trend.weekly, strict=True):
        assert 0 < dot.cx < 480
        # 0-10 pain maps linearly onto the frame's height.
        assert abs((dot.cy - 30) / (230 - 30 - 22) * 10 - mean) < 1e-6


def test_an_empty_journal_still_makes_a_pdf() -> None:
    report = build_progress_report([], [], now=START)
    data = pdf_summary(report)
    assert data.startswith(b"%PDF-")
    assert b"No pain entries were logged" in _text(data)
