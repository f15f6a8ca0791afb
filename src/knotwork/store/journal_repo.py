"""Pain and range-of-motion entries: write them, read them back as records.

Every function takes an open ``Connection``; the caller owns the transaction,
so a batch either lands whole or not at all. Moments go in timezone-aware and
come back in UTC.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import fields
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Select, delete, insert, select

from knotwork.domain.records import PainEntry, RomEntry
from knotwork.store.tables import ALL_TABLES, pain_entries, rom_entries

PAIN_FIELDS = tuple(f.name for f in fields(PainEntry))
ROM_FIELDS = tuple(f.name for f in fields(RomEntry))


def _pain_row(entry: PainEntry) -> dict[str, Any]:
    # A shallow copy: dataclasses.asdict deep-copies every datetime, which
    # alone costs more than the database on a 10,000-entry batch.
    return {name: getattr(entry, name) for name in PAIN_FIELDS}


def _rom_row(entry: RomEntry) -> dict[str, Any]:
    return {name: getattr(entry, name) for name in ROM_FIELDS}


def add_pain(connection: Connection, entry: PainEntry) -> int:
    """Insert one pain entry and return its id."""
    result = connection.execute(
        insert(pain_entries).values(_pain_row(entry)).returning(pain_entries.c.id)
    )
    return int(result.scalar_one())


def add_pains(connection: Connection, entries: Iterable[PainEntry]) -> int:
    """Insert many pain entries in one round of statements; return how many."""
    rows = [_pain_row(e) for e in entries]
    if rows:
        connection.execute(insert(pain_entries), rows)
    return len(rows)


def add_rom(connection: Connection, entry: RomEntry) -> int:
    """Insert one range-of-motion entry and return its id."""
    result = connection.execute(
        insert(rom_entries).values(_rom_row(entry)).returning(rom_entries.c.id)
    )
    return int(result.scalar_one())


def add_roms(connection: Connection, entries: Iterable[RomEntry]) -> int:
    """Insert many range-of-motion entries; return how many."""
    rows = [_rom_row(e) for e in entries]
    if rows:
        connection.execute(insert(rom_entries), rows)
    return len(rows)


def _window(
    query: Select[Any],
    at: Any,
    since: datetime | None,
    until: datetime | None,
) -> Select[Any]:
    if since is not None:
        query = query.where(at >= since)
    if until is not None:
        query = query.where(at < until)
    return query


def pain_entries_in(
    connection: Connection,
    *,
    spots: Sequence[str] | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
) -> list[PainEntry]:
    """Return pain entries, oldest first (ties in the order they were logged)."""
    c = pain_entries.c
    # Columns in field order, so each row unpacks straight into the record.
    query = select(*(c[name] for name in PAIN_FIELDS))
    if spots is not None:
        query = query.where(c.spot.in_(spots))
    query = _window(query, c.at, since, until).order_by(c.at, c.id)
    return [PainEntry(*row) for row in connection.execute(query).all()]


def rom_entries_in(
    connection: Connection,
    *,
    spots: Sequence[str] | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
) -> list[RomEntry]:
    """Return range-of-motion entries, oldest first."""
    c = rom_entries.c
    query = select(*(c[name] for name in ROM_FIELDS))
    if spots is not None:
        query = query.where(c.spot.in_(spots))
    query = _window(query, c.at, since, until).order_by(c.at, c.id)
    return [RomEntry(*row) for row in connection.execute(query).all()]


def pain_entry_ids(connection: Connection) -> set[int]:
    """Return the id of every pain entry."""
    return {int(i) for i in connection.scalars(select(pain_entries.c.id))}


def is_empty(connection: Connection) -> bool:
    """Whether the journal holds nothing at all, not even a profile."""
    return all(
        connection.scalar(select(table).limit(1)) is None for table in ALL_TABLES
    )


def delete_everything(connection: Connection) -> None:
    """Delete every row the journal holds (the schema stays)."""
    for table in ALL_TABLES:
        connection.execute(delete(table))
