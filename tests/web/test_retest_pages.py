"""The player's re-test boxes and the journal's range-of-motion section."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest

from tests.web.api_client import TestClient, api_client

API = "/api/v1"


@pytest.fixture
def client() -> Iterator[TestClient]:
    with api_client() as made:
        yield made


def player_data(html: str) -> dict[str, object]:
    found = re.search(r'id="player-data">(.*?)</script>', html, re.DOTALL)
    assert found
    data: dict[str, object] = json.loads(found.group(1))
    return data


@pytest.mark.parametrize(
    ("routine", "movement"),
    [
        ("desk_five", "neck rotation"),
        ("feet_calves", "ankle dorsiflexion (knee to wall)"),
        ("mid_back_hips_glutes", "straight-leg raise"),
    ],
)
def test_the_player_re_tests_the_routines_own_region(
    client: TestClient, routine: str, movement: str
) -> None:
    html = client.get(f"/session?name={routine}").text
    retest = player_data(html)["retest"]
    assert isinstance(retest, dict) and retest["name"] == movement
    for phase in ("before", "after"):
        assert f'data-retest-box="{phase}"' in html
        assert f'id="retest-ease-{phase}" min="0" max="10"' in html


def test_the_journal_pairs_a_sessions_re_tests(client: TestClient) -> None:
    assert "No re-tests yet" in client.get("/journal").text
    for phase, degrees in (("before", 48), ("after", 63.4)):
        body = {
            "movement": "neck rotation",
            "degrees": degrees,
            "side": "left",
            "session_id": "s-1",
            "phase": phase,
        }
        assert client.post(f"{API}/journal/rom", json=body).status_code == 201
    html = client.get("/journal").text
    section = html[html.index('id="rom"') :]
    assert "Left: 48° → 63° (+15°)" in section
