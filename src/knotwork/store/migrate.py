"""Bring a database's schema up to date with Alembic, safely and only when needed.

Only this module (with ``tables.py`` and the migrations) imports SQLAlchemy,
and ``schema.ensure_current`` imports it only when a database is behind.

To write a new migration after changing tables.py::

    python -c "from alembic import command; from knotwork.store.migrate import \\
    alembic_config; command.revision(alembic_config(), 'what changed', \\
    autogenerate=True, rev_id='0005')"

then set ``schema.HEAD_REVISION`` (and ``schema.TABLES`` for a new table), and
add a test that upgrades a database holding data.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, create_engine, event, pool, text

from knotwork.errors import KnotworkError
from knotwork.store.db import Database
from knotwork.store.schema import HEAD_REVISION

if TYPE_CHECKING:
    from alembic.config import Config

    from knotwork.config import Settings

__all__ = ["HEAD_REVISION", "MIGRATIONS", "MigrationFailed", "make_engine"]

MIGRATIONS = Path(__file__).parent / "migrations"


class MigrationFailed(KnotworkError, RuntimeError):
    """A migration would have left rows pointing at nothing; it was undone."""


def make_engine(url: str) -> Engine:
    """Return a SQLAlchemy engine for migrating the database at ``url``.

    SQLite connections come from ``Database.connect``, so migrations run
    with the same pragmas as everything else; every transaction takes the
    write lock up front (BEGIN IMMEDIATE), since a migration always writes.
    """
    database = Database(url)
    if database.dialect != "sqlite":
        return create_engine(url, poolclass=pool.NullPool)
    engine = create_engine(
        "sqlite://", creator=database.connect, poolclass=pool.NullPool
    )
    event.listen(engine, "begin", _begin_immediately)
    return engine


def _begin_immediately(connection: Connection) -> None:
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def alembic_config(connection: Connection | None = None) -> Config:
    """Return an Alembic configuration for knotwork's migrations."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@contextmanager
def migrating(engine: Engine) -> Iterator[Connection]:
    """Open the one locked transaction a migration runs in.

    Two processes opening a new database at once must not both create the
    tables: the write lock (SQLite) or an advisory lock (PostgreSQL) makes the
    second wait, and it then finds nothing left to do.

    On SQLite, rebuilding a table (Alembic's batch mode) drops the old one,
    and with foreign keys on, that drop cascade-deletes every child row. So
    foreign keys are off while migrating (SQLite only allows switching them
    outside a transaction) and every reference is checked before commit.
    """
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as connection:
        if sqlite:
            _sqlite_pragma(connection, "PRAGMA foreign_keys=OFF")
        try:
            with connection.begin():
                if not sqlite:
                    connection.execute(
                        text("SELECT pg_advisory_xact_lock(hashtext(:name))"),
                        {"name": "knotwork:migrations"},
                    )
                yield connection
                if sqlite:
                    _check_references(connection)
        finally:
            if sqlite:
                _sqlite_pragma(connection, "PRAGMA foreign_keys=ON")


def _sqlite_pragma(connection: Connection, pragma: str) -> None:
    # Through the driver: a SQLAlchemy statement would begin a transaction
    # first, and SQLite ignores this pragma inside one.
    cursor = connection.connection.cursor()
    cursor.execute(pragma)
    cursor.close()


def _check_references(connection: Connection) -> None:
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
    if broken:
        tables = sorted({str(row[0]) for row in broken})
        raise MigrationFailed(f"rows would lose their parent in: {', '.join(tables)}")


def upgrade_engine(engine: Engine, revision: str = "head") -> None:
    """Migrate the database to ``revision`` in one locked transaction."""
    from alembic import command

    with migrating(engine) as connection:
        command.upgrade(alembic_config(connection), revision)


def downgrade_engine(engine: Engine, revision: str) -> None:
    """Migrate the database back to ``revision`` (for tests and recovery)."""
    from alembic import command

    with migrating(engine) as connection:
        command.downgrade(alembic_config(connection), revision)


def upgrade(where: Settings | str, revision: str = "head") -> None:
    """Migrate the database ``where`` names (Settings or a URL) to ``revision``."""
    engine = make_engine(where if isinstance(where, str) else where.database_url)
    try:
        upgrade_engine(engine, revision)
    finally:
        engine.dispose()


def upgrade_database(database: Database) -> None:
    """Migrate ``database`` to the head revision (a no-op when it is there).

    A database error comes out as the driver raised it: callers of the
    journal know the driver's errors (``Database.errors``), not SQLAlchemy's.
    """
    from sqlalchemy.exc import DBAPIError

    try:
        upgrade(database.url)
    except DBAPIError as error:
        if isinstance(error.orig, Exception):
            raise error.orig from error
        raise
