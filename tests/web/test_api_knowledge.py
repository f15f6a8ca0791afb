"""The knowledge base and the ball chooser over HTTP."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from knotwork.kb.loader import load_kb
from tests.web.api_client import API, TestClient, api_client, cli_json, problem_of


@pytest.fixture
def api() -> Iterator[TestClient]:
    with api_client() as client:
        yield client


def test_muscles_lists_every_muscle_with_its_trigger_points(api: TestClient) -> None:
    muscles = api.get(f"{API}/muscles").json()
    assert [m["id"] for m in muscles] == [m.id for m in load_kb().muscles]
    assert all(m["trigger_points"] for m in muscles)


def test_one_muscle_comes_in_full_with_named_keep_off_zones(api: TestClient) -> None:
    muscle = api.get(f"{API}/muscles/infraspinatus").json()
    assert muscle["id"] == "infraspinatus"
    assert muscle["lay_names"] and muscle["techniques"]
    for technique in muscle["techniques"]:
        assert all({"id", "name"} <= set(k) for k in technique["keep_off"])


def test_an_unknown_muscle_is_a_404_problem(api: TestClient) -> None:
    problem = problem_of(api.get(f"{API}/muscles/rotator_cuffs"), 404)
    assert problem["detail"] == "unknown muscle 'rotator_cuffs'"


def test_regions_are_the_vocabulary_ids(api: TestClient) -> None:
    regions = api.get(f"{API}/regions").json()
    assert {r["id"] for r in regions} == {r.id for r in load_kb().regions}
    assert all(r["view"] in ("front", "back", "both") for r in regions)


def test_conditions_list_conditions_and_red_flags_with_verdicts(
    api: TestClient,
) -> None:
    items = api.get(f"{API}/conditions").json()
    assert {i["kind"] for i in items} == {"condition", "red_flag"}
    assert any(i["verdict"] == "stop" for i in items if i["kind"] == "red_flag")


def test_balls_list_the_catalogue_with_care(api: TestClient) -> None:
    balls = api.get(f"{API}/balls").json()
    assert [b["id"] for b in balls] == [b.id for b in load_kb().balls]
    lacrosse = api.get(f"{API}/balls/lacrosse").json()
    assert lacrosse["care"]["replace_when"]


def test_an_unknown_ball_is_a_404_problem(api: TestClient) -> None:
    assert "golf_balll" in problem_of(api.get(f"{API}/balls/golf_balll"), 404)["detail"]


def test_choosing_answers_exactly_as_the_cli(api: TestClient) -> None:
    body = {"regions": ["sole"], "tolerance": "low", "no_floor": True, "budget": 20}
    answer = api.post(f"{API}/balls/choose", json=body).json()
    expected = cli_json(
        "ball",
        "--region=sole",
        "--tolerance=low",
        "--no-floor",
        "--budget=20",
    )
    assert answer == expected
    assert answer["ranking"] and answer["starter_pair"]


def test_a_stop_condition_withholds_every_ball(api: TestClient) -> None:
    body = {"muscles": ["gastrocnemius"], "conditions": ["fever"]}
    answer = api.post(f"{API}/balls/choose", json=body).json()
    assert answer["safety"]["verdict"] == "stop"
    assert answer["advice_withheld"] is True
    assert answer["ranking"] == []


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"tolerance": "extreme"}, "tolerance"),
        ({"budget": "cheap"}, "budget"),
        ({"eco": "yes"}, "eco"),
        ({"muscles": "calf"}, "muscles"),
    ],
)
def test_a_bad_choice_names_the_field(
    api: TestClient, body: dict[str, object], field: str
) -> None:
    problem = problem_of(api.post(f"{API}/balls/choose", json=body), 422)
    assert [e["field"] for e in problem["errors"]] == [field]


def test_a_budget_below_zero_is_refused_by_the_domain(api: TestClient) -> None:
    response = api.post(f"{API}/balls/choose", json={"budget": -5})
    assert "budget" in problem_of(response, 422)["detail"]


def test_an_unknown_muscle_to_choose_for_is_named(api: TestClient) -> None:
    response = api.post(f"{API}/balls/choose", json={"muscles": ["quadz"]})
    assert "quadz" in problem_of(response, 422)["detail"]
