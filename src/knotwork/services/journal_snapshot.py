"""Read the journal for a report without SQLAlchemy or pydantic, when it is safe.

``Journal.history`` needs SQLAlchemy, whose import alone costs more than the
300 ms `knotwork progress --json` may take. For a SQLite journal whose schema
is current, ``read_history`` returns the same records through the standard
library's ``sqlite3``. Otherwise it returns None and the caller opens the
``Journal`` as usual: PostgreSQL, a URL ``Settings`` would refuse (so its
message is the one shown), or a schema that needs migrating.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date

from knotwork.domain.records import SessionRecord
from knotwork.paths import UnsafeDatabaseUrl, database_location, sqlite_file
from knotwork.store.sqlite_snapshot import JournalSnapshot, read_snapshot


def read_history(
    environ: Mapping[str, str],
    spot: str | None = None,
    since: date | None = None,
) -> JournalSnapshot | None:
    """Return the history, profile and plans the Journal would, or None.

    ``environ`` says where the journal lives, as for ``Settings``; None means
    the caller must open the ``Journal``. The records equal what
    ``history(spot, since)``, ``profile()`` and ``plans()`` return, and an
    unknown spot raises ``InvalidRecord`` as ``history`` does.
    """
    # The checks load the knowledge index; a report over every spot since
    # the start does without it.
    if spot is not None:
        from knotwork.services.journal_checks import check_spot

        check_spot(spot)
    try:
        url = database_location(environ)
    except UnsafeDatabaseUrl:
        return None
    path = sqlite_file(url)
    if path is None or "?" in url:  # PostgreSQL, or SQLite with driver options
        return None
    start = None
    if since is not None:
        from knotwork.services.journal_checks import start_of_day

        start = start_of_day(since)
    found = read_snapshot(path, spots=None if spot is None else [spot], since=start)
    if found is None or spot is None:
        return found
    return replace(found, sessions=[s for s in found.sessions if touches(s, spot)])


def touches(record: SessionRecord, spot: str) -> bool:
    """Whether a session scored or worked ``spot`` (the rule of Journal.history)."""
    return (
        spot in record.pain_before
        or spot in record.pain_after
        or any(step.target == spot for step in record.steps)
    )
