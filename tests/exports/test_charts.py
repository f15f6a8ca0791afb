"""Trend charts as PNG or SVG files."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from knotwork.domain.journal.records import PainEntry
from knotwork.domain.progress.learning import SpotTrend, build_progress_report
from knotwork.exports.charts import (
    NothingToChart,
    UnsupportedChartFormat,
    chart_format,
    render_trend_chart,
    trend_figure,
    write_trend_chart,
)

START = datetime(2025, 1, 6, 9)


def _trends() -> tuple[SpotTrend, ...]:
    entries = [
        PainEntry(spot, max(0, 7 - n // 7), START + timedelta(days=n))
        for n in range(35)
        for spot in ("upper_trapezius", "calf")
    ]
    return build_progress_report(entries, [], now=START + timedelta(days=40)).trends


def test_png_has_the_png_signature(tmp_path: Path) -> None:
    path = write_trend_chart(tmp_path / "trend.png", _trends())
    assert path.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")


def test_svg_is_an_svg_document_with_every_spot(tmp_path: Path) -> None:
    path = write_trend_chart(tmp_path / "trend.SVG", _trends())
    root = ET.fromstring(path.read_bytes())
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    text = path.read_text("utf-8")
    assert "Upper trapezius" in text and "Calf" in text


def test_single_spot_chart_shows_its_baseline_band() -> None:
    one = _trends()[:1]
    svg = render_trend_chart(one, "svg").decode("utf-8")
    assert "meaningful change" in svg
    assert render_trend_chart(one, "png").startswith(b"\x89PNG")


def test_bad_extension_and_no_data_are_refused(tmp_path: Path) -> None:
    with pytest.raises(UnsupportedChartFormat, match=r"\.png or \.svg"):
        chart_format(tmp_path / "trend.jpg")
    with pytest.raises(NothingToChart):
        write_trend_chart(tmp_path / "trend.png", ())
    assert list(tmp_path.iterdir()) == []


def test_a_one_point_chart_spans_days_not_years() -> None:
    entry = PainEntry("upper_trapezius", 5, START)
    trends = build_progress_report([entry], [], now=START + timedelta(days=1)).trends
    low, high = trend_figure(trends).axes[0].get_xlim()
    assert 14 <= high - low <= 30
    many = trend_figure(_trends()).axes[0].get_xlim()
    assert 28 <= many[1] - many[0] <= 45
