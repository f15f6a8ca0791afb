"""Load the knowledge base from the packaged data files, once per process.

This is the one module that reads ``kb/data``. It turns the JSON straight
into the frozen dataclasses of ``kb.models``, guided by their field types, and
checks nothing: ``kb.build`` validates the same raw data with pydantic in the
tests and in ``make kb``, so a command never pays for that.
"""

from __future__ import annotations

import os
import zlib
from collections.abc import Callable
from functools import cache
from typing import Any, TypeVar

from knotwork.kb import models
from knotwork.kb.models import BuiltinRoutine, FigureSites, KnowledgeBase
from knotwork.kb.record import fields, is_dataclass

# os.path rather than pathlib: pathlib alone adds milliseconds to a CLI start.
KB_DIR = os.path.dirname(os.path.abspath(__file__))
DATA_DIR = os.path.join(KB_DIR, "data")
# The figure's sites describe the drawing, not the body, so they live apart.
FIGURE_SITES_FILE = os.path.join(KB_DIR, "figure_data", "figure_sites.json")

T = TypeVar("T")
Convert = Callable[[Any], Any]

_MODELS: dict[str, type] = {
    name: value
    for name, value in vars(models).items()
    if isinstance(value, type) and is_dataclass(value)
}


def data_files() -> list[str]:
    """Return the path of every knowledge file, in a stable order."""
    found = []
    for folder, _, names in os.walk(DATA_DIR):
        found += [os.path.join(folder, n) for n in names if n.endswith(".json")]
    return sorted(found, key=lambda p: os.path.relpath(p, DATA_DIR))


def checksum(paths: list[str], base: str) -> str:
    """Return a 64-bit fingerprint of these files' names (under base) and stamps.

    Like a .pyc, it goes by each file's size and modification time, not its
    content: reading and summing every knowledge file cost each command two
    milliseconds, and an edit changes the stamp. Two zlib checksums rather
    than a cryptographic hash: this only detects edits.
    """
    crc, adler = 0, 1
    for path in paths:
        stat = os.stat(path)
        name = os.path.relpath(path, base).replace(os.sep, "/")
        chunk = f"{name}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode()
        crc, adler = zlib.crc32(chunk, crc), zlib.adler32(chunk, adler)
    return f"{crc:08x}{adler:08x}"


def _read(name: str) -> dict[str, Any]:
    import json  # only when the derived cache misses

    with open(os.path.join(DATA_DIR, name), encoding="utf-8") as f:
        data: dict[str, Any] = json.load(f)
    return data


def raw_knowledge() -> dict[str, Any]:
    """Return every knowledge file's content, gathered in ``KnowledgeBase`` shape."""
    muscles: list[Any] = []
    folder = os.path.join(DATA_DIR, "muscles")
    for name in sorted(os.listdir(folder)):
        if name.endswith(".json"):
            muscles += _read(f"muscles/{name}")["muscles"]
    red_flags = _read("red_flags.json")
    evidence = _read("evidence.json")
    dosing = _read("dosing.json")
    dosing.pop("version")
    lexicon = _read("lexicon.json")
    patterns = _read("safety_patterns.json")
    vocabulary = _read("vocabulary.json")
    screening = _read("screening_questions.json")
    regions = _read("regions.json")
    return {
        "vocabulary": {k: v for k, v in vocabulary.items() if isinstance(v, dict)},
        "segments": regions["segments"],
        "regions": regions["regions"],
        "muscles": muscles,
        "keep_off": _read("keep_off.json")["keep_off"],
        "balls": _read("balls.json")["balls"],
        "conditions": _read("conditions.json")["conditions"],
        "red_flags": red_flags["red_flags"],
        "escalation_rules": red_flags["escalation_rules"],
        "stop_signs": red_flags["session_stop_signs"],
        "studies": evidence["studies"],
        "claims": evidence["claims"],
        "dosing": dosing,
        "lexicon": {k: lexicon[k] for k in ("general", "syndromes", "sides")},
        "safety_patterns": {
            k: patterns[k] for k in ("veto", "look_alikes", "concepts", "rules")
        },
        "context": {"triggers": _read("context.json")["triggers"]},
        "screening": {k: screening[k] for k in ("questions", "caveats")},
    }


def raw_routines() -> list[dict[str, Any]]:
    """Return the built-in routines as written in their data file."""
    routines: list[dict[str, Any]] = _read("routines.json")["routines"]
    return routines


def raw_figure_sites() -> dict[str, Any]:
    """Return the body figure's trigger-point sites as written in their file."""
    import json  # only the web's figure reads it

    with open(FIGURE_SITES_FILE, encoding="utf-8") as f:
        data: dict[str, Any] = json.load(f)
    return data


@cache
def load_kb() -> KnowledgeBase:
    """Return the knowledge base as typed, immutable objects (built once)."""
    from knotwork.kb.cache import derived  # it reads this module's paths

    # The gathered files are cached as one marshal file: a third of the time
    # of parsing nineteen JSON files on every command.
    return build(KnowledgeBase, derived("knowledge", (__file__,), raw_knowledge))


@cache
def load_routines() -> dict[str, BuiltinRoutine]:
    """Return the built-in routines, keyed by id (built once)."""
    routines = [build(BuiltinRoutine, r) for r in raw_routines()]
    return {r.id: r for r in routines}


@cache
def load_figure_sites() -> FigureSites:
    """Return where each trigger point sits on the drawn figure (built once)."""
    return build(FigureSites, raw_figure_sites())


def build(cls: type[T], data: dict[str, Any]) -> T:
    """Build a model from its JSON object: nested models by their field types.

    A key the JSON leaves out takes the field's default; keys the model does
    not know are ignored here and refused by the schema in ``kb.build``.
    """
    values = {
        name: data[key] if convert is None else convert(data[key])
        for name, key, convert in _plan(cls)
        if key in data
    }
    return cls(**values)


Plan = tuple[tuple[str, str, Convert | None], ...]
_PLANS: dict[type, Plan] = {}


def _plan(cls: type) -> Plan:
    """Return each field's name, JSON key and converter, worked out once."""
    plan = _PLANS.get(cls)
    if plan is None:
        plan = _PLANS[cls] = tuple(
            (f.name, f.metadata.get("json", f.name), _converter(str(f.type)))
            for f in fields(cls)
            if f.init
        )
    return plan


def _converter(annotation: str) -> Convert | None:
    """Return how to turn JSON into a value of the annotated type.

    None means the JSON value is already right (a string, number or literal),
    which spares the thousands of plain fields a call each.
    """
    if annotation in _MODELS:
        model = _MODELS[annotation]
        return lambda value: build(model, value)
    if annotation.endswith(" | None"):
        inner = _converter(annotation.removesuffix(" | None"))
        if inner is None:
            return None
        return lambda value: None if value is None else inner(value)
    if annotation.startswith("tuple[") and annotation.endswith(", ...]"):
        item = _converter(annotation[len("tuple[") : -len(", ...]")])
        if item is None:
            return tuple
        return lambda value: tuple(item(v) for v in value)
    if annotation.startswith("Mapping[str, "):
        entry = _converter(annotation[len("Mapping[str, ") : -1])
        if entry is None:
            return None
        return lambda value: {k: entry(v) for k, v in value.items()}
    if "tuple" in annotation or "Mapping" in annotation:
        return _freeze
    return None


def _freeze(value: Any) -> Any:
    """Return plain JSON with every list, at any depth, made a tuple."""
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    if isinstance(value, dict):
        return {k: _freeze(v) for k, v in value.items()}
    return value
