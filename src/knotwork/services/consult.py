"""Answer "where does it come from, and is it safe?" for every adapter."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from knotwork.domain.safety.health_screen import HealthScreen, check_text
from knotwork.domain.safety.verdict import SafetyResult, check_safety
from knotwork.kb.record import asdict, record

if TYPE_CHECKING:
    # `check` needs only the screen; the finder and the treatment rules are
    # imported when a consultation asks for them, to keep `check` quick.
    from knotwork.domain.finder.ranking import Finding
    from knotwork.domain.treatment.prescription import Treatment

NO_SCREEN = HealthScreen()
# A short routine works the two likeliest sources; more dilutes the minutes.
ROUTINE_SOURCES = 2


@record
class Consultation:
    """Safety first, then sources, then how to treat the top one."""

    safety: SafetyResult
    finding: Finding
    treatment: Treatment | None
    # Set when the likeliest source lies where pressure must not go.
    avoided_source: str | None = None

    @property
    def understood(self) -> bool:
        """Whether the description said anything knotwork could use."""
        return bool(self.finding.candidates or self.safety.reasons)

    def routine_targets(self, count: int = ROUTINE_SOURCES) -> list[str]:
        """Return the muscles a routine built from this answer should work.

        None when safety withholds advice; never a muscle lying in an area
        marked ``avoid``; confirmed sources first (see ``routine_targets``).
        """
        from knotwork.domain.finder.ranking import routine_targets
        from knotwork.domain.treatment.prescription import avoided

        if not self.safety.advice_allowed:
            return []
        allowed = [
            c for c in self.finding.candidates if not avoided(c.muscle, self.safety)
        ]
        return routine_targets(allowed, count)

    def to_json(self) -> dict[str, Any]:
        """Return the machine-readable answer (`knotwork where --json`)."""
        return {
            "safety": safety_json(self.safety),
            "candidates": [asdict(c) for c in self.finding.candidates],
            "regions": self.finding.regions,
            "side": self.finding.side,
            "syndromes": self.finding.syndromes,
            "advice_withheld": not self.safety.advice_allowed,
            "avoided_source": self.avoided_source,
            "treatment": asdict(self.treatment) if self.treatment else None,
        }


def consult(
    text: str = "",
    regions: Iterable[str] = (),
    side: str | None = None,
    screen: HealthScreen = NO_SCREEN,
    confirmed: Iterable[str] = (),
    ruled_out: Iterable[str] = (),
) -> Consultation:
    """Find likely sources and screen the same words for safety.

    ``confirmed`` and ``ruled_out`` are muscles whose trigger point the person
    pressed: did it bring back the familiar pain (yes) or not (no)?
    """
    from knotwork.domain.finder.ranking import Finding, find_sources
    from knotwork.domain.treatment.prescription import avoided, treatment_for

    check_text(text)
    regions = list(regions)
    finding = find_sources(text, regions, confirmed=confirmed, ruled_out=ruled_out)
    if side:
        finding = Finding(**{**finding.__dict__, "side": side})
    safety = check_safety(
        text,
        conditions=screen.conditions,
        areas=regions,
        cleared=screen.cleared,
        answers=screen.answered,
    )
    treatment = None
    avoided_source = None
    if safety.advice_allowed and finding.candidates:
        top = finding.candidates[0].muscle
        if avoided(top, safety):
            # The likeliest source is off limits: the clinician comes first,
            # not a different muscle worked in its place.
            avoided_source = top
        else:
            treatment = treatment_for(top, safety, finding.side)
    return Consultation(safety, finding, treatment, avoided_source)


def screen(
    text: str = "", areas: Iterable[str] = (), person: HealthScreen = NO_SCREEN
) -> SafetyResult:
    """Screen text, the health screen and its answers (`knotwork check`)."""
    check_text(text)
    return check_safety(
        text,
        conditions=person.conditions,
        areas=areas,
        cleared=person.cleared,
        answers=person.answered,
    )


def safety_json(result: SafetyResult) -> dict[str, Any]:
    """Return the safety verdict in its documented JSON shape."""
    return result.to_json()
