"""The server-rendered pages, in process: every page, its forms and its answers."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date, timedelta
from html.parser import HTMLParser
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from knotwork.kb.loader import load_kb
from knotwork.web.pages.find import parse_spots
from tests.web.api_client import TestClient, api_client

PAGES = [
    "/",
    "/safety",
    "/health",
    "/balls",
    "/balls?area=calf&tolerance=low",
    "/routine",
    "/routine?name=desk_five",
    "/routine?target=upper_trapezius&minutes=5",
    "/plan",
    "/plan?go=1&train=mon&focus=calf",
    "/session",
    "/session?name=feet_calves&speed=30",
    "/journal",
    "/data",
]
HTMX = {"HX-Request": "true"}


@pytest.fixture
def client() -> Iterator[TestClient]:
    with api_client() as made:
        yield made


class Page(HTMLParser):
    """Collect what the accessibility checks need from a page."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.label_for: set[str] = set()
        self.open_labels = 0
        self.unlabelled: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k: v or "" for k, v in attrs}
        self.tags.append((tag, found))
        if tag == "label":
            self.open_labels += 1
            if "for" in found:
                self.label_for.add(found["for"])
        if tag in ("input", "select", "textarea") and found.get("type") not in (
            "hidden",
            "submit",
        ):
            named = "aria-label" in found or "aria-labelledby" in found
            if not named and not self.open_labels:
                self.unlabelled.append(found.get("id", ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "label":
            self.open_labels -= 1

    def zones(self) -> list[dict[str, str]]:
        return [a for _, a in self.tags if "zone" in a.get("class", "").split()]


def check_labels(html: str) -> None:
    """Every form control has a label or an accessible name; ids are unique."""
    page = Page(html)
    missing = [i for i in page.unlabelled if not i or i not in page.label_for]
    assert not missing, f"controls without a label: {missing}"
    ids = [a["id"] for _, a in page.tags if "id" in a]
    assert len(ids) == len(set(ids)), "duplicate ids"


@pytest.mark.parametrize("path", PAGES)
def test_every_page_renders_with_labelled_controls(
    client: TestClient, path: str
) -> None:
    response = client.get(path)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    html = response.text
    assert '<html lang="en">' in html and "<h1>" in html
    assert 'name="viewport"' in html and 'rel="manifest"' in html
    check_labels(html)


def test_every_region_is_a_named_focusable_zone_on_the_map(client: TestClient) -> None:
    zones = Page(client.get("/").text).zones()
    kb = load_kb()
    names = {r.id: r.name for r in kb.regions}
    assert {z["data-region"] for z in zones} == set(names)
    for zone in zones:
        name = names[zone["data-region"]]
        assert zone["role"] == "checkbox" and zone["aria-checked"] == "false"
        assert zone["tabindex"] == "0"
        assert zone["aria-label"].lower().startswith(name.lower())
        side = zone.get("data-side")
        assert side in (None, "left", "right")
        if side:
            assert zone["aria-label"].endswith(f", {side} side")


def test_both_sides_of_a_paired_region_are_drawn(client: TestClient) -> None:
    zones = Page(client.get("/").text).zones()
    calves = {z.get("data-side") for z in zones if z["data-region"] == "calf"}
    assert calves == {"left", "right"}
    sternum = [z for z in zones if z["data-region"] == "sternum"]
    assert len(sternum) == 1 and "data-side" not in sternum[0]


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["calf", "heel", "sternum"]),
            st.sampled_from(["", "left", "right"]),
        )
    )
)
def test_tapped_sides_combine_into_one(spots: list[tuple[str, str]]) -> None:
    values = [f"{region}:{side}" if side else region for region, side in spots]
    regions, side = parse_spots(values)
    assert regions == list(dict.fromkeys(r for r, _ in spots))
    sides = {s for _, s in spots if s}
    assert side == ("both" if len(sides) == 2 else next(iter(sides), None))


def answering_no(client: TestClient, data: dict[str, Any]) -> dict[str, Any]:
    """Return the form data with every screening question answered no."""
    html = client.post("/find", data=data, headers=HTMX).text
    asked = re.findall(r'data-question="([a-z0-9_]+)"', html)
    return data | {"answer": [f"{q}=no" for q in asked]}


def test_finder_asks_the_red_flag_questions_before_any_advice(
    client: TestClient,
) -> None:
    data = {"text": "headache at the back of my head", "spot": ["head_back:left"]}
    html = client.post("/find", data=data, headers=HTMX).text
    assert "data-questions" in html and 'data-question="head_sudden_onset"' in html
    assert "data-build-routine" not in html
    yes = client.post(
        "/find", data=answering_no(client, data) | {"answer": ["head_sudden_onset=yes"]}
    ).text
    assert 'data-verdict="stop"' in yes and "you answered yes" in yes


def test_finder_shows_the_verdict_before_the_sources(client: TestClient) -> None:
    data = {"text": "headache at the back of my head", "spot": ["head_back:left"]}
    response = client.post("/find", data=answering_no(client, data), headers=HTMX)
    assert response.status_code == 200
    html = response.text
    assert "data-questions" not in html
    assert "<html" not in html  # htmx gets the fragment only
    verdict, source = html.index('class="verdict'), html.index('class="source"')
    build = html.index("data-build-routine")
    assert verdict < source < build
    routine = re.search(r'href="/routine\?([^"]+)"', html)
    assert routine is not None
    assert "side=left" in routine.group(1) and "target=" in routine.group(1)


def test_a_red_flag_withholds_sources_and_routine(client: TestClient) -> None:
    html = client.post(
        "/find", data={"text": "sudden severe headache, worst of my life"}
    ).text
    assert 'data-verdict="stop"' in html
    assert 'class="source"' not in html and "data-build-routine" not in html


def test_saved_conditions_shape_the_finder(client: TestClient) -> None:
    client.post("/safety", data={"condition": ["anticoagulants"]})
    html = client.post("/find", data={"spot": ["calf:right"]}).text
    assert 'data-verdict="clinician_first"' in html
    assert "stated in your profile" in html


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"text": "  "}, "Tap where it hurts"),
        ({"spot": ["elbow_of_doom:left"]}, "Unknown body region"),
        ({"text": "qwzx plorb"}, "on the body"),
    ],
)
def test_finder_explains_what_it_cannot_use(
    client: TestClient, data: dict[str, object], message: str
) -> None:
    response = client.post("/find", data=data, headers=HTMX)
    assert response.status_code == 422
    assert message in response.text and 'role="alert"' in response.text


def test_questionnaire_saves_conditions_and_explains_warning_signs(
    client: TestClient,
) -> None:
    response = client.post(
        "/safety",
        data={
            "condition": ["osteoporosis", "varicose_veins"],
            "cleared": ["osteoporosis"],
            "answer": ["back_night_pain"],
        },
        headers=HTMX,
    )
    html = response.text
    assert response.status_code == 200
    assert 'data-verdict="clinician_first"' in html
    assert "you answered yes" in html
    assert "osteoporosis or low bone density (cleared)" in html
    profile = client.get("/api/v1/profile").json()
    assert profile["conditions"] == ["osteoporosis", "varicose_veins"]
    assert profile["cleared"] == ["osteoporosis"]
    page = client.get("/safety").text
    assert (
        'id="condition-osteoporosis" name="condition" value="osteoporosis" checked'
        in page
    )
    assert 'id="cleared-varicose_veins" name="cleared" value="varicose_veins">' in page


def test_questionnaire_stop_sign_offers_no_routine(client: TestClient) -> None:
    html = client.post("/safety", data={"answer": ["chest_breath_sweat"]}).text
    assert 'data-verdict="stop"' in html and "No routine is offered" in html
    assert "Urgent:" in html


def test_questionnaire_refuses_unknown_ids(client: TestClient) -> None:
    assert client.post("/safety", data={"condition": ["gout"]}).status_code == 422
    assert client.post("/safety", data={"answer": ["hiccups"]}).status_code == 422
    assert client.get("/api/v1/profile").json()["conditions"] == []


def test_ball_chooser_ranks_and_keeps_safety_first(client: TestClient) -> None:
    html = client.get(
        "/balls?area=sole&tolerance=low&experience=new", headers=HTMX
    ).text
    assert html.index('class="verdict') < html.index("data-ball=")
    assert html.count("data-ball=") == 5
    restored = client.get(
        "/balls?area=sole",
        headers={**HTMX, "HX-History-Restore-Request": "true"},
    )
    assert "<html" in restored.text  # the back button gets the whole page
    bad = client.get("/balls?area=sole&budget=cheap")
    assert bad.status_code == 422 and "not an amount" in bad.text


def test_routine_builder_offers_the_session_and_the_plan(client: TestClient) -> None:
    html = client.get(
        "/routine?target=upper_trapezius&target=calf&minutes=6&side=left"
    ).text
    assert html.index('class="verdict') < html.index('class="steps"')
    start = re.search(r'href="/session\?([^"]+)"', html)
    assert start is not None and "target=upper_trapezius" in start.group(1)
    assert "/plan?go=1&amp;focus=upper_trapezius" in html


def test_routine_builder_refuses_and_explains(client: TestClient) -> None:
    unknown = client.get("/routine?target=spleen", headers=HTMX)
    assert unknown.status_code == 422 and "Unknown target" in unknown.text
    stop = client.get("/routine?name=desk_five&text=tingling+down+my+arm").text
    assert 'data-verdict="stop"' in stop and 'class="steps"' not in stop
    assert "Start this session" not in stop


def player_json(html: str) -> dict[str, object]:
    found = re.search(
        r'<script type="application/json" id="player-data">(.*?)</script>', html, re.S
    )
    assert found is not None
    data: dict[str, object] = json.loads(found.group(1))
    return data


def test_session_page_carries_the_routine_for_the_player(client: TestClient) -> None:
    html = client.get("/session?name=between_meetings&speed=50").text
    data = player_json(html)
    assert data["speed"] == 50 and data["save_url"] == "/api/v1/sessions"
    steps = data["steps"]
    assert isinstance(steps, list) and sum(s["seconds"] for s in steps) == 140
    assert {s["id"] for s in data["stop_signs"]} == {  # type: ignore[attr-defined]
        s.id for s in load_kb().stop_signs
    }
    assert 'role="timer"' in html and "Stop — something's wrong" in html
    assert '<script type="module" src="/static/player.js">' in html


def test_session_speed_must_be_positive(client: TestClient) -> None:
    assert client.get("/session?speed=0").status_code == 422


def test_session_with_a_stop_verdict_has_no_player(client: TestClient) -> None:
    html = client.get(
        "/session?name=desk_five&text=numbness+spreading+down+my+arm"
    ).text
    assert "player-data" not in html and 'data-verdict="stop"' in html


def test_plan_downloads_as_ics_and_saves(client: TestClient) -> None:
    monday = date.today() + timedelta(days=7 - date.today().weekday())
    query = f"go=1&train=tue&train=sat&focus=calf&start={monday}&pre=06:45"
    html = client.get(f"/plan?{query}").text
    assert "/plan.ics?" in html and "Download for your calendar" in html
    ics = client.get(f"/plan.ics?{query}")
    assert ics.status_code == 200
    assert ics.headers["content-type"].startswith("text/calendar")
    assert 'filename="knotwork-plan.ics"' in ics.headers["content-disposition"]
    text = ics.text
    tuesday = monday + timedelta(days=1)
    assert f"DTSTART:{tuesday:%Y%m%d}T064500" in text
    assert "RRULE:FREQ=WEEKLY;BYDAY=TU" in text
    saved = client.post(
        "/plan/save", data={"train": ["tue", "sat"], "focus": ["calf"]}, headers=HTMX
    )
    assert "Plan saved" in saved.text
    journal = client.get("/journal").text
    assert (
        "Keeping to the plan" in journal and "No weekly plan saved yet" not in journal
    )


def test_plan_explains_bad_input(client: TestClient) -> None:
    overlap = client.get("/plan.ics?go=1&train=mon&pre=18:00&post=18:02")
    assert overlap.status_code == 422 and "post-workout" in overlap.text
    day = client.get("/plan?go=1&train=funday", headers=HTMX)
    assert day.status_code == 422 and "Unknown day &#39;funday&#39;" in day.text


def test_logged_pain_appears_in_its_chart(client: TestClient) -> None:
    response = client.post(
        "/journal/pain",
        data={"spot": "calf", "pain": "7", "side": "left"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/journal?logged=calf#trend-calf"
    html = client.get(response.headers["location"]).text
    assert 'data-spot="calf"' in html and 'data-pain="7"' in html
    assert "Logged calf" in html


def test_logging_refuses_unknown_spots(client: TestClient) -> None:
    response = client.post("/journal/pain", data={"spot": "spleen", "pain": "3"})
    assert response.status_code == 422
    assert "unknown muscle or region" in response.text.lower()


def test_escalations_are_shown_first_on_the_journal(client: TestClient) -> None:
    session = {
        "id": "s1",
        "routine": "desk_five",
        "started_at": "2025-01-06T10:00:00Z",
        "ended_at": "2025-01-06T10:02:00Z",
        "stop": {
            "sign": "weakness",
            "at": "2025-01-06T10:02:00Z",
            "step_index": 0,
            "red_flag": "weakness",
            "advice": "Stop the session.",
        },
    }
    assert client.post("/api/v1/sessions", json=session).status_code == 201
    html = client.get("/journal").text
    assert 'class="escalations"' in html
    assert html.index('class="escalations"') < html.index('id="log-title"')


def test_data_exports_imports_and_deletes(client: TestClient) -> None:
    client.post("/journal/pain", data={"spot": "heel", "pain": "5"})
    formats = {
        "json": "application/json",
        "csv": "application/zip",
        "fhir": "application/fhir+json",
        "pdf": "application/pdf",
    }
    for fmt, media in formats.items():
        response = client.get(f"/data/export/{fmt}")
        assert response.status_code == 200
        assert response.headers["content-type"].startswith(media)
        assert "attachment" in response.headers["content-disposition"]
    exported = client.get("/data/export/json").content
    refused = client.post("/data/delete", data={"confirm": "yes"})
    assert refused.status_code == 422 and "Nothing was deleted" in refused.text
    deleted = client.post("/data/delete", data={"confirm": "delete"})
    assert "Everything has been deleted" in deleted.text
    assert "data-forget-device" in deleted.text
    assert "0 pain entries" in deleted.text
    imported = client.post(
        "/data/import", files={"file": ("export.json", exported, "application/json")}
    )
    assert "Imported 1 pain entries" in imported.text
    assert client.get("/data/export/json").content == exported
    again = client.post(
        "/data/import", files={"file": ("export.json", exported, "application/json")}
    )
    assert again.status_code == 422 and "nothing changed" in again.text
    junk = client.post(
        "/data/import", files={"file": ("x.json", b"\xff{", "text/plain")}
    )
    assert junk.status_code == 422


def test_what_a_person_types_is_escaped(client: TestClient) -> None:
    typed = "calf <script>alert(1)</script>"
    html = client.post("/find", data={"text": typed}).text
    assert "<script>alert" not in html and "&lt;script&gt;alert" in html
    routine = client.get("/routine", params={"name": "desk_five", "text": '"><b>x'})
    assert '"><b>x' not in routine.text


def test_the_health_screen_page_saves_and_the_finder_uses_it(
    client: TestClient,
) -> None:
    form = client.get("/health").text
    assert "How old are you?" in form and 'name="pregnant_weeks"' in form
    saved = client.post(
        "/health",
        data={"age_band": "16_to_49", "pregnant_weeks": "24", "implant": "no"},
    )
    assert saved.status_code == 200
    assert "Pregnant, 20 weeks or more" in saved.text
    assert 'value="24"' in saved.text
    # The finder page now leads with the pregnancy verdict.
    found = client.post("/find", data={"text": "my low back aches"}).text
    assert "clinician" in found.lower()
    refused = client.post("/health", data={"pregnant_weeks": "ninety"})
    assert refused.status_code == 422
    assert "whole number" in refused.text
