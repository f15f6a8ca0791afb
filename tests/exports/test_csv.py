"""CSV tables for spreadsheets: one file, or all of them in a zip."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from knotwork.domain.journal.records import (
    PainEntry,
    RomEntry,
    SessionRecord,
    StepRecord,
)
from knotwork.exports.csv_export import (
    TABLES,
    UnknownTable,
    csv_table,
    csv_zip,
    write_csv,
)
from knotwork.exports.json_export import ExportBundle

AT = datetime(2025, 2, 3, 17, 5, tzinfo=UTC)
BUNDLE = ExportBundle(
    pain=[
        PainEntry("calf", 4, AT, "left", note='=HYPERLINK("x")'),
        PainEntry("upper_trapezius", 6, AT - timedelta(days=1), activity="typing"),
    ],
    rom=[
        RomEntry(
            "neck rotation",
            AT,
            degrees=72.5,
            side="left",
            session_id="s1",
            phase="after",
        )
    ],
    sessions=[
        SessionRecord(
            "s1",
            "neck_reset",
            AT,
            AT + timedelta(minutes=6),
            [
                StepRecord(
                    0, "upper_trapezius", "wall_lean", "lacrosse", "hold", 60, 55
                ),
                StepRecord(
                    1, "levator_scapulae", "wall_pin", None, "hold", 60, 0, skipped=True
                ),
            ],
            {"upper_trapezius": 6},
            {"upper_trapezius": 3},
            completed=True,
        )
    ],
)


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_pain_table_is_ordered_by_time_in_local_time() -> None:
    rows = _rows(csv_table(BUNDLE, "pain", tz=UTC))
    assert [r["spot"] for r in rows] == ["upper_trapezius", "calf"]
    assert rows[1]["at"] == "2025-02-03 17:05:00"
    assert rows[1]["pain"] == "4" and rows[1]["side"] == "left"
    assert rows[0]["activity"] == "typing" and rows[0]["side"] == ""


def test_text_that_looks_like_a_formula_is_quoted() -> None:
    rows = _rows(csv_table(BUNDLE, "pain", tz=UTC))
    assert rows[1]["note"] == '\'=HYPERLINK("x")'


def test_session_tables_flatten_steps_and_scores() -> None:
    session = _rows(csv_table(BUNDLE, "sessions", tz=UTC))[0]
    assert session["steps_done"] == "1" and session["steps_skipped"] == "1"
    assert session["seconds_under_pressure"] == "55"
    assert session["completed"] == "yes" and session["stop_sign"] == ""
    scores = _rows(csv_table(BUNDLE, "session_pain", tz=UTC))
    assert [(r["spot"], r["before"], r["after"], r["drop"]) for r in scores] == [
        ("upper_trapezius", "6", "3", "3")
    ]
    steps = _rows(csv_table(BUNDLE, "session_steps", tz=UTC))
    assert [s["skipped"] for s in steps] == ["no", "yes"]
    assert steps[1]["ball"] == ""


def test_zip_holds_every_table_and_is_reproducible() -> None:
    data = csv_zip(BUNDLE, tz=UTC)
    assert csv_zip(BUNDLE, tz=UTC) == data
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.namelist() == [f"{t}.csv" for t in TABLES]
        rom = archive.read("rom.csv").decode("utf-8-sig")
    (row,) = _rows(rom)
    assert (row["degrees"], row["side"], row["phase"]) == ("72.5", "left", "after")
    assert row["session_id"] == "s1"


def test_write_csv_picks_by_extension(tmp_path: Path) -> None:
    write_csv(tmp_path / "all.zip", BUNDLE)
    assert zipfile.is_zipfile(tmp_path / "all.zip")
    write_csv(tmp_path / "rom.csv", BUNDLE, table="rom")
    text = (tmp_path / "rom.csv").read_text("utf-8-sig")
    assert text.startswith("at,movement,")
    with pytest.raises(UnknownTable):
        write_csv(tmp_path / "x.xlsx", BUNDLE)
    with pytest.raises(UnknownTable, match="no table 'moods'"):
        csv_table(BUNDLE, "moods")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["all.zip", "rom.csv"]
    written = write_csv(tmp_path / "j.csv", BUNDLE)
    assert [p.name for p in written] == [f"j-{t}.csv" for t in TABLES]
    assert all(p.exists() for p in written) and not (tmp_path / "j.csv").exists()


def test_an_empty_journal_gives_headers_only() -> None:
    for table in TABLES:
        rows = list(csv.reader(io.StringIO(csv_table(ExportBundle(), table))))
        assert len(rows) == 1 and rows[0]
