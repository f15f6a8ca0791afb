"""How hard, how long and how often to work, and the studies behind it.

Part of the knowledge model (see ``kb.models``): the dosing file and the
evidence file load into these frozen records.
"""

from __future__ import annotations

from knotwork.kb.kinds import Audience, Protocol
from knotwork.kb.record import record


@record(kw_only=True)
class Study:
    """A source the advice rests on."""

    id: str
    citation: str
    design: str
    finding: str
    source: str
    audience: Audience = "user"


@record(kw_only=True)
class Claim:
    """A statement knotwork makes, with the studies behind it."""

    id: str
    text: str
    evidence: tuple[str, ...]
    audience: Audience = "user"


@record(kw_only=True)
class HoldRule:
    """How long to hold a protocol, and on what evidence."""

    protocol: Protocol
    seconds: tuple[int, int]
    applies_to: str
    evidence: tuple[str, ...] = ()


@record(kw_only=True)
class HoldPosition:
    """A hold time a source recommends, in its context."""

    source: str
    seconds: tuple[int, int]
    context: str


@record(kw_only=True)
class Breathing:
    """A paced breathing pattern for a session."""

    id: str
    name: str
    pattern: tuple[tuple[str, float], ...]
    source: str


@record(kw_only=True)
class Dosing:
    """How hard, how long and how often to work."""

    pressure_target: tuple[int, int]
    hold_positions: tuple[HoldPosition, ...]
    hold_rules: tuple[HoldRule, ...]
    reconciliation: str
    sore_next_day: str
    bruise_caution_seconds: int
    minutes_per_muscle_group: tuple[int, int]
    session_minutes: tuple[int, int]
    days_per_week: tuple[int, int]
    pre_workout_minutes: tuple[int, int]
    post_workout_minutes: tuple[int, int]
    rest_day_minutes: tuple[int, int]
    breathing: tuple[Breathing, ...]
