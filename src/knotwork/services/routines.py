"""Routine use cases shared by the CLI and the web app."""

from __future__ import annotations

from collections.abc import Sequence

from knotwork.domain.journal.records import Profile
from knotwork.domain.names import POSITIONS
from knotwork.domain.routines.build import (
    Request,
    RoutineError,
    build_builtin,
    build_custom,
    builtin_names,
)
from knotwork.domain.routines.model import Routine


def list_routines() -> dict[str, str]:
    """Return the built-in routines by id."""
    return builtin_names()


def make_routine(
    name: str | None = None,
    targets: Sequence[str] = (),
    minutes: float | None = None,
    context: str | None = None,
    have: Sequence[str] = (),
    positions: Sequence[str] = (),
    conditions: Sequence[str] = (),
    cleared: bool = False,
    side: str | None = None,
    text: str = "",
    sources_from: int = 2,
    profile: Profile | None = None,
) -> Routine:
    """Build a built-in routine by name, or a custom one for targets.

    ``text`` is screened for safety; with no explicit targets, the finder's
    top ``sources_from`` candidates for that text become the targets. A saved
    ``profile`` adds its conditions (with their clearances), owned balls and
    usable positions wherever the request leaves them out.
    """
    cleared_conditions: list[str] = []
    experience, tolerance = "some", "medium"
    if profile is not None:
        experience, tolerance = profile.experience, profile.tolerance
        conditions = list(dict.fromkeys([*conditions, *profile.conditions]))
        cleared_conditions = list(profile.cleared)
        have = have or [b.ball for b in profile.balls]
        positions = positions or [p for p in profile.positions if p != "standing"]
    if text and not targets and not name:
        from knotwork.domain.finder.ranking import find_sources

        found = find_sources(text)
        targets = [c.muscle for c in found.candidates[:sources_from]]
        side = side or (found.side if found.side in ("left", "right") else None)
    for p in positions:
        if p not in POSITIONS:
            raise RoutineError(f"unknown position '{p}'")
    request = Request(
        targets=targets,
        minutes=minutes,
        context=context,
        have=have,
        positions=positions,
        conditions=conditions,
        cleared=cleared,
        cleared_conditions=cleared_conditions,
        side=side,
        text=text,
        experience=experience,
        tolerance=tolerance,
    )
    if name:
        return build_builtin(name, request)
    return build_custom(request)
