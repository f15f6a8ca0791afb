"""Journal tables as CSV for spreadsheets: one table, or all of them in a zip.

Times are written in the person's local time as ``YYYY-MM-DD HH:MM:SS``,
which spreadsheets read as dates; the JSON export is the lossless one. Files
are UTF-8 with a byte-order mark so spreadsheet programs pick the right
encoding, and text that a spreadsheet would run as a formula is quoted.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any

from knotwork.domain.journal.records import PainEntry, RomEntry, SessionRecord
from knotwork.errors import KnotworkError
from knotwork.exports.atomic import write_atomically
from knotwork.exports.json_export import ExportBundle

TABLES = ("pain", "rom", "sessions", "session_pain", "session_steps")
# A fixed timestamp inside the zip keeps the same data byte-for-byte identical.
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class UnknownTable(KnotworkError):
    """A CSV table name that does not exist, or a file name it cannot take."""


def _cell(value: Any, tz: tzinfo | None) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        local = value if value.tzinfo is None else value.astimezone(tz)
        return local.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value  # stop a spreadsheet from running the text as a formula
    return value


def _pain_rows(entries: Sequence[PainEntry]) -> Iterable[list[Any]]:
    yield ["at", "spot", "side", "pain", "activity", "note", "session_id", "phase"]
    for e in sorted(entries, key=lambda e: e.at):
        yield [e.at, e.spot, e.side, e.pain, e.activity, e.note, e.session_id, e.phase]


def _rom_rows(entries: Sequence[RomEntry]) -> Iterable[list[Any]]:
    yield [
        "at", "movement", "side", "spot", "degrees", "ease", "note", "session_id",
        "phase",
    ]  # fmt: skip
    for e in sorted(entries, key=lambda e: e.at):
        yield [
            e.at,
            e.movement,
            e.side,
            e.spot,
            e.degrees,
            e.ease,
            e.note,
            e.session_id,
            e.phase,
        ]


def _session_rows(sessions: Sequence[SessionRecord]) -> Iterable[list[Any]]:
    yield [
        "id", "routine", "started_at", "ended_at", "completed", "steps_done",
        "steps_skipped", "seconds_under_pressure", "retest", "retest_ease",
        "stop_sign", "stop_red_flag", "stop_at", "stop_advice",
    ]  # fmt: skip
    for s in sorted(sessions, key=lambda s: s.started_at):
        done = [step for step in s.steps if not step.skipped]
        stop = s.stop
        yield [
            s.id, s.routine, s.started_at, s.ended_at, s.completed, len(done),
            len(s.steps) - len(done), sum(step.done_seconds for step in done),
            s.retest, s.retest_ease,
            stop and stop.sign, stop and stop.red_flag, stop and stop.at,
            stop and stop.advice,
        ]  # fmt: skip


def _session_pain_rows(sessions: Sequence[SessionRecord]) -> Iterable[list[Any]]:
    yield ["session_id", "started_at", "spot", "before", "after", "drop"]
    for s in sorted(sessions, key=lambda s: s.started_at):
        for spot in sorted(set(s.pain_before) | set(s.pain_after)):
            before, after = s.pain_before.get(spot), s.pain_after.get(spot)
            drop = None if before is None or after is None else before - after
            yield [s.id, s.started_at, spot, before, after, drop]


def _step_rows(sessions: Sequence[SessionRecord]) -> Iterable[list[Any]]:
    yield [
        "session_id", "index", "target", "side", "technique", "ball", "protocol",
        "planned_seconds", "done_seconds", "pressure_felt", "skipped",
    ]  # fmt: skip
    for s in sorted(sessions, key=lambda s: s.started_at):
        for t in s.steps:
            yield [
                s.id, t.index, t.target, t.side, t.technique, t.ball, t.protocol,
                t.planned_seconds, t.done_seconds, t.pressure_felt, t.skipped,
            ]  # fmt: skip


_ROWS: dict[str, Callable[[ExportBundle], Iterable[list[Any]]]] = {
    "pain": lambda b: _pain_rows(b.pain),
    "rom": lambda b: _rom_rows(b.rom),
    "sessions": lambda b: _session_rows(b.sessions),
    "session_pain": lambda b: _session_pain_rows(b.sessions),
    "session_steps": lambda b: _step_rows(b.sessions),
}


def csv_table(bundle: ExportBundle, table: str, tz: tzinfo | None = None) -> str:
    """Return one table as CSV text."""
    if table not in _ROWS:
        raise UnknownTable(f"no table '{table}'; choose from {', '.join(TABLES)}")
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in _ROWS[table](bundle):
        writer.writerow([_cell(v, tz) for v in row])
    return buffer.getvalue()


def csv_zip(bundle: ExportBundle, tz: tzinfo | None = None) -> bytes:
    """Return every table as ``<table>.csv`` inside a zip archive."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for table in TABLES:
            info = zipfile.ZipInfo(f"{table}.csv", date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, csv_table(bundle, table, tz).encode("utf-8-sig"))
    return buffer.getvalue()


def csv_files(path: Path, table: str | None = None) -> list[tuple[str, Path]]:
    """Return which table goes to which file for ``path``.

    A ``.zip`` holds every table. A ``.csv`` with a table named holds that
    table; without one, every table is written beside it as
    ``<stem>-<table>.csv``, so nothing the journal holds is silently left out.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".zip"):
        raise UnknownTable(f"'{path}': CSV goes to a .csv file or a .zip of tables")
    if table is not None and table not in TABLES:
        raise UnknownTable(f"no table '{table}'; choose from {', '.join(TABLES)}")
    if suffix == ".zip" or table is not None:
        return [(table or "all", path)]
    return [(t, path.with_name(f"{path.stem}-{t}.csv")) for t in TABLES]


def write_csv(
    path: Path,
    bundle: ExportBundle,
    table: str | None = None,
    tz: tzinfo | None = None,
) -> list[Path]:
    """Write every table (a .zip, or one .csv each), or one; return the files.

    When several files are written and one fails, those already written are
    removed again, so a failed export leaves nothing half-done behind.
    """
    written: list[Path] = []
    try:
        for name, target in csv_files(path, table):
            if name == "all":
                data = csv_zip(bundle, tz)
            else:
                data = csv_table(bundle, name, tz).encode("utf-8-sig")
            write_atomically(target, data)
            written.append(target)
    except BaseException:
        for done in written:
            done.unlink(missing_ok=True)
        raise
    return written
