"""The database layer: durable SQLite settings, PostgreSQL through psycopg 3."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from knotwork.config import Settings
from knotwork.store.db import BUSY_TIMEOUT_MS, Database
from tests.store.databases import database_settings  # noqa: F401

FULL = 2  # PRAGMA synchronous reports FULL as 2


def test_sqlite_is_durable_and_strict(knotwork_home: Path) -> None:
    database = Database(Settings().database_url)
    try:
        with database.reading() as connection:
            pragma = {
                name: connection.scalar(f"PRAGMA {name}")
                for name in ("journal_mode", "foreign_keys", "busy_timeout")
            }
            pragma["synchronous"] = connection.scalar("PRAGMA synchronous")
        assert pragma == {
            "journal_mode": "wal",
            "foreign_keys": 1,
            "busy_timeout": BUSY_TIMEOUT_MS,
            "synchronous": FULL,
        }
        assert (knotwork_home / "knotwork.db").stat().st_mode & 0o077 == 0
    finally:
        database.close()


def test_postgresql_goes_through_psycopg(settings: Settings) -> None:
    database = Database(settings.database_url)
    try:
        with database.reading() as connection:
            assert connection.scalar("SELECT 1") == 1
            driver = type(connection.raw).__module__.split(".")[0]
        assert driver == ("sqlite3" if settings.is_sqlite else "psycopg")
    finally:
        database.close()


def test_a_failed_write_transaction_leaves_nothing(settings: Settings) -> None:
    database = Database(settings.database_url)
    try:
        with database.writing() as connection:
            connection.execute("CREATE TABLE scratch (n INTEGER)")
        with pytest.raises(RuntimeError), database.writing() as connection:
            connection.execute("INSERT INTO scratch VALUES (?)", [1])
            raise RuntimeError("interrupted")
        with database.reading() as connection:
            assert connection.scalar("SELECT count(*) FROM scratch") == 0
    finally:
        database.close()


def test_a_failed_statement_leaves_the_connection_usable(settings: Settings) -> None:
    database = Database(settings.database_url)
    try:
        with pytest.raises(Exception, match="nowhere"), database.reading() as c:
            c.execute("SELECT * FROM nowhere")
        # The pooled connection was rolled back, so the next one works.
        with database.reading() as connection:
            assert connection.scalar("SELECT ?", ["it works"]) == "it works"
    finally:
        database.close()


def test_a_percent_sign_in_sql_means_itself(settings: Settings) -> None:
    database = Database(settings.database_url)
    try:
        with database.reading() as connection:
            assert connection.scalar("SELECT '100%' || ?", ["!"]) == "100%!"
    finally:
        database.close()


def test_a_reader_sees_one_moment_while_a_writer_commits(settings: Settings) -> None:
    database = Database(settings.database_url)
    try:
        with database.writing() as connection:
            connection.execute("CREATE TABLE scratch (n INTEGER)")
        with database.reading() as reader:
            assert reader.scalar("SELECT count(*) FROM scratch") == 0
            # Another thread takes its own pooled connection and commits.
            writer = threading.Thread(target=_insert_one, args=(database,))
            writer.start()
            writer.join()
            assert reader.scalar("SELECT count(*) FROM scratch") == 0
        with database.reading() as reader:
            assert reader.scalar("SELECT count(*) FROM scratch") == 1
    finally:
        database.close()


def _insert_one(database: Database) -> None:
    with database.writing() as connection:
        connection.execute("INSERT INTO scratch VALUES (?)", [1])


def test_a_busy_sqlite_writer_waits_instead_of_failing(knotwork_home: Path) -> None:
    database = Database(Settings().database_url)
    try:
        with database.writing() as connection:
            connection.execute("CREATE TABLE scratch (n INTEGER)")
        other = sqlite3.connect(
            str(database.path), isolation_level=None, check_same_thread=False
        )
        other.execute("BEGIN IMMEDIATE")
        timer = threading.Timer(0.3, other.execute, args=["COMMIT"])
        timer.start()
        _insert_one(database)  # waits for the lock rather than raising
        timer.join()
        other.close()
        with database.reading() as connection:
            assert connection.scalar("SELECT count(*) FROM scratch") == 1
    finally:
        database.close()
