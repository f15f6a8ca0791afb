"""Recurring spots, escalation prompts and ball reminders."""

from __future__ import annotations

from datetime import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from knotwork.domain.journal.pain_series import (
    Reading,
    collect_readings,
    make_reading,
    session_pain,
)
from knotwork.domain.journal.records import (
    WEEKDAYS,
    PainEntry,
    SessionRecord,
    StopEvent,
)
from knotwork.domain.progress.alerts import (
    detect_recurrences,
    find_escalations,
    time_of_day,
)
from tests.domain.journal_factories import START, day, pain, session

SPOT = "upper_trapezius"


def _journal(at: datetime, value: int = 5) -> Reading:
    return make_reading(at, value)


# Recurrence ------------------------------------------------------------------


def _pain_free_days(*days: int, hour: int = 10) -> list[Reading]:
    return [_journal(day(n, hour=hour), 0) for n in days]


def test_every_tuesday_afternoon_is_found() -> None:
    tuesdays = [_journal(day(1 + 7 * week, hour=15)) for week in range(4)]
    others = [_journal(day(3, hour=10)), _journal(day(12, hour=9))]
    calm = _pain_free_days(2, 4, 10, hour=10)
    found = detect_recurrences(SPOT, sorted(tuesdays + others + calm))
    assert len(found) == 1
    assert (found[0].weekday, found[0].time_of_day) == ("tue", "afternoon")
    assert found[0].occurrences == 4
    assert "Tuesdays in the afternoon" in found[0].message
    assert "desk set-up" in found[0].to_json()["advice"]


def test_same_time_of_day_on_different_weekdays_is_found() -> None:
    readings = [_journal(day(n, hour=16)) for n in range(5)]
    readings += _pain_free_days(0, 1, 2, hour=9)
    found = detect_recurrences(SPOT, sorted(readings))
    assert [(r.weekday, r.time_of_day) for r in found] == [(None, "afternoon")]


def test_logging_only_at_one_time_is_a_habit_not_a_pattern() -> None:
    tuesday_mornings = [_journal(day(1 + 7 * week, hour=9)) for week in range(5)]
    every_evening = [_journal(day(n, hour=20)) for n in range(30)]
    assert detect_recurrences(SPOT, tuesday_mornings) == []
    assert detect_recurrences(SPOT, every_evening) == []


def test_two_occurrences_are_not_a_pattern() -> None:
    readings = [_journal(day(1, hour=15)), _journal(day(8, hour=15))]
    readings += _pain_free_days(2, 3, 4, 5)
    assert detect_recurrences(SPOT, sorted(readings)) == []


def test_session_scores_and_zero_pain_do_not_count() -> None:
    readings = [
        make_reading(day(1 + 7 * w, hour=15), 5, journal=False) for w in range(4)
    ]
    readings += [_journal(day(2 + 7 * w, hour=15), 0) for w in range(4)]
    assert detect_recurrences(SPOT, sorted(readings)) == []


@given(
    weekday=st.integers(0, 6),
    weeks=st.lists(st.integers(0, 40), min_size=3, max_size=10, unique=True),
    hour=st.integers(0, 23),
)
def test_a_weekday_seen_three_times_or_more_is_reported(
    weekday: int, weeks: list[int], hour: int
) -> None:
    readings = [_journal(day(weekday + 7 * w, hour=hour)) for w in weeks]
    other_days = [weekday + 1 + n for n in range(3)]  # pain-free, other weekdays
    readings += _pain_free_days(*other_days, hour=(hour + 12) % 24)
    found = detect_recurrences(SPOT, sorted(readings))
    assert [r.weekday for r in found] == [WEEKDAYS[weekday]]
    assert found[0].time_of_day == time_of_day(day(0, hour=hour))


@given(
    weeks=st.integers(3, 12),
    hours=st.lists(st.integers(6, 21), min_size=1, max_size=4),
    data=st.data(),
)
def test_daily_pain_at_varied_hours_is_no_weekday_pattern(
    weeks: int, hours: list[int], data: st.DataObject
) -> None:
    readings = [
        _journal(day(n, hour=data.draw(st.sampled_from(hours))))
        for n in range(7 * weeks)
    ]
    assert all(r.weekday is None for r in detect_recurrences(SPOT, readings))


# Escalation: no response after ~2 weeks --------------------------------------


def _worked(days: list[int], before: int, after: int = 3) -> list[SessionRecord]:
    return [
        session(f"s{n}", day(n, hour=18), {SPOT: before}, {SPOT: after}) for n in days
    ]


def _escalations(entries: list[PainEntry], sessions: list[SessionRecord]) -> list[str]:
    readings = collect_readings(entries, sessions)
    levels = session_pain(sessions, entries)
    return [e.kind for e in find_escalations(readings, sessions, levels)]


def test_six_sessions_over_two_weeks_without_relief_escalate() -> None:
    sessions = _worked([0, 3, 6, 9, 12, 14], before=6)
    entries = [pain(SPOT, 6, day(n, hour=8)) for n in range(15)]
    assert _escalations(entries, sessions) == ["no_response"]


def test_a_meaningful_drop_does_not_escalate() -> None:
    sessions = _worked([0, 3, 6, 9, 12, 14], before=6)
    entries = [pain(SPOT, 6 if n < 8 else 3, day(n, hour=8)) for n in range(15)]
    assert "no_response" not in _escalations(entries, sessions)


def test_too_few_sessions_or_too_short_a_span_do_not_escalate() -> None:
    entries = [pain(SPOT, 6, day(n, hour=8)) for n in range(15)]
    assert _escalations(entries, _worked([0, 3, 6, 9, 14], before=6)) == []
    assert _escalations(entries, _worked([0, 2, 4, 6, 8, 13], before=6)) == []


@settings(deadline=None)
@given(
    level=st.integers(1, 10),
    gaps=st.lists(st.integers(1, 4), min_size=5, max_size=10),
)
def test_unchanged_pain_after_consistent_work_always_escalates(
    level: int, gaps: list[int]
) -> None:
    days = [0]
    for gap in gaps:
        days.append(days[-1] + gap)
    sessions = _worked(days, before=level)
    entries = [pain(SPOT, level, day(n, hour=8)) for n in range(days[-1] + 1)]
    found = _escalations(entries, sessions)
    recent = [d for d in days if d >= days[-1] - 28]
    consistent = len(recent) >= 6 and recent[-1] - recent[0] >= 14
    assert ("no_response" in found) == consistent


# Escalation: soreness lasting more than 48 hours -----------------------------


def test_pain_above_the_pre_session_level_after_48_hours_escalates() -> None:
    sessions = [session("s1", day(0, hour=18), {SPOT: 4}, {SPOT: 3})]
    entries = [pain(SPOT, 6, day(1, hour=9)), pain(SPOT, 6, day(2, hour=20))]
    assert _escalations(entries, sessions) == ["lasting_soreness"]


def test_soreness_that_settled_within_48_hours_does_not_escalate() -> None:
    sessions = [session("s1", day(0, hour=18), {SPOT: 4}, {SPOT: 3})]
    settled = [pain(SPOT, 4, day(1, hour=9)), pain(SPOT, 6, day(2, hour=20))]
    back_to_normal = [pain(SPOT, 4, day(2, hour=20))]
    assert _escalations(settled, sessions) == []
    assert _escalations(back_to_normal, sessions) == []


def test_a_much_later_flare_is_not_blamed_on_the_session() -> None:
    sessions = [session("s1", day(0, hour=18), {SPOT: 4}, {SPOT: 3})]
    entries = [pain(SPOT, 7, day(9, hour=9))]
    assert _escalations(entries, sessions) == []


# Escalation: stop events -----------------------------------------------------


def test_every_stop_event_is_a_prompt_and_urgent_ones_come_first() -> None:
    tingling = StopEvent("tingling", day(1, hour=18), 0, "tingling", "Move off it.")
    weakness = StopEvent("weakness", day(2, hour=18), 0, "weakness", "Get checked.")
    dizzy = StopEvent("dizziness", day(3, hour=18), None, None, "Sit down.")
    sessions = [
        session("a", day(1, hour=18), {SPOT: 5}, stop=tingling),
        session("b", day(2, hour=18), {SPOT: 5}, stop=weakness),
        session("c", day(3, hour=18), {SPOT: 5}, stop=dizzy),
    ]
    found = find_escalations({}, sessions, session_pain(sessions, []))
    assert [(e.kind, e.red_flag, e.urgent) for e in found] == [
        ("stop_event", "weakness", True),
        ("stop_event", None, False),
        ("stop_event", "tingling", False),
    ]
    assert found[0].action == "Get checked."
    assert "upper trapezius" in found[0].message
    assert "Weakness or loss of grip" in found[0].message


def test_start_is_a_monday() -> None:
    assert START.weekday() == 0


def test_prompts_at_the_same_moment_come_in_spot_order() -> None:
    # Spots worked in one session come from a set, whose order changes from
    # run to run; the report must not.
    spots = ["upper_trapezius", "calf", "levator_scapulae", "heel"]
    sessions = [session("s1", day(0, hour=18), dict.fromkeys(spots, 4))]
    entries = [pain(s, 7, day(2, hour=20)) for s in spots]
    levels = session_pain(sessions, entries)
    readings = collect_readings(entries, sessions)
    found = find_escalations(readings, sessions, levels)
    assert [e.spot for e in found] == sorted(spots)
