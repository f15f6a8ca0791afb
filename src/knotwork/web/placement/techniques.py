"""Find the technique a picture is drawn for: by id, muscle, name or step."""

from __future__ import annotations

from functools import cache

from knotwork.kb.loader import load_kb
from knotwork.kb.models import Muscle, Technique


@cache
def techniques() -> dict[str, tuple[Muscle, Technique]]:
    """Return every technique by id, with the muscle it works."""
    return {t.id: (m, t) for m in load_kb().muscles for t in m.techniques}


def first_technique(muscle_id: str) -> str | None:
    """Return the id of a muscle's first technique, if it has one."""
    found = [t for t, (m, _) in techniques().items() if m.id == muscle_id]
    return found[0] if found else None


def step_technique(technique: str, target: str | None, position: str) -> str | None:
    """Return the technique whose picture fits a routine step, if any.

    Built-in routines name a step's technique generically ("calf.pressure");
    then the target muscle's technique done in the step's position is shown.
    """
    if technique in techniques():
        return technique
    mine = [t for t, (m, _) in techniques().items() if m.id == target]
    same_place = [t for t in mine if techniques()[t][1].position in position]
    found = same_place or mine
    return found[0] if found else None


def technique_id(muscle_id: str, technique_name: str) -> str | None:
    """Return the id of a muscle's technique given its display name."""
    for tid, (muscle, technique) in techniques().items():
        if muscle.id == muscle_id and technique.name == technique_name:
            return tid
    return None
