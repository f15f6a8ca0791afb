"""Reading a JSON export back: every field checked before anything is kept.

``parse_export(text)`` returns an ``ExportBundle`` or raises an
``ExportError`` that names the field at fault, so an import either has all
of a file or none of it. The writing side, and the format's keys and
version, live in ``json_export``.
"""

from __future__ import annotations

import json
import re
from typing import Any

from knotwork.domain import limits
from knotwork.domain.journal.extra_records import SavedPlan
from knotwork.domain.journal.records import (
    OwnedBall,
    PainEntry,
    Profile,
    RomEntry,
    SessionRecord,
    StepRecord,
    StopEvent,
)
from knotwork.domain.names import condition_ids
from knotwork.domain.safety.health_facts import (
    AGE_BANDS,
    MAX_MEDICINE_CHARS,
    MAX_MEDICINES,
    MAX_PREGNANCY_WEEKS,
    HealthFacts,
)
from knotwork.exports import json_fields as f
from knotwork.exports.json_export import (
    BALL_KEYS,
    FORMAT,
    HEALTH_KEYS,
    MAX_SECONDS,
    MAX_STEPS,
    PAIN_KEYS,
    PLAN_KEYS,
    PROFILE_KEYS,
    READABLE_VERSIONS,
    ROM_KEYS,
    SESSION_KEYS,
    STEP_KEYS,
    STOP_KEYS,
    TOP_KEYS,
    ExportBundle,
    MalformedExport,
    UnsupportedExport,
)
from knotwork.exports.json_fields import ExportError as ExportError
from knotwork.exports.json_fields import InvalidExportField as InvalidExportField

# JSON -> records ---------------------------------------------------------------


def _pain(o: f.Obj) -> PainEntry:
    return PainEntry(
        spot=o.spot("spot"),
        side=o.choice("side", f.SIDE_CHOICES, optional=True),
        pain=o.score("pain"),
        at=o.moment("at"),
        activity=o.text("activity", f.LABEL_LENGTH),
        note=o.text("note"),
        session_id=o.label("session_id", f.ID_LENGTH, optional=True),
        phase=o.choice("phase", ("before", "after"), optional=True),
    )


def _rom(o: f.Obj) -> RomEntry:
    entry = RomEntry(
        movement=o.label("movement"),
        side=o.choice("side", f.SIDE_CHOICES, optional=True),
        spot=o.spot("spot", optional=True),
        at=o.moment("at"),
        degrees=o.number("degrees", 0.0, float(limits.MAX_DEGREES), optional=True),
        ease=o.score("ease", optional=True),
        note=o.text("note"),
        session_id=o.label("session_id", f.ID_LENGTH, optional=True),
        phase=o.choice("phase", ("before", "after"), optional=True),
    )
    if entry.degrees is None and entry.ease is None:
        raise o.fail("degrees", "give degrees or an ease rating")
    return entry


def _step(o: f.Obj) -> StepRecord:
    return StepRecord(
        index=o.whole("index", 0, MAX_STEPS),
        target=o.step_target("target"),
        side=o.choice("side", f.SIDE_CHOICES, optional=True),
        technique=o.label("technique"),
        ball=o.ball("ball", optional=True),
        protocol=o.label("protocol", 40),
        planned_seconds=o.whole("planned_seconds", 0, MAX_SECONDS),
        done_seconds=o.whole("done_seconds", 0, MAX_SECONDS),
        pressure_felt=o.score("pressure_felt", optional=True),
        skipped=o.flag("skipped"),
    )


def _stop(o: f.Obj) -> StopEvent:
    return StopEvent(
        sign=o.stop_sign("sign"),
        at=o.moment("at"),
        step_index=o.whole("step_index", 0, MAX_STEPS, optional=True),
        red_flag=o.red_flag("red_flag", optional=True),
        advice=o.label("advice", f.NOTE_LENGTH),
    )


def _session(o: f.Obj) -> SessionRecord:
    started = o.moment("started_at")
    ended = o.moment("ended_at", optional=True)
    if ended is not None and ended < started:
        raise o.fail("ended_at", "the session ends before it starts")
    steps = [_step(s) for s in o.children("steps", STEP_KEYS)]
    indexes = [s.index for s in steps]
    if len(set(indexes)) != len(indexes):
        raise o.fail("steps", "two steps share the same index")
    stop_obj = o.child("stop", STOP_KEYS, optional=True)
    stop = None if stop_obj is None else _stop(stop_obj)
    if stop is not None and stop.at < started:
        raise o.fail("stop", "the stop happened before the session started")
    return SessionRecord(
        id=o.label("id", f.ID_LENGTH),
        routine=o.label("routine"),
        started_at=started,
        ended_at=ended,
        completed=o.flag("completed"),
        pain_before=o.scores("pain_before"),
        pain_after=o.scores("pain_after"),
        retest=o.text("retest"),
        retest_ease=o.score("retest_ease", optional=True),
        steps=steps,
        stop=stop,
    )


def _profile(o: f.Obj) -> Profile:
    conditions = o.ids("conditions", condition_ids())
    balls = [
        OwnedBall(b.ball("ball"), b.day("purchased", optional=True))
        for b in o.children("balls", BALL_KEYS)
    ]
    owned = [b.ball for b in balls]
    if len(set(owned)) != len(owned):
        raise o.fail("balls", "the same ball is listed twice")
    positions = o.ids("positions", f.POSITION_CHOICES)
    if not positions:
        raise o.fail("positions", "keep at least one position")
    return Profile(
        conditions=conditions,
        cleared=o.ids("cleared", conditions),
        tolerance=o.choice("tolerance", f.TOLERANCE_CHOICES),
        experience=o.choice("experience", f.EXPERIENCE_CHOICES),
        balls=balls,
        positions=positions,
        training_days=o.ids("training_days", f.WEEKDAY_CHOICES),
        health=_health(o.child("health", HEALTH_KEYS, optional=True)),
    )


def _health(o: f.Obj | None) -> HealthFacts:
    if o is None:
        return HealthFacts()
    medicines = o.labels("medicines", MAX_MEDICINE_CHARS, MAX_MEDICINES)
    weeks = o.whole("pregnant_weeks", 0, MAX_PREGNANCY_WEEKS, optional=True)
    return HealthFacts(
        age_band=o.choice("age_band", AGE_BANDS, optional=True),
        pregnant_weeks=weeks,
        pregnant_as_of=o.day("pregnant_as_of", optional=weeks is None),
        gave_birth_on=o.day("gave_birth_on", optional=True),
        medicines=tuple(medicines),
        screened_on=o.day("screened_on"),
    )


def _plan(o: f.Obj, number: int) -> SavedPlan:
    return SavedPlan(number, o.moment("created_at"), o.json_object("plan"))


def _unique_sessions(sessions: list[SessionRecord]) -> None:
    seen: set[str] = set()
    for i, session in enumerate(sessions):
        if session.id in seen:
            raise InvalidExportField(
                f"sessions[{i}].id", f"session '{session.id}' appears twice"
            )
        seen.add(session.id)


def parse_export(text: str) -> ExportBundle:
    """Read and check a whole export; raise ``ExportError`` naming the problem."""
    if len(text) > limits.IMPORT_BODY_BYTES:
        raise MalformedExport(
            "", f"larger than {limits.IMPORT_BODY_BYTES // (1024 * 1024)} MB, far "
            "more than any knotwork export",
        )  # fmt: skip
    _check_nesting(text)
    try:
        data = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as error:
        raise MalformedExport(
            "", f"not valid JSON (line {error.lineno}, column {error.colno}): "
            f"{error.msg}; the file may be truncated or not an export",
        ) from None  # fmt: skip
    except ValueError as error:  # NaN / Infinity, which JSON does not allow
        raise MalformedExport("", str(error)) from None
    if not isinstance(data, dict):
        raise UnsupportedExport("", "the file holds JSON but not a knotwork export")
    if data.get("format") != FORMAT:
        raise UnsupportedExport("format", f"expected '{FORMAT}'")
    version = data.get("version")
    if isinstance(version, bool) or version not in READABLE_VERSIONS:
        readable = " or ".join(str(v) for v in READABLE_VERSIONS)
        raise UnsupportedExport(
            "version", f"this knotwork reads version {readable}, not {version!r}"
        )
    if version == 1:
        _upgrade_version_1(data)
    profile = data.get("profile")
    if isinstance(profile, dict) and "health" not in profile:
        # Exports written before the health screen existed have no answers.
        profile["health"] = None
    top = f.Obj(data, "", TOP_KEYS)
    sessions = [_session(o) for o in top.children("sessions", SESSION_KEYS)]
    _unique_sessions(sessions)
    return ExportBundle(
        profile=_profile(top.child("profile", PROFILE_KEYS)),
        pain=[_pain(o) for o in top.children("pain", PAIN_KEYS)],
        rom=[_rom(o) for o in top.children("rom", ROM_KEYS)],
        sessions=sessions,
        plans=[_plan(o, i + 1) for i, o in enumerate(top.children("plans", PLAN_KEYS))],
    )


def _upgrade_version_1(data: dict[str, Any]) -> None:
    """Give a version 1 document's re-tests the phase version 2 added."""
    rom = data.get("rom")
    if not isinstance(rom, list):
        return  # the usual checks say what is wrong with it
    for entry in rom:
        if isinstance(entry, dict):
            entry.setdefault("phase", None)


# A JSON string (escapes included), and the brackets left once strings are gone.
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKETS = re.compile(r"[\[\]{}]")


def _check_nesting(text: str) -> None:
    """Refuse JSON nested deeper than any export, before the parser recurses.

    Python's parser recurses once per level: a few thousand "[" end in a
    RecursionError. Counting brackets outside strings costs one regex pass.
    """
    depth = deepest = 0
    for bracket in _BRACKETS.findall(_STRING.sub("", text)):
        depth += 1 if bracket in "[{" else -1
        deepest = max(deepest, depth)
        if deepest > limits.IMPORT_MAX_DEPTH:
            raise MalformedExport(
                "", f"nested more than {limits.IMPORT_MAX_DEPTH} levels deep, "
                "which no knotwork export is",
            )  # fmt: skip


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")
