"""The security gate, attacked in process: hosts, sizes, tokens, origins, headers.

The browser half (a real attacker page on another origin, in Chromium) is in
tests/web/e2e/test_attacks.py; this file covers what a script can forge.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute

from knotwork.config import Settings
from knotwork.domain.limits import BODY_BYTES, IMPORT_BODY_BYTES
from knotwork.web.app import create_app
from knotwork.web.security import SESSION_COOKIE
from tests.web.api_client import API, TestClient, bearer, problem_of

ORIGIN = "http://127.0.0.1:8000"
PAIN = {"spot": "calf", "pain": 4}


@pytest.fixture
def app() -> FastAPI:
    return create_app(Settings(), port=8000)


@pytest.fixture
def browser(app: FastAPI) -> Iterator[TestClient]:
    """A client that behaves like a browser tab on the app's own origin."""
    with TestClient(app, base_url=ORIGIN) as client:
        yield client


def page_token(client: TestClient, path: str = "/journal") -> str:
    html = client.get(path).text
    found = re.search(r'<meta name="csrf-token" content="([^"]+)">', html)
    assert found, "every page carries its CSRF token"
    return found.group(1)


def pain_count(client: TestClient) -> int:
    history = client.get(f"{API}/journal/history", headers=bearer()).json()
    return len(history["pain"])


# --- Host allow-list (DNS rebinding) -------------------------------------


@pytest.mark.parametrize(
    "host",
    ["evil.example", "evil.example:8000", "127.0.0.1:8001", "127.0.0.1.nip.io:8000",
     "localhost.evil.example", "[::2]:8000", "", "127.0.0.1:abc", "[::1"],
)  # fmt: skip
def test_a_foreign_host_gets_400(app: FastAPI, host: str) -> None:
    with TestClient(app, base_url=ORIGIN) as client:
        response = client.get(f"{API}/journal/pain", headers={"Host": host, **bearer()})
    body = problem_of(response, 400)
    assert "host" in body["detail"]
    assert response.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize(
    "host", ["127.0.0.1:8000", "localhost:8000", "[::1]:8000", "LOCALHOST:8000"]
)
def test_the_loopback_names_on_the_own_port_are_served(app: FastAPI, host: str) -> None:
    with TestClient(app, base_url=ORIGIN) as client:
        response = client.get(f"{API}/health", headers={"Host": host})
    assert response.status_code == 200


def test_another_name_is_served_only_when_allowed() -> None:
    app = create_app(
        Settings(access_token="k" * 40), port=8000, allowed_hosts=["knots.example"]
    )
    auth = {"Authorization": "Bearer " + "k" * 40}
    with TestClient(app, base_url="https://knots.example") as client:
        assert client.get(f"{API}/health", headers=auth).status_code == 200
        wrong = client.get(f"{API}/health", headers={**auth, "Host": "other.example"})
        assert wrong.status_code == 400


# --- Body limits -----------------------------------------------------------


def test_a_declared_oversized_body_is_refused_before_it_is_read(
    browser: TestClient,
) -> None:
    # A 300 MB promise with a tiny body: refused from the header alone.
    response = browser.post(
        f"{API}/journal/pain",
        content=b"{}",
        headers={"Content-Length": str(300 * 1024 * 1024), **bearer()},
    )
    problem_of(response, 413)


def test_a_streamed_body_is_counted_as_it_arrives(browser: TestClient) -> None:
    # No Content-Length: chunked. (That the server stops reading early is
    # checked against real uvicorn in tests/web/test_live_api.py.)
    def chunks() -> Iterator[bytes]:
        for _ in range(20):
            yield b" " * 8192

    response = browser.post(
        f"{API}/journal/pain",
        content=chunks(),
        headers={"Content-Type": "application/json", **bearer()},
    )
    problem_of(response, 413)


def test_import_takes_up_to_ten_megabytes_and_no_more(browser: TestClient) -> None:
    just_over = b" " * (IMPORT_BODY_BYTES + 1)
    response = browser.post(
        f"{API}/import",
        content=just_over,
        headers={"Content-Type": "application/json", **bearer()},
    )
    problem_of(response, 413)
    padded = b"{" + b" " * (BODY_BYTES * 2) + b"}"
    response = browser.post(
        f"{API}/import",
        content=padded,
        headers={"Content-Type": "application/json", **bearer()},
    )
    assert response.status_code == 422  # read and refused as an export, not size


@pytest.mark.parametrize(
    "content_type", ["text/plain", "multipart/form-data; boundary=x", "", "text/json"]
)
def test_import_reads_only_json(browser: TestClient, content_type: str) -> None:
    response = browser.post(
        f"{API}/import",
        content=b'{"format": "knotwork-export", "version": 1}',
        headers={"Content-Type": content_type, **bearer()},
    )
    problem_of(response, 415)


def test_deeply_nested_json_is_refused_not_a_crash(browser: TestClient) -> None:
    deep = b"[" * 100_000 + b"]" * 100_000
    response = browser.post(
        f"{API}/import",
        content=deep,
        headers={"Content-Type": "application/json", **bearer()},
    )
    assert "nested" in problem_of(response, 422)["detail"]


# --- Tokens, origins and CSRF ------------------------------------------------


def test_scripts_change_data_with_the_bearer_token(browser: TestClient) -> None:
    response = browser.post(f"{API}/journal/pain", json=PAIN, headers=bearer())
    assert response.status_code == 201, response.text
    assert pain_count(browser) == 1


@pytest.mark.parametrize(
    "authorization",
    ["Bearer wrong", "Bearer ", "Basic dXNlcjpwYXNz", "bearer" + " x" * 100],
)
def test_a_wrong_token_is_401(browser: TestClient, authorization: str) -> None:
    response = browser.post(
        f"{API}/journal/pain", json=PAIN, headers={"Authorization": authorization}
    )
    problem_of(response, 401)
    assert response.headers["www-authenticate"].startswith("Bearer")
    assert pain_count(browser) == 0


def test_a_script_without_the_token_cannot_change_anything(
    browser: TestClient,
) -> None:
    problem_of(browser.post(f"{API}/journal/pain", json=PAIN), 403)
    problem_of(browser.delete(f"{API}/data", params={"confirm": "yes"}), 403)
    assert pain_count(browser) == 0


def test_the_page_token_with_the_own_origin_is_accepted(browser: TestClient) -> None:
    token = page_token(browser)
    assert SESSION_COOKIE in browser.cookies
    response = browser.post(
        f"{API}/journal/pain",
        json=PAIN,
        headers={"Origin": ORIGIN, "X-CSRF-Token": token},
    )
    assert response.status_code == 201, response.text
    form = browser.post(
        "/journal/pain",
        data={"spot": "calf", "pain": "5", "csrf_token": token},
        headers={"Origin": "null", "Sec-Fetch-Site": "same-origin"},
        follow_redirects=False,
    )
    assert form.status_code in (200, 303), form.text
    assert pain_count(browser) == 2


def test_the_session_cookie_is_httponly_and_strict(browser: TestClient) -> None:
    cookie = browser.get("/").headers["set-cookie"]
    assert cookie.startswith(SESSION_COOKIE + "=")
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/" in cookie


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "http://evil.example"},
        {"Origin": "http://127.0.0.1:9999"},
        {"Origin": "null"},
        {"Origin": "null", "Sec-Fetch-Site": "cross-site"},
        {"Origin": "null", "Sec-Fetch-Site": "same-site"},
        {"Sec-Fetch-Site": "cross-site"},
        {"Origin": "https://127.0.0.1:8000.evil.example"},
    ],
)
def test_a_foreign_origin_is_refused_even_with_the_token(
    browser: TestClient, headers: dict[str, str]
) -> None:
    token = page_token(browser)
    response = browser.post(
        f"{API}/journal/pain", json=PAIN, headers={**headers, "X-CSRF-Token": token}
    )
    problem_of(response, 403)
    assert pain_count(browser) == 0


@pytest.mark.parametrize("token", ["", "forged", "eyJ4Ijoi.abc", None])
def test_a_missing_or_forged_csrf_token_is_refused(
    browser: TestClient, token: str | None
) -> None:
    page_token(browser)
    headers = {"Origin": ORIGIN}
    if token is not None:
        headers["X-CSRF-Token"] = token
    problem_of(browser.post(f"{API}/journal/pain", json=PAIN, headers=headers), 403)
    form = browser.post(
        "/data/delete",
        data={"confirm": "delete", **({"csrf_token": token} if token else {})},
        headers=headers,
    )
    problem_of(form, 403)


def test_a_token_from_another_session_is_refused(app: FastAPI) -> None:
    with TestClient(app, base_url=ORIGIN) as attacker:
        stolen = page_token(attacker)
    with TestClient(app, base_url=ORIGIN) as victim:
        page_token(victim)
        response = victim.post(
            f"{API}/journal/pain",
            json=PAIN,
            headers={"Origin": ORIGIN, "X-CSRF-Token": stolen},
        )
        problem_of(response, 403)


def test_a_valid_bearer_does_not_excuse_a_cross_site_browser_request(
    browser: TestClient,
) -> None:
    response = browser.post(
        f"{API}/journal/pain",
        json=PAIN,
        headers={"Origin": "http://evil.example", **bearer()},
    )
    problem_of(response, 403)


def test_a_multipart_import_needs_the_token_in_the_form(browser: TestClient) -> None:
    token = page_token(browser, "/data")
    export = browser.get(f"{API}/export", headers=bearer()).content
    refused = browser.post(
        "/data/import",
        files={"file": ("x.json", export, "application/json")},
        headers={"Origin": ORIGIN},
    )
    problem_of(refused, 403)
    accepted = browser.post(
        "/data/import",
        data={"csrf_token": token},
        files={"file": ("x.json", export, "application/json")},
        headers={"Origin": ORIGIN},
    )
    assert accepted.status_code == 200, accepted.text


def test_served_beyond_this_machine_every_request_needs_the_token() -> None:
    token = "r" * 40
    app = create_app(Settings(access_token=token), host="0.0.0.0", port=8000)
    with TestClient(app, base_url=ORIGIN) as client:
        for path in (
            "/",
            "/journal",
            f"{API}/journal/history",
            "/openapi.json",
            "/docs",
        ):
            problem_of(client.get(path), 401)
        auth = {"Authorization": f"Bearer {token}"}
        assert client.get("/journal", headers=auth).status_code == 200
        assert client.get(f"{API}/journal/history", headers=auth).status_code == 200


# --- Headers on every answer ---------------------------------------------------


def check_headers(response: Any, where: str, *, cacheable: bool = False) -> None:
    headers = response.headers
    csp = headers.get("content-security-policy", "")
    directives = dict(
        (part.split(" ", 1) + [""])[:2] for part in csp.replace("; ", ";").split(";")
    )
    assert "'self'" in directives.get("default-src", ""), where
    assert directives.get("frame-ancestors") == "'none'", where
    assert "unsafe" not in directives.get("script-src", "unset"), where
    assert headers.get("x-content-type-options") == "nosniff", where
    assert headers.get("referrer-policy") == "no-referrer", where
    assert headers.get("cross-origin-opener-policy") == "same-origin", where
    assert headers.get("cross-origin-resource-policy") == "same-origin", where
    if not cacheable:
        assert headers.get("cache-control") == "no-store", where


def filled(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "x", path)


def test_every_api_operation_answers_with_the_headers(browser: TestClient) -> None:
    spec = browser.get("/openapi.json")
    check_headers(spec, "/openapi.json")
    operations = 0
    for path, methods in spec.json()["paths"].items():
        for method in methods:
            url = filled(path)
            for headers in (bearer(), {}, {"Origin": "http://evil.example"}):
                response = browser.request(method.upper(), url, headers=headers)
                check_headers(response, f"{method.upper()} {url} {headers}")
            operations += 1
    assert operations >= 20


def every_route(routes: Any, prefix: str = "") -> Iterator[APIRoute]:
    """Yield every route, looking inside included routers (pages have no prefix)."""
    for route in routes:
        if isinstance(route, APIRoute):
            yield route
        inner = getattr(route, "original_router", None)
        if inner is not None:
            yield from every_route(inner.routes)


def test_every_page_answers_with_the_headers_and_no_inline_script(
    app: FastAPI, browser: TestClient
) -> None:
    pages = [
        route.path
        for route in every_route(app.routes)
        # The API (checked above) is included without its prefix here.
        if not route.endpoint.__module__.startswith("knotwork.web.api")
        and "GET" in route.methods
        and "{" not in route.path
    ]
    assert {"/", "/journal", "/data", "/safety", "/docs", "/redoc"} <= set(pages)
    for path in pages:
        response = browser.get(path)
        assert response.status_code == 200, path
        check_headers(response, path)
        if response.headers["content-type"].startswith("text/html"):
            for tag in re.findall(r"<script\b[^>]*>", response.text):
                assert "src=" in tag or "application/json" in tag, (path, tag)
            assert not re.search(r"\son[a-z]+=", response.text), path
    for static in ("/static/app.css", "/static/boot.js", "/docs-static/swagger-ui.css"):
        response = browser.get(static)
        assert response.status_code == 200, static
        check_headers(response, static, cacheable=True)
    check_headers(browser.get("/nothing-here"), "404")
    check_headers(browser.get("/", headers={"Host": "evil.example"}), "400")


def test_the_data_page_does_not_show_where_the_database_is(
    browser: TestClient, knotwork_home: Any
) -> None:
    html = browser.get("/data").text
    assert str(knotwork_home) not in html and "knotwork.db" not in html


@pytest.mark.parametrize(
    "at",
    ["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-12:00", "1899-12-31T12:00:00Z"],
)
def test_dates_out_of_the_one_range_are_422_not_500(
    browser: TestClient, at: str
) -> None:
    body = {**PAIN, "at": at}
    response = browser.post(f"{API}/journal/pain", json=body, headers=bearer())
    assert "between 1900-01-01" in problem_of(response, 422)["detail"]
    since = browser.get(
        f"{API}/journal/history", params={"since": at[:10]}, headers=bearer()
    )
    problem_of(since, 422)


def test_a_crash_answers_with_the_same_headers_and_no_internals(app: FastAPI) -> None:
    def boom() -> None:
        raise RuntimeError("secret path /home/someone/knotwork.db")

    app.add_api_route("/boom-for-test", boom)
    with TestClient(app, base_url=ORIGIN, raise_server_exceptions=False) as client:
        response = client.get("/boom-for-test")
    assert response.status_code == 500
    assert response.headers["content-type"] == "application/problem+json"
    assert "secret" not in response.text and "Traceback" not in response.text
    assert "default-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["cache-control"] == "no-store"
