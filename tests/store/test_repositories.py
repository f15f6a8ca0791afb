"""Repositories give back exactly the records they were given, on both back-ends."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from knotwork.domain.journal.records import (
    POSITIONS,
    SIDES,
    WEEKDAYS,
    OwnedBall,
    PainEntry,
    Profile,
    RomEntry,
    SessionRecord,
    StepRecord,
    StopEvent,
)
from knotwork.services.journal import Journal
from knotwork.store import journal_repo, plan_repo, profile_repo, session_repo
from tests.store.databases import (  # noqa: F401
    database_settings,
    open_test_journal,
)

# A fixture-backed database is shared by the examples, so each one wipes it.
EXAMPLES = hypothesis_settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)

texts = st.text(
    st.characters(exclude_categories=("Cs",), exclude_characters="\x00"),
    max_size=40,
)
ids = st.sampled_from(["upper_trapezius", "calf", "heel", "infraspinatus"])
sides = st.none() | st.sampled_from(SIDES)
moments = st.datetimes(
    min_value=datetime(1990, 1, 1),
    max_value=datetime(2090, 1, 1),
    timezones=st.just(UTC),
)
scores = st.integers(0, 10)

pain_entries = st.builds(
    PainEntry,
    spot=ids,
    pain=scores,
    at=moments,
    side=sides,
    activity=st.none() | texts,
    note=st.none() | texts,
    session_id=st.none() | st.just("s-1"),
    phase=st.none() | st.sampled_from(["before", "after"]),
)
rom_entries = st.builds(
    RomEntry,
    movement=texts.filter(str.strip),
    at=moments,
    degrees=st.floats(0, 180),
    ease=st.none() | scores,
    side=sides,
    spot=st.none() | ids,
    note=st.none() | texts,
    session_id=st.none() | st.just("s-1"),
    phase=st.none() | st.sampled_from(["before", "after"]),
)


@st.composite
def session_records(draw: st.DrawFn) -> SessionRecord:
    started = draw(moments)
    steps = [
        StepRecord(
            index=i,
            target=draw(ids),
            technique=draw(texts),
            ball=draw(st.none() | st.just("lacrosse")),
            protocol=draw(st.sampled_from(["hold", "pin_and_stretch"])),
            planned_seconds=draw(st.integers(0, 600)),
            done_seconds=draw(st.integers(0, 600)),
            pressure_felt=draw(st.none() | scores),
            skipped=draw(st.booleans()),
            side=draw(sides),
        )
        for i in range(draw(st.integers(0, 4)))
    ]
    stop = draw(
        st.none()
        | st.builds(
            StopEvent,
            sign=st.just("tingling"),
            at=st.just(started + timedelta(minutes=2)),
            step_index=st.none() | st.integers(0, 3),
            red_flag=st.none() | st.just("tingling"),
            advice=texts,
        )
    )
    return SessionRecord(
        id=draw(st.uuids()).hex,
        routine=draw(texts.filter(str.strip)),
        started_at=started,
        ended_at=draw(st.none() | st.just(started + timedelta(minutes=5))),
        steps=steps,
        pain_before=dict(sorted(draw(st.dictionaries(ids, scores)).items())),
        pain_after=dict(sorted(draw(st.dictionaries(ids, scores)).items())),
        retest=draw(st.none() | texts),
        retest_ease=draw(st.none() | scores),
        stop=stop,
        completed=draw(st.booleans()),
    )


def _wipe(journal: Journal) -> None:
    with journal.database.writing() as connection:
        journal_repo.delete_everything(connection)


@EXAMPLES
@given(entries=st.lists(pain_entries, max_size=12))
def test_pain_entries_round_trip_oldest_first(
    journal: Journal, entries: list[PainEntry]
) -> None:
    _wipe(journal)
    with journal.database.writing() as connection:
        assert journal_repo.add_pains(connection, entries) == len(entries)
    with journal.database.reading() as connection:
        back = journal_repo.pain_entries_in(connection)
    # sorted() is stable, so equal moments keep the order they were logged in.
    assert back == sorted(entries, key=lambda e: e.at)


@EXAMPLES
@given(entries=st.lists(rom_entries, max_size=8))
def test_rom_entries_round_trip(journal: Journal, entries: list[RomEntry]) -> None:
    _wipe(journal)
    with journal.database.writing() as connection:
        journal_repo.add_roms(connection, entries)
    with journal.database.reading() as connection:
        assert journal_repo.rom_entries_in(connection) == sorted(
            entries, key=lambda e: e.at
        )


@EXAMPLES
@given(records=st.lists(session_records(), max_size=3))
def test_sessions_round_trip_with_steps_pain_and_stop(
    journal: Journal, records: list[SessionRecord]
) -> None:
    _wipe(journal)
    with journal.database.writing() as connection:
        for record in records:
            session_repo.save_session(connection, record)
    with journal.database.reading() as connection:
        back = session_repo.sessions_in(connection)
    assert back == sorted(records, key=lambda r: (r.started_at, r.id))


@EXAMPLES
@given(
    conditions=st.sets(st.sampled_from(["osteoporosis", "pregnancy", "diabetes"])),
    balls=st.dictionaries(
        st.sampled_from(["lacrosse", "tennis", "peanut"]),
        st.none() | st.dates(date(2015, 1, 1), date(2025, 1, 1)),
    ),
    positions=st.lists(st.sampled_from(POSITIONS), min_size=1, unique=True),
    days=st.lists(st.sampled_from(WEEKDAYS), unique=True),
    data=st.data(),
)
def test_profile_round_trips(
    journal: Journal,
    conditions: set[str],
    balls: dict[str, date | None],
    positions: list[str],
    days: list[str],
    data: st.DataObject,
) -> None:
    ordered = sorted(conditions)
    cleared = [c for c in ordered if data.draw(st.booleans())]
    person = Profile(
        conditions=ordered,
        cleared=cleared,
        tolerance=data.draw(st.sampled_from(["low", "medium", "high"])),
        experience=data.draw(st.sampled_from(["new", "some", "lots"])),
        balls=[OwnedBall(b, balls[b]) for b in sorted(balls)],
        positions=positions,
        training_days=days,
    )
    with journal.database.writing() as connection:
        profile_repo.save_profile(connection, person, datetime.now(UTC))
    with journal.database.reading() as connection:
        assert profile_repo.load_profile(connection) == person


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**40), 2**40) | texts,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(texts, inner, max_size=3)
    ),
    max_leaves=10,
)


@EXAMPLES
@given(plan=st.dictionaries(texts, json_values, max_size=4))
def test_plans_keep_their_json(journal: Journal, plan: dict[str, Any]) -> None:
    _wipe(journal)
    with journal.database.writing() as connection:
        plan_id = plan_repo.add_plan(connection, plan, datetime.now(UTC))
    with journal.database.reading() as connection:
        (saved,) = plan_repo.saved_plans(connection)
    assert (saved.id, saved.plan) == (plan_id, plan)


def test_no_profile_yet_means_the_default(journal: Journal) -> None:
    with journal.database.reading() as connection:
        assert profile_repo.load_profile(connection) == Profile()


def test_saving_a_session_again_replaces_it(journal: Journal) -> None:
    start = datetime(2025, 3, 1, 9, tzinfo=UTC)
    first = SessionRecord(
        "s-1",
        "desk_five",
        start,
        None,
        steps=[StepRecord(0, "calf", "t", None, "hold", 60, 30)],
        pain_before={"calf": 5},
    )
    final = SessionRecord(
        "s-1",
        "desk_five",
        start,
        start + timedelta(minutes=6),
        pain_before={"calf": 5},
        pain_after={"calf": 2},
        completed=True,
    )
    with journal.database.writing() as connection:
        session_repo.save_session(connection, first)
        session_repo.save_session(connection, final)
    with journal.database.reading() as connection:
        assert session_repo.sessions_in(connection) == [final]


def test_filters_by_spot_and_window(journal: Journal) -> None:
    day = datetime(2025, 3, 1, 9, tzinfo=UTC)
    entries = [
        PainEntry("calf", 4, day),
        PainEntry("heel", 3, day + timedelta(days=1)),
        PainEntry("calf", 2, day + timedelta(days=2)),
    ]
    with journal.database.writing() as connection:
        journal_repo.add_pains(connection, entries)
    with journal.database.reading() as connection:
        calf = journal_repo.pain_entries_in(connection, spots=["calf"])
        later = journal_repo.pain_entries_in(
            connection, since=day + timedelta(hours=1), until=day + timedelta(days=2)
        )
    assert calf == [entries[0], entries[2]]
    assert later == [entries[1]]


def test_forgetting_everything_empties_every_table_of_the_schema(
    journal: Journal,
) -> None:
    from knotwork.domain.safety.health_facts import ScreenAnswers

    day = datetime(2025, 3, 1, 9, tzinfo=UTC)
    journal.log_pain(PainEntry("calf", 4, day))
    journal.log_rom(RomEntry("neck rotation", day, degrees=60.0))
    journal.save_session(
        SessionRecord(
            "s-1", "desk_five", day, None,
            steps=[StepRecord(0, "calf", "t", None, "hold", 60, 30)],
            pain_before={"calf": 5},
            stop=StopEvent("tingling", day, 0, None, "Stop."),
        )
    )  # fmt: skip
    journal.add_ball("lacrosse")
    journal.add_condition("osteoporosis")
    journal.set_health(ScreenAnswers("50_plus", None, None, (), False))
    journal.save_plan({"week": "2025-W09"})
    with journal.database.reading() as connection:
        # Every table (but Alembic's own) holds a row, so the test means it.
        tables = connection.table_names() - {"alembic_version"}
        assert all(connection.one(f"SELECT 1 FROM {t}") for t in tables)
    journal.forget_all()
    with journal.database.reading() as connection:
        assert journal_repo.is_empty(connection)
        assert not any(connection.one(f"SELECT 1 FROM {t}") for t in tables)
