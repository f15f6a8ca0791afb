"""Say how to work a muscle with a ball, within what the safety screen allows."""

from __future__ import annotations

from dataclasses import dataclass, field

from knotwork.domain.index import load_index
from knotwork.domain.safety import SafetyResult


@dataclass(frozen=True)
class Treatment:
    """How to treat one muscle, or why a ball is the wrong tool for it."""

    muscle: str
    name: str
    technique: str | None
    position: str | None
    ball: str | None
    hold_seconds: tuple[int, int] | None
    pressure: str
    steps: list[str] = field(default_factory=list)
    movement: str | None = None
    keep_off: list[str] = field(default_factory=list)
    note: str | None = None
    side: str | None = None


PRESSURE = "5-6/10: a 'good discomfort' you can breathe through"
GENTLE_PRESSURE = "3-4/10: gentle, with a softer or larger ball"


def treatment_for(
    muscle_id: str, safety: SafetyResult | None = None, side: str | None = None
) -> Treatment:
    """Return the first-choice ball technique for a muscle."""
    index = load_index()
    entry = index["muscles"][muscle_id]
    gentle = safety is not None and safety.verdict != "ok"
    techniques = entry["techniques"]
    if not techniques:
        return Treatment(
            muscle=muscle_id,
            name=entry["name"],
            technique=None,
            position=None,
            ball=None,
            hold_seconds=None,
            pressure=GENTLE_PRESSURE,
            note=entry["ball_note"],
            side=side,
        )
    t = techniques[0]
    sizes, densities = t["ball_sizes"], t["densities"]
    size = sizes[-1] if gentle else sizes[0]
    density = densities[0] if gentle else densities[-1]
    return Treatment(
        muscle=muscle_id,
        name=entry["name"],
        technique=t["name"],
        position=t["position"],
        ball=f"{size}, {density}",
        hold_seconds=(t["hold_seconds"][0], t["hold_seconds"][1]),
        pressure=GENTLE_PRESSURE if gentle else PRESSURE,
        steps=t["steps"],
        movement=t["movement"],
        keep_off=[index["keep_off"][k] for k in t["keep_off"]],
        note=entry["ball_note"],
        side=side,
    )


def avoided(muscle_id: str, safety: SafetyResult) -> bool:
    """Whether the place a muscle lies is marked ``avoid``."""
    local = load_index()["muscles"][muscle_id]["lies_in"]
    return safety.areas.get(muscle_id) == "avoid" or any(
        safety.areas.get(r) == "avoid" for r in local
    )
