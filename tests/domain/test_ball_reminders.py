"""Ball reminders: a yearly look, with the catalogue's signs of wear."""

from __future__ import annotations

from datetime import date, timedelta

from knotwork.domain.journal.records import OwnedBall
from knotwork.domain.progress.ball_reminders import BALL_CHECK_DAYS, ball_reminders


def test_balls_over_a_year_old_or_undated_get_a_check_reminder() -> None:
    today = date(2025, 6, 1)
    balls = [
        OwnedBall("lacrosse", today - timedelta(days=BALL_CHECK_DAYS + 10)),
        OwnedBall("cork", today - timedelta(days=100)),
        OwnedBall("peanut", None),
    ]
    found = ball_reminders(balls, today)
    assert [b.ball for b in found] == ["lacrosse", "peanut"]
    assert found[0].check_for.startswith("Replace when the surface turns sticky")
    assert "12 months" in found[0].message
    assert "no purchase date" in found[1].message


def test_a_ball_is_named_once_and_months_are_counted_in_words() -> None:
    from datetime import date

    from knotwork.domain.progress.ball_reminders import BallReminder

    no_date = BallReminder(ball="lacrosse", purchased=None, age_days=None, check_for="")
    assert "ball ball" not in no_date.message
    assert no_date.message.lower().startswith("lacrosse ball:")
    one = BallReminder(
        ball="lacrosse", purchased=date(2026, 1, 1), age_days=31, check_for=""
    )
    assert "1 month ago" in one.message
