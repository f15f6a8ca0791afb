"""The session player keeps time from timestamps and records what happened."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from knotwork.domain.journal.records import InvalidRecord
from knotwork.domain.routines.build import Request, build_builtin
from knotwork.domain.routines.session import Player, SessionError, ease_check_at


class FakeClock:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


def player(
    name: str = "between_meetings", speed: float = 1.0
) -> tuple[Player, FakeClock]:
    clock = FakeClock()
    p = Player(
        routine=build_builtin(name, Request()),
        session_id="s1",
        clock=clock,
        now=lambda: datetime(2026, 11, 20, 12, 0, tzinfo=UTC),
        speed=speed,
    )
    p.start()
    return p, clock


def test_countdown_follows_the_clock_and_advances() -> None:
    p, clock = player()
    assert p.frame().remaining == 60
    clock.t += 59
    assert p.frame().index == 0
    clock.t += 2
    frame = p.frame()
    assert frame.index == 1 and frame.remaining == pytest.approx(59)


def test_a_long_gap_skips_finished_steps_not_time() -> None:
    p, clock = player()
    clock.t += 1000
    assert p.frame().finished
    record = p.record({"upper_trapezius": 6}, {"upper_trapezius": 3})
    assert record.completed and not record.interrupted
    assert [s.done_seconds for s in record.steps] == [60, 60, 20]


def test_pause_freezes_time() -> None:
    p, clock = player()
    clock.t += 10
    p.pause()
    clock.t += 500
    assert p.frame().remaining == pytest.approx(50) and p.frame().paused
    p.resume()
    clock.t += 5
    assert p.frame().remaining == pytest.approx(45)


def test_skip_and_back() -> None:
    p, clock = player()
    clock.t += 5
    p.skip()
    assert p.frame().index == 1
    p.back()
    assert p.frame().index == 0 and p.frame().remaining == 60
    clock.t += 1000
    record = p.record({}, {})
    assert not record.steps[0].skipped


def test_speed_compresses_time() -> None:
    p, clock = player(speed=60)
    clock.t += 1.5
    assert p.frame().index == 1


def test_breathing_pacer_follows_the_routine_pattern() -> None:
    p, clock = player()  # two nasal inhales, one long exhale
    phases = []
    for _ in range(16):
        phases.append(p.frame().breath)
        clock.t += 0.5
    assert phases[:3] == ["inhale"] * 3 and "exhale" in phases


def test_stop_ends_with_matching_advice_and_is_recorded() -> None:
    p, clock = player()
    clock.t += 20
    event = p.stop("tingling")
    assert event.red_flag == "tingling" and "nerve" in event.advice.lower()
    record = p.record({"upper_trapezius": 5}, {})
    assert record.interrupted and record.stop == event
    assert record.steps[0].done_seconds == 20
    with pytest.raises(SessionError):
        p.skip()


def test_bad_inputs_are_refused() -> None:
    p, _ = player()
    with pytest.raises(SessionError):
        p.stop("alien_abduction")
    with pytest.raises(InvalidRecord):
        p.record({"upper_trapezius": 11}, {})
    with pytest.raises(SessionError):
        player(speed=0)


def _long_hold(p: Player) -> int:
    return next(i for i, s in enumerate(p.routine.steps) if ease_check_at(s))


def test_a_long_hold_asks_at_60_s_and_carries_on_only_on_yes() -> None:
    p, clock = player("mid_back_hips_glutes")
    hold = _long_hold(p)
    for _ in range(hold):
        p.skip()
    clock.t += 75  # the question fell due at 60 s; the countdown froze there
    frame = p.frame()
    assert frame.asking and frame.index == hold
    assert frame.remaining == pytest.approx(p.routine.steps[hold].seconds - 60)
    clock.t += 100  # nobody answers: still asking, nothing runs on
    assert p.frame().asking and p.frame().remaining == pytest.approx(30)
    p.answer_eased(True)
    clock.t += 29
    assert p.frame().index == hold and not p.frame().asking
    clock.t += 2
    assert p.frame().index == hold + 1


def test_no_ends_the_hold_and_moves_on() -> None:
    p, clock = player("mid_back_hips_glutes")
    hold = _long_hold(p)
    for _ in range(hold):
        p.skip()
    clock.t += 61
    assert p.frame().asking
    p.answer_eased(False)
    assert p.frame().index == hold + 1
    record = p.record({}, {})
    done = next(s for s in record.steps if s.index == hold)
    assert done.done_seconds == 60 and done.skipped


def test_short_holds_and_rolling_never_ask() -> None:
    p, clock = player("desk_five")
    for _ in range(len(p.routine.steps)):
        assert not p.frame().asking
        clock.t += 60
    with pytest.raises(SessionError):
        p.answer_eased(True)
