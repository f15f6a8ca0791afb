"""The progress report: trends, session effects, what helps, adherence, filters."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from knotwork.domain.journal.extra_records import SavedPlan
from knotwork.domain.journal.records import (
    OwnedBall,
    PainEntry,
    Profile,
    RomEntry,
    SessionRecord,
    StopEvent,
)
from knotwork.domain.progress.learning import (
    MIN_FACTOR_SESSIONS,
    ProgressReport,
    UnknownSpot,
    build_progress_report,
    check_spot,
)
from tests.domain.journal_factories import day, pain, session, step

SPOT = "upper_trapezius"
OTHER = "levator_scapulae"
NOW = day(60, hour=12)


def _report(
    entries: list[PainEntry],
    sessions: list[SessionRecord] | None = None,
    **options: object,
) -> ProgressReport:
    return build_progress_report(entries, sessions or [], now=NOW, **options)  # type: ignore[arg-type]


# Trends ----------------------------------------------------------------------


def test_trend_compares_first_week_with_latest_week() -> None:
    entries = [pain(SPOT, 6, day(n)) for n in range(7)]  # first week: 6
    entries += [pain(SPOT, 5, day(n)) for n in range(7, 14)]
    entries += [pain(SPOT, 3, day(n)) for n in range(14, 21)]  # last week: 3
    trend = _report(entries).trends[0]
    assert (trend.change.baseline, trend.change.current) == (6, 3)
    assert trend.change.meaningful and trend.change.direction == "better"
    assert trend.latest == 3 and trend.readings == 21
    assert trend.slope_per_week is not None and trend.slope_per_week < 0
    assert [count for _, _, count in trend.weekly] == [7, 7, 7]


def test_short_series_compare_first_and_latest_score() -> None:
    entries = [pain(SPOT, 5, day(0)), pain(SPOT, 7, day(1)), pain(SPOT, 4, day(3))]
    change = _report(entries).trends[0].change
    assert (change.baseline, change.current) == (5, 4)
    assert not change.meaningful  # 1 point and 20%


def test_after_session_scores_stay_out_of_the_trend() -> None:
    entries = [
        pain(SPOT, 6, day(0), session_id="s1", phase="before"),
        pain(SPOT, 2, day(0, minute=5), session_id="s1", phase="after"),
        pain(SPOT, 6, day(1)),
    ]
    trend = _report(entries).trends[0]
    assert trend.readings == 2 and trend.change.current == 6


def test_session_before_scores_count_once_in_the_trend() -> None:
    record = session("s1", day(0), {SPOT: 6}, {SPOT: 3})
    linked = pain(SPOT, 6, day(0), session_id="s1", phase="before")
    assert _report([], [record]).trends[0].readings == 1
    assert _report([linked], [record]).trends[0].readings == 1


# Session effects and what helps ----------------------------------------------


def test_session_effect_uses_the_record_then_linked_entries() -> None:
    recorded = session("s1", day(0), {SPOT: 6}, {SPOT: 3})
    logged = session("s2", day(1), steps=[step(SPOT)])
    entries = [
        pain(SPOT, 5, day(1), session_id="s2", phase="before"),
        pain(SPOT, 4, day(1, minute=6), session_id="s2", phase="after"),
    ]
    effects = _report(entries, [recorded, logged]).sessions
    assert [e.scores for e in effects] == [{SPOT: (6, 3)}, {SPOT: (5, 4)}]
    assert [e.mean_drop for e in effects] == [3, 1]
    assert effects[0].change(SPOT).meaningful


def test_the_technique_with_the_bigger_drop_ranks_first() -> None:
    sessions = [
        session(f"a{n}", day(n), {SPOT: 6}, {SPOT: 2}, [step(SPOT, "wall_lean")])
        for n in range(MIN_FACTOR_SESSIONS)
    ]
    sessions += [
        session(f"b{n}", day(10 + n), {SPOT: 6}, {SPOT: 5}, [step(SPOT, "floor_roll")])
        for n in range(MIN_FACTOR_SESSIONS)
    ]
    report = _report([], sessions)
    best = report.best("technique")
    assert best is not None and (best.key, best.mean_drop) == ("wall_lean", 4)
    techniques = [f.key for f in report.helps if f.kind == "technique"]
    assert techniques == ["wall_lean", "floor_roll"]


def test_each_step_earns_the_drop_at_its_own_target() -> None:
    steps = [step(SPOT, "wall_lean", index=0), step(OTHER, "wall_pin", index=1)]
    sessions = [
        session(f"s{n}", day(n), {SPOT: 6, OTHER: 6}, {SPOT: 2, OTHER: 6}, steps)
        for n in range(3)
    ]
    helps = {f.key: f.mean_drop for f in _report([], sessions).helps}
    assert helps["wall_lean"] == 4 and helps["wall_pin"] == 0


def test_too_few_sessions_name_no_best_technique() -> None:
    sessions = [session("s1", day(0), {SPOT: 6}, {SPOT: 1})]
    report = _report([], sessions)
    assert report.helps and report.best("technique") is None


# Adherence -------------------------------------------------------------------


def _plan(created: datetime, sessions_per_week: int) -> SavedPlan:
    days = [{"day": "mon", "sessions": [{"minutes": 5}] * sessions_per_week}]
    return SavedPlan(1, created, {"days": days, "notes": []})


def test_adherence_counts_sessions_against_the_plan_per_week() -> None:
    sessions = [session(f"w1-{n}", day(n)) for n in (0, 2)]  # 2 of 3
    sessions += [session(f"w2-{n}", day(n)) for n in (7, 8, 9, 10)]  # 4 of 3
    now = day(15, hour=12)  # third week under way
    report = build_progress_report(
        [], sessions, now=now, plans=[_plan(day(0, hour=8), 3)]
    )
    assert report.adherence is not None
    assert [(w.planned, w.done) for w in report.adherence.weeks] == [
        (3, 2),
        (3, 4),
        (3, 0),
    ]
    assert report.adherence.rate == pytest.approx(5 / 6)  # extra sessions don't bank


def test_a_new_plan_takes_over_from_its_week() -> None:
    plans = [_plan(day(0), 2), _plan(day(8), 5)]
    report = build_progress_report([], [], now=day(20), plans=plans)
    assert report.adherence is not None
    assert [w.planned for w in report.adherence.weeks] == [2, 5, 5]


def test_a_plan_counts_from_the_monday_its_calendar_starts() -> None:
    # Saved on day 0 (mid-week), the calendar starting the next Monday.
    saved = day(0)
    monday = (saved + timedelta(days=7 - saved.weekday())).date()
    plan = _plan(saved, 3)
    plan = SavedPlan(1, saved, plan.plan | {"starts_on": monday.isoformat()})
    report = build_progress_report([], [], now=day(16), plans=[plan])
    assert report.adherence is not None
    assert report.adherence.weeks[0].week_start == monday


def test_no_plan_or_an_unreadable_plan_means_no_adherence() -> None:
    assert _report([]).adherence is None
    odd = SavedPlan(1, day(0), {"something": "else"})
    assert _report([], plans=[odd]).adherence is None


# Filters, time zones, JSON ---------------------------------------------------


def test_spot_and_since_narrow_the_report_but_stops_always_show() -> None:
    stop = StopEvent("tingling", day(2), 0, "tingling", "Move off it.")
    sessions = [session("s1", day(2), {OTHER: 5}, stop=stop)]
    entries = [pain(SPOT, 5, day(0)), pain(SPOT, 4, day(20)), pain(OTHER, 3, day(20))]
    report = _report(entries, sessions, spot=SPOT, since=day(10).date())
    assert [t.spot for t in report.trends] == [SPOT]
    assert report.trends[0].readings == 1
    assert report.sessions == ()
    whole = _report(entries, sessions, spot=SPOT)
    assert [e.kind for e in whole.escalations] == ["stop_event"]


def test_weekdays_are_read_on_the_persons_clock() -> None:
    plus_two = timezone(timedelta(hours=2))
    # 23:30 UTC on Mondays is 01:30 on Tuesdays two hours east.
    mondays = [
        datetime(2025, 3, 3, 23, 30, tzinfo=UTC) + timedelta(weeks=w) for w in range(3)
    ]
    entries = [pain(SPOT, 5, at) for at in mondays]
    entries += [pain(SPOT, 0, at + timedelta(days=2, hours=12)) for at in mondays]
    report = build_progress_report(entries, [], now=mondays[-1], tz=plus_two)
    assert [(r.weekday, r.time_of_day) for r in report.recurrences] == [
        ("tue", "night")
    ]


def test_unknown_spot_is_refused() -> None:
    assert check_spot(SPOT) == SPOT
    with pytest.raises(UnknownSpot, match="unknown muscle or region 'shoulderz'"):
        check_spot("shoulderz")


def test_report_json_cites_the_rule_and_lists_every_section() -> None:
    profile = Profile(balls=[OwnedBall("lacrosse", date(2023, 1, 1))])
    entries = [pain(SPOT, 6, day(n)) for n in range(20)]
    rom = [
        RomEntry("neck rotation", day(0), degrees=60),
        RomEntry("neck rotation", day(9), degrees=75),
    ]
    sessions = [
        session(f"s{n}", day(n, hour=18), {SPOT: 6}, {SPOT: 4}) for n in range(20)
    ]
    data = _report(
        entries, sessions, rom=rom, profile=profile, plans=[_plan(day(0), 3)]
    ).to_json()
    json.dumps(data)
    assert data["meaningful_change"]["source"] == (
        "Farrar et al., Pain 2001 (NRS: ~2 points or ~30%)"
    )
    assert data["escalations"][0]["kind"] == "no_response"
    assert data["session_summary"]["sessions"] == 20
    assert len(data["recent_sessions"]) == 20
    assert data["best"]["ball"] == "lacrosse"
    assert data["rom"][0]["first"] == 60 and data["rom"][0]["latest"] == 75
    assert data["ball_reminders"][0]["ball"] == "lacrosse"
    assert data["adherence"]["rate"] is not None


spots = st.sampled_from([SPOT, OTHER, "calf"])
moments = st.integers(0, 60 * 24 * 90).map(lambda m: day(0) + timedelta(minutes=m))
entries_strategy = st.lists(
    st.builds(PainEntry, spot=spots, pain=st.integers(0, 10), at=moments), max_size=40
)


@st.composite
def sessions_strategy(draw: st.DrawFn) -> list[SessionRecord]:
    out = []
    for n in range(draw(st.integers(0, 12))):
        at = draw(moments)
        targets = draw(st.lists(spots, min_size=1, max_size=2, unique=True))
        before = {t: draw(st.integers(0, 10)) for t in targets}
        after = {t: draw(st.integers(0, 10)) for t in targets if draw(st.booleans())}
        out.append(session(f"s{n}", at, before, after))
    return out


@settings(deadline=None, max_examples=60)
@given(entries_strategy, sessions_strategy(), st.none() | spots)
def test_any_journal_gives_a_consistent_json_report(
    entries: list[PainEntry], sessions: list[SessionRecord], spot: str | None
) -> None:
    report = build_progress_report(entries, sessions, now=day(95), spot=spot)
    json.dumps(report.to_json())
    for trend in report.trends:
        assert 0 <= trend.change.baseline <= 10 and 0 <= trend.change.current <= 10
        assert trend.readings == sum(count for _, _, count in trend.weekly)
    if spot is not None:
        assert {t.spot for t in report.trends} <= {spot}
        assert all(set(e.scores) <= {spot} for e in report.sessions)
    for effect in report.sessions:
        for before, after in effect.scores.values():
            assert 0 <= before <= 10 and 0 <= after <= 10
