"""Alembic's entry point: migrate the database the Settings point at.

``knotwork.store.migrate.upgrade`` hands over an open connection (already
inside a locked transaction); run from the ``alembic`` command line, the URL
comes from ``Settings()``, so KNOTWORK_HOME and KNOTWORK_DATABASE_URL apply.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from knotwork.config import Settings
from knotwork.store.migrate import make_engine, migrating
from knotwork.store.tables import metadata


def _migrate(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        # SQLite cannot ALTER most things; batch mode rebuilds the table.
        render_as_batch=connection.dialect.name == "sqlite",
        transactional_ddl=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run() -> None:
    """Run the migrations Alembic was asked for."""
    if context.is_offline_mode():
        raise SystemExit("knotwork migrations run online only")
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _migrate(connection)
        return
    engine = make_engine(Settings().database_url)
    try:
        with migrating(engine) as connection:
            _migrate(connection)
    finally:
        engine.dispose()


run()
