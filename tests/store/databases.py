"""Fixtures that run one test against SQLite and against PostgreSQL.

Each test gets a fresh database: a new SQLite file under its KNOTWORK_HOME, or
a throwaway PostgreSQL database created on the local server and dropped after.
The PostgreSQL half skips, saying why, when no server answers; under CI (the
CI variable set) it fails instead, since .ci/run starts a server. Set
KNOTWORK_TEST_POSTGRES_URL to use a server other than the local one.

Import the fixtures into a test module to use them:
``from tests.store.databases import database_settings  # noqa: F401``
(and ``open_test_journal`` for the ``journal`` fixture); the tests then ask
for ``settings`` or ``journal``.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

import psycopg
import pytest

from knotwork.config import Settings
from knotwork.services.journal import Journal, open_journal

POSTGRES_ADMIN_URL = os.environ.get(
    "KNOTWORK_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
)
BACKENDS = ["sqlite", "postgresql"]


def _libpq(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


@cache
def postgres_unavailable() -> str | None:
    """Return why PostgreSQL tests cannot run here, or None if they can."""
    try:
        with psycopg.connect(_libpq(POSTGRES_ADMIN_URL), connect_timeout=3):
            return None
    except psycopg.Error as error:
        first = str(error).strip().splitlines()[0]
        return f"no PostgreSQL server at {POSTGRES_ADMIN_URL} ({first})"


@contextmanager
def throwaway_postgres() -> Iterator[str]:
    """Create an empty database for one test, yield its URL, then drop it."""
    name = f"knotwork_test_{uuid.uuid4().hex[:16]}"
    admin = _libpq(POSTGRES_ADMIN_URL)
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    base = POSTGRES_ADMIN_URL.rsplit("/", 1)[0]
    try:
        yield f"{base}/{name}"
    finally:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def backend_settings(backend: str) -> Iterator[Settings]:
    """Yield Settings for a fresh database of the given kind."""
    if backend == "sqlite":
        yield Settings()
        return
    reason = postgres_unavailable()
    if reason and os.environ.get("CI"):
        # .ci/run starts a server, so in CI a missing one is a failure.
        pytest.fail(reason)
    if reason:
        pytest.skip(reason)
    with throwaway_postgres() as url:
        yield Settings(database_url=url)


@pytest.fixture(name="settings", params=BACKENDS)
def database_settings(
    request: pytest.FixtureRequest,
    knotwork_home: object,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[Settings]:
    """Settings for a fresh database; the environment points at it too.

    Exporting the URL lets ``Settings()`` built by the CLI, and child
    processes, reach the same database.
    """
    for chosen in backend_settings(request.param):
        if not chosen.is_sqlite:
            monkeypatch.setenv("KNOTWORK_DATABASE_URL", chosen.database_url)
        yield chosen


@pytest.fixture(name="journal")
def open_test_journal(settings: Settings) -> Iterator[Journal]:
    """An open journal on a fresh database, at the newest schema."""
    with open_journal(settings) as opened:
        yield opened
