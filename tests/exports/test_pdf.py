"""The physio summary PDF: readable, with spots, charts, sessions and flags."""

from __future__ import annotations

import base64
import re
import zlib
from datetime import date, datetime, timedelta
from pathlib import Path

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
    assert b"/Subtype /Image" in data  # the spot's chart


def test_an_empty_journal_still_makes_a_pdf() -> None:
    report = build_progress_report([], [], now=START)
    data = pdf_summary(report)
    assert data.startswith(b"%PDF-")
    assert b"No pain entries were logged" in _text(data)
