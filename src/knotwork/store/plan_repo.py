"""Weekly plans, kept as the JSON the planner produced."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from knotwork.domain.journal.extra_records import SavedPlan
from knotwork.store.db import Connection, json_of, moment_of


def add_plan(connection: Connection, plan: Mapping[str, Any], now: datetime) -> int:
    """Store a plan and return its id."""
    return int(
        connection.scalar(
            "INSERT INTO weekly_plans (created_at, plan) VALUES (?, ?) RETURNING id",
            [connection.moment(now), connection.json(dict(plan))],
        )
    )


def saved_plans(connection: Connection) -> list[SavedPlan]:
    """Return every saved plan, oldest first."""
    rows = connection.all(
        "SELECT id, created_at, plan FROM weekly_plans ORDER BY created_at, id"
    )
    return [
        SavedPlan(id=plan_id, created_at=moment_of(at), plan=json_of(plan))
        for plan_id, at, plan in rows
    ]
