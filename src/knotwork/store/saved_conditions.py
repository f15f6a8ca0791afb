"""Read the saved health screen (profile conditions) with the standard library.

`check` and `where` apply the saved profile on every call; importing
SQLAlchemy, or even the journal's record types, would cost more than the
whole answer. The conditions table is one narrow read in a read-only
connection. Anything unusual returns None and the caller opens the Journal.
"""

from __future__ import annotations

import json
import os
import sqlite3
from datetime import date

from knotwork.domain.health_facts import HealthFacts
from knotwork.store.readonly import SCHEMA_REVISION, connect_read_only, revisions

Saved = tuple[list[str], list[str], HealthFacts]


def read_saved_conditions(path: str) -> Saved | None:
    """Return (conditions, cleared, health screen) saved at ``path``."""
    if not os.path.exists(path):
        return [], [], HealthFacts()
    try:
        connection = connect_read_only(path)
    except sqlite3.Error:
        return None
    try:
        if revisions(connection) != [SCHEMA_REVISION]:
            return None
        rows = connection.execute(
            "SELECT condition, cleared FROM profile_conditions ORDER BY condition"
        ).fetchall()
        health = connection.execute(
            "SELECT age_band, pregnant_weeks, pregnant_as_of, gave_birth_on,"
            " medicines, screened_on FROM health_screen"
        ).fetchone()
        facts = HealthFacts() if health is None else _facts(*health)
    except (sqlite3.Error, ValueError, TypeError):
        return None
    finally:
        connection.close()
    conditions = [str(c) for c, _ in rows]
    return conditions, [str(c) for c, cleared in rows if cleared], facts


def _facts(
    age_band: str | None,
    weeks: int | None,
    as_of: str | None,
    birth: str | None,
    medicines: str,
    screened: str,
) -> HealthFacts:
    """Decode one health_screen row as SQLAlchemy stored it (ISO dates, JSON)."""
    return HealthFacts(
        age_band=age_band,
        pregnant_weeks=weeks,
        pregnant_as_of=date.fromisoformat(as_of) if as_of else None,
        gave_birth_on=date.fromisoformat(birth) if birth else None,
        medicines=tuple(json.loads(medicines)),
        screened_on=date.fromisoformat(screened),
    )
