"""Keep the health screen's dated answers.

Age band, weeks of pregnancy with the day they were given, the date of a
birth and the medicines taken. Conditions stay in profile_conditions; these
facts are what turn into conditions as the calendar moves.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the one-row health_screen table."""
    op.create_table(
        "health_screen",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("age_band", sa.String(16), nullable=True),
        sa.Column("pregnant_weeks", sa.SmallInteger, nullable=True),
        sa.Column("pregnant_as_of", sa.Date, nullable=True),
        sa.Column("gave_birth_on", sa.Date, nullable=True),
        sa.Column("medicines", sa.JSON, nullable=False),
        sa.Column("screened_on", sa.Date, nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_health_screen_single_row")),
        sa.CheckConstraint(
            "pregnant_weeks IS NULL OR pregnant_weeks BETWEEN 0 AND 42",
            name=op.f("ck_health_screen_pregnant_weeks_range"),
        ),
    )


def downgrade() -> None:
    """Drop the health screen; conditions already saved stay."""
    op.drop_table("health_screen")
