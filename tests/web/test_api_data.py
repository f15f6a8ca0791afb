"""Progress, export, import and forgetting over HTTP."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from tests.web.api_client import API, TestClient, api_client, cli_json, problem_of

JSON = {"Content-Type": "application/json"}

NOW = datetime.now(UTC)


@pytest.fixture
def api() -> Iterator[TestClient]:
    with api_client() as client:
        yield client


def fill(api: TestClient) -> None:
    """Log three weeks of easing neck pain, a re-test and a session."""
    for day in range(21):
        at = (NOW - timedelta(days=21 - day)).isoformat()
        entry = {"spot": "upper_trapezius", "pain": max(1, 8 - day // 3), "at": at}
        assert api.post(f"{API}/journal/pain", json=entry).status_code == 201
    rom = {"movement": "neck rotation", "ease": 6}
    assert api.post(f"{API}/journal/rom", json=rom).status_code == 201
    session = {
        "id": "s-1",
        "routine": "desk_five",
        "started_at": (NOW - timedelta(hours=2)).isoformat(),
        "ended_at": (NOW - timedelta(hours=1)).isoformat(),
        "pain_before": {"upper_trapezius": 5},
        "pain_after": {"upper_trapezius": 2},
        "completed": True,
    }
    assert api.post(f"{API}/sessions", json=session).status_code == 201


def test_progress_is_the_cli_report(api: TestClient) -> None:
    fill(api)
    answer = api.get(f"{API}/progress?spot=upper_trapezius").json()
    expected = cli_json("progress", "--spot=upper_trapezius")
    for report in (answer, expected):
        report.pop("generated_at")
    expected.pop("chart")
    assert answer == expected
    trend = answer["trends"][0]
    assert trend["change"]["meaningful"] and trend["change"]["direction"]


def test_progress_names_an_unknown_spot(api: TestClient) -> None:
    response = api.get(f"{API}/progress?spot=elbowz")
    assert "elbowz" in problem_of(response, 422)["detail"]


def test_progress_names_a_bad_day(api: TestClient) -> None:
    response = api.get(f"{API}/progress?since=yesterday")
    assert problem_of(response, 422)["errors"][0]["field"] == "since"


def test_json_export_imports_into_an_empty_journal_exactly(api: TestClient) -> None:
    fill(api)
    api.put(f"{API}/profile", json={"conditions": ["anticoagulants"]})
    exported = api.get(f"{API}/export?format=json")
    assert exported.headers["content-type"] == "application/json"
    assert "knotwork-export.json" in exported.headers["content-disposition"]
    assert api.delete(f"{API}/data?confirm=yes").json() == {"deleted": True}
    imported = api.post(f"{API}/import", content=exported.content, headers=JSON)
    assert imported.status_code == 200
    assert imported.json() == {
        "imported": {"pain": 21, "rom": 1, "sessions": 1, "plans": 0}
    }
    assert api.get(f"{API}/export?format=json").content == exported.content


def test_import_into_a_journal_holding_data_changes_nothing(api: TestClient) -> None:
    fill(api)
    exported = api.get(f"{API}/export").content
    response = api.post(f"{API}/import", content=exported, headers=JSON)
    assert "already holds data" in problem_of(response, 422)["detail"]
    assert len(api.get(f"{API}/journal/history").json()["pain"]) == 21


def test_a_bad_export_is_refused_naming_the_field(api: TestClient) -> None:
    fill(api)
    document = json.loads(api.get(f"{API}/export").content)
    api.delete(f"{API}/data?confirm=yes")
    document["pain"][3]["pain"] = 12
    problem = problem_of(api.post(f"{API}/import", json=document), 422)
    assert problem["errors"][0]["field"] == "pain[3].pain"
    assert api.get(f"{API}/journal/history").json()["pain"] == []


@pytest.mark.parametrize(
    ("body", "detail"),
    [
        (b"{not json", "not valid JSON"),
        (b'{"format": "spreadsheet"}', "format"),
        (b"\xff\xfe", "UTF-8"),
    ],
)
def test_a_file_that_is_not_an_export_is_refused(
    api: TestClient, body: bytes, detail: str
) -> None:
    response = api.post(f"{API}/import", content=body, headers=JSON)
    assert detail in problem_of(response, 422)["detail"]


def test_csv_exports_every_table_in_a_zip_or_one_table(api: TestClient) -> None:
    fill(api)
    archive = api.get(f"{API}/export?format=csv")
    assert archive.headers["content-type"] == "application/zip"
    names = zipfile.ZipFile(io.BytesIO(archive.content)).namelist()
    assert "pain.csv" in names
    pain = api.get(f"{API}/export?format=csv&table=pain")
    assert pain.headers["content-type"].startswith("text/csv")
    assert len(pain.content.decode("utf-8-sig").strip().splitlines()) == 22


def test_fhir_and_pdf_exports_download(api: TestClient) -> None:
    fill(api)
    fhir = api.get(f"{API}/export?format=fhir")
    assert fhir.headers["content-type"] == "application/fhir+json"
    assert len(fhir.json()["entry"]) == 21
    pdf = api.get(f"{API}/export?format=pdf")
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")


@pytest.mark.parametrize(
    ("query", "detail"),
    [("format=xlsx", "format: must be"), ("format=csv&table=moods", "moods")],
)
def test_an_unknown_export_is_refused(api: TestClient, query: str, detail: str) -> None:
    assert detail in problem_of(api.get(f"{API}/export?{query}"), 422)["detail"]


def test_forgetting_needs_confirmation_then_deletes_everything(
    api: TestClient,
) -> None:
    fill(api)
    problem = problem_of(api.delete(f"{API}/data"), 422)
    assert problem["errors"] == [{"field": "confirm", "message": "is required"}]
    problem_of(api.delete(f"{API}/data?confirm=no"), 422)
    assert len(api.get(f"{API}/journal/history").json()["pain"]) == 21
    assert api.delete(f"{API}/data?confirm=yes").status_code == 200
    history = api.get(f"{API}/journal/history").json()
    assert history == {"pain": [], "rom": [], "sessions": []}
