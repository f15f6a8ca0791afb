"""Records the journal hands back that the shared record types do not cover."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from knotwork.kb.record import record


@record
class SavedPlan:
    """A weekly plan as it was saved: its id, when, and the plan itself (JSON)."""

    id: int
    created_at: datetime
    plan: dict[str, Any]
