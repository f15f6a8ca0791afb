"""The journal service: checks every record, writes all or nothing."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from knotwork.config import Settings
from knotwork.domain.journal.extra_records import SavedPlan
from knotwork.domain.journal.records import (
    InvalidRecord,
    OwnedBall,
    PainEntry,
    Profile,
    RomEntry,
    SessionRecord,
    StepRecord,
    StopEvent,
)
from knotwork.exports.json_export import ExportBundle
from knotwork.kb.record import replace
from knotwork.services.journal import (
    Journal,
    JournalUnavailable,
    open_journal,
    save_session_record,
)
from tests.store.databases import (  # noqa: F401
    database_settings,
    open_test_journal,
)

NOW = datetime.now(UTC)
EARLIER = NOW - timedelta(hours=3)


def _nothing_logged(journal: Journal) -> bool:
    return not journal.pain_entries() and not journal.rom_entries()


def _session(**changes: object) -> SessionRecord:
    record = SessionRecord(
        id="s-1",
        routine="desk_five",
        started_at=EARLIER,
        ended_at=EARLIER + timedelta(minutes=4),
        steps=[
            StepRecord(0, "upper_trapezius", "wall_pin", "lacrosse", "hold", 60, 60, 6),
            StepRecord(1, "levator_scapulae", "wall_pin", "lacrosse", "hold", 60, 20),
        ],
        pain_before={"upper_trapezius": 6},
        pain_after={"upper_trapezius": 4},
        stop=StopEvent(
            "tingling",
            EARLIER + timedelta(minutes=3),
            1,
            "tingling",
            "Move the ball off the spot.",
        ),
    )
    return replace(record, **changes)  # type: ignore[arg-type]


def test_logged_pain_comes_back_in_history(journal: Journal) -> None:
    entry = PainEntry("upper_trapezius", 6, EARLIER, side="left", activity="desk")
    entry_id = journal.log_pain(entry)
    assert isinstance(entry_id, int)
    assert journal.history().pain == [entry]


def test_a_resent_entry_is_kept_once(journal: Journal) -> None:
    # An offline device resends what it kept; if the first send had landed
    # and only its answer was lost, the same entry arrives twice.
    entry = PainEntry("upper_trapezius", 7, EARLIER, side="left", note="resent")
    first = journal.log_pain(entry)
    assert journal.log_pain(entry) == first
    # Another entry at the same moment is another entry.
    other = replace(entry, spot="calf")
    assert journal.log_pain(other) != first
    assert journal.history().pain == [entry, other]
    rom = RomEntry("neck_rotation", EARLIER, side="left", degrees=70)
    assert journal.log_rom(rom) == journal.log_rom(rom)
    assert len(journal.rom_entries()) == 1


def test_a_naive_time_is_local_time(journal: Journal) -> None:
    local = datetime(2025, 3, 4, 17, 30)
    journal.log_pain(PainEntry("calf", 3, local))
    (back,) = journal.pain_entries()
    assert back.at == local.astimezone()
    assert back.at.tzinfo == UTC


BAD_PAIN = [
    PainEntry("upper_trapezius", 11, EARLIER),
    PainEntry("upper_trapezius", -1, EARLIER),
    PainEntry("upper_trapezius", True, EARLIER),
    PainEntry("upper_trapezius", 5.5, EARLIER),  # type: ignore[arg-type]
    PainEntry("qqzx", 4, EARLIER),
    PainEntry("upper_trapezius", 4, NOW + timedelta(days=1)),
    PainEntry("upper_trapezius", 4, EARLIER, side="up"),
    PainEntry("upper_trapezius", 4, EARLIER, phase="during"),
    PainEntry("upper_trapezius", 4, EARLIER, note="bad \x00 byte"),
    PainEntry("upper_trapezius", 4, EARLIER, note="from a terminal \udcff"),
    PainEntry("upper_trapezius", 4, EARLIER, activity="x" * 81),
]


@pytest.mark.parametrize("entry", BAD_PAIN, ids=lambda e: repr(e)[:60])
def test_bad_pain_is_refused_and_changes_nothing(
    journal: Journal, entry: PainEntry
) -> None:
    with pytest.raises(InvalidRecord):
        journal.log_pain(entry)
    assert _nothing_logged(journal)


def test_one_bad_entry_in_a_batch_keeps_out_the_whole_batch(journal: Journal) -> None:
    good = [PainEntry("calf", n, EARLIER) for n in range(5)]
    with pytest.raises(InvalidRecord, match="0 to 10"):
        journal.log_pains([*good, PainEntry("calf", 12, EARLIER)])
    assert _nothing_logged(journal)
    assert journal.log_pains(good) == 5


@hypothesis_settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(pain=st.integers(-100, 100))
def test_pain_is_kept_exactly_when_it_is_0_to_10(journal: Journal, pain: int) -> None:
    before = len(journal.pain_entries())
    try:
        journal.log_pain(PainEntry("heel", pain, EARLIER))
    except InvalidRecord:
        assert not 0 <= pain <= 10
    else:
        assert 0 <= pain <= 10
    assert len(journal.pain_entries()) == before + (0 <= pain <= 10)


def test_range_of_motion_in_degrees_or_ease(journal: Journal) -> None:
    journal.log_rom(RomEntry("neck rotation", EARLIER, degrees=70, side="left"))
    journal.log_rom(RomEntry("neck rotation", EARLIER, ease=7, spot="upper_trapezius"))
    degrees, ease = journal.rom_entries()
    assert degrees.degrees == 70.0 and degrees.ease is None
    assert ease.ease == 7 and ease.spot == "upper_trapezius"


@pytest.mark.parametrize(
    "entry",
    [
        RomEntry("neck rotation", EARLIER),
        RomEntry("neck rotation", EARLIER, degrees=400),
        RomEntry("neck rotation", EARLIER, degrees=float("nan")),
        RomEntry("neck rotation", EARLIER, ease=11),
        RomEntry("", EARLIER, ease=5),
        RomEntry("neck rotation", EARLIER, ease=5, spot="nowhere"),
        RomEntry("neck rotation", NOW + timedelta(hours=2), ease=5),
    ],
    ids=lambda e: repr(e)[:60],
)
def test_bad_range_of_motion_is_refused(journal: Journal, entry: RomEntry) -> None:
    with pytest.raises(InvalidRecord):
        journal.log_rom(entry)
    assert _nothing_logged(journal)


def test_an_interrupted_session_is_kept_whole(journal: Journal) -> None:
    record = _session()
    journal.save_session(record)
    assert journal.session("s-1") == record
    assert journal.session("s-1").interrupted  # type: ignore[union-attr]
    finished = _session(stop=None, completed=True)
    journal.save_session(finished)
    assert journal.sessions() == [finished]


def test_the_guided_session_saves_itself(settings: Settings) -> None:
    record = _session(
        routine="Custom pre-workout routine: "
        + ", ".join(["tensor fasciae latae"] * 5),
        steps=[
            StepRecord(0, "gastrocnemius", "calf_roll", "lacrosse", "hold", 60, 60),
            StepRecord(1, "retest", "finish.retest", None, "retest", 30, 30),
        ],
    )
    where = save_session_record(record, settings)
    assert where == str(settings.sqlite_path) or where.startswith("PostgreSQL")
    with open_journal(settings) as journal:
        assert journal.sessions() == [record]


@pytest.mark.parametrize(
    "changes",
    [
        {"started_at": NOW + timedelta(hours=1), "ended_at": None, "stop": None},
        {"ended_at": EARLIER - timedelta(minutes=1)},
        {"pain_after": {"upper_trapezius": 11}},
        {"pain_before": {"nowhere": 3}},
        {"retest_ease": 12},
        {"routine": " "},
        {"steps": [StepRecord(0, "calf", "t", "golf", "hold", 60, 60)]},
        {"steps": [StepRecord(0, "calf", "t", None, "hold", 60, -5)]},
        {"steps": [StepRecord(0, "calf", "t", None, "hold", 60, 60, 11)]},
        {
            "steps": [
                StepRecord(0, "calf", "t", None, "hold", 60, 60),
                StepRecord(0, "heel", "t", None, "hold", 60, 60),
            ]
        },
        {"stop": StopEvent("itchy", EARLIER, None, None, "Stop.")},
        {"stop": StopEvent("tingling", EARLIER, None, "made_up", "Stop.")},
        {"stop": StopEvent("tingling", EARLIER - timedelta(hours=1), 0, None, "x")},
    ],
    ids=lambda c: ",".join(c),
)
def test_bad_sessions_are_refused(journal: Journal, changes: dict[str, object]) -> None:
    with pytest.raises(InvalidRecord):
        journal.save_session(_session(**changes))
    assert journal.sessions() == []


def test_history_filters_by_spot_and_day(journal: Journal) -> None:
    journal.save_session(_session())
    old = datetime(2024, 1, 10, 12, tzinfo=UTC)
    journal.log_pains(
        [
            PainEntry("upper_trapezius", 5, old),
            PainEntry("upper_trapezius", 4, EARLIER),
            PainEntry("calf", 2, EARLIER),
        ]
    )
    neck = journal.history(spot="upper_trapezius", since=date(2024, 6, 1))
    assert [p.pain for p in neck.pain] == [4]
    assert [s.id for s in neck.sessions] == ["s-1"]
    assert journal.history(spot="calf").sessions == []
    with pytest.raises(InvalidRecord, match="unknown muscle or region"):
        journal.history(spot="nowhere")


def test_profile_edits(journal: Journal) -> None:
    assert journal.profile() == Profile()
    journal.add_condition("osteoporosis")
    journal.add_condition("anticoagulants", cleared=True)
    journal.clear_condition("osteoporosis")
    journal.remove_condition("anticoagulants")
    journal.add_ball("lacrosse", date(2024, 1, 2))
    journal.add_ball("peanut")
    journal.add_ball("lacrosse", date(2025, 2, 3))
    journal.set_preferences(tolerance="low")
    journal.set_positions(["wall", "seated", "wall"])
    journal.set_training_days(["tue", "sat"])
    assert journal.profile() == Profile(
        conditions=["osteoporosis"],
        cleared=["osteoporosis"],
        tolerance="low",
        experience="some",
        balls=[OwnedBall("lacrosse", date(2025, 2, 3)), OwnedBall("peanut")],
        positions=["wall", "seated"],
        training_days=["tue", "sat"],
    )


@pytest.mark.parametrize(
    "edit",
    [
        lambda j: j.add_condition("hayfever"),
        lambda j: j.clear_condition("pregnancy"),
        lambda j: j.remove_condition("pregnancy"),
        lambda j: j.add_ball("golf"),
        lambda j: j.add_ball("lacrosse", date.today() + timedelta(days=30)),
        lambda j: j.remove_ball("tennis"),
        lambda j: j.set_positions([]),
        lambda j: j.set_positions(["sofa"]),
        lambda j: j.set_training_days(["someday"]),
        lambda j: j.set_preferences(tolerance="extreme"),
        lambda j: j.set_preferences(experience="guru"),
    ],
)
def test_bad_profile_edits_change_nothing(journal: Journal, edit: object) -> None:
    journal.add_ball("lacrosse", date(2024, 1, 2))
    before = journal.profile()
    with pytest.raises(InvalidRecord):
        edit(journal)  # type: ignore[operator]
    assert journal.profile() == before


def test_plans_are_kept_as_json(journal: Journal) -> None:
    first = journal.save_plan({"week": "2025-W10", "days": [{"day": "mon"}]})
    second = journal.save_plan({"week": "2025-W11", "days": []})
    assert [(p.id, p.plan["week"]) for p in journal.plans()] == [
        (first, "2025-W10"),
        (second, "2025-W11"),
    ]
    with pytest.raises(InvalidRecord, match="plain JSON"):
        journal.save_plan({"when": datetime.now()})
    assert len(journal.plans()) == 2


def test_forget_all_leaves_nothing_behind(journal: Journal, settings: Settings) -> None:
    secret = "a-very-distinctive-note-7f3a"
    journal.log_pain(PainEntry("calf", 4, EARLIER, note=secret))
    journal.save_session(_session())
    journal.add_condition("pregnancy")
    journal.save_plan({"week": secret})
    journal.forget_all()
    assert journal.history() == type(journal.history())()
    assert journal.profile() == Profile()
    assert journal.plans() == []
    if settings.sqlite_path is not None:
        files = settings.sqlite_path.parent.glob(settings.sqlite_path.name + "*")
        assert all(secret.encode() not in path.read_bytes() for path in files)


def test_an_unreachable_database_is_reported_not_raised_raw(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    settings = Settings(database_url="postgresql://nobody@127.0.0.1:1/none")
    with pytest.raises(JournalUnavailable, match="cannot open the journal"):
        open_journal(settings)


def _bundle_of(journal: Journal) -> ExportBundle:
    found = journal.history()
    return ExportBundle(
        profile=journal.profile(),
        pain=found.pain,
        rom=found.rom,
        sessions=found.sessions,
        plans=journal.plans(),
    )


def _fill(journal: Journal) -> None:
    journal.add_ball("lacrosse", date(2024, 1, 2))
    journal.add_condition("osteoporosis", cleared=True)
    journal.log_pain(PainEntry("calf", 4, EARLIER, side="left", note="stairs"))
    journal.log_rom(RomEntry("ankle bend", EARLIER, degrees=20.5))
    journal.save_session(_session())
    journal.save_plan({"week": "2025-W10"})


def test_import_restores_an_export_exactly(journal: Journal) -> None:
    _fill(journal)
    bundle = _bundle_of(journal)
    journal.forget_all()
    journal.import_bundle(bundle)
    again = _bundle_of(journal)
    assert again.profile == bundle.profile
    assert (again.pain, again.rom, again.sessions) == (
        bundle.pain,
        bundle.rom,
        bundle.sessions,
    )
    assert [(p.created_at, p.plan) for p in again.plans] == [
        (p.created_at, p.plan) for p in bundle.plans
    ]


def test_import_is_all_or_nothing(journal: Journal) -> None:
    _fill(journal)
    bundle = _bundle_of(journal)
    journal.forget_all()
    broken = replace(bundle, pain=[*bundle.pain, PainEntry("calf", 11, EARLIER)])
    with pytest.raises(InvalidRecord, match="pain entry 2: pain must be"):
        journal.import_bundle(broken)
    bad_plan = SavedPlan(1, EARLIER, {"when": NOW})  # type: ignore[dict-item]
    with pytest.raises(InvalidRecord, match="plain JSON"):
        journal.import_bundle(replace(bundle, plans=[bad_plan]))
    assert _bundle_of(journal) == ExportBundle()


def test_import_needs_an_empty_journal(journal: Journal) -> None:
    _fill(journal)
    bundle = _bundle_of(journal)
    with pytest.raises(InvalidRecord, match="already holds data"):
        journal.import_bundle(bundle)
    assert len(journal.pain_entries()) == 1
