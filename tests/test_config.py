"""Settings: where the journal lives, and which databases are refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from knotwork.config import InvalidSettings, Settings


def test_default_database_is_a_sqlite_file_in_home(knotwork_home: Path) -> None:
    settings = Settings()
    assert settings.home == knotwork_home
    assert settings.database_url == f"sqlite:///{knotwork_home / 'knotwork.db'}"
    assert settings.is_sqlite
    assert settings.sqlite_path == knotwork_home / "knotwork.db"


def test_home_falls_back_to_the_user_data_dir(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KNOTWORK_HOME")
    assert Settings().home.name == "knotwork"


def test_postgresql_urls_use_psycopg_3(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KNOTWORK_DATABASE_URL", "postgresql://me@db.example/knots")
    settings = Settings()
    assert settings.database_url == "postgresql+psycopg://me@db.example/knots"
    assert not settings.is_sqlite
    assert settings.sqlite_path is None


@pytest.mark.parametrize(
    "url",
    [
        "mysql://root@localhost/knots",
        "postgresql+psycopg2://me@localhost/knots",
        "sqlite://",
        "sqlite:///:memory:",
        "sqlite:///file:journal?mode=memory&uri=true",
        "sqlite:///",
        "knots.db",
    ],
)
def test_unsafe_database_urls_are_refused(url: str) -> None:
    with pytest.raises(InvalidSettings):
        Settings(database_url=url)


def test_nothing_is_read_at_import_time() -> None:
    import knotwork.config as config

    assert not any(isinstance(v, Settings) for v in vars(config).values())
