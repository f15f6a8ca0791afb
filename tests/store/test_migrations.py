"""Alembic owns the schema: migrations keep every row and match tables.py."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.operations import Operations
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, text
from sqlalchemy.exc import IntegrityError

from knotwork.config import Settings
from knotwork.domain.journal.records import (
    OwnedBall,
    PainEntry,
    SessionRecord,
    StepRecord,
)
from knotwork.kb.record import replace
from knotwork.services.journal import open_journal
from knotwork.store import journal_repo, plan_repo, profile_repo, session_repo
from knotwork.store.db import Connection, Database
from knotwork.store.migrate import (
    HEAD_REVISION,
    MIGRATIONS,
    MigrationFailed,
    downgrade_engine,
    make_engine,
    migrating,
    upgrade,
    upgrade_engine,
)
from knotwork.store.schema import TABLES, current_revision, ensure_current
from knotwork.store.tables import metadata
from tests.store.databases import database_settings  # noqa: F401

MOMENT = datetime(2025, 1, 6, 8, 30, tzinfo=UTC)

# One row in every table of the 0001 schema, written as an old release would.
ROWS_AT_0001 = {
    "profile": (
        "INSERT INTO profile VALUES (1, 'low', 'new', '[\"wall\"]', '[\"tue\"]', :m)"
    ),
    "profile_conditions": "INSERT INTO profile_conditions VALUES ('osteoporosis', :t)",
    "owned_balls": "INSERT INTO owned_balls VALUES ('lacrosse', '2024-05-01')",
    "pain_entries": (
        "INSERT INTO pain_entries (spot, side, pain, at, activity, note) VALUES "
        "('upper_trapezius', 'left', 6, :m, 'desk', 'after a long call'),"
        "('gastrocnemius', NULL, 3, :m, NULL, NULL)"
    ),
    "rom_entries": (
        "INSERT INTO rom_entries (movement, at, degrees, ease, side, spot) "
        "VALUES ('neck rotation', :m, 62.5, NULL, 'left', 'upper_trapezius')"
    ),
    "sessions": "INSERT INTO sessions VALUES ('s-1', 'desk_five', :m, :m, "
    "'turn head', 7, :t)",
    "session_steps": (
        "INSERT INTO session_steps VALUES "
        "('s-1', 0, 'upper_trapezius', 'wall_pin', 'lacrosse', 'hold', 60, 45, 6, "
        ":f, 'left')"
    ),
    "session_pain": "INSERT INTO session_pain VALUES ('s-1', 'before', "
    "'upper_trapezius', 6), ('s-1', 'after', 'upper_trapezius', 3)",
    "stop_events": "INSERT INTO stop_events VALUES ('s-1', 'tingling', :m, 0, "
    "'tingling', 'Move the ball off the spot.')",
    "weekly_plans": "INSERT INTO weekly_plans (created_at, plan) VALUES "
    '(:m, \'{"week": "2025-W02"}\')',
}


def _moment_for(engine: Engine) -> object:
    # At 0001 the columns are plain DATETIME on SQLite: write what the old
    # release wrote, a naive UTC time.
    return MOMENT.replace(tzinfo=None) if engine.dialect.name == "sqlite" else MOMENT


def _fill_0001(engine: Engine) -> None:
    params = {"m": _moment_for(engine), "t": True, "f": False}
    with engine.begin() as connection:
        for statement in ROWS_AT_0001.values():
            connection.execute(text(statement), params)


def _counts(engine: Engine) -> dict[str, int]:
    with engine.begin() as connection:
        return {
            table: connection.scalar(text(f"SELECT count(*) FROM {table}"))
            for table in ROWS_AT_0001
        }


@contextmanager
def _reading(settings: Settings) -> Iterator[Connection]:
    """Read through the journal's own layer, as the running app does."""
    database = Database(settings.database_url)
    try:
        with database.reading() as connection:
            yield connection
    finally:
        database.close()


def test_head_constant_matches_alembic() -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    assert ScriptDirectory.from_config(config).get_current_head() == HEAD_REVISION


def test_upgrade_from_0001_keeps_every_row(settings: Settings) -> None:
    upgrade(settings, "0001")
    engine = make_engine(settings.database_url)
    try:
        _fill_0001(engine)
        before = _counts(engine)
        upgrade_engine(engine)
        assert _counts(engine) == before
        with _reading(settings) as connection:
            assert current_revision(connection) == HEAD_REVISION
            pain = journal_repo.pain_entries_in(connection)
            assert pain[0] == PainEntry(
                spot="upper_trapezius",
                pain=6,
                at=MOMENT,
                side="left",
                activity="desk",
                note="after a long call",
            )
            assert [p.spot for p in pain] == ["upper_trapezius", "gastrocnemius"]
            rom = journal_repo.rom_entries_in(connection)
            assert rom[0].degrees == 62.5
            person = profile_repo.load_profile(connection)
            assert person.conditions == ["osteoporosis"] == person.cleared
            assert person.balls == [OwnedBall("lacrosse", date(2024, 5, 1))]
            assert person.positions == ["wall"]
            (done,) = session_repo.sessions_in(connection)
            assert done.pain_before == {"upper_trapezius": 6}
            assert done.pain_after == {"upper_trapezius": 3}
            assert done.steps[0].done_seconds == 45
            assert done.stop is not None and done.stop.sign == "tingling"
            assert plan_repo.saved_plans(connection)[0].plan == {"week": "2025-W02"}
    finally:
        engine.dispose()


def test_rebuilt_table_still_refuses_bad_pain(settings: Settings) -> None:
    upgrade(settings)
    engine = make_engine(settings.database_url)
    try:
        with pytest.raises(IntegrityError), engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO pain_entries (spot, pain, at) VALUES ('calf', 11, :m)"
                ),
                {"m": _moment_for(engine)},
            )
        with pytest.raises(IntegrityError), engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO pain_entries (spot, pain, at, phase) "
                    "VALUES ('calf', 1, :m, 'during')"
                ),
                {"m": _moment_for(engine)},
            )
    finally:
        engine.dispose()


def test_downgrade_and_upgrade_again_keep_rows(settings: Settings) -> None:
    upgrade(settings, "0001")
    engine = make_engine(settings.database_url)
    try:
        _fill_0001(engine)
        upgrade_engine(engine)
        downgrade_engine(engine, "0001")
        assert _counts(engine)["pain_entries"] == 2
        upgrade_engine(engine)
        assert _counts(engine)["pain_entries"] == 2
    finally:
        engine.dispose()


def test_migrated_schema_matches_the_table_definitions(
    settings: Settings,
) -> None:
    upgrade(settings)
    engine = make_engine(settings.database_url)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection)
            assert compare_metadata(context, metadata) == []
    finally:
        engine.dispose()


def test_ensure_current_migrates_once_then_does_nothing(
    settings: Settings,
) -> None:
    database = Database(settings.database_url)
    try:
        ensure_current(database)
        with database.writing() as connection:
            journal_repo.add_pain(connection, PainEntry("calf", 2, MOMENT))
        ensure_current(database)
        with database.reading() as connection:
            assert current_revision(connection) == HEAD_REVISION
            assert len(journal_repo.pain_entries_in(connection)) == 1
    finally:
        database.close()


def test_the_layer_knows_every_table_of_the_schema(settings: Settings) -> None:
    # forget --all and import's emptiness check walk TABLES: a table missing
    # there would survive "forget everything".
    upgrade(settings)
    assert set(TABLES) == set(metadata.tables)
    with _reading(settings) as connection:
        assert connection.table_names() - {"alembic_version"} == set(TABLES)


def test_rebuilding_a_parent_table_keeps_its_children(settings: Settings) -> None:
    step = StepRecord(0, "calf", "floor_roll", "lacrosse", "hold", 60, 60, 5)
    with open_journal(settings) as journal:
        journal.save_session(SessionRecord("s-1", "feet", MOMENT, None, [step]))
    engine = make_engine(settings.database_url)
    try:
        with migrating(engine) as connection:
            operations = Operations(MigrationContext.configure(connection))
            # SQLite rebuilds the table: drop the old one, rename the new.
            rebuild = "always" if engine.dialect.name == "sqlite" else "auto"
            with operations.batch_alter_table("sessions", recreate=rebuild) as batch:
                batch.add_column(sa.Column("mood", sa.String(20)))
        with _reading(settings) as connection:
            assert session_repo.sessions_in(connection)[0].steps == [step]
    finally:
        engine.dispose()


def test_a_migration_that_orphans_rows_is_undone(knotwork_home: object) -> None:
    settings = Settings()
    step = StepRecord(0, "calf", "floor_roll", None, "hold", 60, 60)
    with open_journal(settings) as journal:
        journal.save_session(SessionRecord("s-1", "feet", MOMENT, None, [step]))
    engine = make_engine(settings.database_url)
    try:
        with (
            pytest.raises(MigrationFailed, match="session_steps"),
            migrating(engine) as connection,
        ):
            connection.execute(text("DELETE FROM sessions"))
        with _reading(settings) as connection:
            assert len(session_repo.sessions_in(connection)) == 1
    finally:
        engine.dispose()


def test_0004_keeps_re_tests_and_gives_them_a_phase(settings: Settings) -> None:
    upgrade(settings, "0003")
    engine = make_engine(settings.database_url)
    try:
        with engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO rom_entries (movement, at, degrees, ease, side, "
                    "session_id) VALUES ('neck rotation', :m, 62.5, NULL, 'left', "
                    "'s-1'), ('straight-leg raise', :m, NULL, 6, NULL, NULL)"
                ),
                {"m": _moment_for(engine)},
            )
        upgrade_engine(engine, "0004")
        database = Database(settings.database_url)
        try:
            with database.writing() as connection:
                old = journal_repo.rom_entries_in(connection)
                assert [(r.movement, r.degrees, r.ease, r.phase) for r in old] == [
                    ("neck rotation", 62.5, None, None),
                    ("straight-leg raise", None, 6, None),
                ]
                journal_repo.add_rom(connection, replace(old[0], phase="after"))
        finally:
            database.close()
        with pytest.raises(IntegrityError), engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO rom_entries (movement, at, degrees, phase) "
                    "VALUES ('neck rotation', :m, 40, 'during')"
                ),
                {"m": _moment_for(engine)},
            )
        downgrade_engine(engine, "0003")
        with engine.begin() as connection:
            count = connection.scalar(text("SELECT count(*) FROM rom_entries"))
            assert count == 3
    finally:
        engine.dispose()
