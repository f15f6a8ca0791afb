"""Build the database engine: durable SQLite by default, PostgreSQL on request."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, text

from knotwork.config import Settings
from knotwork.store.private import private_database

BUSY_TIMEOUT_MS = 30_000
WRITE = "knotwork_write"


def make_engine(settings: Settings) -> Engine:
    """Return an engine for the configured database; creates the home if needed."""
    if not settings.is_sqlite:
        return create_engine(settings.database_url, pool_pre_ping=True)
    path = settings.sqlite_path
    if path is not None:
        # SQLite would create it with the umask's mode (often world-readable).
        private_database(path)
    engine = create_engine(
        settings.database_url,
        connect_args={"timeout": BUSY_TIMEOUT_MS / 1000},
    )
    event.listen(engine, "connect", _prepare_sqlite)
    event.listen(engine, "begin", _begin_sqlite)
    return engine


def _prepare_sqlite(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy, not the sqlite3 module, decide when transactions begin:
    # the module's legacy mode skips BEGIN before SELECT and DDL.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    # FULL syncs the WAL on every commit, so an acknowledged entry survives
    # power loss as well as a killed process; NORMAL may lose the last ones.
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.close()


def _begin_sqlite(connection: Connection) -> None:
    # A write that starts as a read and later upgrades its lock fails at once
    # with "database is locked" when another process wrote meanwhile; taking
    # the write lock up front makes it wait for busy_timeout instead.
    immediate = connection.get_execution_options().get(WRITE, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


@contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """Open one write transaction: all of it commits, or none of it does."""
    with engine.connect() as connection:
        connection.execution_options(**{WRITE: True})
        with connection.begin():
            yield connection


@contextmanager
def reading(engine: Engine) -> Iterator[Connection]:
    """Open one read transaction, so every query sees the same snapshot."""
    with engine.connect() as connection, connection.begin():
        yield connection


def lock_for_update(connection: Connection, name: str) -> None:
    """Serialise read-modify-write transactions on ``name`` until commit.

    SQLite write transactions already hold the whole database; PostgreSQL
    gets a transaction-scoped advisory lock, so two edits of the same thing
    queue up instead of one overwriting (or colliding with) the other.
    """
    if connection.dialect.name == "postgresql":
        connection.execute(
            text("SELECT pg_advisory_xact_lock(hashtext(:name))"), {"name": name}
        )
