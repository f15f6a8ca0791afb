"""Answer "where does it come from, and is it safe?" for every adapter."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any

from knotwork.domain.finder import Finding, find_sources
from knotwork.domain.safety import SafetyResult, check_safety
from knotwork.domain.treatment import Treatment, avoided, treatment_for


@dataclass(frozen=True)
class Consultation:
    """Safety first, then sources, then how to treat the top one."""

    safety: SafetyResult
    finding: Finding
    treatment: Treatment | None

    @property
    def understood(self) -> bool:
        """Whether the description said anything knotwork could use."""
        return bool(self.finding.candidates or self.safety.reasons)

    def to_json(self) -> dict[str, Any]:
        """Return the machine-readable answer (`knotwork where --json`)."""
        return {
            "safety": safety_json(self.safety),
            "candidates": [asdict(c) for c in self.finding.candidates],
            "regions": self.finding.regions,
            "side": self.finding.side,
            "syndromes": self.finding.syndromes,
            "advice_withheld": not self.safety.advice_allowed,
            "treatment": asdict(self.treatment) if self.treatment else None,
        }


def consult(
    text: str = "",
    regions: Iterable[str] = (),
    side: str | None = None,
    conditions: Iterable[str] = (),
    confirmed: Iterable[str] = (),
    ruled_out: Iterable[str] = (),
) -> Consultation:
    """Find likely sources and screen the same words for safety.

    ``confirmed`` and ``ruled_out`` are muscles whose trigger point the person
    pressed: did it bring back the familiar pain (yes) or not (no)?
    """
    regions = list(regions)
    finding = find_sources(text, regions, confirmed=confirmed, ruled_out=ruled_out)
    if side:
        finding = Finding(**{**finding.__dict__, "side": side})
    safety = check_safety(text, conditions=conditions, areas=regions)
    treatment = None
    if safety.advice_allowed:
        allowed = [c for c in finding.candidates if not avoided(c.muscle, safety)]
        if allowed:
            treatment = treatment_for(allowed[0].muscle, safety, finding.side)
    return Consultation(safety=safety, finding=finding, treatment=treatment)


def screen(
    text: str = "", conditions: Iterable[str] = (), areas: Iterable[str] = ()
) -> SafetyResult:
    """Screen text and stated conditions (`knotwork check`)."""
    return check_safety(text, conditions=conditions, areas=areas)


def safety_json(result: SafetyResult) -> dict[str, Any]:
    """Return the safety verdict in its documented JSON shape."""
    return {
        "verdict": result.verdict,
        "reasons": [asdict(r) for r in result.reasons],
        "areas": result.areas,
    }
