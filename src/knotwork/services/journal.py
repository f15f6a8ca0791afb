"""The journal: what a person felt and did, kept safely in their database.

``open_journal(settings)`` returns a ``Journal`` whose schema is current. Every
write is one transaction and is checked first, so bad input changes nothing.
Moments come back timezone-aware in UTC; naive moments going in are local.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any, TypeVar

from knotwork.domain.journal.extra_records import SavedPlan
from knotwork.domain.journal.records import (
    InvalidRecord,
    PainEntry,
    Profile,
    RomEntry,
    SessionRecord,
)
from knotwork.domain.journal.spots import resolve_spot
from knotwork.domain.names import spot_ids
from knotwork.errors import KnotworkError
from knotwork.kb.record import field, record
from knotwork.services import journal_checks as checks
from knotwork.services.journal_location import describe_location
from knotwork.services.journal_profile import Clock, JournalProfile
from knotwork.store import journal_repo, plan_repo, profile_repo, session_repo
from knotwork.store.db import Connection, Database
from knotwork.store.schema import ensure_current

if TYPE_CHECKING:
    from knotwork.config import Settings
    from knotwork.exports.json_export import ExportBundle

RecordT = TypeVar("RecordT")


class JournalUnavailable(KnotworkError, RuntimeError):
    """The database could not be opened or migrated."""


@record
class History:
    """Everything logged in a window, oldest first."""

    pain: list[PainEntry] = field(default_factory=list)
    rom: list[RomEntry] = field(default_factory=list)
    sessions: list[SessionRecord] = field(default_factory=list)


@record
class Snapshot(History):
    """A history with the profile and plans, all read in one transaction."""

    profile: Profile = field(default_factory=Profile)
    plans: list[SavedPlan] = field(default_factory=list)


def touches(record: SessionRecord, spot: str) -> bool:
    """Whether a session scored or worked ``spot``."""
    return (
        spot in record.pain_before
        or spot in record.pain_after
        or any(step.target == spot for step in record.steps)
    )


def utc_now() -> datetime:
    """Return the current moment in UTC."""
    return datetime.now(UTC)


def open_journal(settings: Settings, clock: Clock = utc_now) -> Journal:
    """Open the configured journal, upgrading its schema on first use."""
    return open_journal_at(settings.database_url, clock)


def open_journal_at(url: str, clock: Clock = utc_now) -> Journal:
    """Open the journal at a URL ``Settings`` accepted; upgrade it if behind."""
    database = Database(url)
    try:
        ensure_current(database)
    except OSError as error:  # e.g. KNOTWORK_HOME names a file, or is read-only
        raise JournalUnavailable(
            f"cannot open the journal at {database.path or url}: {error}"
        ) from error
    except database.errors as error:
        database.close()
        where = database.path or "the PostgreSQL server"
        reason = (str(error).strip().splitlines() or [type(error).__name__])[0]
        message = f"cannot open the journal at {where}: {reason}"
        raise JournalUnavailable(message) from error
    return Journal(database, clock)


def read_history(
    environ: Mapping[str, str],
    spot: str | None = None,
    since: date | None = None,
) -> Snapshot | None:
    """Return ``Journal.snapshot(spot, since)`` for the journal ``environ`` names.

    Without ``Settings``, whose pydantic import would cost a scripted
    `progress --json` most of its budget. None means the journal cannot be
    read (a URL ``Settings`` refuses, a server that does not answer): open
    it through ``Settings`` for the message a person should see. A SQLite
    journal that was never written is read as empty, and not created.
    """
    from knotwork.paths import UnsafeDatabaseUrl, database_location, sqlite_file

    if spot is not None:
        checks.check_spot(spot)  # before any database: a typo is the message
    try:
        url = database_location(environ)
    except UnsafeDatabaseUrl:
        return None
    path = sqlite_file(url)
    if path is not None and not os.path.exists(path):
        return Snapshot()
    try:
        journal = open_journal_at(url)
    except JournalUnavailable:
        return None
    with journal:
        return journal.snapshot(spot, since)


def save_session_record(record: SessionRecord, settings: Settings | None = None) -> str:
    """Keep a guided session (finished or interrupted); return where it went.

    For the guided-session adapters; ``settings`` default to the environment's.
    """
    if settings is None:
        from knotwork.config import Settings

        settings = Settings()
    with open_journal(settings) as journal:
        journal.save_session(record)
    return describe_location(settings)


class Journal(JournalProfile):
    """One person's journal in an open database.

    The profile's methods (``profile``, ``change_profile``, ``add_ball``...)
    come from ``JournalProfile``.
    """

    def __init__(self, database: Database, clock: Clock = utc_now) -> None:
        self.database = database
        self.clock = clock

    def close(self) -> None:
        """Release the database connections."""
        self.database.close()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """Open one write transaction for callers that batch (e.g. import)."""
        with self.database.writing() as connection:
            yield connection

    # Entries -----------------------------------------------------------------

    def resolve_spot(self, text: str) -> str:
        """Return the muscle or region id for an id, a name or words ("traps").

        People's adapters (the CLI, the pages) call this; the API takes ids.
        """
        return resolve_spot(text, spot_ids())

    def log_pain(self, entry: PainEntry) -> int:
        """Check and keep one pain entry; return its id."""
        entry = checks.check_pain_entry(entry, self.clock())
        with self.database.writing() as connection:
            return journal_repo.add_pain(connection, entry)

    def log_pains(self, entries: Iterable[PainEntry]) -> int:
        """Check and keep many pain entries at once, all or none; return how many."""
        now = self.clock()
        checked = [checks.check_pain_entry(e, now) for e in entries]
        with self.database.writing() as connection:
            return journal_repo.add_pains(connection, checked)

    def log_rom(self, entry: RomEntry) -> int:
        """Check and keep one range-of-motion re-test; return its id."""
        entry = checks.check_rom_entry(entry, self.clock())
        with self.database.writing() as connection:
            return journal_repo.add_rom(connection, entry)

    def log_roms(self, entries: Iterable[RomEntry]) -> int:
        """Check and keep many range-of-motion entries, all or none."""
        now = self.clock()
        checked = [checks.check_rom_entry(e, now) for e in entries]
        with self.database.writing() as connection:
            return journal_repo.add_roms(connection, checked)

    def pain_entries(
        self,
        spots: Sequence[str] | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
    ) -> list[PainEntry]:
        """Return pain entries, oldest first, optionally for some spots only."""
        with self.database.reading() as connection:
            return journal_repo.pain_entries_in(
                connection, spots=spots, since=_aware(since), until=_aware(until)
            )

    def rom_entries(
        self,
        spots: Sequence[str] | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
    ) -> list[RomEntry]:
        """Return range-of-motion entries, oldest first."""
        with self.database.reading() as connection:
            return journal_repo.rom_entries_in(
                connection, spots=spots, since=_aware(since), until=_aware(until)
            )

    def history(self, spot: str | None = None, since: date | None = None) -> History:
        """Return pain, re-tests and sessions since a day, for one spot or all."""
        if spot is not None:
            checks.check_spot(spot)
        start = None if since is None else checks.start_of_day(since)
        with self.database.reading() as connection:
            return _history(connection, spot, start)

    def snapshot(self, spot: str | None = None, since: date | None = None) -> Snapshot:
        """Return ``history(spot, since)``, the profile and the plans at once.

        One transaction, so a report never mixes two moments of the journal.
        """
        if spot is not None:
            checks.check_spot(spot)
        start = None if since is None else checks.start_of_day(since)
        with self.database.reading() as connection:
            found = _history(connection, spot, start)
            return Snapshot(
                pain=found.pain,
                rom=found.rom,
                sessions=found.sessions,
                profile=profile_repo.load_profile(connection),
                plans=plan_repo.saved_plans(connection),
            )

    # Sessions ----------------------------------------------------------------

    def save_session(self, record: SessionRecord) -> None:
        """Check and keep a session; saving the same id again replaces it."""
        record = checks.check_session(record, self.clock())
        with self.database.writing() as connection:
            session_repo.save_session(connection, record)

    def sessions(
        self, since: datetime | None = None, until: datetime | None = None
    ) -> list[SessionRecord]:
        """Return sessions, oldest first."""
        with self.database.reading() as connection:
            return session_repo.sessions_in(
                connection, since=_aware(since), until=_aware(until)
            )

    def session(self, session_id: str) -> SessionRecord | None:
        """Return one session, or None."""
        with self.database.reading() as connection:
            found = session_repo.sessions_in(connection, ids=[session_id])
        return found[0] if found else None

    # Export and import -------------------------------------------------------

    def export_bundle(self) -> ExportBundle:
        """Return everything the journal holds, ready for any export format."""
        from knotwork.exports.json_export import ExportBundle

        found = self.history()
        return ExportBundle(
            profile=self.profile(),
            pain=list(found.pain),
            rom=list(found.rom),
            sessions=list(found.sessions),
            plans=self.plans(),
        )

    def import_bundle(self, bundle: ExportBundle) -> None:
        """Check every record of an export, then store all of it or nothing.

        Only an empty journal takes an import, so importing twice can never
        double the entries.
        """
        now = self.clock()
        person = checks.check_profile(bundle.profile, now.astimezone().date())
        pain = [
            _located(checks.check_pain_entry, e, now, f"pain entry {n}")
            for n, e in enumerate(bundle.pain, 1)
        ]
        rom = [
            _located(checks.check_rom_entry, e, now, f"re-test {n}")
            for n, e in enumerate(bundle.rom, 1)
        ]
        done = [
            _located(checks.check_session, s, now, f"session {s.id!r}")
            for s in bundle.sessions
        ]
        if len({s.id for s in done}) != len(done):
            raise InvalidRecord("two sessions share the same id")
        plans = [
            (checks.aware(p.created_at), checks.check_plan(p.plan))
            for p in bundle.plans
        ]
        with self.database.writing() as connection:
            if not journal_repo.is_empty(connection):
                raise InvalidRecord(
                    "the journal already holds data; import needs an empty one "
                    "(knotwork forget --all empties it)"
                )
            profile_repo.save_profile(connection, person, now)
            journal_repo.add_pains(connection, pain)
            journal_repo.add_roms(connection, rom)
            for record in done:
                session_repo.save_session(connection, record)
            for created_at, plan in plans:
                plan_repo.add_plan(connection, plan, created_at)

    # Plans and deletion ------------------------------------------------------

    def save_plan(self, plan: Mapping[str, Any]) -> int:
        """Keep a weekly plan (plain JSON); return its id."""
        checked = checks.check_plan(plan)
        with self.database.writing() as connection:
            return plan_repo.add_plan(connection, checked, self.clock())

    def plans(self) -> list[SavedPlan]:
        """Return every saved weekly plan, oldest first."""
        with self.database.reading() as connection:
            return plan_repo.saved_plans(connection)

    def forget_all(self) -> None:
        """Delete everything, then compact SQLite so no trace stays on disk."""
        with self.database.writing() as connection:
            journal_repo.delete_everything(connection)
        if self.database.dialect == "sqlite":
            # Outside any transaction, which VACUUM refuses to run in.
            raw = self.database.connect()
            try:
                raw.execute("VACUUM")
                raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                raw.close()


def _located(
    check: Callable[[RecordT, datetime], RecordT],
    record: RecordT,
    now: datetime,
    where: str,
) -> RecordT:
    """Run a check, naming the record that failed."""
    try:
        return check(record, now)
    except InvalidRecord as error:
        raise InvalidRecord(f"{where}: {error}") from None


def _aware(moment: datetime | None) -> datetime | None:
    return None if moment is None else checks.aware(moment)


def _history(
    connection: Connection, spot: str | None, start: datetime | None
) -> History:
    spots = None if spot is None else [spot]
    pain = journal_repo.pain_entries_in(connection, spots=spots, since=start)
    rom = journal_repo.rom_entries_in(connection, spots=spots, since=start)
    done = session_repo.sessions_in(connection, since=start)
    if spot is not None:
        done = [s for s in done if touches(s, spot)]
    return History(pain=pain, rom=rom, sessions=done)
