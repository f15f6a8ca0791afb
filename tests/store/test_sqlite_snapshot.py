"""The standard-library snapshot reads back exactly what the Journal returns."""

from __future__ import annotations

import shutil
import sqlite3
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from knotwork.config import Settings
from knotwork.domain.records import (
    EXPERIENCE,
    POSITIONS,
    SIDES,
    TOLERANCES,
    WEEKDAYS,
    OwnedBall,
    PainEntry,
    Profile,
    RomEntry,
    SessionRecord,
    StepRecord,
    StopEvent,
)
from knotwork.kb.loader import load_kb
from knotwork.services.journal import Journal, open_journal
from knotwork.services.journal_checks import ball_ids, start_of_day, stop_sign_ids
from knotwork.store.migrate import HEAD_REVISION, upgrade
from knotwork.store.sqlite_snapshot import (
    SCHEMA_REVISION,
    JournalSnapshot,
    read_snapshot,
)

# Every example fills a fresh copy of one migrated database.
EXAMPLES = hypothesis_settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)

SPOTS = ["upper_trapezius", "levator_scapulae", "calf", "heel", "infraspinatus"]
CONDITIONS = sorted(c.id for c in load_kb().conditions)[:6]
RED_FLAGS = sorted(f.id for f in load_kb().red_flags)[:4]

texts = st.text(
    st.characters(exclude_categories=("Cs",), exclude_characters="\x00"),
    max_size=30,
)
labels = texts.filter(str.strip)
scores = st.integers(0, 10)
sides = st.none() | st.sampled_from(SIDES)
# Past moments in UTC, in other zones, and naive (the Journal reads those as
# local time), some with microseconds.
zones = st.sampled_from(
    [UTC, timezone(timedelta(hours=-5)), timezone(timedelta(hours=5, minutes=30))]
)
moments = st.datetimes(
    min_value=datetime(2015, 1, 1),
    max_value=datetime(2025, 12, 31),
    timezones=st.none() | zones,
)


@st.composite
def steps(draw: st.DrawFn) -> list[StepRecord]:
    indexes = draw(st.lists(st.integers(0, 20), unique=True, max_size=5))
    return [
        StepRecord(
            index=index,
            target=draw(st.sampled_from([*SPOTS, "movement", "retest"])),
            technique=draw(labels),
            ball=draw(st.none() | st.sampled_from(sorted(ball_ids()))),
            protocol=draw(st.sampled_from(["hold", "pin_and_stretch", "strip"])),
            planned_seconds=draw(st.integers(0, 600)),
            done_seconds=draw(st.integers(0, 600)),
            pressure_felt=draw(st.none() | scores),
            skipped=draw(st.booleans()),
            side=draw(sides),
        )
        for index in indexes
    ]


@st.composite
def session_records(draw: st.DrawFn, session_id: str) -> SessionRecord:
    started = draw(moments)
    stop = None
    if draw(st.booleans()):
        stop = StopEvent(
            sign=draw(st.sampled_from(sorted(stop_sign_ids()))),
            at=started + draw(st.timedeltas(timedelta(0), timedelta(hours=1))),
            step_index=draw(st.none() | st.integers(0, 20)),
            red_flag=draw(st.none() | st.sampled_from(RED_FLAGS)),
            advice=draw(labels),
        )
    return SessionRecord(
        id=session_id,
        routine=draw(labels),
        started_at=started,
        ended_at=draw(st.none() | st.just(started + timedelta(minutes=7))),
        steps=draw(steps()),
        pain_before=draw(st.dictionaries(st.sampled_from(SPOTS), scores)),
        pain_after=draw(st.dictionaries(st.sampled_from(SPOTS), scores)),
        retest=draw(st.none() | texts),
        retest_ease=draw(st.none() | scores),
        stop=stop,
        completed=draw(st.booleans()),
    )


def pain_entries(session_ids: list[str]) -> st.SearchStrategy[PainEntry]:
    linked = st.sampled_from(session_ids) if session_ids else st.none()
    return st.builds(
        PainEntry,
        spot=st.sampled_from(SPOTS),
        pain=scores,
        at=moments,
        side=sides,
        activity=st.none() | texts,
        note=st.none() | texts,
        session_id=st.none() | linked,
        phase=st.none() | st.sampled_from(["before", "after"]),
    )


rom_entries = st.builds(
    RomEntry,
    movement=labels,
    at=moments,
    degrees=st.none() | st.floats(0, 180),
    ease=scores,
    side=sides,
    spot=st.none() | st.sampled_from(SPOTS),
    note=st.none() | texts,
    session_id=st.none() | st.just("s-0"),
    phase=st.none() | st.sampled_from(["before", "after"]),
)


@st.composite
def profiles(draw: st.DrawFn) -> Profile:
    conditions = draw(st.lists(st.sampled_from(CONDITIONS), unique=True))
    balls = draw(
        st.dictionaries(
            st.sampled_from(sorted(ball_ids())),
            st.none() | st.dates(date(2015, 1, 1), date(2025, 1, 1)),
        )
    )
    return Profile(
        conditions=conditions,
        cleared=[c for c in conditions if draw(st.booleans())],
        tolerance=draw(st.sampled_from(TOLERANCES)),
        experience=draw(st.sampled_from(EXPERIENCE)),
        balls=[OwnedBall(ball, bought) for ball, bought in balls.items()],
        positions=draw(st.lists(st.sampled_from(POSITIONS), min_size=1, unique=True)),
        training_days=draw(st.lists(st.sampled_from(WEEKDAYS), unique=True)),
    )


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-1000, 1000) | texts
    | st.floats(allow_nan=False, allow_infinity=False),
    lambda inner: st.lists(inner, max_size=3)
    | st.dictionaries(texts, inner, max_size=3),
    max_leaves=8,
)  # fmt: skip
plans = st.fixed_dictionaries(
    {"days": st.lists(st.fixed_dictionaries({"sessions": st.lists(st.just({}))}))},
    optional={"note": json_values},
)


@dataclass
class Contents:
    """What one example logs, in the order it logs it."""

    sessions: list[SessionRecord]
    pain: list[PainEntry]
    rom: list[RomEntry]
    profile: Profile | None
    plans: list[dict[str, Any]] = field(default_factory=list)


@st.composite
def journal_contents(draw: st.DrawFn) -> Contents:
    count = draw(st.integers(0, 5))
    sessions = [draw(session_records(f"s-{n}")) for n in range(count)]
    ids = [s.id for s in sessions]
    return Contents(
        sessions=sessions,
        pain=draw(st.lists(pain_entries(ids), max_size=12)),
        rom=draw(st.lists(rom_entries, max_size=5)),
        profile=draw(st.none() | profiles()),
        plans=draw(st.lists(plans, max_size=3)),
    )


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return a database migrated to the head revision, to copy per example."""
    path = tmp_path_factory.mktemp("template") / "knotwork.db"
    open_journal(_settings(path)).close()
    return path


def _settings(path: Path) -> Settings:
    return Settings(database_url=f"sqlite:///{path}")


def _fresh_copy(template: Path) -> Path:
    path = template.parent / f"{uuid.uuid4().hex}.db"
    shutil.copyfile(template, path)
    return path


def _fill(journal: Journal, contents: Contents) -> None:
    for record in contents.sessions:
        journal.save_session(record)
    journal.log_pains(contents.pain)
    journal.log_roms(contents.rom)
    if contents.profile is not None:
        journal.update_profile(contents.profile)
    for plan in contents.plans:
        journal.save_plan(plan)


def _everything(journal: Journal) -> JournalSnapshot:
    found = journal.history()
    return JournalSnapshot(
        found.pain, found.rom, found.sessions, journal.profile(), journal.plans()
    )


@EXAMPLES
@given(
    contents=journal_contents(),
    spot=st.sampled_from(SPOTS),
    since=st.dates(date(2014, 12, 30), date(2026, 1, 2)),
)
def test_the_snapshot_is_what_the_journal_returns(
    template: Path, contents: Contents, spot: str, since: date
) -> None:
    path = _fresh_copy(template)
    start = start_of_day(since)
    with open_journal(_settings(path)) as journal:
        _fill(journal, contents)
        everything = _everything(journal)
        narrowed = (
            journal.pain_entries(spots=[spot], since=start),
            journal.rom_entries(spots=[spot], since=start),
            journal.sessions(since=start),
        )
    snapshot = read_snapshot(str(path))
    assert snapshot == everything
    # repr also tells True from 1, a dict's order and a moment's zone.
    assert repr(snapshot) == repr(everything)
    found = read_snapshot(str(path), spots=[spot], since=start)
    assert found is not None
    assert (found.pain, found.rom, found.sessions) == narrowed
    assert (found.profile, found.plans) == (everything.profile, everything.plans)


def test_each_session_keeps_its_scores_in_the_journals_order(template: Path) -> None:
    path = _fresh_copy(template)
    at = datetime(2024, 5, 1, 18, tzinfo=UTC)
    scores = {"upper_trapezius": 6, "calf": 3, "heel": 4}
    with open_journal(_settings(path)) as journal:
        journal.save_session(SessionRecord("s-1", "neck", at, None, [], scores, {}))
        expected = journal.sessions()
    found = read_snapshot(str(path))
    assert found is not None
    assert list(found.sessions[0].pain_before) == list(expected[0].pain_before)


def test_a_missing_file_reads_as_a_journal_never_written(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "knotwork.db"
    assert read_snapshot(str(path)) == JournalSnapshot([], [], [], Profile(), [])
    assert not path.parent.exists()  # reading never creates anything
    with open_journal(_settings(path)) as journal:
        assert read_snapshot(str(path)) == _everything(journal)


def test_the_reader_knows_the_newest_schema() -> None:
    assert SCHEMA_REVISION == HEAD_REVISION


def test_an_older_schema_is_left_to_the_journal_to_migrate(tmp_path: Path) -> None:
    path = tmp_path / "knotwork.db"
    upgrade(_settings(path), "0001")
    assert read_snapshot(str(path)) is None
    open_journal(_settings(path)).close()
    assert read_snapshot(str(path)) == JournalSnapshot([], [], [], Profile(), [])


def test_a_database_never_migrated_is_left_to_the_journal(tmp_path: Path) -> None:
    path = tmp_path / "knotwork.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE notes (text TEXT)")
    connection.close()
    assert read_snapshot(str(path)) is None


def test_a_file_that_is_no_database_is_left_to_the_journal(tmp_path: Path) -> None:
    path = tmp_path / "knotwork.db"
    path.write_bytes(b"not a database at all, " * 100)
    assert read_snapshot(str(path)) is None


def test_a_moment_stored_with_an_offset_is_left_to_the_journal(
    template: Path,
) -> None:
    path = _fresh_copy(template)
    with sqlite3.connect(path) as connection:
        connection.execute(
            "INSERT INTO pain_entries (spot, pain, at)"
            " VALUES ('calf', 3, '2024-01-01 10:00:00+02:00')"
        )
    connection.close()
    assert read_snapshot(str(path)) is None


def test_reading_leaves_the_file_as_it_was(template: Path) -> None:
    path = _fresh_copy(template)
    with open_journal(_settings(path)) as journal:
        journal.log_pain(PainEntry("calf", 4, datetime(2024, 1, 1, tzinfo=UTC)))
    # Characters a SQLite URI would otherwise read as query, fragment or escape.
    odd = template.parent / "odd ?#% name" / "knotwork.db"
    odd.parent.mkdir()
    shutil.copyfile(path, odd)
    before = odd.read_bytes()
    found = read_snapshot(str(odd))
    assert found is not None and [e.pain for e in found.pain] == [4]
    assert odd.read_bytes() == before
