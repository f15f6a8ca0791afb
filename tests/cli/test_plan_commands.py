"""`knotwork plan`: JSON shape, the calendar file, friendly errors."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest
from icalendar import Calendar

from tests.cli.runner import invoke


def test_json_has_the_documented_shape() -> None:
    result = invoke(*["plan", "--train", "mon,wed,fri", "--focus", "calf", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"days", "total_minutes", "active_days", "notes", "starts_on"}
    assert data["active_days"] == 7
    mon = data["days"][0]
    assert mon["day"] == "mon" and mon["training"] is True
    assert [s["kind"] for s in mon["sessions"]] == ["pre-workout", "post-workout"]
    for day in data["days"]:
        for slot in day["sessions"]:
            assert set(slot) == {"day", "kind", "minutes", "focus", "context"}
            assert slot["focus"] == ["calf"]
            assert slot["context"] == slot["kind"]


def test_budget_and_days_reach_the_plan() -> None:
    result = invoke(
        *[
            "plan",
            "--train",
            "tue",
            "--minutes-per-week",
            "30",
            "--days",
            "4",
            "--json",
        ],
    )
    data = json.loads(result.stdout)
    assert data["active_days"] == 4
    assert data["total_minutes"] == 30


def test_ics_file_is_written_and_json_stays_clean(tmp_path: Path) -> None:
    path = tmp_path / "week.ics"
    result = invoke(
        *[
            "plan",
            "--train",
            "sat",
            "--start",
            "2025-03-03",
            "--time",
            "rest-day=08:15",
            "--ics",
            str(path),
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert "Wrote 8 weekly events" in result.stderr
    events = Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    assert len(events) == sum(len(d["sessions"]) for d in data["days"]) == 8
    starts = sorted(e.decoded("DTSTART") for e in events)
    assert starts[0] == datetime(2025, 3, 3, 8, 15)


def test_default_start_is_the_next_monday(tmp_path: Path) -> None:
    path = tmp_path / "week.ics"
    result = invoke(*["plan", "--days", "3", "--ics", str(path)])
    assert result.exit_code == 0, result.output
    first = min(
        e.decoded("DTSTART")
        for e in Calendar.from_ical(path.read_bytes()).walk()
        if e.name == "VEVENT"
    )
    today = date.today()
    assert first.date().weekday() == 0
    assert 1 <= (first.date() - today).days <= 7


def test_saved_plan_starts_where_its_calendar_starts(tmp_path: Path) -> None:
    path = tmp_path / "week.ics"
    result = invoke(*["plan", "--days", "3", "--ics", str(path), "--save", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    first = min(
        e.decoded("DTSTART").date()
        for e in Calendar.from_ical(path.read_bytes()).walk()
        if e.name == "VEVENT"
    )
    assert data["starts_on"] == first.isoformat() and data["saved_id"] >= 1
    from knotwork.config import Settings
    from knotwork.services.journal import open_journal

    with open_journal(Settings()) as journal:
        [saved] = journal.plans()
    assert saved.plan["starts_on"] == first.isoformat()


def test_people_get_a_table_and_the_notes() -> None:
    result = invoke(*["plan", "--train", "mon", "--minutes-per-week", "9"])
    assert result.exit_code == 0, result.output
    assert "training" in result.stdout
    assert "over your budget" in result.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["--train", "mon,funday"],
        ["--focus", "elbow_sideways"],
        ["--days", "2"],
        ["--train", "mon,tue,wed,thu,fri", "--days", "4"],
        ["--minutes-per-week", "0"],
        ["--start", "2025-02-30"],
        ["--time", "25:00"],
        ["--train", "mon", "--time", "07:00", "--ics", "x.ics"],
    ],
)
def test_bad_input_exits_2_with_a_message(args: list[str]) -> None:
    result = invoke(*["plan", *args])
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("knotwork: ")
    assert "Traceback" not in result.output


def test_unwritable_ics_path_exits_2(tmp_path: Path) -> None:
    result = invoke(*["plan", "--ics", str(tmp_path / "no" / "x.ics")])
    assert result.exit_code == 2
    assert "couldn't write" in result.stderr
