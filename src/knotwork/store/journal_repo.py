"""Pain and range-of-motion entries: write them, read them back as records.

Every function takes an open ``Connection``; the caller owns the transaction,
so a batch either lands whole or not at all. Moments go in timezone-aware and
come back in UTC.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from knotwork.domain.records import PainEntry, RomEntry
from knotwork.store.db import Connection, moment_of
from knotwork.store.schema import TABLES

# Columns in the records' field order, so each row unpacks into a record.
PAIN_COLUMNS = "spot, pain, at, side, activity, note, session_id, phase"
ROM_COLUMNS = "movement, at, degrees, ease, side, spot, note, session_id"
ADD_PAIN = f"INSERT INTO pain_entries ({PAIN_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
ADD_ROM = f"INSERT INTO rom_entries ({ROM_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"


def _pain_row(connection: Connection, e: PainEntry) -> tuple[Any, ...]:
    at = connection.moment(e.at)
    return (e.spot, e.pain, at, e.side, e.activity, e.note, e.session_id, e.phase)


def _rom_row(connection: Connection, e: RomEntry) -> tuple[Any, ...]:
    at = connection.moment(e.at)
    return (e.movement, at, e.degrees, e.ease, e.side, e.spot, e.note, e.session_id)


def add_pain(connection: Connection, entry: PainEntry) -> int:
    """Insert one pain entry and return its id."""
    row = _pain_row(connection, entry)
    return int(connection.scalar(ADD_PAIN + " RETURNING id", row))


def add_pains(connection: Connection, entries: Iterable[PainEntry]) -> int:
    """Insert many pain entries in one round of statements; return how many."""
    rows = [_pain_row(connection, e) for e in entries]
    if rows:
        connection.execute_many(ADD_PAIN, rows)
    return len(rows)


def add_rom(connection: Connection, entry: RomEntry) -> int:
    """Insert one range-of-motion entry and return its id."""
    row = _rom_row(connection, entry)
    return int(connection.scalar(ADD_ROM + " RETURNING id", row))


def add_roms(connection: Connection, entries: Iterable[RomEntry]) -> int:
    """Insert many range-of-motion entries; return how many."""
    rows = [_rom_row(connection, e) for e in entries]
    if rows:
        connection.execute_many(ADD_ROM, rows)
    return len(rows)


def _select(
    connection: Connection,
    table: str,
    columns: str,
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
    query = f"SELECT {columns} FROM {table}{where} ORDER BY at, id"
    return connection.all(query, params)


def pain_entries_in(
    connection: Connection,
    *,
    spots: Sequence[str] | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
) -> list[PainEntry]:
    """Return pain entries, oldest first (ties in the order they were logged)."""
    rows = _select(connection, "pain_entries", PAIN_COLUMNS, spots, since, until)
    return [
        PainEntry(spot, pain, moment_of(at), side, activity, note, session, phase)
        for spot, pain, at, side, activity, note, session, phase in rows
    ]


def rom_entries_in(
    connection: Connection,
    *,
    spots: Sequence[str] | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
) -> list[RomEntry]:
    """Return range-of-motion entries, oldest first."""
    rows = _select(connection, "rom_entries", ROM_COLUMNS, spots, since, until)
    return [
        RomEntry(movement, moment_of(at), degrees, ease, side, spot, note, session)
        for movement, at, degrees, ease, side, spot, note, session in rows
    ]


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
