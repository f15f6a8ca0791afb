"""The journal's tables, as SQLAlchemy Core sees them after the latest migration.

Alembic owns the schema: these definitions describe it for queries, and a test
checks that they match what the migrations build. Nothing calls ``create_all``.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Table,
    Text,
    TypeDecorator,
)

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING)

# SQLite only auto-numbers a column declared exactly INTEGER PRIMARY KEY.
RowId = BigInteger().with_variant(Integer(), "sqlite")
ID_LENGTH = 64
NAME_LENGTH = 200


class UtcDateTime(TypeDecorator[datetime]):
    """A moment stored in UTC that always comes back timezone-aware.

    SQLite has no time-zone type, so both back-ends get the same contract:
    aware datetimes in, aware UTC datetimes out.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(
        self, value: datetime | None, dialect: Dialect
    ) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("the journal only stores timezone-aware moments")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        moment: datetime = value
        if moment.tzinfo is None:
            return moment.replace(tzinfo=UTC)
        return moment.astimezone(UTC)


def _pain_check(column: str, name: str) -> CheckConstraint:
    return CheckConstraint(f"{column} BETWEEN 0 AND 10", name=name)


profile = Table(
    "profile",
    metadata,
    # One person per database: the row id is always 1.
    Column("id", Integer, primary_key=True),
    Column("tolerance", String(16), nullable=False),
    Column("experience", String(16), nullable=False),
    Column("positions", JSON, nullable=False),
    Column("training_days", JSON, nullable=False),
    Column("updated_at", UtcDateTime, nullable=False),
    CheckConstraint("id = 1", name="single_row"),
)

profile_conditions = Table(
    "profile_conditions",
    metadata,
    Column("condition", String(ID_LENGTH), primary_key=True),
    Column("cleared", Boolean(create_constraint=False), nullable=False),
)

# The health screen: one row, the answers and the day each was given, so the
# weeks of a pregnancy can be counted on without asking again.
health_screen = Table(
    "health_screen",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("age_band", String(16), nullable=True),
    Column("pregnant_weeks", SmallInteger, nullable=True),
    Column("pregnant_as_of", Date, nullable=True),
    Column("gave_birth_on", Date, nullable=True),
    Column("medicines", JSON, nullable=False),
    Column("screened_on", Date, nullable=False),
    CheckConstraint("id = 1", name="single_row"),
    CheckConstraint(
        "pregnant_weeks IS NULL OR pregnant_weeks BETWEEN 0 AND 42",
        name="pregnant_weeks_range",
    ),
)

owned_balls = Table(
    "owned_balls",
    metadata,
    Column("ball", String(ID_LENGTH), primary_key=True),
    Column("purchased", Date, nullable=True),
)

pain_entries = Table(
    "pain_entries",
    metadata,
    Column("id", RowId, primary_key=True, autoincrement=True),
    Column("spot", String(ID_LENGTH), nullable=False),
    Column("side", String(16), nullable=True),
    Column("pain", SmallInteger, nullable=False),
    Column("at", UtcDateTime, nullable=False),
    Column("activity", Text, nullable=True),
    Column("note", Text, nullable=True),
    Column("session_id", String(ID_LENGTH), nullable=True),
    Column("phase", String(16), nullable=True),
    _pain_check("pain", "pain_range"),
    CheckConstraint("phase IN ('before', 'after')", name="phase_known"),
    Index(None, "at"),
    Index(None, "spot", "at"),
    Index(None, "session_id"),
)

rom_entries = Table(
    "rom_entries",
    metadata,
    Column("id", RowId, primary_key=True, autoincrement=True),
    Column("movement", String(80), nullable=False),
    Column("at", UtcDateTime, nullable=False),
    Column("degrees", Float, nullable=True),
    Column("ease", SmallInteger, nullable=True),
    Column("side", String(16), nullable=True),
    Column("spot", String(ID_LENGTH), nullable=True),
    Column("note", Text, nullable=True),
    Column("session_id", String(ID_LENGTH), nullable=True),
    # "before" or "after" the session named by session_id (revision 0004).
    Column("phase", String(16), nullable=True),
    _pain_check("ease", "ease_range"),
    CheckConstraint("degrees IS NOT NULL OR ease IS NOT NULL", name="has_measure"),
    CheckConstraint("phase IN ('before', 'after')", name="phase_known"),
    Index(None, "at"),
    Index(None, "session_id"),
)

sessions = Table(
    "sessions",
    metadata,
    Column("id", String(ID_LENGTH), primary_key=True),
    Column("routine", String(NAME_LENGTH), nullable=False),
    Column("started_at", UtcDateTime, nullable=False),
    Column("ended_at", UtcDateTime, nullable=True),
    Column("retest", Text, nullable=True),
    Column("retest_ease", SmallInteger, nullable=True),
    Column("completed", Boolean(create_constraint=False), nullable=False),
    _pain_check("retest_ease", "retest_ease_range"),
    Index(None, "started_at"),
)


def _session_key() -> Column[str]:
    return Column(
        "session_id",
        String(ID_LENGTH),
        ForeignKey("sessions.id", ondelete="CASCADE"),
        primary_key=True,
    )


session_steps = Table(
    "session_steps",
    metadata,
    _session_key(),
    Column("step_index", Integer, primary_key=True),
    Column("target", String(ID_LENGTH), nullable=False),
    Column("technique", String(80), nullable=False),
    Column("ball", String(ID_LENGTH), nullable=True),
    Column("protocol", String(40), nullable=False),
    Column("planned_seconds", Integer, nullable=False),
    Column("done_seconds", Integer, nullable=False),
    Column("pressure_felt", SmallInteger, nullable=True),
    Column("skipped", Boolean(create_constraint=False), nullable=False),
    Column("side", String(16), nullable=True),
    _pain_check("pressure_felt", "pressure_range"),
)

session_pain = Table(
    "session_pain",
    metadata,
    _session_key(),
    Column("phase", String(16), primary_key=True),
    Column("spot", String(ID_LENGTH), primary_key=True),
    Column("pain", SmallInteger, nullable=False),
    _pain_check("pain", "pain_range"),
    CheckConstraint("phase IN ('before', 'after')", name="phase_known"),
)

stop_events = Table(
    "stop_events",
    metadata,
    _session_key(),
    Column("sign", String(ID_LENGTH), nullable=False),
    Column("at", UtcDateTime, nullable=False),
    Column("step_index", Integer, nullable=True),
    Column("red_flag", String(ID_LENGTH), nullable=True),
    Column("advice", Text, nullable=False),
)

weekly_plans = Table(
    "weekly_plans",
    metadata,
    Column("id", RowId, primary_key=True, autoincrement=True),
    Column("created_at", UtcDateTime, nullable=False),
    Column("plan", JSON, nullable=False),
    Index(None, "created_at"),
)

# Children before parents, so deleting in this order never trips a foreign key.
ALL_TABLES = (
    session_steps,
    session_pain,
    stop_events,
    sessions,
    pain_entries,
    rom_entries,
    owned_balls,
    profile_conditions,
    profile,
    weekly_plans,
)
