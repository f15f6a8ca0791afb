"""The installable app: service worker, manifest, icons and vendored files."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from knotwork.web.pages.common import STATIC
from knotwork.web.pages.pwa import PRECACHE
from tests.web.api_client import TestClient, api_client


@pytest.fixture
def client() -> Iterator[TestClient]:
    with api_client() as made:
        yield made


def test_service_worker_precaches_what_exists(client: TestClient) -> None:
    worker = client.get("/sw.js")
    assert worker.headers["content-type"].startswith("text/javascript")
    assert "__VERSION__" not in worker.text and "__PRECACHE__" not in worker.text
    for url in PRECACHE:
        assert client.get(url).status_code == 200, url
    # Pages holding a person's journal or health answers are never cached;
    # the journal's offline page holds none of it.
    assert 'const OFFLINE_PAGES = ["/", "/session", "/journal/offline"]' in worker.text
    assert 'const STAND_INS = { "/journal": "/journal/offline" }' in worker.text


def test_the_offline_journal_shows_no_journal_data(client: TestClient) -> None:
    token = client.get("/journal").text.split('name="csrf-token" content="')[1]
    headers = {"X-CSRF-Token": token.split('"')[0]}
    body = {"spot": "calf", "pain": 6, "note": "a private note"}
    assert client.post("/api/v1/journal/pain", json=body, headers=headers).is_success
    assert 'data-trend="calf"' in client.get("/journal").text
    offline = client.get("/journal/offline").text
    assert "data-trend" not in offline and "Waiting on this device" in offline


def test_manifest_makes_the_app_installable(client: TestClient) -> None:
    response = client.get("/manifest.webmanifest")
    assert response.headers["content-type"] == "application/manifest+json"
    manifest = response.json()
    assert manifest["start_url"] == "/" and manifest["display"] == "standalone"
    sizes = {icon["sizes"] for icon in manifest["icons"]}
    assert {"192x192", "512x512"} <= sizes
    for icon in manifest["icons"]:
        assert client.get(icon["src"]).status_code == 200, icon["src"]


def test_vendored_htmx_is_pinned_with_its_licence() -> None:
    vendor = STATIC / "vendor" / "htmx"
    version = (vendor / "VERSION").read_text(encoding="utf-8")
    pinned = re.search(r"htmx\.org (\d+\.\d+\.\d+)", version)
    assert pinned is not None
    assert f'version:"{pinned.group(1)}"' in (vendor / "htmx.min.js").read_text()
    assert "Zero-Clause BSD" in (vendor / "LICENSE").read_text(encoding="utf-8")


def test_templates_reference_only_static_files_that_exist() -> None:
    templates = Path(STATIC).parent / "templates"
    for template in templates.glob("*.html"):
        for ref in re.findall(r'"/static/([^"?]+)"', template.read_text("utf-8")):
            assert (STATIC / ref).is_file(), f"{template.name}: /static/{ref}"
