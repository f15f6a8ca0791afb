"""Link pain entries to the session they were felt in, and index spot lookups.

Pain felt just before or after a guided session now names that session and
the phase, so progress can compare the two. Trends read one spot over time,
so (spot, at) gets an index.

Revision ID: 0002
Revises: 0001
Create Date: 2025-02-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add session_id and phase to pain entries, with their indexes."""
    # On SQLite the CHECK constraint needs a rebuilt table: batch mode copies
    # every row into the new table inside the migration's transaction.
    with op.batch_alter_table("pain_entries") as batch:
        batch.add_column(sa.Column("session_id", sa.String(64), nullable=True))
        batch.add_column(sa.Column("phase", sa.String(16), nullable=True))
        batch.create_check_constraint(
            op.f("ck_pain_entries_phase_known"), "phase IN ('before', 'after')"
        )
    op.create_index(op.f("ix_pain_entries_spot_at"), "pain_entries", ["spot", "at"])
    op.create_index(op.f("ix_pain_entries_session_id"), "pain_entries", ["session_id"])


def downgrade() -> None:
    """Drop the session link; entries keep everything else."""
    op.drop_index(op.f("ix_pain_entries_session_id"), table_name="pain_entries")
    op.drop_index(op.f("ix_pain_entries_spot_at"), table_name="pain_entries")
    with op.batch_alter_table("pain_entries") as batch:
        batch.drop_constraint(op.f("ck_pain_entries_phase_known"), type_="check")
        batch.drop_column("phase")
        batch.drop_column("session_id")
