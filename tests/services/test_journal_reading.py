"""Fast readers go through the journal's one layer: reports and the saved screen."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from knotwork.config import Settings
from knotwork.domain.journal.records import (
    InvalidRecord,
    PainEntry,
    SessionRecord,
    StepRecord,
)
from knotwork.domain.safety.health_facts import ScreenAnswers
from knotwork.domain.safety.health_screen import HealthScreen
from knotwork.services.health import saved_screen, screen_of
from knotwork.services.journal import Snapshot, open_journal, read_history
from tests.store.databases import database_settings  # noqa: F401

START = datetime(2025, 1, 6, 8, tzinfo=UTC)


def _fill(settings: Settings) -> None:
    """Pain at two spots, a session that works one and scores the other."""
    with open_journal(settings) as journal:
        journal.log_pains(
            PainEntry(spot, day % 11, START + timedelta(days=day))
            for day in range(40)
            for spot in ("calf", "heel")
        )
        step = StepRecord(0, "calf", "wall_lean", "lacrosse", "hold", 60, 60)
        at = START + timedelta(days=30)
        journal.save_session(SessionRecord("s1", "r", at, None, [step], {"heel": 4}))
        journal.save_plan({"week": "2025-W06"})
        journal.add_ball("lacrosse", date(2024, 5, 1))


@pytest.mark.parametrize("spot", [None, "calf", "heel"])
@pytest.mark.parametrize("since", [None, date(2025, 2, 1)])
def test_a_report_reads_history_profile_and_plans_at_once(
    settings: Settings, spot: str | None, since: date | None
) -> None:
    _fill(settings)
    found = read_history(os.environ, spot, since)
    with open_journal(settings) as journal:
        history = journal.history(spot=spot, since=since)
        expected = Snapshot(
            history.pain,
            history.rom,
            history.sessions,
            journal.profile(),
            journal.plans(),
        )
    assert found == expected
    assert found.sessions  # the one session touches both spots


def test_a_journal_never_written_reads_empty_and_is_not_created(
    knotwork_home: Path,
) -> None:
    assert read_history(os.environ) == Snapshot()
    assert saved_screen(os.environ) == HealthScreen()
    assert not knotwork_home.exists()


def test_an_unknown_spot_is_refused_before_any_database(knotwork_home: Path) -> None:
    with pytest.raises(InvalidRecord, match="unknown muscle or region"):
        read_history(os.environ, "elbowz")


@pytest.mark.parametrize(
    "url", ["postgresql://me@127.0.0.1:1/knots", "mysql://root@localhost/knots"]
)
def test_a_journal_that_cannot_be_read_is_left_to_the_journals_message(
    url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KNOTWORK_DATABASE_URL", url)
    assert read_history(os.environ) is None


def test_the_saved_screen_is_the_profiles_screen(settings: Settings) -> None:
    with open_journal(settings) as journal:
        journal.set_health(ScreenAnswers("50_plus", 22, None, ("warfarin",), True))
        journal.add_condition("osteoporosis", cleared=True)
        expected = screen_of(journal.profile())
    assert "osteoporosis" in expected.conditions
    assert "implanted_device" in expected.conditions
    assert saved_screen(os.environ) == expected
