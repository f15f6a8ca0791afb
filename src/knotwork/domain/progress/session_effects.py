"""The immediate effect of each session, and which technique, ball or protocol helps.

A step earns the drop in pain measured at its own target, or the session's
mean drop when its target was not scored; each session counts once per
technique, ball or protocol.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any, Literal

from knotwork.domain.journal.pain_series import SessionPain
from knotwork.domain.journal.records import SessionRecord
from knotwork.domain.progress.meaningful_change import (
    Change,
    assess_change,
    is_meaningful_change,
)
from knotwork.kb.record import record

FactorKind = Literal["technique", "ball", "protocol"]
FACTOR_KINDS: tuple[FactorKind, ...] = ("technique", "ball", "protocol")


@record
class SessionEffect:
    """A session's immediate effect: pain before and after, per spot."""

    session_id: str
    started_at: datetime
    routine: str
    completed: bool
    scores: dict[str, tuple[int, int]]  # spot -> (before, after)
    mean_drop: float | None  # mean fall in pain over scored spots; + is relief

    def drop(self, spot: str) -> int | None:
        """Return how far pain fell at this spot, or None if not scored twice."""
        pair = self.scores.get(spot)
        return None if pair is None else pair[0] - pair[1]

    def change(self, spot: str) -> Change:
        """Return the spot's before -> after change; raise KeyError if unscored."""
        before, after = self.scores[spot]
        return assess_change(before, after)

    def to_json(self) -> dict[str, Any]:
        """Return the effect as plain JSON data."""
        drop = self.mean_drop
        return {
            "session_id": self.session_id,
            "started_at": self.started_at.isoformat(),
            "routine": self.routine,
            "completed": self.completed,
            "mean_drop": None if drop is None else round(drop, 2),
            "spots": {
                spot: {
                    "before": before,
                    "after": after,
                    "meaningful": is_meaningful_change(before, after),
                }
                for spot, (before, after) in sorted(self.scores.items())
            },
        }


@record
class FactorEffect:
    """The mean immediate relief in sessions that used one technique/ball/protocol."""

    kind: FactorKind
    key: str
    sessions: int
    mean_drop: float

    def to_json(self) -> dict[str, Any]:
        """Return the factor as plain JSON data."""
        return {
            "kind": self.kind,
            "key": self.key,
            "sessions": self.sessions,
            "mean_drop": round(self.mean_drop, 2),
        }


def session_effects(
    sessions: Sequence[SessionRecord], levels: Mapping[str, SessionPain]
) -> list[SessionEffect]:
    """Return each session's before and after score for every spot scored twice."""
    out = []
    for s in sessions:
        pain = levels[s.id]
        after = pain.after
        scores = {
            spot: (before, after[spot])
            for spot, before in pain.before.items()
            if spot in after
        }
        drop = None
        if scores:
            drop = sum([b - a for b, a in scores.values()]) / len(scores)
        out.append(
            SessionEffect(s.id, s.started_at, s.routine, s.completed, scores, drop)
        )
    return out


def rank_factors(
    sessions: Sequence[SessionRecord], effects: Sequence[SessionEffect]
) -> list[FactorEffect]:
    """Rank techniques, balls and protocols by mean relief per session.

    A step earns the drop measured at its own target; when its target was not
    scored it earns the session's mean drop. Each session counts once per
    technique, ball or protocol, however many steps used it.
    """
    # kind -> key -> [sum of per-session mean drops, sessions]
    totals: dict[FactorKind, dict[str, list[float]]] = {k: {} for k in FACTOR_KINDS}
    for session, effect in zip(sessions, effects, strict=True):
        if effect.mean_drop is None:
            continue
        used = _drops_by_factor(session, effect.scores, effect.mean_drop)
        for kind, drops_by_key in zip(FACTOR_KINDS, used, strict=True):
            kind_totals = totals[kind]
            for key, drops in drops_by_key.items():
                total = kind_totals.get(key)
                if total is None:
                    total = kind_totals[key] = [0.0, 0]
                total[0] += sum(drops) / len(drops)
                total[1] += 1
    ranked = [
        FactorEffect(kind, key, int(n), total / n)
        for kind, kind_totals in totals.items()
        for key, (total, n) in kind_totals.items()
    ]
    ranked.sort(key=lambda f: (-f.mean_drop, -f.sessions, f.kind, f.key))
    return ranked


Drops = dict[str, list[float]]


def _drops_by_factor(
    session: SessionRecord, scores: Mapping[str, tuple[int, int]], overall: float
) -> tuple[Drops, Drops, Drops]:
    """Return the drops each technique, ball and protocol earned in a session."""
    techniques: Drops = {}
    balls: Drops = {}
    protocols: Drops = {}
    # Unrolled and keyed by plain strings: this runs for every step of five
    # years of sessions, and tuple keys or a loop over kinds double its cost.
    for step in session.steps:
        if step.skipped:
            continue
        pair = scores.get(step.target)
        drop = overall if pair is None else pair[0] - pair[1]
        found = techniques.get(step.technique)
        if found is None:
            techniques[step.technique] = [drop]
        else:
            found.append(drop)
        found = protocols.get(step.protocol)
        if found is None:
            protocols[step.protocol] = [drop]
        else:
            found.append(drop)
        if step.ball is not None:
            found = balls.get(step.ball)
            if found is None:
                balls[step.ball] = [drop]
            else:
                found.append(drop)
    return techniques, balls, protocols
