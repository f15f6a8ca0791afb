"""Say whether a re-test was measured before or after a session.

The player now measures range of motion (in degrees, from the phone's motion
sensors, or as a 0-10 ease rating) before a session and again after it, once
per side. Each result stays one rom_entries row; ``phase`` says which end of
the session it belongs to, next to the ``session_id`` it already had. Rows
logged on their own keep a NULL phase.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add phase to rom_entries, and an index to find a session's re-tests."""
    # The CHECK constraint needs a rebuilt table on SQLite; batch mode copies
    # every row inside the migration's transaction.
    with op.batch_alter_table("rom_entries") as batch:
        batch.add_column(sa.Column("phase", sa.String(16), nullable=True))
        batch.create_check_constraint(
            op.f("ck_rom_entries_phase_known"), "phase IN ('before', 'after')"
        )
    op.create_index(op.f("ix_rom_entries_session_id"), "rom_entries", ["session_id"])


def downgrade() -> None:
    """Drop the phase; every re-test keeps its degrees or ease."""
    op.drop_index(op.f("ix_rom_entries_session_id"), table_name="rom_entries")
    with op.batch_alter_table("rom_entries") as batch:
        batch.drop_constraint(op.f("ck_rom_entries_phase_known"), type_="check")
        batch.drop_column("phase")
