"""Read the saved health screen (profile conditions) with the standard library.

`check` and `where` apply the saved profile on every call; importing
SQLAlchemy, or even the journal's record types, would cost more than the
whole answer. The conditions table is one narrow read in a read-only
connection. Anything unusual returns None and the caller opens the Journal.
"""

from __future__ import annotations

import os
import sqlite3

from knotwork.store.readonly import SCHEMA_REVISION, connect_read_only, revisions


def read_saved_conditions(path: str) -> tuple[list[str], list[str]] | None:
    """Return (conditions, cleared) saved at ``path``; ([], []) if never saved."""
    if not os.path.exists(path):
        return [], []
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
    except sqlite3.Error:
        return None
    finally:
        connection.close()
    return [str(c) for c, _ in rows], [str(c) for c, cleared in rows if cleared]
