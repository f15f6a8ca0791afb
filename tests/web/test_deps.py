"""The app keeps one core; it opens the journal on first use, closes it at the end."""

from __future__ import annotations

from pathlib import Path

from knotwork.config import Settings
from knotwork.web.app import create_app
from tests.web.api_client import API, local_client


def test_building_the_app_opens_nothing(knotwork_home: Path) -> None:
    create_app(Settings())
    assert not knotwork_home.exists()


def test_one_journal_serves_every_request_until_shutdown(knotwork_home: Path) -> None:
    app = create_app(Settings())
    with local_client(app) as client:
        client.post(f"{API}/journal/pain", json={"spot": "heel", "pain": 3})
        core = app.state.knotwork
        journal = core.journal
        client.get(f"{API}/journal/history")
        assert app.state.knotwork is core and core.journal is journal
        assert (knotwork_home / "knotwork.db").exists()
    assert not core.is_open


def test_the_app_uses_the_settings_it_was_given(tmp_path: Path) -> None:
    elsewhere = Settings(home=tmp_path / "elsewhere")
    with local_client(create_app(elsewhere)) as client:
        client.post(f"{API}/journal/pain", json={"spot": "heel", "pain": 3})
    assert (tmp_path / "elsewhere" / "knotwork.db").exists()


def test_a_journal_that_cannot_open_is_a_503_problem(tmp_path: Path) -> None:
    blocked = tmp_path / "a-folder-not-a-database"
    blocked.mkdir()
    settings = Settings(database_url=f"sqlite:///{blocked}")
    with local_client(create_app(settings)) as client:
        response = client.get(f"{API}/profile")
    assert response.status_code == 503
    assert response.headers["content-type"] == "application/problem+json"
    assert str(blocked) not in response.text
