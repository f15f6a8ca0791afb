"""The JSON export is lossless, and a bad file is refused whole, naming the fault."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from knotwork.domain.journal.extra_records import SavedPlan
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
from knotwork.domain.names import (
    ball_ids,
    condition_ids,
    red_flag_ids,
    stop_sign_ids,
)
from knotwork.domain.safety.health_facts import AGE_BANDS, HealthFacts
from knotwork.exports.json_export import (
    ExportBundle,
    InvalidExportField,
    MalformedExport,
    UnsupportedExport,
    export_text,
    write_export,
)
from knotwork.exports.json_import import parse_export
from knotwork.kb.loader import load_kb

KB = load_kb()
SPOTS = sorted(m.id for m in KB.muscles) + sorted(r.id for r in KB.regions)
ZONES = [UTC, timezone(timedelta(hours=2)), timezone(-timedelta(hours=5, minutes=30))]

moments = st.datetimes(
    min_value=datetime(2000, 1, 1),
    max_value=datetime(2025, 12, 31),  # the journal holds nothing ahead
    timezones=st.sampled_from(ZONES),
)
plain = st.characters(exclude_categories=("Cs",), exclude_characters="\x00")
labels = st.text(plain, min_size=1, max_size=20).filter(str.strip)
notes = st.none() | st.text(plain, max_size=40)
sides = st.none() | st.sampled_from(SIDES)
scores = st.integers(0, 10)
spots = st.sampled_from(SPOTS)


def unique(items: st.SearchStrategy[Any], **kw: int) -> st.SearchStrategy[list[Any]]:
    return st.lists(items, unique=True, **kw)


pain_entries = st.builds(
    PainEntry,
    spot=spots,
    pain=scores,
    at=moments,
    side=sides,
    activity=st.none() | st.text(plain, max_size=80),
    note=notes,
    session_id=st.none() | labels,
    phase=st.none() | st.sampled_from(["before", "after"]),
)


@st.composite
def rom_entries(draw: st.DrawFn) -> RomEntry:
    degrees = draw(st.none() | st.floats(0, 180, allow_nan=False))
    ease = draw(scores if degrees is None else st.none() | scores)
    return RomEntry(
        movement=draw(labels),
        at=draw(moments),
        degrees=degrees,
        ease=ease,
        side=draw(sides),
        spot=draw(st.none() | spots),
        note=draw(notes),
        session_id=draw(st.none() | labels),
        phase=draw(st.none() | st.sampled_from(["before", "after"])),
    )


@st.composite
def sessions(draw: st.DrawFn, sid: str) -> SessionRecord:
    started = draw(moments)
    indexes = draw(unique(st.integers(0, 30), max_size=4))
    steps = [
        StepRecord(
            i,
            draw(spots),
            draw(labels),
            draw(st.none() | st.sampled_from(sorted(ball_ids()))),
            draw(labels),
            draw(st.integers(0, 600)),
            draw(st.integers(0, 600)),
            draw(st.none() | scores),
            draw(st.booleans()),
            draw(sides),
        )
        for i in indexes
    ]
    stop = None
    if draw(st.booleans()):
        stop = StopEvent(
            draw(st.sampled_from(sorted(stop_sign_ids()))),
            started + timedelta(seconds=draw(st.integers(0, 3600))),
            draw(st.none() | st.integers(0, 30)),
            draw(st.none() | st.sampled_from(sorted(red_flag_ids()))),
            draw(labels),
        )
    ended = draw(st.none() | st.just(started + timedelta(minutes=7)))
    return SessionRecord(
        id=sid,
        routine=draw(labels),
        started_at=started,
        ended_at=ended,
        steps=steps,
        pain_before=draw(st.dictionaries(spots, scores, max_size=3)),
        pain_after=draw(st.dictionaries(spots, scores, max_size=3)),
        retest=draw(notes),
        retest_ease=draw(st.none() | scores),
        stop=stop,
        completed=draw(st.booleans()),
    )


days = st.dates(date(2024, 1, 1), date(2026, 1, 1))
health_answers = st.builds(
    lambda age, weeks, day, birth, medicines: HealthFacts(
        age_band=age,
        pregnant_weeks=weeks,
        pregnant_as_of=None if weeks is None else day,
        gave_birth_on=birth,
        medicines=tuple(medicines),
        screened_on=day,
    ),
    st.none() | st.sampled_from(AGE_BANDS),
    st.none() | st.integers(0, 42),
    days,
    st.none() | days,
    unique(st.text(plain, min_size=1, max_size=20).filter(str.strip), max_size=3),
)


@st.composite
def profiles(draw: st.DrawFn) -> Profile:
    conditions = draw(unique(st.sampled_from(sorted(condition_ids())), max_size=4))
    cleared = draw(unique(st.sampled_from(conditions))) if conditions else []
    balls = [
        OwnedBall(b, draw(st.none() | st.dates(date(2015, 1, 1), date(2025, 1, 1))))
        for b in draw(unique(st.sampled_from(sorted(ball_ids())), max_size=3))
    ]
    return Profile(
        conditions=conditions,
        cleared=cleared,
        tolerance=draw(st.sampled_from(["low", "medium", "high"])),
        experience=draw(st.sampled_from(["new", "some", "lots"])),
        balls=balls,
        positions=draw(unique(st.sampled_from(POSITIONS), min_size=1)),
        training_days=draw(unique(st.sampled_from(WEEKDAYS))),
        health=draw(st.just(HealthFacts()) | health_answers),
    )


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.text(plain, max_size=10)
    | st.floats(allow_nan=False, allow_infinity=False),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.text(plain, max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
plans = st.builds(
    SavedPlan,
    id=st.integers(1, 99),
    created_at=moments,
    plan=st.dictionaries(st.text(plain, max_size=8), json_values, max_size=4),
)


@st.composite
def bundles(draw: st.DrawFn) -> ExportBundle:
    count = draw(st.integers(0, 3))
    return ExportBundle(
        profile=draw(profiles()),
        pain=draw(st.lists(pain_entries, max_size=6)),
        rom=draw(st.lists(rom_entries(), max_size=3)),
        sessions=[draw(sessions(f"s{n}")) for n in range(count)],
        plans=draw(st.lists(plans, max_size=2)),
    )


@settings(deadline=None, max_examples=80)
@given(bundles())
def test_export_parse_export_is_identical(bundle: ExportBundle) -> None:
    text = export_text(bundle)
    again = parse_export(text)
    assert export_text(again) == text
    assert sorted(again.pain, key=repr) == sorted(bundle.pain, key=repr)
    assert sorted(again.rom, key=repr) == sorted(bundle.rom, key=repr)
    by_id = {s.id: s for s in bundle.sessions}
    assert {s.id: s for s in again.sessions} == by_id
    assert set(again.profile.conditions) == set(bundle.profile.conditions)
    assert set(again.profile.balls) == set(bundle.profile.balls)
    assert again.profile.health == bundle.profile.health
    assert sorted(
        (p.created_at, json.dumps(p.plan, sort_keys=True)) for p in again.plans
    ) == sorted(
        (p.created_at, json.dumps(p.plan, sort_keys=True)) for p in bundle.plans
    )


def test_record_order_does_not_change_the_export() -> None:
    at = datetime(2025, 1, 2, 8, tzinfo=UTC)
    entries = [
        PainEntry("calf", 3, at),
        PainEntry("calf", 5, at),
        PainEntry("calf", 4, at - timedelta(hours=1)),
    ]
    forward = export_text(ExportBundle(pain=entries))
    assert export_text(ExportBundle(pain=entries[::-1])) == forward


def test_write_export_writes_the_text(tmp_path: Any) -> None:
    bundle = ExportBundle(pain=[PainEntry("calf", 3, datetime(2025, 1, 2, tzinfo=UTC))])
    path = tmp_path / "out.json"
    write_export(path, bundle)
    assert path.read_text("utf-8") == export_text(bundle)
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]  # no temp file left


# Refusals ------------------------------------------------------------------------

SAMPLE = ExportBundle(
    profile=Profile(
        conditions=["osteoporosis"], balls=[OwnedBall("lacrosse", date(2024, 5, 1))]
    ),
    pain=[PainEntry("upper_trapezius", 5, datetime(2025, 1, 2, 8, tzinfo=UTC), "left")],
    rom=[RomEntry("neck rotation", datetime(2025, 1, 2, 8, tzinfo=UTC), degrees=70.0)],
    sessions=[
        SessionRecord(
            "s1",
            "neck_reset",
            datetime(2025, 1, 2, 9, tzinfo=UTC),
            None,
            [StepRecord(0, "upper_trapezius", "wall_lean", "lacrosse", "hold", 60, 60)],
            {"upper_trapezius": 6},
            {"upper_trapezius": 4},
        )
    ],
    plans=[SavedPlan(1, datetime(2025, 1, 1, tzinfo=UTC), {"days": []})],
)


DELETE = object()


def _broken(path: str, value: Any) -> str:
    """Return the sample export with the value at a dotted path replaced."""
    document = json.loads(export_text(SAMPLE))
    *parents, last = [int(k) if k.isdigit() else k for k in path.split(".")]
    target = document
    for key in parents:
        target = target[key]
    if value is DELETE:
        del target[last]
    else:
        target[last] = value
    return json.dumps(document)


SESSION = json.loads(export_text(SAMPLE))["sessions"][0]
EARLY = "2025-01-01T00:00:00+00:00"


@pytest.mark.parametrize(
    ("path", "value", "where", "problem"),
    [
        ("pain.0.pain", 11, "pain[0].pain", "11 is not"),
        ("pain.0.pain", True, "pain[0].pain", "found true/false"),
        ("pain.0.spot", "elbowz", "pain[0].spot", "unknown muscle"),
        ("pain.0.at", "2025-01-02T08:00:00", "pain[0].at", "time-zone"),
        ("pain.0.at", "yesterday", "pain[0].at", "not an ISO"),
        ("pain.0.note", DELETE, "pain[0]", "missing field 'note'"),
        ("pain.0.mood", "ok", "pain[0]", "unknown field 'mood'"),
        ("pain.0.note", "a\x00b", "pain[0].note", "not plain text"),
        ("rom.0.degrees", None, "rom[0].degrees", "degrees or an ease"),
        ("rom.0.degrees", 400, "rom[0].degrees", "from 0 to 180"),
        ("sessions.0.steps.0.ball", "bowling", "sessions[0].steps[0].ball", "ball"),
        ("sessions.0.pain_before.calf", 12, "sessions[0].pain_before.calf", "12"),
        ("sessions.1", SESSION, "sessions[1].id", "appears twice"),
        ("sessions.0.ended_at", EARLY, "sessions[0].ended_at", "ends before"),
        ("sessions.0.routine", "  ", "sessions[0].routine", "1 to 80"),
        ("profile.cleared", ["pregnancy"], "profile.cleared[0]", "unknown value"),
        ("profile.positions", [], "profile.positions", "at least one"),
        ("profile.tolerance", "extreme", "profile.tolerance", "not one of"),
        ("plans.0.plan", [1, 2], "plans[0].plan", "expected an object"),
        ("pain", {}, "pain", "expected a list"),
        ("extra", 1, "", "unknown field 'extra'"),
    ],
)
def test_a_bad_field_is_named(path: str, value: Any, where: str, problem: str) -> None:
    if path == "sessions.1":
        text = _broken("sessions", [SESSION, value])
    else:
        text = _broken(path, value)
    with pytest.raises(InvalidExportField) as raised:
        parse_export(text)
    assert raised.value.where == where
    assert problem in raised.value.problem


@pytest.mark.parametrize(
    ("path", "value", "problem"),
    [("version", 3, "reads version 1 or 2, not 3"), ("format", "x", "knotwork-export")],
)
def test_another_format_or_version_is_refused(
    path: str, value: Any, problem: str
) -> None:
    with pytest.raises(UnsupportedExport, match=problem):
        parse_export(_broken(path, value))


def test_not_a_number_is_refused() -> None:
    text = export_text(SAMPLE).replace('"degrees": 70.0', '"degrees": NaN')
    with pytest.raises(MalformedExport, match="NaN"):
        parse_export(text)


def test_json_that_is_not_an_export_is_refused() -> None:
    with pytest.raises(UnsupportedExport):
        parse_export("[1, 2, 3]")


@given(st.data())
def test_any_truncated_export_is_refused(data: st.DataObject) -> None:
    text = export_text(SAMPLE)
    end = text.rindex("}")
    cut = data.draw(st.integers(0, end - 1))
    with pytest.raises(MalformedExport, match="not valid JSON"):
        parse_export(text[:cut])


def test_an_export_from_before_the_health_screen_still_imports() -> None:
    document = json.loads(export_text(ExportBundle()))
    del document["profile"]["health"]
    assert parse_export(json.dumps(document)).profile.health == HealthFacts()


def test_a_version_1_export_still_imports_with_its_re_tests_unphased() -> None:
    document = json.loads(export_text(SAMPLE))
    document["version"] = 1
    for entry in document["rom"]:
        del entry["phase"]  # version 1 had no phase
    assert parse_export(json.dumps(document)) == SAMPLE


def test_a_re_test_keeps_its_phase_and_session() -> None:
    entry = RomEntry(
        "neck rotation",
        datetime(2025, 1, 2, 8, tzinfo=UTC),
        degrees=64.0,
        side="left",
        session_id="s1",
        phase="after",
    )
    bundle = ExportBundle(rom=[entry])
    assert parse_export(export_text(bundle)).rom == [entry]
    assert json.loads(export_text(bundle))["rom"][0]["phase"] == "after"
