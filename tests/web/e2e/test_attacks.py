"""A hostile page on another origin attacks a running knotwork, in Chromium.

Two real uvicorn servers: knotwork on one port, the attacker's page on
another (127.0.0.1 both, so the browser treats them as the same *site* and
sends the SameSite=Strict session cookie along: the hardest case). The
person has knotwork open first, so their browser holds a session cookie.
The attacker then tries every request the security review used: form posts,
text/plain and multipart bodies, fetch with no-cors, against delete-all,
import, the profile's safety form, pain entries and plans. Nothing may
change, and every attack that reaches the server must be refused with 403.
"""

from __future__ import annotations

import json
import socket
import threading
import time
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from starlette.applications import Starlette
from starlette.responses import HTMLResponse
from starlette.routing import Route

from knotwork.config import Settings
from knotwork.web.app import access_token, create_app
from tests.web.e2e.test_e2e import TIMEOUT_MS, Browser, browser  # noqa: F401

PLANTED = {
    "format": "knotwork-export",
    "version": 1,
    "pain": [{"spot": "calf", "pain": 0, "at": "2025-01-01T10:00:00+00:00"}],
}


@contextmanager
def serving(app: Any) -> Iterator[str]:
    """Run ``app`` on real uvicorn in a thread; yield its origin."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    if not hasattr(app, "router"):  # a factory that needs the port
        app = app(port)
    config = uvicorn.Config(
        app, log_level="warning", access_log=False, ws="none", lifespan="off"
    )
    server = uvicorn.Server(config)

    def run() -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            server.run(sockets=[sock])

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "server not up"
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()


def attacker_page(victim: str) -> str:
    """The evil page: every attack at once, then ``window.attacksDone``."""
    planted = json.dumps(json.dumps(PLANTED))
    forms = [
        ("/data/delete", "application/x-www-form-urlencoded", {"confirm": "delete"}),
        ("/safety", "application/x-www-form-urlencoded", {"text": ""}),
        ("/safety", "text/plain", {"condition": "none"}),
        ("/journal/pain", "application/x-www-form-urlencoded",
         {"spot": "calf", "pain": "9", "side": "left"}),
        ("/plan/save", "application/x-www-form-urlencoded",
         {"train": "mon", "minutes": "30", "days": "3"}),
        ("/data/import", "multipart/form-data", {"confirm": "x"}),
        ("/api/v1/import", "text/plain", {json.dumps(PLANTED): ""}),
        ("/api/v1/journal/pain", "text/plain", {'{"spot":"calf","pain":9,"x":"': '"}'}),
        ("/data/delete", "multipart/form-data",
         {"confirm": "delete", "csrf_token": "x"}),
    ]  # fmt: skip
    html_forms = []
    for number, (action, enctype, fields) in enumerate(forms):
        inputs = "".join(
            f'<input type="hidden" name="{k}" value="{v.replace(chr(34), "&quot;")}">'
            for k, v in fields.items()
        )
        html_forms.append(
            f'<iframe name="f{number}"></iframe>'
            f'<form id="form{number}" target="f{number}" method="post" '
            f'action="{victim}{action}" enctype="{enctype}">{inputs}</form>'
        )
    return f"""<!doctype html><html><body>
{"".join(html_forms)}
<script>
const victim = {json.dumps(victim)};
const planted = {planted};
async function attack() {{
  const attempts = [];
  const multipart = new FormData();
  multipart.append("file", new Blob([planted], {{type: "application/json"}}), "x.json");
  multipart.append("csrf_token", "guessed");
  const requests = [
    ["/api/v1/import", {{method: "POST", mode: "no-cors", body: planted,
      headers: {{"Content-Type": "text/plain"}}}}],
    ["/data/import", {{method: "POST", mode: "no-cors", body: multipart}}],
    ["/api/v1/import", {{method: "POST", mode: "no-cors", body: multipart}}],
    ["/data/delete", {{method: "POST", mode: "no-cors", credentials: "include",
      body: new URLSearchParams({{confirm: "delete"}})}}],
    ["/safety", {{method: "POST", mode: "no-cors", credentials: "include",
      body: new URLSearchParams({{text: ""}})}}],
    ["/journal/pain", {{method: "POST", mode: "no-cors", credentials: "include",
      body: new URLSearchParams({{spot: "calf", pain: "9"}})}}],
    ["/plan/save", {{method: "POST", mode: "no-cors",
      body: new URLSearchParams({{train: "mon", minutes: "30", days: "3"}})}}],
    ["/api/v1/journal/pain", {{method: "POST", mode: "no-cors",
      body: JSON.stringify({{spot: "calf", pain: 9}})}}],
    ["/api/v1/profile", {{method: "PUT", mode: "cors", credentials: "include",
      body: "{{}}", headers: {{"Content-Type": "application/json"}}}}],
    ["/api/v1/data?confirm=yes", {{method: "DELETE", mode: "cors"}}],
    ["/api/v1/journal/pain", {{method: "POST", mode: "cors", credentials: "include",
      body: JSON.stringify({{spot: "calf", pain: 9}}),
      headers: {{"Content-Type": "application/json", "X-CSRF-Token": "guessed"}}}}],
    ["/api/v1/journal/history", {{method: "GET", mode: "cors"}}],
  ];
  for (const [path, options] of requests) {{
    attempts.push(fetch(victim + path, options).then(
      () => "answer readable", () => "answer hidden or request blocked"));
  }}
  const loaded = [];
  for (const frame of document.querySelectorAll("iframe")) {{
    loaded.push(new Promise((done) => {{
      frame.addEventListener("load", done);
      setTimeout(done, 5000);
    }}));
  }}
  for (const form of document.querySelectorAll("form")) form.submit();
  window.fetchResults = await Promise.all(attempts);
  await Promise.all(loaded);
  window.attacksDone = true;
}}
attack();
</script></body></html>"""


class Recorder:
    """Wraps the victim app and notes every request that reached it, with status."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.seen: list[tuple[str, str, int]] = []

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def noting(message: Any) -> None:
            if message["type"] == "http.response.start":
                self.seen.append((scope["method"], scope["path"], message["status"]))
            await send(message)

        await self.app(scope, receive, noting)


def victim_state(victim: str, token: str) -> dict[str, Any]:
    import httpx

    with httpx.Client(
        base_url=victim, headers={"Authorization": f"Bearer {token}"}
    ) as client:
        state: dict[str, Any] = client.get("/api/v1/export").json()
        state.pop("exported_at", None)
        return state


def seed(victim: str, token: str) -> None:
    import httpx

    auth = {"Authorization": f"Bearer {token}"}
    with httpx.Client(base_url=victim, headers=auth) as client:
        assert client.post(
            "/api/v1/journal/pain", json={"spot": "calf", "pain": 5}
        ).is_success
        profile = client.get("/api/v1/profile").json()
        profile["conditions"] = ["anticoagulants"]
        assert client.put("/api/v1/profile", json=profile).is_success, profile


def test_a_page_on_another_origin_changes_nothing(
    browser: Browser,  # noqa: F811
    tmp_path: Path,
) -> None:
    settings = Settings(home=tmp_path / "victim")
    token = access_token(settings)
    recorder: Recorder | None = None

    def victim_app(port: int) -> Recorder:
        nonlocal recorder
        recorder = Recorder(create_app(settings, port=port))
        return recorder

    with serving(victim_app) as victim:
        assert recorder is not None
        seed(victim, token)
        before = victim_state(victim, token)
        assert before["profile"]["conditions"] == ["anticoagulants"]

        evil = Starlette(
            routes=[Route("/", lambda _r: HTMLResponse(attacker_page(victim)))]
        )
        with serving(evil) as attacker:
            context = browser.new_context()
            context.set_default_timeout(TIMEOUT_MS)
            page = context.new_page()
            # The person has knotwork open: the browser holds its cookie.
            page.goto(victim + "/journal")
            recorder.seen.clear()
            assert any(c["name"] == "knotwork_session" for c in context.cookies())
            page.goto(attacker + "/")
            deadline = time.monotonic() + 30
            while not page.evaluate("window.attacksDone === true"):
                assert time.monotonic() < deadline, "the attack page never finished"
                time.sleep(0.1)
            results = page.evaluate("window.fetchResults")
            context.close()
        # Preflights (OPTIONS) are refused too (405: no CORS), so the browser
        # never sends the PUT, DELETE or custom-header requests behind them.
        reached = [s for s in recorder.seen if s[0] not in ("GET", "OPTIONS")]
        preflights = [s for s in recorder.seen if s[0] == "OPTIONS"]

        after = victim_state(victim, token)
    # Nine form posts and twelve fetches were tried. The browser itself stops
    # those needing CORS (PUT, DELETE, custom headers, reads) before sending,
    # and hides every answer (CORP same-origin), but no-cors posts are sent.
    assert len(results) == 12
    assert after == before, "the attacker changed the journal"
    assert after["profile"]["conditions"] == ["anticoagulants"]
    # Every attack that reached the server was refused outright.
    assert len(reached) >= 9 + 8, (reached, results)
    assert {status for _m, _u, status in reached} == {403}, reached
    assert "answer readable" not in results
    assert all(status >= 400 for _m, _u, status in preflights), preflights


def test_a_rebinding_host_name_reads_nothing(tmp_path: Path) -> None:
    import httpx

    settings = Settings(home=tmp_path / "victim")
    token = access_token(settings)
    with serving(lambda port: create_app(settings, port=port)) as victim:
        seed(victim, token)
        host = "evil.example:" + victim.rsplit(":", 1)[1]
        answer = httpx.get(victim + "/api/v1/journal/history", headers={"Host": host})
        assert answer.status_code == 400
        assert "calf" not in answer.text
        assert answer.headers["content-type"] == "application/problem+json"


@pytest.mark.parametrize("path", ["/docs", "/redoc"])
def test_api_docs_load_everything_from_this_server(
    browser: Browser,  # noqa: F811
    tmp_path: Path,
    path: str,
) -> None:
    settings = Settings(home=tmp_path / "home")
    with serving(lambda port: create_app(settings, port=port)) as server:
        context = browser.new_context()
        context.set_default_timeout(TIMEOUT_MS)
        page = context.new_page()
        requested: list[str] = []
        page.on("request", lambda request: requested.append(request.url))
        violations: list[str] = []
        page.on(
            "console",
            lambda message: (
                violations.append(message.text)
                if "Content Security Policy" in message.text
                else None
            ),
        )
        page.goto(server + path)
        marker = ".swagger-ui .info" if path == "/docs" else "redoc h1"
        page.wait_for_selector(marker)
        page.wait_for_load_state("networkidle")
        context.close()
    assert requested, "the page loaded something"
    foreign = [
        url for url in requested if not url.startswith((server + "/", "data:", "blob:"))
    ]
    assert foreign == [], foreign
    assert violations == [], violations
