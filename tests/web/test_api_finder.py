"""POST /where and /check: the CLI's answers, over HTTP, safety first."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.web.api_client import API, TestClient, api_client, cli_json, problem_of


@pytest.fixture
def api() -> Iterator[TestClient]:
    with api_client() as client:
        yield client


@pytest.mark.parametrize(
    ("body", "args"),
    [
        (
            {"text": "tennis elbow", "side": "right"},
            ["tennis elbow", "--side", "right"],
        ),
        ({"regions": ["heel", "sole"]}, ["--region", "heel", "--region", "sole"]),
        (
            {"text": "headache at the back of my head wrapping round to the temple"},
            ["headache at the back of my head wrapping round to the temple"],
        ),
    ],
)
def test_where_answers_exactly_as_the_cli(
    api: TestClient, body: dict[str, object], args: list[str]
) -> None:
    response = api.post(f"{API}/where", json=body)
    assert response.status_code == 200
    assert response.json() == cli_json("where", *args)


def test_where_ranks_the_source_and_says_why(api: TestClient) -> None:
    answer = api.post(f"{API}/where", json={"text": "tennis elbow"}).json()
    assert answer["safety"]["verdict"] in ("ok", "modify")
    top = answer["candidates"][0]
    assert top["why"] and top["zones"]
    assert answer["treatment"]["muscle"] == top["muscle"]


def test_a_red_flag_withholds_all_treatment(api: TestClient) -> None:
    answer = api.post(
        f"{API}/where", json={"text": "numbness and tingling down my arm"}
    ).json()
    assert answer["safety"]["verdict"] == "stop"
    assert answer["advice_withheld"] is True
    assert answer["treatment"] is None


def test_where_needs_something_to_place(api: TestClient) -> None:
    problem = problem_of(api.post(f"{API}/where", json={"text": "  "}), 422)
    assert problem["errors"] == [{"field": "text", "message": problem["detail"]}]


def test_where_says_when_it_cannot_place_the_words(api: TestClient) -> None:
    problem = problem_of(api.post(f"{API}/where", json={"text": "qwzx"}), 422)
    assert "couldn't place 'qwzx'" in problem["detail"]


def test_where_names_an_unknown_region(api: TestClient) -> None:
    response = api.post(f"{API}/where", json={"regions": ["elbowz"]})
    assert "elbowz" in problem_of(response, 422)["detail"]


def test_where_names_a_bad_side(api: TestClient) -> None:
    response = api.post(f"{API}/where", json={"text": "heel", "side": "up"})
    problem = problem_of(response, 422)
    assert problem["errors"][0]["field"] == "side"
    assert problem["detail"].startswith("side: must be 'left' or 'right'")


def test_check_answers_exactly_as_the_cli(api: TestClient) -> None:
    body = {"text": "knot in my calf", "conditions": ["anticoagulants"]}
    answer = api.post(f"{API}/check", json={**body, "areas": ["calf"]}).json()
    expected = cli_json(
        "check",
        "knot in my calf",
        "--condition",
        "anticoagulants",
        "--area",
        "calf",
    )
    assert answer == expected
    assert answer["verdict"] == "clinician_first"


def test_check_stops_on_a_swollen_warm_calf(api: TestClient) -> None:
    answer = api.post(
        f"{API}/check", json={"text": "my calf is swollen, red and warm"}
    ).json()
    assert answer["verdict"] == "stop"
    assert any(r["kind"] == "red_flag" for r in answer["reasons"])


def test_check_names_an_unknown_condition(api: TestClient) -> None:
    response = api.post(f"{API}/check", json={"conditions": ["bad_knees"]})
    assert "bad_knees" in problem_of(response, 422)["detail"]


def test_check_refuses_fields_it_does_not_take(api: TestClient) -> None:
    response = api.post(f"{API}/check", json={"text": "sore", "conditon": []})
    problem = problem_of(response, 422)
    assert problem["errors"] == [
        {"field": "conditon", "message": "is not a field this request takes"}
    ]


def test_where_takes_pressing_answers_like_the_cli(api: TestClient) -> None:
    body = {
        "text": "headache at the back of my head",
        "confirmed": ["temporalis"],
        "ruled_out": ["suboccipitals"],
    }
    answer = api.post(f"{API}/where", json=body).json()
    assert answer["candidates"][0]["muscle"] == "temporalis"
    assert answer["candidates"][0]["pressed"] == "confirmed"
    assert answer == cli_json(
        "where",
        body["text"],
        "--confirmed",
        "temporalis",
        "--ruled-out",
        "suboccipitals",
    )
    refused = api.post(f"{API}/where", json={"text": "headache", "confirmed": ["x"]})
    assert "no muscle called 'x'" in problem_of(refused, 422)["detail"]


def test_the_api_takes_answers_and_applies_the_saved_profile(api: TestClient) -> None:
    api.put(f"{API}/profile", json={"conditions": ["anticoagulants"]})
    saved = api.post(f"{API}/check", json={"text": "tight calf"}).json()
    assert saved["verdict"] == "clinician_first"
    bare = {"text": "tight calf", "use_profile": False}
    assert api.post(f"{API}/check", json=bare).json()["verdict"] == "ok"
    answered = bare | {"answers": {"calf_signs": True}}
    assert api.post(f"{API}/check", json=answered).json()["verdict"] == "stop"


def test_a_description_over_the_limit_is_a_problem(api: TestClient) -> None:
    response = api.post(f"{API}/where", json={"text": "tight neck " * 600})
    body = problem_of(response, 422)
    assert body["errors"][0]["field"] == "text"
