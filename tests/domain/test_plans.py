"""The weekly plan keeps to the dosing framework, whatever it is asked for."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from knotwork.domain.plans.week import (
    DAYS,
    BadBudget,
    BadDayCount,
    Framework,
    UnknownDay,
    UnknownFocus,
    WeekPlan,
    build_week_plan,
    parse_days,
    spread_days,
)

FW = Framework.from_kb()


def by_day(plan: WeekPlan) -> dict[str, dict[str, int]]:
    return {d.day: {s.kind: s.minutes for s in d.sessions} for d in plan.days}


def test_framework_comes_from_the_knowledge_base() -> None:
    assert FW.bounds == {
        "pre-workout": (3, 5),
        "post-workout": (5, 10),
        "rest-day": (5, 15),
    }
    assert FW.days_per_week == (3, 7)


def test_training_days_get_pre_and_post_and_the_rest_get_easy_work() -> None:
    plan = build_week_plan(["mon,wed,fri"], ["calf", "soleus"])
    days = by_day(plan)
    for day in ("mon", "wed", "fri"):
        assert set(days[day]) == {"pre-workout", "post-workout"}
        assert 3 <= days[day]["pre-workout"] <= 5
        assert 5 <= days[day]["post-workout"] <= 10
    for day in ("tue", "thu", "sat", "sun"):
        assert set(days[day]) == {"rest-day"}
        assert 5 <= days[day]["rest-day"] <= 15
    assert plan.active_days == 7
    assert all(s.focus == ("calf", "soleus") for s in plan.slots)


def test_default_doses_sit_in_the_middle_of_each_range() -> None:
    days = by_day(build_week_plan(["tue"]))
    assert days["tue"] == {"pre-workout": 4, "post-workout": 7}
    assert days["mon"] == {"rest-day": 10}


def test_slot_carries_what_the_routine_builder_needs() -> None:
    plan = build_week_plan(["mon"], ["upper_trapezius"])
    slot = plan.days[0].sessions[0]
    assert slot.to_json() == {
        "day": "mon",
        "kind": "pre-workout",
        "minutes": 4,
        "focus": ["upper_trapezius"],
        "context": "pre-workout",
    }


def test_json_has_the_documented_shape() -> None:
    data = build_week_plan(["sat"], ["heel"]).to_json()
    assert set(data) == {"days", "total_minutes", "active_days", "notes"}
    assert [d["day"] for d in data["days"]] == list(DAYS)
    assert data["total_minutes"] == sum(d["minutes"] for d in data["days"])
    sat = data["days"][5]
    assert sat["training"] is True
    assert sat["minutes"] == sum(s["minutes"] for s in sat["sessions"])


def test_fewer_days_are_spread_across_the_week() -> None:
    assert spread_days([], 3) == ("mon", "thu", "sat")
    # The weekend gap is the longest, so the one rest day goes there.
    assert spread_days(["mon", "wed", "fri"], 4) == ("mon", "wed", "fri", "sat")
    plan = build_week_plan(days=3)
    assert [d.day for d in plan.days if d.sessions] == ["mon", "thu", "sat"]


def test_budget_is_spread_evenly_little_and_often() -> None:
    plan = build_week_plan(["mon,wed,fri"], minutes_per_week=60)
    assert plan.total_minutes == 60
    assert plan.active_days == 7
    totals = [d.minutes for d in plan.days]
    assert max(totals) - min(totals) <= 1
    assert not [n for n in plan.notes if "budget" in n]


def test_tight_budget_drops_rest_days_and_says_which() -> None:
    plan = build_week_plan(["mon,wed,fri"], ["calf"], minutes_per_week=30)
    assert plan.total_minutes <= 30
    assert plan.active_days == 4
    assert any("Trimmed to 4 days" in n and "tue, thu, sun" in n for n in plan.notes)


def test_budget_below_the_minimum_keeps_three_days_and_says_so() -> None:
    plan = build_week_plan(["mon,wed,fri"], ["calf"], minutes_per_week=10)
    assert plan.active_days == 3
    assert plan.total_minutes == 24  # 3 training days at 3 + 5 min
    assert any("14 over your budget" in n for n in plan.notes)


def test_budget_above_the_maximum_is_trimmed_with_a_note() -> None:
    plan = build_week_plan(["mon"], minutes_per_week=500)
    assert plan.total_minutes == 105
    assert all(d.minutes == 15 for d in plan.days)
    assert any("395 min were trimmed" in n for n in plan.notes)


def test_many_focus_areas_in_a_short_session_get_a_note() -> None:
    focus = ["calf", "soleus", "gastrocnemius", "heel"]
    plan = build_week_plan(["mon"], focus, minutes_per_week=40)
    assert any("4 focus areas" in n for n in plan.notes)


def test_no_focus_gets_a_note_on_how_to_aim() -> None:
    assert any("--focus" in n for n in build_week_plan().notes)


def test_days_are_read_case_blind_and_in_week_order() -> None:
    assert parse_days(["FRI, mon", "wed,,mon"]) == ("mon", "wed", "fri")


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"train": ["funday"]}, UnknownDay),
        ({"focus": ["elbow_sideways"]}, UnknownFocus),
        ({"days": 2}, BadDayCount),
        ({"days": 8}, BadDayCount),
        ({"train": ["mon,tue,wed,thu,fri"], "days": 4}, BadDayCount),
        ({"minutes_per_week": 0}, BadBudget),
    ],
)
def test_bad_input_raises_a_specific_error(kwargs: dict, error: type) -> None:
    with pytest.raises(error):
        build_week_plan(**kwargs)
    assert issubclass(error, ValueError)


training_days = st.sets(st.sampled_from(DAYS))
budgets = st.none() | st.integers(min_value=1, max_value=150)


@settings(max_examples=300, deadline=None)
@given(train=training_days, budget=budgets, data=st.data())
def test_every_plan_keeps_to_the_framework(
    train: set[str], budget: int | None, data: st.DataObject
) -> None:
    fewest = max(3, len(train))
    days = data.draw(st.none() | st.integers(min_value=fewest, max_value=7))
    plan = build_week_plan([",".join(train)], minutes_per_week=budget, days=days)

    assert 3 <= plan.active_days <= 7
    for slot in plan.slots:
        low, high = FW.bounds[slot.kind]
        assert low <= slot.minutes <= high, slot
        assert slot.context == slot.kind
    for day in plan.days:
        kinds = [s.kind for s in day.sessions]
        if day.day in train:
            assert day.training
            assert kinds == ["pre-workout", "post-workout"]
        else:
            assert not day.training
            assert kinds in ([], ["rest-day"])
            assert day.minutes <= 15
    if budget is None:
        assert plan.active_days == (days or 7)
    else:
        over = plan.total_minutes > budget
        assert not over or any("over your budget" in n for n in plan.notes)
        rest = [d.minutes for d in plan.days if d.sessions and not d.training]
        assert not rest or max(rest) - min(rest) <= 1
        if plan.active_days < (days or 7):
            assert any(n.startswith("Trimmed to") for n in plan.notes)
