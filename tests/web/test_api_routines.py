"""Routines and weekly plans over HTTP, with the .ics download."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from knotwork.services.routines import list_routines
from tests.web.api_client import API, TestClient, api_client, cli_json, problem_of

TARGETS = ("upper_trapezius", "levator_scapulae", "gastrocnemius", "heel", "calf")


@pytest.fixture
def api() -> Iterator[TestClient]:
    with api_client() as client:
        yield client


def test_builtins_are_named_as_the_cli_names_them(api: TestClient) -> None:
    assert api.get(f"{API}/routines").json() == list_routines()


def test_a_builtin_routine_is_the_cli_routine(api: TestClient) -> None:
    answer = api.post(f"{API}/routines", json={"name": "desk_five"}).json()
    assert answer == cli_json("routine", "desk_five")
    assert answer["steps"] and answer["safety"]["verdict"] == "ok"


def test_a_custom_routine_is_the_cli_routine(api: TestClient) -> None:
    body = {"targets": ["upper_trapezius", "heel"], "minutes": 6, "have": ["lacrosse"]}
    answer = api.post(f"{API}/routines", json=body).json()
    expected = cli_json(
        "routine",
        "--target=upper_trapezius",
        "--target=heel",
        "--minutes=6",
        "--have=lacrosse",
    )
    assert answer == expected


def test_an_avoided_area_gets_no_pressure(api: TestClient) -> None:
    body = {"targets": ["gastrocnemius", "heel"], "conditions": ["varicose_veins"]}
    answer = api.post(f"{API}/routines", json=body).json()
    assert answer["safety"]["areas"].get("calf") == "avoid"
    assert all(s["target"] != "gastrocnemius" for s in answer["steps"])
    assert any(d["target"] == "gastrocnemius" for d in answer["dropped"])


def test_words_with_a_red_flag_give_no_routine(api: TestClient) -> None:
    body = {"where": "shooting pain down my leg with numbness"}
    answer = api.post(f"{API}/routines", json=body).json()
    assert answer["safety"]["verdict"] == "stop"
    assert answer["steps"] == []


# Building a routine keeps no state, so one client serves every example.
@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    targets=st.lists(st.sampled_from(TARGETS), min_size=1, max_size=3, unique=True),
    minutes=st.floats(min_value=1, max_value=20),
)
def test_a_custom_routine_never_exceeds_its_budget(
    api: TestClient, targets: list[str], minutes: float
) -> None:
    body = {"targets": targets, "minutes": minutes}
    response = api.post(f"{API}/routines", json=body)
    assert response.status_code == 200, response.text
    assert response.json()["total_seconds"] <= int(minutes * 60)


@pytest.mark.parametrize(
    ("body", "detail"),
    [
        ({"name": "desk_six"}, "desk_six"),
        ({"targets": ["elbowz"]}, "elbowz"),
        ({"targets": ["heel"], "context": "sofa"}, "sofa"),
        ({"targets": ["heel"], "minutes": 0}, "budget must be a number of minutes"),
    ],
)
def test_a_routine_that_cannot_be_built_says_why(
    api: TestClient, body: dict[str, object], detail: str
) -> None:
    assert detail in problem_of(api.post(f"{API}/routines", json=body), 422)["detail"]


def test_a_position_must_be_one_knotwork_knows(api: TestClient) -> None:
    response = api.post(f"{API}/routines", json={"positions": ["couch"]})
    assert problem_of(response, 422)["errors"][0]["field"] == "positions[0]"


def test_a_plan_is_the_cli_plan(api: TestClient) -> None:
    body = {"train": ["mon", "wed", "fri"], "focus": ["calf"], "minutes_per_week": 60}
    answer = api.post(f"{API}/plans", json=body).json()
    expected = cli_json(
        "plan",
        "--train=mon,wed,fri",
        "--focus=calf",
        "--minutes-per-week=60",
    )
    assert answer == {**expected, "saved_id": None}  # starts_on: the same Monday
    assert answer["total_minutes"] <= 60


def test_a_plan_downloads_as_a_calendar_with_one_event_per_session(
    api: TestClient,
) -> None:
    body = {"train": ["tue", "thu"], "focus": ["heel"], "start": "2030-01-07"}
    week = api.post(f"{API}/plans", json=body).json()
    response = api.post(f"{API}/plans/ics", json=body)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/calendar")
    assert "attachment" in response.headers["content-disposition"]
    events = Calendar.from_ical(response.content).walk("VEVENT")
    slots = [s for day in week["days"] for s in day["sessions"]]
    assert len(events) == len(slots)
    assert min(e.decoded("dtstart").date().isoformat() for e in events) >= "2030-01-07"


def test_a_saved_plan_is_counted_for_adherence(api: TestClient) -> None:
    saved = api.post(f"{API}/plans", json={"train": ["mon"], "save": True}).json()
    assert isinstance(saved["saved_id"], int)
    assert api.get(f"{API}/progress").json()["adherence"] is not None


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"train": ["monday"]}, "train[0]"),
        ({"start": "next week"}, "start"),
        ({"minutes_per_week": "lots"}, "minutes_per_week"),
    ],
)
def test_a_bad_plan_names_the_field(
    api: TestClient, body: dict[str, object], field: str
) -> None:
    problem = problem_of(api.post(f"{API}/plans", json=body), 422)
    assert problem["errors"][0]["field"] == field


def test_a_bad_session_time_is_refused_even_without_a_download(
    api: TestClient,
) -> None:
    response = api.post(f"{API}/plans", json={"times": ["25:99"]})
    assert "25:99" in problem_of(response, 422)["detail"]
