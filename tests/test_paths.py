"""One rule for where the journal lives, shared by Settings and the fast path."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from knotwork.config import InvalidSettings, Settings
from knotwork.paths import (
    UnsafeDatabaseUrl,
    database_location,
    default_database_url,
    home_directory,
    sqlite_file,
)

HOMES = ["/srv/knots", "~/journal", "relative/home", "", "/srv//doubled/", "./x/../y"]
URLS = [
    "",
    "  ",
    "sqlite:////srv/knots.db",
    "sqlite:///relative.db",
    "sqlite:////srv/knots.db?timeout=5",
    "postgresql://me@db/knots",
    "postgres://me@db/knots",
    " postgresql+psycopg://me@db/knots ",
    "sqlite://",
    "sqlite:///:memory:",
    "sqlite:///",
    "mysql://root@db/knots",
    "knots.db",
]
NAMES = ["KNOTWORK_{}", "knotwork_{}", "Knotwork_{}"]


def _environment(home: str | None, url: str | None, name: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.upper().startswith("KNOTWORK_")}
    if home is not None:
        env[name.format("HOME")] = home
    if url is not None:
        env[name.format("DATABASE_URL")] = url
    return env


@settings(max_examples=80, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    home=st.none() | st.sampled_from(HOMES),
    url=st.none() | st.sampled_from(URLS),
    name=st.sampled_from(NAMES),
)
def test_the_fast_path_finds_the_database_settings_finds(
    monkeypatch: pytest.MonkeyPatch, home: str | None, url: str | None, name: str
) -> None:
    env = _environment(home, url, name)
    with monkeypatch.context() as patch:
        for key in list(os.environ):
            patch.delenv(key)
        for key, value in env.items():
            patch.setenv(key, value)
        try:
            expected: str | None = Settings().database_url
        except InvalidSettings:
            expected = None
    if expected is None:
        with pytest.raises(UnsafeDatabaseUrl):
            database_location(env)
    else:
        assert database_location(env) == expected


def test_the_default_home_is_the_platforms_data_folder() -> None:
    found = home_directory()
    assert os.path.isabs(found) and os.path.basename(found) == "knotwork"
    assert database_location({}) == default_database_url(found)


def test_a_relative_home_is_made_absolute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert home_directory("journal") == str(tmp_path.resolve() / "journal")


def test_the_sqlite_file_comes_out_of_the_url() -> None:
    assert sqlite_file("sqlite:////srv/knots.db?timeout=5") == "/srv/knots.db"
    assert sqlite_file("postgresql+psycopg://me@db/knots") is None


@pytest.mark.parametrize("xdg", ["", "/tmp/xdg-data", "  "])
def test_the_default_home_is_platformdirs_own(
    xdg: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from platformdirs import user_data_dir

    from knotwork.paths import _platform_data_dir

    monkeypatch.setenv("XDG_DATA_HOME", xdg)
    assert _platform_data_dir() == user_data_dir("knotwork", appauthor=False)
