"""Sessions, pain and re-test entries, history and the profile over HTTP."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from tests.web.api_client import API, TestClient, api_client, problem_of

NOW = datetime.now(UTC)
UNANSWERED = {
    "age_band": None,
    "pregnant_weeks": None,
    "pregnant_as_of": None,
    "gave_birth_on": None,
    "medicines": [],
    "screened_on": None,
}


@pytest.fixture
def api() -> Iterator[TestClient]:
    with api_client() as client:
        yield client


def session_body(**changes: Any) -> dict[str, Any]:
    """Return a finished guided session as the player sends it."""
    started = NOW - timedelta(minutes=10)
    body: dict[str, Any] = {
        "id": "s-1",
        "routine": "between_meetings",
        "started_at": started.isoformat(),
        "ended_at": (started + timedelta(minutes=2)).isoformat(),
        "steps": [
            {
                "index": 0,
                "target": "upper_trapezius",
                "technique": "upper_trapezius.wall_lean",
                "ball": "tennis",
                "protocol": "sustained_compression",
                "planned_seconds": 60,
                "done_seconds": 55,
                "pressure_felt": 5,
                "side": "left",
            }
        ],
        "pain_before": {"upper_trapezius": 6},
        "pain_after": {"upper_trapezius": 3},
        "retest": "neck rotation",
        "retest_ease": 7,
        "completed": True,
    }
    return {**body, **changes}


def test_a_saved_session_comes_back_whole(api: TestClient) -> None:
    response = api.post(f"{API}/sessions", json=session_body())
    assert response.status_code == 201
    assert response.json() == {"id": "s-1"}
    saved = api.get(f"{API}/sessions/s-1").json()
    assert saved["steps"][0]["done_seconds"] == 55
    assert saved["pain_after"] == {"upper_trapezius": 3}
    assert datetime.fromisoformat(saved["started_at"]) == NOW - timedelta(minutes=10)
    assert [s["id"] for s in api.get(f"{API}/sessions").json()] == ["s-1"]


def test_saving_the_same_session_again_replaces_it(api: TestClient) -> None:
    api.post(f"{API}/sessions", json=session_body(completed=False))
    api.post(f"{API}/sessions", json=session_body(completed=True))
    sessions = api.get(f"{API}/sessions").json()
    assert [s["completed"] for s in sessions] == [True]


def test_a_stopped_session_keeps_its_stop_event(api: TestClient) -> None:
    stop = {
        "sign": "numbness",
        "at": (NOW - timedelta(minutes=9)).isoformat(),
        "step_index": 0,
        "red_flag": None,
        "advice": "Stop and see a clinician.",
    }
    body = session_body(id="s-2", stop=stop, completed=False)
    assert api.post(f"{API}/sessions", json=body).status_code == 201
    assert api.get(f"{API}/sessions/s-2").json()["stop"]["sign"] == "numbness"


@pytest.mark.parametrize(
    ("changes", "fragment"),
    [
        ({"pain_before": {"upper_trapezius": 11}}, "pain_before.upper_trapezius"),
        ({"pain_before": {"elbowz": 3}}, "elbowz"),
        ({"started_at": (NOW + timedelta(days=1)).isoformat()}, "in the future"),
        ({"ended_at": (NOW - timedelta(hours=1)).isoformat()}, "ends before"),
        ({"id": ""}, "id:"),
        ({"stop": {"sign": "bored"}}, "stop.at: is required"),
    ],
)
def test_a_bad_session_is_refused_and_nothing_is_kept(
    api: TestClient, changes: dict[str, Any], fragment: str
) -> None:
    response = api.post(f"{API}/sessions", json=session_body(**changes))
    assert fragment in problem_of(response, 422)["detail"]
    assert api.get(f"{API}/sessions").json() == []


def test_an_unknown_session_is_a_404_problem(api: TestClient) -> None:
    assert "nope" in problem_of(api.get(f"{API}/sessions/nope"), 404)["detail"]


def test_logged_pain_is_in_the_history(api: TestClient) -> None:
    body = {"spot": "upper_trapezius", "pain": 6, "side": "left", "activity": "call"}
    response = api.post(f"{API}/journal/pain", json=body)
    assert response.status_code == 201
    logged = response.json()
    assert logged["id"] >= 1 and logged["pain"] == 6
    history = api.get(f"{API}/journal/history").json()
    assert [(p["spot"], p["pain"], p["side"]) for p in history["pain"]] == [
        ("upper_trapezius", 6, "left")
    ]


def test_history_filters_by_spot_and_day(api: TestClient) -> None:
    old = (NOW - timedelta(days=10)).isoformat()
    api.post(f"{API}/journal/pain", json={"spot": "heel", "pain": 4, "at": old})
    api.post(f"{API}/journal/pain", json={"spot": "heel", "pain": 2})
    api.post(f"{API}/journal/pain", json={"spot": "upper_trapezius", "pain": 5})
    since = (NOW - timedelta(days=2)).date().isoformat()
    history = api.get(f"{API}/journal/history?spot=heel&since={since}").json()
    assert [p["pain"] for p in history["pain"]] == [2]


@pytest.mark.parametrize(
    ("body", "detail"),
    [
        ({"spot": "heel", "pain": 11}, "pain: must be between 0 and 10"),
        ({"spot": "heel", "pain": -1}, "pain: must be between 0 and 10"),
        ({"spot": "heel", "pain": 4.5}, "pain: must be a valid integer"),
        ({"spot": "heel"}, "pain: is required"),
        ({"spot": "heel", "pain": 3, "side": "up"}, "side: must be"),
        ({"spot": "elbowz", "pain": 3}, "unknown muscle or region 'elbowz'"),
        # The one date range (knotwork.domain.limits): 1900 to a day ahead.
        ({"spot": "heel", "pain": 3, "at": "2999-01-01T00:00:00Z"}, "2999-01-01"),
        ({"spot": "heel", "pain": 3, "at": "0001-01-01"}, "at: the time must be"),
    ],
)
def test_bad_pain_is_refused_naming_the_problem(
    api: TestClient, body: dict[str, Any], detail: str
) -> None:
    response = api.post(f"{API}/journal/pain", json=body)
    assert detail in problem_of(response, 422)["detail"]
    assert api.get(f"{API}/journal/history").json()["pain"] == []


def test_a_range_of_motion_retest_is_logged(api: TestClient) -> None:
    body = {"movement": "neck rotation", "degrees": 70, "side": "left"}
    response = api.post(f"{API}/journal/rom", json=body)
    assert response.status_code == 201 and response.json()["degrees"] == 70
    rom = api.get(f"{API}/journal/history").json()["rom"]
    assert [(r["movement"], r["degrees"]) for r in rom] == [("neck rotation", 70)]


def test_a_retest_before_and_after_a_session_keeps_its_phase(
    api: TestClient,
) -> None:
    for phase, degrees in (("before", 52.5), ("after", 66)):
        body = {
            "movement": "neck rotation",
            "degrees": degrees,
            "side": "right",
            "session_id": "s-9",
            "phase": phase,
        }
        response = api.post(f"{API}/journal/rom", json=body)
        assert response.status_code == 201 and response.json()["phase"] == phase
    rom = api.get(f"{API}/journal/history").json()["rom"]
    assert [(r["phase"], r["degrees"], r["session_id"]) for r in rom] == [
        ("before", 52.5, "s-9"),
        ("after", 66, "s-9"),
    ]


@pytest.mark.parametrize(
    "change",
    [
        {"degrees": 180.5},
        {"degrees": -3},
        {"degrees": "wide"},
        {"phase": "during"},
        {"session_id": ""},
        {"session_id": "x" * 65},
        {"ease": 11},
    ],
)
def test_a_retest_out_of_bounds_is_a_problem(
    api: TestClient, change: dict[str, Any]
) -> None:
    body = {"movement": "neck rotation", "degrees": 40} | change
    response = api.post(f"{API}/journal/rom", json=body)
    assert response.headers["content-type"] == "application/problem+json"
    problem_of(response, 422)
    assert api.get(f"{API}/journal/history").json()["rom"] == []


def test_a_retest_needs_degrees_or_ease(api: TestClient) -> None:
    response = api.post(f"{API}/journal/rom", json={"movement": "neck rotation"})
    assert "degrees or an ease rating" in problem_of(response, 422)["detail"]


def test_the_profile_starts_empty_and_is_replaced_whole(api: TestClient) -> None:
    assert api.get(f"{API}/profile").json()["conditions"] == []
    person = {
        "conditions": ["anticoagulants", "osteoporosis"],
        "cleared": ["osteoporosis"],
        "tolerance": "low",
        "experience": "new",
        "balls": [{"ball": "lacrosse", "purchased": "2025-01-15"}],
        "positions": ["wall", "seated"],
        "training_days": ["tue", "thu"],
    }
    response = api.put(f"{API}/profile", json=person)
    assert response.status_code == 200
    assert response.json() == person | {"health": UNANSWERED}
    assert api.get(f"{API}/profile").json() == person | {"health": UNANSWERED}


@pytest.mark.parametrize(
    ("person", "detail"),
    [
        ({"conditions": ["bad_knees"]}, "unknown condition 'bad_knees'"),
        ({"cleared": ["osteoporosis"]}, "unknown condition to clear"),
        ({"positions": []}, "at least one position"),
        ({"balls": [{"ball": "bowling"}]}, "unknown ball 'bowling'"),
        ({"tolerance": "max"}, "tolerance: must be"),
    ],
)
def test_a_bad_profile_is_refused_and_the_old_one_kept(
    api: TestClient, person: dict[str, Any], detail: str
) -> None:
    before = api.get(f"{API}/profile").json()
    assert detail in problem_of(api.put(f"{API}/profile", json=person), 422)["detail"]
    assert api.get(f"{API}/profile").json() == before


def test_the_health_screen_is_answered_once_and_kept_by_profile_edits(
    api: TestClient,
) -> None:
    empty = api.get(f"{API}/profile/health").json()
    assert empty["answers"]["screened_on"] is None
    assert [q["id"] for q in empty["questions"]][:2] == ["age_band", "pregnant_weeks"]
    answers = {"age_band": "50 or over", "pregnant_weeks": "", "medicines": "Xarelto"}
    saved = api.put(f"{API}/profile/health", json=answers)
    assert saved.status_code == 200, saved.text
    assert saved.json()["conditions_today"] == ["age_50_plus", "anticoagulants"]
    # Replacing the rest of the profile keeps the screen.
    api.put(f"{API}/profile", json={"tolerance": "low"})
    assert api.get(f"{API}/profile").json()["health"]["medicines"] == ["Xarelto"]
    # A client that edits what it read sends the screen back; it is kept as
    # saved, not replaced by what came back.
    read = api.get(f"{API}/profile").json()
    read["tolerance"] = "high"
    read["health"]["medicines"] = []
    assert api.put(f"{API}/profile", json=read).status_code == 200
    again = api.get(f"{API}/profile").json()
    assert (again["tolerance"], again["health"]["medicines"]) == ("high", ["Xarelto"])
    # And the finder applies it without being told.
    where = api.post(f"{API}/where", json={"text": "tight calf"}).json()
    assert "anticoagulants" in [r["id"] for r in where["safety"]["reasons"]]


@pytest.mark.parametrize(
    "answers",
    [
        {"pregnant_weeks": "60"},
        {"gave_birth_on": "2999-01-01"},
        {"implant": "perhaps"},
        {"age_band": "x" * 21},
        {"shoe_size": "9"},
    ],
)
def test_a_bad_health_screen_is_refused(
    api: TestClient, answers: dict[str, str]
) -> None:
    response = api.put(f"{API}/profile/health", json=answers)
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/problem+json")
    assert api.get(f"{API}/profile/health").json()["answers"]["screened_on"] is None
