"""Create the journal: profile, pain and motion entries, sessions, plans.

Revision ID: 0001
Revises:
Create Date: 2025-01-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# Frozen copies of the column types: a migration must not change when
# tables.py does.
ROW_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
MOMENT = sa.DateTime(timezone=True)
FLAG = sa.Boolean(create_constraint=False)
ID = sa.String(64)


def _range(column: str, name: str) -> sa.CheckConstraint:
    return sa.CheckConstraint(f"{column} BETWEEN 0 AND 10", name=name)


def _session_key(table: str) -> sa.Column[str]:
    return sa.Column(
        "session_id",
        ID,
        sa.ForeignKey(
            "sessions.id",
            ondelete="CASCADE",
            name=op.f(f"fk_{table}_session_id_sessions"),
        ),
        nullable=False,
    )


def upgrade() -> None:
    """Create every table of the first release."""
    op.create_table(
        "profile",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("tolerance", sa.String(16), nullable=False),
        sa.Column("experience", sa.String(16), nullable=False),
        sa.Column("positions", sa.JSON, nullable=False),
        sa.Column("training_days", sa.JSON, nullable=False),
        sa.Column("updated_at", MOMENT, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_profile")),
        sa.CheckConstraint("id = 1", name=op.f("ck_profile_single_row")),
    )
    op.create_table(
        "profile_conditions",
        sa.Column("condition", ID, nullable=False),
        sa.Column("cleared", FLAG, nullable=False),
        sa.PrimaryKeyConstraint("condition", name=op.f("pk_profile_conditions")),
    )
    op.create_table(
        "owned_balls",
        sa.Column("ball", ID, nullable=False),
        sa.Column("purchased", sa.Date, nullable=True),
        sa.PrimaryKeyConstraint("ball", name=op.f("pk_owned_balls")),
    )
    op.create_table(
        "pain_entries",
        sa.Column("id", ROW_ID, autoincrement=True, nullable=False),
        sa.Column("spot", ID, nullable=False),
        sa.Column("side", sa.String(16), nullable=True),
        sa.Column("pain", sa.SmallInteger, nullable=False),
        sa.Column("at", MOMENT, nullable=False),
        sa.Column("activity", sa.Text, nullable=True),
        sa.Column("note", sa.Text, nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pain_entries")),
        _range("pain", op.f("ck_pain_entries_pain_range")),
    )
    op.create_index(op.f("ix_pain_entries_at"), "pain_entries", ["at"])
    op.create_table(
        "rom_entries",
        sa.Column("id", ROW_ID, autoincrement=True, nullable=False),
        sa.Column("movement", sa.String(80), nullable=False),
        sa.Column("at", MOMENT, nullable=False),
        sa.Column("degrees", sa.Float, nullable=True),
        sa.Column("ease", sa.SmallInteger, nullable=True),
        sa.Column("side", sa.String(16), nullable=True),
        sa.Column("spot", ID, nullable=True),
        sa.Column("note", sa.Text, nullable=True),
        sa.Column("session_id", ID, nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rom_entries")),
        _range("ease", op.f("ck_rom_entries_ease_range")),
        sa.CheckConstraint(
            "degrees IS NOT NULL OR ease IS NOT NULL",
            name=op.f("ck_rom_entries_has_measure"),
        ),
    )
    op.create_index(op.f("ix_rom_entries_at"), "rom_entries", ["at"])
    op.create_table(
        "sessions",
        sa.Column("id", ID, nullable=False),
        sa.Column("routine", sa.String(200), nullable=False),
        sa.Column("started_at", MOMENT, nullable=False),
        sa.Column("ended_at", MOMENT, nullable=True),
        sa.Column("retest", sa.Text, nullable=True),
        sa.Column("retest_ease", sa.SmallInteger, nullable=True),
        sa.Column("completed", FLAG, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sessions")),
        _range("retest_ease", op.f("ck_sessions_retest_ease_range")),
    )
    op.create_index(op.f("ix_sessions_started_at"), "sessions", ["started_at"])
    op.create_table(
        "session_steps",
        _session_key("session_steps"),
        sa.Column("step_index", sa.Integer, nullable=False),
        sa.Column("target", ID, nullable=False),
        sa.Column("technique", sa.String(80), nullable=False),
        sa.Column("ball", ID, nullable=True),
        sa.Column("protocol", sa.String(40), nullable=False),
        sa.Column("planned_seconds", sa.Integer, nullable=False),
        sa.Column("done_seconds", sa.Integer, nullable=False),
        sa.Column("pressure_felt", sa.SmallInteger, nullable=True),
        sa.Column("skipped", FLAG, nullable=False),
        sa.Column("side", sa.String(16), nullable=True),
        sa.PrimaryKeyConstraint(
            "session_id", "step_index", name=op.f("pk_session_steps")
        ),
        _range("pressure_felt", op.f("ck_session_steps_pressure_range")),
    )
    op.create_table(
        "session_pain",
        _session_key("session_pain"),
        sa.Column("phase", sa.String(16), nullable=False),
        sa.Column("spot", ID, nullable=False),
        sa.Column("pain", sa.SmallInteger, nullable=False),
        sa.PrimaryKeyConstraint(
            "session_id", "phase", "spot", name=op.f("pk_session_pain")
        ),
        _range("pain", op.f("ck_session_pain_pain_range")),
        sa.CheckConstraint(
            "phase IN ('before', 'after')", name=op.f("ck_session_pain_phase_known")
        ),
    )
    op.create_table(
        "stop_events",
        _session_key("stop_events"),
        sa.Column("sign", ID, nullable=False),
        sa.Column("at", MOMENT, nullable=False),
        sa.Column("step_index", sa.Integer, nullable=True),
        sa.Column("red_flag", ID, nullable=True),
        sa.Column("advice", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("session_id", name=op.f("pk_stop_events")),
    )
    op.create_table(
        "weekly_plans",
        sa.Column("id", ROW_ID, autoincrement=True, nullable=False),
        sa.Column("created_at", MOMENT, nullable=False),
        sa.Column("plan", sa.JSON, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_weekly_plans")),
    )
    op.create_index(op.f("ix_weekly_plans_created_at"), "weekly_plans", ["created_at"])


def downgrade() -> None:
    """Drop every table."""
    for table in (
        "weekly_plans",
        "stop_events",
        "session_pain",
        "session_steps",
        "sessions",
        "rom_entries",
        "pain_entries",
        "owned_balls",
        "profile_conditions",
        "profile",
    ):
        op.drop_table(table)
