"""The engine: durable SQLite settings, and PostgreSQL through psycopg 3."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from knotwork.config import Settings
from knotwork.store.engine import BUSY_TIMEOUT_MS, make_engine, reading, writing
from tests.store.databases import database_settings  # noqa: F401

FULL = 2  # PRAGMA synchronous reports FULL as 2


def test_sqlite_is_durable_and_strict(knotwork_home: Path) -> None:
    engine = make_engine(Settings())
    try:
        with engine.connect() as connection:
            pragma = {
                name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()
                for name in (
                    "journal_mode",
                    "foreign_keys",
                    "busy_timeout",
                    "synchronous",
                )
            }
        assert pragma == {
            "journal_mode": "wal",
            "foreign_keys": 1,
            "busy_timeout": BUSY_TIMEOUT_MS,
            "synchronous": FULL,
        }
        assert (knotwork_home / "knotwork.db").exists()
    finally:
        engine.dispose()


def test_postgresql_goes_through_psycopg(settings: Settings) -> None:
    engine = make_engine(settings)
    try:
        assert engine.dialect.driver in {"pysqlite", "psycopg"}
        with reading(engine) as connection:
            assert connection.scalar(text("SELECT 1")) == 1
    finally:
        engine.dispose()


def test_a_failed_write_transaction_leaves_nothing(settings: Settings) -> None:
    engine = make_engine(settings)
    try:
        with writing(engine) as connection:
            connection.execute(text("CREATE TABLE scratch (n INTEGER)"))
        try:
            with writing(engine) as connection:
                connection.execute(text("INSERT INTO scratch VALUES (1)"))
                raise RuntimeError("interrupted")
        except RuntimeError:
            pass
        with reading(engine) as connection:
            assert connection.scalar(text("SELECT count(*) FROM scratch")) == 0
    finally:
        engine.dispose()
