"""What the running code knows of the schema: its revision and its tables.

Alembic (``store.migrate``) builds and changes the schema; this module only
reads which revision a database is at, so an up-to-date database is opened
without importing SQLAlchemy or Alembic at all.
"""

from __future__ import annotations

from knotwork.store.db import Connection, Database

# The newest revision; a test keeps it equal to Alembic's head.
HEAD_REVISION = "0004"

# Every table of the journal, children before parents, so deleting in this
# order never trips a foreign key. A test keeps it equal to the schema's.
TABLES = (
    "session_steps",
    "session_pain",
    "stop_events",
    "sessions",
    "pain_entries",
    "rom_entries",
    "owned_balls",
    "profile_conditions",
    "health_screen",
    "profile",
    "weekly_plans",
)


def current_revision(connection: Connection) -> str | None:
    """Return the schema revision the database is at, or None when empty."""
    if "alembic_version" not in connection.table_names():
        return None
    revision = connection.scalar("SELECT version_num FROM alembic_version")
    return None if revision is None else str(revision)


def ensure_current(database: Database) -> None:
    """Upgrade the database to the head revision unless it is there already."""
    with database.reading() as connection:
        if current_revision(connection) == HEAD_REVISION:
            return
    from knotwork.store.migrate import upgrade_database

    upgrade_database(database)
