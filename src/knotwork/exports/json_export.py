"""The lossless JSON export: every record, written so it reads back exactly.

``export_text(bundle)`` writes a versioned document; ``json_import.parse_export``
reads one back and checks every field before returning anything, so an
import either has all of it or none of it. Records are written in a fixed
order (by time, then content), which makes export -> import -> export
byte-for-byte identical whatever order the database returns rows in.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from knotwork.domain.journal.extra_records import SavedPlan
from knotwork.domain.journal.records import (
    POSITIONS,
    WEEKDAYS,
    OwnedBall,
    PainEntry,
    Profile,
    RomEntry,
    SessionRecord,
    StepRecord,
    StopEvent,
)
from knotwork.domain.safety.health_facts import (
    HealthFacts,
)
from knotwork.exports.atomic import write_atomically
from knotwork.exports.json_fields import ExportError as ExportError
from knotwork.exports.json_fields import InvalidExportField as InvalidExportField
from knotwork.kb.record import field, fields, record

FORMAT = "knotwork-export"
# Version 2 added each re-test's phase (before or after its session).
# Version 1 files still import: their re-tests simply have no phase.
VERSION = 2
READABLE_VERSIONS = (1, 2)
TOP_KEYS = ("format", "version", "profile", "pain", "rom", "sessions", "plans")
MAX_STEPS = 10_000
MAX_SECONDS = 86_400


def _keys(record: type) -> tuple[str, ...]:
    """Return a record's field names: the JSON keys each object must have."""
    return tuple(field.name for field in fields(record))


PAIN_KEYS = _keys(PainEntry)
ROM_KEYS = _keys(RomEntry)
STEP_KEYS = _keys(StepRecord)
STOP_KEYS = _keys(StopEvent)
SESSION_KEYS = _keys(SessionRecord)
PROFILE_KEYS = _keys(Profile)
HEALTH_KEYS = _keys(HealthFacts)
BALL_KEYS = _keys(OwnedBall)
PLAN_KEYS = ("created_at", "plan")  # the database id is not exported


class MalformedExport(ExportError):
    """The file is not JSON at all, or was cut short."""


class UnsupportedExport(ExportError):
    """The file is JSON but not a knotwork export this version can read."""


@record
class ExportBundle:
    """Everything a person's journal holds, ready to write or to import."""

    profile: Profile = field(default_factory=Profile)
    pain: list[PainEntry] = field(default_factory=list)
    rom: list[RomEntry] = field(default_factory=list)
    sessions: list[SessionRecord] = field(default_factory=list)
    plans: list[SavedPlan] = field(default_factory=list)


# Records -> JSON ---------------------------------------------------------------


def _pain_json(e: PainEntry) -> dict[str, Any]:
    return {
        "spot": e.spot,
        "side": e.side,
        "pain": e.pain,
        "at": e.at.isoformat(),
        "activity": e.activity,
        "note": e.note,
        "session_id": e.session_id,
        "phase": e.phase,
    }


def _rom_json(e: RomEntry) -> dict[str, Any]:
    return {
        "movement": e.movement,
        "side": e.side,
        "spot": e.spot,
        "at": e.at.isoformat(),
        "degrees": None if e.degrees is None else float(e.degrees),
        "ease": e.ease,
        "note": e.note,
        "session_id": e.session_id,
        "phase": e.phase,
    }


def _step_json(s: StepRecord) -> dict[str, Any]:
    return {
        "index": s.index,
        "target": s.target,
        "side": s.side,
        "technique": s.technique,
        "ball": s.ball,
        "protocol": s.protocol,
        "planned_seconds": s.planned_seconds,
        "done_seconds": s.done_seconds,
        "pressure_felt": s.pressure_felt,
        "skipped": s.skipped,
    }


def _stop_json(s: StopEvent) -> dict[str, Any]:
    return {
        "sign": s.sign,
        "at": s.at.isoformat(),
        "step_index": s.step_index,
        "red_flag": s.red_flag,
        "advice": s.advice,
    }


def _session_json(s: SessionRecord) -> dict[str, Any]:
    return {
        "id": s.id,
        "routine": s.routine,
        "started_at": s.started_at.isoformat(),
        "ended_at": None if s.ended_at is None else s.ended_at.isoformat(),
        "completed": s.completed,
        "pain_before": dict(sorted(s.pain_before.items())),
        "pain_after": dict(sorted(s.pain_after.items())),
        "retest": s.retest,
        "retest_ease": s.retest_ease,
        "steps": [_step_json(step) for step in s.steps],
        "stop": None if s.stop is None else _stop_json(s.stop),
    }


def _profile_json(p: Profile) -> dict[str, Any]:
    # Lists are written in a canonical order: the database keeps sets, not order.
    return {
        "conditions": sorted(p.conditions),
        "cleared": sorted(p.cleared),
        "tolerance": p.tolerance,
        "experience": p.experience,
        "balls": [
            {
                "ball": b.ball,
                "purchased": None if b.purchased is None else b.purchased.isoformat(),
            }
            for b in sorted(p.balls, key=lambda b: b.ball)
        ],
        "positions": _in_order(p.positions, POSITIONS),
        "training_days": _in_order(p.training_days, WEEKDAYS),
        "health": None if not p.health.answered else p.health.to_json(),
    }


def _in_order(values: list[str], order: tuple[str, ...]) -> list[str]:
    return sorted(
        values, key=lambda v: (order.index(v) if v in order else len(order), v)
    )


def _plan_json(p: SavedPlan) -> dict[str, Any]:
    # The database id is left out: a fresh database numbers plans afresh.
    # Keys are sorted so a database that reorders JSON keys changes nothing.
    plan = json.loads(json.dumps(p.plan, sort_keys=True))
    return {"created_at": p.created_at.isoformat(), "plan": plan}


def _ordered(items: list[dict[str, Any]], time_key: str) -> list[dict[str, Any]]:
    """Sort by time, then by full content, so any input order exports alike."""
    return sorted(items, key=lambda d: (d[time_key], json.dumps(d, sort_keys=True)))


def export_document(bundle: ExportBundle) -> dict[str, Any]:
    """Return the export as a JSON-ready document."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "profile": _profile_json(bundle.profile),
        "pain": _ordered([_pain_json(e) for e in bundle.pain], "at"),
        "rom": _ordered([_rom_json(e) for e in bundle.rom], "at"),
        "sessions": _ordered([_session_json(s) for s in bundle.sessions], "started_at"),
        "plans": _ordered([_plan_json(p) for p in bundle.plans], "created_at"),
    }


def export_text(bundle: ExportBundle) -> str:
    """Return the export as JSON text."""
    document = export_document(bundle)
    return json.dumps(document, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def write_export(path: Path, bundle: ExportBundle) -> None:
    """Write the JSON export to a file atomically."""
    write_atomically(path, export_text(bundle).encode("utf-8"))
