"""A guided session as a pure state machine driven by timestamps.

Time is read from an injected clock, never counted in ticks, so the countdown
stays right however irregularly the screen is redrawn (or a browser tab
sleeps), and tests can move time by hand. ``speed`` compresses time for demos
and tests.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from knotwork.domain.journal.records import (
    SessionRecord,
    StepRecord,
    StopEvent,
    check_pain,
)
from knotwork.domain.routines.model import Routine, Step
from knotwork.errors import KnotworkError
from knotwork.kb.loader import load_kb
from knotwork.kb.record import field, record

EASE_CHECK_SECONDS = 60
EASE_QUESTION = "Has it eased? Carry on holding only while the spot is softening."


class SessionError(KnotworkError):
    """An action that makes no sense in the session's current state."""


def ease_check_at(step: Step) -> int | None:
    """Return when to ask "has it eased?" during a step, or None.

    A sustained hold only helps while the spot is softening (clinical review
    D-3), which a fixed countdown cannot see; so a hold longer than a minute
    stops at 60 s to ask, and carries on only on yes.
    """
    long_hold = step.seconds > EASE_CHECK_SECONDS
    if step.kind == "pressure" and step.protocol == "sustained_compression":
        return EASE_CHECK_SECONDS if long_hold else None
    return None


@record
class Frame:
    """What to show right now."""

    index: int
    step: Step
    remaining: float
    breath: str  # "inhale" | "exhale" | "hold"
    breath_remaining: float
    paused: bool
    finished: bool
    asking: bool = False  # waiting for the answer to "has it eased?"


@record(frozen=False)
class _Progress:
    done_seconds: float = 0.0
    skipped: bool = False


@record(frozen=False)
class Player:
    """Run a routine step by step: pause, skip, back and stop."""

    routine: Routine
    session_id: str
    clock: Callable[[], float]
    now: Callable[[], datetime]
    speed: float = 1.0
    index: int = 0
    state: str = "ready"  # ready | running | paused | asking | done | stopped
    started_at: datetime | None = None
    ended_at: datetime | None = None
    stop_event: StopEvent | None = None
    _step_started: float = 0.0
    _paused_at: float | None = None
    _paused_total: float = 0.0
    _progress: dict[int, _Progress] = field(default_factory=dict)
    _asked: set[int] = field(default_factory=set)

    def __post_init__(self) -> None:
        if self.speed <= 0:
            raise SessionError("speed must be positive")
        if not self.routine.steps:
            raise SessionError("this routine has no steps to run")
        pattern = {b.id: b.pattern for b in load_kb().dosing.breathing}
        self._breathing = pattern.get(self.routine.breathing) or next(
            iter(pattern.values())
        )

    # -- control -------------------------------------------------------------

    def start(self) -> None:
        """Begin the first step."""
        if self.state != "ready":
            raise SessionError("the session has already started")
        self.started_at = self.now()
        self.state = "running"
        self._begin(0)

    def pause(self) -> None:
        """Freeze the countdown."""
        if self.state == "running":
            self._paused_at = self.clock()
            self.state = "paused"

    def resume(self) -> None:
        """Carry on from where the countdown froze."""
        if self.state == "paused" and self._paused_at is not None:
            self._paused_total += self.clock() - self._paused_at
            self._paused_at = None
            self.state = "running"

    def toggle_pause(self) -> None:
        """Pause when running, resume when paused."""
        self.resume() if self.state == "paused" else self.pause()

    def answer_eased(self, eased: bool) -> None:
        """Answer "has it eased?": yes carries on holding, no moves on."""
        if self.state != "asking" or self._paused_at is None:
            raise SessionError("nothing is being asked")
        self._paused_total += self.clock() - self._paused_at
        self._paused_at = None
        self.state = "running"
        if not eased:
            self._record_current(skipped=True)
            self._advance()

    def skip(self) -> None:
        """Leave the current step and go to the next one."""
        self._require_active()
        self._record_current(skipped=True)
        self._advance()

    def back(self) -> None:
        """Restart the previous step (or this one, at the start)."""
        self._require_active()
        self._record_current(skipped=False)
        self._begin(max(0, self.index - 1))

    def stop(self, sign: str) -> StopEvent:
        """End the session because a warning sign appeared."""
        self._require_active()
        signs = {s.id: s for s in load_kb().stop_signs}
        if sign not in signs:
            raise SessionError(f"unknown warning sign '{sign}'")
        self._record_current(skipped=False)
        chosen = signs[sign]
        self.stop_event = StopEvent(
            sign=sign,
            at=self.now(),
            step_index=self.index,
            red_flag=chosen.red_flag,
            advice=chosen.advice,
        )
        self.state = "stopped"
        self.ended_at = self.stop_event.at
        return self.stop_event

    # -- reading -------------------------------------------------------------

    def frame(self) -> Frame:
        """Advance through finished steps and return what to show now."""
        while self.state == "running":
            if self._ease_check_due():
                self._ask_eased()
                break
            if self._remaining() > 0:
                break
            self._record_current(skipped=False)
            # The next step began when this one ran out, not when we looked.
            step = self.routine.steps[self.index]
            ended = self._step_started + self._paused_total + step.seconds / self.speed
            self._advance(started=ended)
        step = self.routine.steps[min(self.index, len(self.routine.steps) - 1)]
        breath, breath_left = self._breath()
        return Frame(
            index=self.index,
            step=step,
            remaining=max(0.0, self._remaining()),
            breath=breath,
            breath_remaining=breath_left,
            paused=self.state in ("paused", "asking"),
            finished=self.state in ("done", "stopped"),
            asking=self.state == "asking",
        )

    def record(
        self,
        pain_before: dict[str, int],
        pain_after: dict[str, int],
        retest: str | None = None,
        retest_ease: int | None = None,
    ) -> SessionRecord:
        """Return what happened, ready for the journal."""
        self.frame()  # bring the state up to the present first
        for score in [*pain_before.values(), *pain_after.values()]:
            check_pain(score)
        if retest_ease is not None:
            check_pain(retest_ease)
        steps = []
        for i, step in enumerate(self.routine.steps):
            progress = self._progress.get(i)
            if progress is None:
                continue
            steps.append(
                StepRecord(
                    index=i,
                    target=step.target or step.kind,
                    technique=step.technique,
                    ball=step.ball,
                    protocol=step.protocol,
                    planned_seconds=step.seconds,
                    done_seconds=round(progress.done_seconds),
                    skipped=progress.skipped,
                    side=step.side,
                )
            )
        return SessionRecord(
            id=self.session_id,
            routine=self.routine.name,
            started_at=self.started_at or self.now(),
            ended_at=self.ended_at,
            steps=steps,
            pain_before=dict(pain_before),
            pain_after=dict(pain_after),
            retest=retest,
            retest_ease=retest_ease,
            stop=self.stop_event,
            completed=self.state == "done",
        )

    # -- internals -----------------------------------------------------------

    def _require_active(self) -> None:
        if self.state not in ("running", "paused", "asking"):
            raise SessionError("the session is not running")

    def _ease_check_due(self) -> bool:
        at = ease_check_at(self.routine.steps[self.index])
        return (
            at is not None and self.index not in self._asked and self._elapsed() >= at
        )

    def _ask_eased(self) -> None:
        """Freeze the countdown at the moment the question fell due."""
        at = ease_check_at(self.routine.steps[self.index]) or 0
        self._asked.add(self.index)
        self._paused_at = self._step_started + self._paused_total + at / self.speed
        self.state = "asking"

    def _elapsed(self) -> float:
        end = self._paused_at if self._paused_at is not None else self.clock()
        return (end - self._step_started - self._paused_total) * self.speed

    def _remaining(self) -> float:
        return self.routine.steps[self.index].seconds - self._elapsed()

    def _begin(self, index: int, started: float | None = None) -> None:
        self.index = index
        self._step_started = self.clock() if started is None else started
        self._paused_total = 0.0
        if self._paused_at is not None:
            self._paused_at = self._step_started

    def _record_current(self, skipped: bool) -> None:
        step = self.routine.steps[self.index]
        done = min(float(step.seconds), max(0.0, self._elapsed()))
        progress = self._progress.setdefault(self.index, _Progress())
        progress.done_seconds = max(progress.done_seconds, done)
        progress.skipped = skipped and progress.done_seconds < step.seconds

    def _advance(self, started: float | None = None) -> None:
        if self.index + 1 >= len(self.routine.steps):
            self.state = "done"
            self.ended_at = self.now()
            return
        self._begin(self.index + 1, started)

    def _breath(self) -> tuple[str, float]:
        cycle = sum(seconds for _, seconds in self._breathing)
        t = max(0.0, self._elapsed()) % cycle
        for phase, seconds in self._breathing:
            if t < seconds:
                return phase, seconds - t
            t -= seconds
        return self._breathing[-1][0], 0.0
