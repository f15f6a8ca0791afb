"""Reach the journal's database over DB-API: sqlite3 by default, psycopg 3 too.

Every repository talks to a ``Connection`` from this module, inside one
transaction opened by ``Database.reading()`` or ``Database.writing()``. SQL is
written once, with ``?`` placeholders; PostgreSQL gets them as ``%s``. Values
that the two back-ends store differently (moments, days, JSON, flags) go
through the converters at the end of this module, so the repositories never
ask which back-end they run on.

Why not SQLAlchemy: importing it costs ~150 ms, ten times an empty Python,
while ``sqlite3`` costs ~4 ms. SQLAlchemy and Alembic still own the schema,
but are imported only when a database needs migrating (``store.migrate``).
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from functools import cache
from typing import Any

from knotwork.paths import POSTGRES_URL_PREFIX, sqlite_file
from knotwork.store.private import private_database

BUSY_TIMEOUT_MS = 30_000
# The SQLite pragmas every connection gets, in this order.
SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA foreign_keys=ON",
    f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
    # FULL syncs the WAL on every commit, so an acknowledged entry survives
    # power loss as well as a killed process; NORMAL may lose the last ones.
    "PRAGMA synchronous=FULL",
)
SQLITE = "sqlite"
POSTGRESQL = "postgresql"
# PostgreSQL's default isolation lets each statement see newer commits; a
# report reads several tables and must see them as of one moment.
READ_SNAPSHOT = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"
# Idle connections kept for the next transaction (the web app's threads).
POOL_SIZE = 5


class Database:
    """One journal database: opens connections and hands out transactions.

    Connections are reused across transactions (a small pool, safe across
    threads); ``close()`` closes the idle ones.
    """

    def __init__(self, url: str) -> None:
        self.url = url
        self.path = sqlite_file(url)
        self.dialect = SQLITE if self.path is not None else POSTGRESQL
        self._idle: list[Any] = []
        self._lock = threading.Lock()

    @property
    def errors(self) -> tuple[type[Exception], ...]:
        """Return the driver's errors that mean the database cannot be used."""
        if self.dialect == SQLITE:
            return (sqlite3.OperationalError,)
        import psycopg

        return (psycopg.OperationalError,)

    def connect(self) -> Any:
        """Open a new driver connection in autocommit mode, pragmas applied.

        Transactions are begun explicitly (see ``_transaction``): the sqlite3
        module's legacy mode would skip BEGIN before a SELECT.
        """
        if self.path is None:
            import psycopg

            libpq = "postgresql://" + self.url.removeprefix(POSTGRES_URL_PREFIX)
            return psycopg.connect(libpq, autocommit=True)
        # SQLite would create the file with the umask's mode (often 0644).
        private_database(self.path)
        query = self.url.partition("?")[2]
        target, uri = (self.path, False) if not query else (self._uri(query), True)
        raw = sqlite3.connect(
            target,
            timeout=BUSY_TIMEOUT_MS / 1000,
            isolation_level=None,
            check_same_thread=False,  # the pool hands it to one thread at a time
            uri=uri,
        )
        for pragma in SQLITE_PRAGMAS:
            _apply(raw, pragma)
        return raw

    def _uri(self, query: str) -> str:
        # Driver options in the URL ("?mode=ro") need sqlite3's URI form.
        path = str(self.path).replace("%", "%25").replace("?", "%3f")
        return f"file:{path.replace('#', '%23')}?{query}"

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """Open one read transaction, so every query sees the same snapshot."""
        begin = "BEGIN" if self.dialect == SQLITE else READ_SNAPSHOT
        with self._transaction(begin) as connection:
            yield connection

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        """Open one write transaction: all of it commits, or none of it does.

        On SQLite it takes the write lock up front (BEGIN IMMEDIATE): a
        transaction that starts as a read and upgrades later fails at once
        with "database is locked" if another process wrote meanwhile, while
        BEGIN IMMEDIATE waits for the busy timeout instead.
        """
        begin = "BEGIN IMMEDIATE" if self.dialect == SQLITE else "BEGIN"
        with self._transaction(begin) as connection:
            yield connection

    @contextmanager
    def _transaction(self, begin: str) -> Iterator[Connection]:
        raw = self._begin(begin)
        try:
            yield Connection(raw, self.dialect)
        except BaseException:
            try:
                raw.execute("ROLLBACK")
            except Exception:
                raw.close()  # the original error is the one worth seeing
            else:
                self._give_back(raw)
            raise
        try:
            raw.execute("COMMIT")
        except BaseException:
            # A connection whose transaction state is unknown is not reused.
            raw.close()
            raise
        self._give_back(raw)

    def _begin(self, begin: str) -> Any:
        with self._lock:
            raw = self._idle.pop() if self._idle else None
        reused = raw is not None
        if raw is None:
            raw = self.connect()
        try:
            raw.execute(begin)
        except self.errors:
            raw.close()
            if not (reused and self.dialect == POSTGRESQL):
                raise
            # The server dropped a pooled connection (it restarted, say): one
            # new connection, rather than failing the person's command.
            raw = self.connect()
            try:
                raw.execute(begin)
            except BaseException:
                raw.close()
                raise
        except BaseException:
            raw.close()
            raise
        return raw

    def _give_back(self, raw: Any) -> None:
        if self.dialect == POSTGRESQL and raw.closed:
            return
        with self._lock:
            if len(self._idle) < POOL_SIZE:
                self._idle.append(raw)
                return
        raw.close()

    def close(self) -> None:
        """Close every idle connection (transactions in flight finish first)."""
        with self._lock:
            idle, self._idle = self._idle, []
        for raw in idle:
            raw.close()


class Connection:
    """One open transaction: run SQL written with ``?`` placeholders."""

    def __init__(self, raw: Any, dialect: str) -> None:
        self.raw = raw
        self.dialect = dialect
        self._sql = _as_is if dialect == SQLITE else _pyformat

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """Run one statement and return the driver's cursor."""
        return self.raw.execute(self._sql(sql), tuple(params))

    def execute_many(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        """Run one statement for each row of parameters."""
        cursor = self.raw.cursor()
        try:
            cursor.executemany(self._sql(sql), [tuple(row) for row in rows])
        finally:
            cursor.close()

    def all(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        """Return every row a query finds, as tuples."""
        return list(self.execute(sql, params).fetchall())

    def one(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """Return the first row a query finds, or None."""
        # fetchall, not fetchone: it runs the statement to its end, so an
        # INSERT ... RETURNING never stays half-open until the commit.
        rows = self.execute(sql, params).fetchall()
        return rows[0] if rows else None

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """Return the first column of the first row, or None."""
        row = self.one(sql, params)
        return None if row is None else row[0]

    def lock(self, name: str) -> None:
        """Serialise read-modify-write transactions on ``name`` until commit.

        SQLite write transactions already hold the whole database; PostgreSQL
        gets a transaction-scoped advisory lock, so two edits of the same
        thing queue up instead of one overwriting the other.
        """
        if self.dialect == POSTGRESQL:
            self.execute("SELECT pg_advisory_xact_lock(hashtext(?))", [name])

    def table_names(self) -> set[str]:
        """Return the names of the tables the database holds."""
        if self.dialect == SQLITE:
            query = (
                "SELECT name FROM sqlite_master WHERE type = 'table'"
                " AND name NOT LIKE 'sqlite!_%' ESCAPE '!'"
            )
        else:
            query = (
                "SELECT table_name FROM information_schema.tables"
                " WHERE table_schema = current_schema()"
            )
        return {str(name) for (name,) in self.all(query)}

    # Values going in ---------------------------------------------------------

    def moment(self, value: datetime | None) -> Any:
        """Return an aware moment as this back-end stores it (UTC)."""
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("the journal only stores timezone-aware moments")
        value = value.astimezone(UTC)
        if self.dialect == POSTGRESQL:
            return value
        # SQLite has no time type: naive UTC text, in the one format that
        # earlier releases wrote, so text order is time order.
        return value.replace(tzinfo=None).isoformat(" ", "microseconds")

    def day(self, value: date | None) -> Any:
        """Return a calendar day as this back-end stores it."""
        if value is None or self.dialect == POSTGRESQL:
            return value
        return value.isoformat()

    @staticmethod
    def json(value: Any) -> str:
        """Return a JSON document as text (PostgreSQL casts it to json)."""
        return json.dumps(value)


@cache
def _pyformat(sql: str) -> str:
    # psycopg's placeholder is %s, so a literal % must be doubled. Our SQL
    # never holds a ? inside a string literal.
    return sql.replace("%", "%%").replace("?", "%s")


def _as_is(sql: str) -> str:
    return sql


# Values coming out: each accepts what either back-end returns. -------------

UTC_SUFFIX = "+00:00"


def moment_of(value: Any) -> datetime:
    """Return a stored moment as an aware UTC datetime."""
    if isinstance(value, str):
        # Parsing with the offset attached is several times quicker than
        # datetime.replace(tzinfo=UTC) afterwards, on thousands of rows.
        return datetime.fromisoformat(value + UTC_SUFFIX)
    moment: datetime = value
    return moment.astimezone(UTC)


def optional_moment_of(value: Any) -> datetime | None:
    """Return a stored moment, or None for NULL."""
    return None if value is None else moment_of(value)


def day_of(value: Any) -> date | None:
    """Return a stored calendar day, or None for NULL."""
    if isinstance(value, str):
        return date.fromisoformat(value)
    day: date | None = value
    return day


def json_of(value: Any) -> Any:
    """Return a stored JSON document (psycopg has already decoded it)."""
    return json.loads(value) if isinstance(value, str) else value


def _apply(raw: Any, pragma: str) -> None:
    """Run a pragma, waiting while another process holds the database.

    Turning a brand-new file to WAL needs an exclusive lock, and SQLite may
    answer "database is locked" at once rather than call the busy handler
    while another process is creating the tables. Wait as a write would.
    """
    import time

    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            raw.execute(pragma)
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)
