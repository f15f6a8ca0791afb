"""Every error is application/problem+json, for people, never a traceback."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import FastAPI

from knotwork.config import Settings
from knotwork.web.app import create_app
from knotwork.web.errors import field_message, field_name
from tests.web.api_client import (
    API,
    PROBLEM,
    TestClient,
    api_client,
    local_client,
    problem_of,
)


@pytest.fixture
def api() -> Iterator[TestClient]:
    with api_client() as client:
        yield client


def test_health_says_ok(api: TestClient) -> None:
    assert api.get(f"{API}/health").json()["status"] == "ok"


def test_an_unknown_path_is_a_404_problem(api: TestClient) -> None:
    problem = problem_of(api.get(f"{API}/nothing-here"), 404)
    assert problem["type"] == "about:blank" and problem["title"] == "Not Found"


def test_a_wrong_method_is_a_405_problem(api: TestClient) -> None:
    response = api.delete(f"{API}/health")
    problem_of(response, 405)
    assert "GET" in response.headers["allow"]


def test_a_body_that_is_not_json_names_the_body(api: TestClient) -> None:
    response = api.post(
        f"{API}/where",
        content=b'{"text": ',
        headers={"content-type": "application/json"},
    )
    problem = problem_of(response, 422)
    assert problem["errors"][0]["field"] == "body"
    assert "not valid JSON" in problem["detail"]


def test_every_wrong_field_is_named_with_its_path(api: TestClient) -> None:
    body = {
        "id": "s",
        "routine": "r",
        "started_at": "2025-01-01T10:00:00Z",
        "steps": [{"index": -1, "target": "heel"}],
    }
    problem = problem_of(api.post(f"{API}/sessions", json=body), 422)
    fields = {e["field"]: e["message"] for e in problem["errors"]}
    assert fields["steps[0].index"] == "must be between 0 and 10000"
    assert fields["steps[0].technique"] == "is required"


def test_text_that_cannot_be_stored_is_refused_by_field(api: TestClient) -> None:
    # A lone surrogate is valid JSON but cannot be encoded as UTF-8.
    body = b'{"regions": ["\\ud800"]}'
    response = api.post(
        f"{API}/where", content=body, headers={"content-type": "application/json"}
    )
    problem = problem_of(response, 422)
    assert problem["errors"][0]["field"] == "regions[0]"


def crashing_app() -> FastAPI:
    app = create_app(Settings())

    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("secret internals at /etc/knotwork")

    return app


def test_an_unexpected_error_is_a_500_problem_without_internals() -> None:
    with local_client(crashing_app(), raise_server_exceptions=False) as client:
        response = client.get("/boom")
    problem = problem_of(response, 500)
    assert "secret" not in response.text and "RuntimeError" not in response.text
    assert problem["detail"].startswith("Something went wrong on our side")


def test_openapi_documents_errors_as_problems(api: TestClient) -> None:
    schema = api.get("/openapi.json").json()
    responses = schema["paths"][f"{API}/journal/pain"]["post"]["responses"]
    assert set(responses["422"]["content"]) == {PROBLEM}
    assert "HTTPValidationError" not in schema["components"]["schemas"]


@pytest.mark.parametrize(
    ("location", "name"),
    [
        (("body", "pain"), "pain"),
        (("body", "steps", 0, "index"), "steps[0].index"),
        (("query", "since"), "since"),
        (("body",), "body"),
        ((), "request"),
    ],
)
def test_field_names_read_like_paths(
    location: tuple[str | int, ...], name: str
) -> None:
    assert field_name(location) == name


@pytest.mark.parametrize(
    ("kind", "pydantic_says", "we_say"),
    [
        ("missing", "Field required", "is required"),
        ("literal_error", "Input should be 'a' or 'b'", "must be 'a' or 'b'"),
        ("value_error", "Value error, must be 0 to 9", "must be 0 to 9"),
        ("too_long", "String should have at most 5 items", "must have at most 5 items"),
    ],
)
def test_pydantic_messages_say_what_the_field_must_be(
    kind: str, pydantic_says: str, we_say: str
) -> None:
    assert field_message({"type": kind, "msg": pydantic_says}) == we_say
