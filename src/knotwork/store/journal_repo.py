"""Pain and range-of-motion entries: write them, read them back as records.

Every function takes an open ``Connection``; the caller owns the transaction,
so a batch either lands whole or not at all. Moments go in timezone-aware and
come back in UTC.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any, TypeVar

from knotwork.domain.journal.records import PainEntry, RomEntry
from knotwork.kb.record import fields
from knotwork.store.db import Connection, moment_of
from knotwork.store.schema import TABLES

Entry = TypeVar("Entry", PainEntry, RomEntry)

# Columns are named as the records' fields and listed in their order, so a
# field added to PainEntry or RomEntry (with its migration) needs nothing
# here. ``at`` is the one value stored differently on each back-end.
PAIN_FIELDS = tuple(f.name for f in fields(PainEntry))
ROM_FIELDS = tuple(f.name for f in fields(RomEntry))


def _insert(table: str, names: tuple[str, ...]) -> str:
    marks = ", ".join("?" * len(names))
    return f"INSERT INTO {table} ({', '.join(names)}) VALUES ({marks})"


ADD_PAIN = _insert("pain_entries", PAIN_FIELDS)
ADD_ROM = _insert("rom_entries", ROM_FIELDS)


def _row(connection: Connection, entry: PainEntry | RomEntry) -> tuple[Any, ...]:
    names = PAIN_FIELDS if isinstance(entry, PainEntry) else ROM_FIELDS
    # getattr rather than dataclasses.asdict, which deep-copies every
    # datetime and alone costs more than the database on a large import.
    return tuple(
        connection.moment(entry.at) if name == "at" else getattr(entry, name)
        for name in names
    )


def _records(kind: type[Entry], names: tuple[str, ...], rows: list[Any]) -> list[Entry]:
    at = names.index("at")
    records = []
    for row in rows:
        values = list(row)
        values[at] = moment_of(values[at])
        records.append(kind(*values))
    return records


def add_pain(connection: Connection, entry: PainEntry) -> int:
    """Insert one pain entry and return its id; an identical one is kept once."""
    return _add_once(connection, "pain_entries", PAIN_FIELDS, ADD_PAIN, entry)


def add_pains(connection: Connection, entries: Iterable[PainEntry]) -> int:
    """Insert many pain entries in one round of statements; return how many."""
    rows = [_row(connection, e) for e in entries]
    if rows:
        connection.execute_many(ADD_PAIN, rows)
    return len(rows)


def add_rom(connection: Connection, entry: RomEntry) -> int:
    """Insert one range-of-motion entry and return its id; a repeat is kept once."""
    return _add_once(connection, "rom_entries", ROM_FIELDS, ADD_ROM, entry)


def _add_once(
    connection: Connection,
    table: str,
    names: tuple[str, ...],
    insert: str,
    entry: Entry,
) -> int:
    """Insert ``entry`` unless the very same entry, to the moment, is there.

    A device that logged offline resends what it kept; when an earlier send
    reached the journal but its answer was lost, the same entry (same moment,
    same everything) arrives twice. Nobody logs two identical entries at the
    same instant, so the repeat is the first one.
    """
    row = _row(connection, entry)
    connection.lock(table)  # two resends at once must not both miss the first
    same_moment = connection.all(
        f"SELECT id, {', '.join(names)} FROM {table} WHERE at = ?",
        (row[names.index("at")],),
    )
    for found in same_moment:
        if _records(type(entry), names, [tuple(found[1:])])[0] == entry:
            return int(found[0])
    return int(connection.scalar(insert + " RETURNING id", row))


def add_roms(connection: Connection, entries: Iterable[RomEntry]) -> int:
    """Insert many range-of-motion entries; return how many."""
    rows = [_row(connection, e) for e in entries]
    if rows:
        connection.execute_many(ADD_ROM, rows)
    return len(rows)


def _select(
    connection: Connection,
    table: str,
    columns: tuple[str, ...],
    spots: Sequence[str] | None,
    since: datetime | None,
    until: datetime | None,
) -> list[Any]:
    conditions: list[str] = []
    params: list[Any] = []
    if spots is not None:
        conditions.append(
            f"spot IN ({', '.join('?' * len(spots))})" if spots else "0=1"
        )
        params.extend(spots)
    if since is not None:
        conditions.append("at >= ?")
        params.append(connection.moment(since))
    if until is not None:
        conditions.append("at < ?")
        params.append(connection.moment(until))
    where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
    # Ties in time come back in the order they were logged.
    query = f"SELECT {', '.join(columns)} FROM {table}{where} ORDER BY at, id"
    return connection.all(query, params)


def pain_entries_in(
    connection: Connection,
    *,
    spots: Sequence[str] | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
) -> list[PainEntry]:
    """Return pain entries, oldest first (ties in the order they were logged)."""
    rows = _select(connection, "pain_entries", PAIN_FIELDS, spots, since, until)
    return _records(PainEntry, PAIN_FIELDS, rows)


def rom_entries_in(
    connection: Connection,
    *,
    spots: Sequence[str] | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
) -> list[RomEntry]:
    """Return range-of-motion entries, oldest first."""
    rows = _select(connection, "rom_entries", ROM_FIELDS, spots, since, until)
    return _records(RomEntry, ROM_FIELDS, rows)


def pain_entry_ids(connection: Connection) -> set[int]:
    """Return the id of every pain entry."""
    return {int(i) for (i,) in connection.all("SELECT id FROM pain_entries")}


def is_empty(connection: Connection) -> bool:
    """Whether the journal holds nothing at all, not even a profile."""
    return all(
        connection.one(f"SELECT 1 FROM {table} LIMIT 1") is None for table in TABLES
    )


def delete_everything(connection: Connection) -> None:
    """Delete every row the journal holds (the schema stays)."""
    for table in TABLES:
        connection.execute(f"DELETE FROM {table}")
