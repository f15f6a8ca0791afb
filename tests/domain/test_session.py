"""The session player keeps time from timestamps and records what happened."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from knotwork.domain.records import InvalidRecord
from knotwork.domain.routines import Request, build_builtin
from knotwork.domain.session import Player, SessionError


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
