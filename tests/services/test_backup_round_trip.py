"""Export, forget, import, export again: the same file, for journals built by use.

The sessions here come from the real routine builder and the real session
player driven through random presses of pause, skip, back and stop, so every
shape a person can produce (re-test steps, movement steps, stops) is covered,
not only hand-made records.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from knotwork.config import Settings
from knotwork.domain.journal.records import PainEntry, SessionRecord
from knotwork.domain.routines.build import builtin_names
from knotwork.domain.routines.model import Routine
from knotwork.domain.routines.session import Player
from knotwork.exports.json_export import export_text
from knotwork.exports.json_import import parse_export
from knotwork.kb.loader import load_kb
from knotwork.services.journal import open_journal
from knotwork.services.routines import make_routine
from tests.store.databases import database_settings  # noqa: F401

START = datetime(2026, 3, 2, 7, 30, tzinfo=UTC)
BALLS = sorted(b.id for b in load_kb().balls)
PRESSES = ("wait", "skip", "back", "pause", "resume")


@st.composite
def routines(draw: st.DrawFn) -> Routine:
    """A built-in routine, or a custom one for a few targets and balls."""
    if draw(st.booleans()):
        return make_routine(draw(st.sampled_from(sorted(builtin_names()))))
    targets = draw(
        st.lists(
            st.sampled_from(["upper_trapezius", "heel", "calf", "gluteus_maximus"]),
            min_size=1,
            max_size=3,
            unique=True,
        )
    )
    have = draw(st.lists(st.sampled_from(BALLS), max_size=2, unique=True))
    minutes = draw(st.sampled_from([None, 4.0, 8.0]))
    return make_routine(targets=targets, have=have, minutes=minutes)


@st.composite
def played_sessions(draw: st.DrawFn, number: int) -> SessionRecord:
    """Play a routine with random presses and a random ending."""
    routine = draw(routines())
    now = [0.0]
    player = Player(
        routine=routine,
        session_id=f"session-{number}",
        clock=lambda: now[0],
        now=lambda: START + timedelta(days=number, seconds=now[0]),
        speed=1.0,
    )
    player.start()
    for press in draw(st.lists(st.sampled_from(PRESSES), max_size=12)):
        if player.state in ("done", "stopped"):
            break
        if press == "wait":
            now[0] += draw(st.integers(1, 120))
            player.frame()
        else:
            getattr(player, press)()
    if player.state not in ("done", "stopped") and draw(st.booleans()):
        sign = draw(st.sampled_from(sorted(s.id for s in load_kb().stop_signs)))
        player.stop(sign)
    else:
        while player.state not in ("done", "stopped"):
            player.skip()
    targets = sorted({s.target for s in routine.steps if s.target})
    before = {t: draw(st.integers(0, 10)) for t in targets}
    after = {} if player.stop_event else {t: draw(st.integers(0, 10)) for t in targets}
    last = routine.steps[-1]
    retest = last.movement if last.kind == "retest" else None
    ease = draw(st.integers(0, 10)) if retest else None
    return player.record(before, after, retest, ease)


@hypothesis_settings(
    max_examples=15,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_export_forget_import_export_is_identical(
    data: st.DataObject, settings: Settings
) -> None:
    count = data.draw(st.integers(1, 3))
    sessions = [data.draw(played_sessions(n)) for n in range(count)]
    with open_journal(settings) as journal:
        journal.forget_all()
        for record in sessions:
            journal.save_session(record)
        journal.log_pain(PainEntry("upper_trapezius", 5, START, side="left"))
        journal.add_ball("lacrosse")
        first = export_text(journal.export_bundle())
        journal.forget_all()
        journal.import_bundle(parse_export(first))
        assert export_text(journal.export_bundle()) == first


def test_a_played_session_with_a_retest_step_survives_import(
    settings: Settings,
) -> None:
    routine = make_routine("desk_five")
    assert routine.steps[-1].kind == "retest"
    now = [0.0]
    player = Player(routine, "desk", lambda: now[0], lambda: START, speed=1000.0)
    player.start()
    while player.state != "done":
        now[0] += 100
        player.frame()
    record = player.record({}, {}, routine.steps[-1].movement, 7)
    assert any(step.target == "retest" for step in record.steps)
    with open_journal(settings) as journal:
        journal.save_session(record)
        text = export_text(journal.export_bundle())
        journal.forget_all()
        journal.import_bundle(parse_export(text))
        assert export_text(journal.export_bundle()) == text
