"""Bring a database's schema up to date with Alembic, safely and only when needed.

To write a new migration after changing tables.py::

    python -c "from alembic import command; from knotwork.store.migrate import \\
    alembic_config; command.revision(alembic_config(), 'what changed', \\
    autogenerate=True, rev_id='0005')"

then set HEAD_REVISION below and add a test that upgrades a database holding
data.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

from knotwork.config import Settings
from knotwork.errors import KnotworkError
from knotwork.store.engine import WRITE, lock_for_update, make_engine

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).parent / "migrations"
# The newest revision; a test keeps it equal to Alembic's head. Knowing it
# here lets an up-to-date database skip importing Alembic at all.
HEAD_REVISION = "0004"


class MigrationFailed(KnotworkError, RuntimeError):
    """A migration would have left rows pointing at nothing; it was undone."""


def alembic_config(connection: Connection | None = None) -> Config:
    """Return an Alembic configuration for knotwork's migrations."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def current_revision(connection: Connection) -> str | None:
    """Return the schema revision the database is at, or None when empty."""
    if not inspect(connection).has_table("alembic_version"):
        return None
    revision = connection.scalar(text("SELECT version_num FROM alembic_version"))
    return None if revision is None else str(revision)


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
        connection.execution_options(**{WRITE: True})
        if sqlite:
            _sqlite_pragma(connection, "PRAGMA foreign_keys=OFF")
        try:
            with connection.begin():
                lock_for_update(connection, "knotwork:migrations")
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


def ensure_current(engine: Engine) -> None:
    """Upgrade the database to the head revision unless it is there already."""
    with engine.connect() as connection:
        if current_revision(connection) == HEAD_REVISION:
            return
    upgrade_engine(engine)


def upgrade(settings: Settings, revision: str = "head") -> None:
    """Migrate the configured database to ``revision``."""
    engine = make_engine(settings)
    try:
        upgrade_engine(engine, revision)
    finally:
        engine.dispose()
