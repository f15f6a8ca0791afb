"""Open a SQLite journal read-only with the standard library, for fast reads.

The snapshot reader (`progress --json`) and the saved-conditions reader
(`check`, `where`) share this: the URI form, the busy timeout and the check
that the schema is the one they were written for.
"""

from __future__ import annotations

import sqlite3

SCHEMA_REVISION = "0004"
BUSY_TIMEOUT_SECONDS = 30.0


def read_only_uri(path: str) -> str:
    """Return the ``file:`` URI that opens ``path`` read-only."""
    # In a URI "?" and "#" end the path and "%" escapes; "file://" plus an
    # absolute path keeps a leading "//" from reading as a host name.
    escaped = path.replace("%", "%25").replace("?", "%3f").replace("#", "%23")
    return ("file://" if escaped.startswith("/") else "file:") + escaped + "?mode=ro"


def connect_read_only(path: str) -> sqlite3.Connection:
    """Open ``path`` read-only, in autocommit mode; raise ``sqlite3.Error``."""
    return sqlite3.connect(
        read_only_uri(path),
        uri=True,
        timeout=BUSY_TIMEOUT_SECONDS,
        isolation_level=None,
    )


def revisions(connection: sqlite3.Connection) -> list[str]:
    """Return the Alembic revisions recorded, or [] when never migrated."""
    try:
        rows = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    except sqlite3.OperationalError:  # never migrated: no alembic_version yet
        return []
    return [str(row[0]) for row in rows]
