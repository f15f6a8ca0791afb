"""Pain entries as a FHIR R4 Bundle a clinician's system can read.

Each pain entry becomes an Observation coded LOINC 72514-3 (pain severity on
the 0-10 verbal numeric rating scale, as reported), with the score as
``valueInteger``, the muscle or region as ``bodySite`` text, and the moment
as ``effectiveDateTime``. Body sites are text only: SNOMED CT codes for each
muscle would need a terminologist's check. The bundle names no person and
carries no free-text notes, profile or conditions; the person decides whom to
hand it to.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any

from knotwork.domain.journal.records import PainEntry
from knotwork.domain.names import name_of
from knotwork.exports.atomic import write_atomically

LOINC = "http://loinc.org"
PAIN_SEVERITY_CODE = "72514-3"
PAIN_SEVERITY_DISPLAY = "Pain severity - 0-10 verbal numeric rating [Score] - Reported"
CATEGORY_SYSTEM = "http://terminology.hl7.org/CodeSystem/observation-category"
# Fixed namespace so the same entry always gets the same urn:uuid.
NAMESPACE = uuid.UUID("5f0c3a5e-8a61-4b8e-9d0e-6b1e2f4c7a90")


def spot_name(spot: str) -> str:
    """Return a readable name for a muscle or region id."""
    return name_of(spot)


def _aware(at: datetime, tz: tzinfo | None) -> datetime:
    # FHIR requires an offset whenever a time is given; naive means local.
    return at if at.tzinfo is not None else at.astimezone(tz)


def _moment(at: datetime, tz: tzinfo | None) -> str:
    return _aware(at, tz).isoformat()


def _body_site(entry: PainEntry) -> str:
    name = spot_name(entry.spot)
    if entry.side in ("left", "right"):
        return f"{name}, {entry.side} side"
    if entry.side == "both":
        return f"{name}, both sides"
    return name


def _notes(entry: PainEntry) -> list[dict[str, str]]:
    notes = []
    if entry.phase is not None:
        notes.append(f"Scored {entry.phase} a self-massage (ball) session.")
    if entry.activity:
        notes.append(f"Activity at the time: {entry.activity}.")
    # The person's free-text note stays out: it may hold anything, and a
    # clinician's record should get only what was asked for.
    return [{"text": text} for text in notes]


def pain_observation(entry: PainEntry, tz: tzinfo | None = None) -> dict[str, Any]:
    """Return one pain entry as a FHIR Observation resource."""
    observation: dict[str, Any] = {
        "resourceType": "Observation",
        "status": "final",
        "category": [
            {
                "coding": [
                    {"system": CATEGORY_SYSTEM, "code": "survey", "display": "Survey"}
                ]
            }
        ],
        "code": {
            "coding": [
                {
                    "system": LOINC,
                    "code": PAIN_SEVERITY_CODE,
                    "display": PAIN_SEVERITY_DISPLAY,
                }
            ],
            "text": "Pain severity (0-10)",
        },
        "effectiveDateTime": _moment(entry.at, tz),
        "valueInteger": entry.pain,
        "bodySite": {"text": _body_site(entry)},
    }
    notes = _notes(entry)
    if notes:
        observation["note"] = notes
    return observation


def fhir_bundle(
    pain: Sequence[PainEntry], now: datetime, tz: tzinfo | None = None
) -> dict[str, Any]:
    """Return a FHIR R4 Bundle (type collection) of pain Observations, oldest first."""
    entries: list[dict[str, Any]] = []
    ordered = sorted(pain, key=lambda e: (_aware(e.at, tz), e.spot, e.side or ""))
    for number, entry in enumerate(ordered):
        resource = pain_observation(entry, tz)
        key = f"{number}|{json.dumps(resource, sort_keys=True)}"
        entries.append(
            {"fullUrl": f"urn:uuid:{uuid.uuid5(NAMESPACE, key)}", "resource": resource}
        )
    bundle_key = "|".join(str(e["fullUrl"]) for e in entries)
    return {
        "resourceType": "Bundle",
        "id": str(uuid.uuid5(NAMESPACE, bundle_key)),
        "type": "collection",
        "timestamp": _moment(now, tz),
        "entry": entries,
    }


def fhir_text(
    pain: Sequence[PainEntry], now: datetime, tz: tzinfo | None = None
) -> str:
    """Return the bundle as JSON text."""
    return json.dumps(fhir_bundle(pain, now, tz), indent=2, ensure_ascii=False) + "\n"


def write_fhir(
    path: Path, pain: Sequence[PainEntry], now: datetime, tz: tzinfo | None = None
) -> None:
    """Write the FHIR bundle to a file atomically."""
    write_atomically(Path(path), fhir_text(pain, now, tz).encode("utf-8"))
