"""`read_history` answers as Journal.history does, or hands over to the Journal."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from knotwork.config import Settings
from knotwork.domain.records import (
    InvalidRecord,
    PainEntry,
    SessionRecord,
    StepRecord,
)
from knotwork.services.journal import open_journal
from knotwork.services.journal_snapshot import read_history
from knotwork.store.migrate import upgrade

START = datetime(2025, 1, 6, 8, tzinfo=UTC)
SPOTS = ("upper_trapezius", "calf", "heel")


def _fill(settings: Settings) -> None:
    """Log sixty days: pain at every spot, and sessions that touch some spots
    through their steps and others only through a score."""
    with open_journal(settings) as journal:
        journal.log_pains(
            PainEntry(spot, (day + n) % 11, START + timedelta(days=day, hours=n))
            for day in range(60)
            for n, spot in enumerate(SPOTS)
        )
        for day in range(0, 60, 3):
            worked, scored = SPOTS[day // 3 % 3], SPOTS[(day // 3 + 1) % 3]
            step = StepRecord(0, worked, "wall_lean", "lacrosse", "hold", 60, 60)
            at = START + timedelta(days=day, hours=10)
            record = SessionRecord(f"s{day}", "r", at, None, [step], {scored: 5})
            journal.save_session(record)


@pytest.mark.parametrize("spot", [None, *SPOTS])
@pytest.mark.parametrize("since", [None, date(2025, 2, 1), date(2030, 1, 1)])
def test_the_same_history_profile_and_plans(
    knotwork_home: Path, spot: str | None, since: date | None
) -> None:
    settings = Settings()
    _fill(settings)
    with open_journal(settings) as journal:
        expected = journal.history(spot=spot, since=since)
        person, plans = journal.profile(), journal.plans()
    found = read_history({"KNOTWORK_HOME": str(knotwork_home)}, spot, since)
    assert found is not None
    assert (found.pain, found.rom, found.sessions) == (
        expected.pain,
        expected.rom,
        expected.sessions,
    )
    assert (found.profile, found.plans) == (person, plans)


def test_an_unknown_spot_is_refused_as_the_journal_refuses_it(
    knotwork_home: Path,
) -> None:
    with pytest.raises(InvalidRecord, match="unknown muscle or region"):
        read_history({"KNOTWORK_HOME": str(knotwork_home)}, "elbowz")


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://me@db.example/knots",
        "mysql://root@localhost/knots",
        "sqlite:///:memory:",
        "sqlite:////tmp/knots.db?timeout=5",
    ],
)
def test_other_databases_are_left_to_the_journal(url: str) -> None:
    assert read_history({"KNOTWORK_DATABASE_URL": url}) is None


def test_a_schema_to_migrate_is_left_to_the_journal(knotwork_home: Path) -> None:
    upgrade(Settings(), "0001")
    assert read_history({"KNOTWORK_HOME": str(knotwork_home)}) is None
