"""Weekly plans, kept as the JSON the planner produced."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, insert, select

from knotwork.domain.journal_records import SavedPlan
from knotwork.store.tables import weekly_plans


def add_plan(connection: Connection, plan: Mapping[str, Any], now: datetime) -> int:
    """Store a plan and return its id."""
    result = connection.execute(
        insert(weekly_plans)
        .values(created_at=now, plan=dict(plan))
        .returning(weekly_plans.c.id)
    )
    return int(result.scalar_one())


def saved_plans(connection: Connection) -> list[SavedPlan]:
    """Return every saved plan, oldest first."""
    rows = connection.execute(
        select(weekly_plans).order_by(weekly_plans.c.created_at, weekly_plans.c.id)
    )
    return [SavedPlan(id=r.id, created_at=r.created_at, plan=r.plan) for r in rows]
