"""Read-only views of the knowledge base for the browsing commands."""

from __future__ import annotations

from typing import Any

from knotwork.domain.names import name_of
from knotwork.kb.loader import load_kb
from knotwork.kb.models import as_json

SUMMARY_FIELDS = (
    "id",
    "name",
    "lay_names",
    "trigger_points",
    "techniques",
    "ball_note",
)


def muscle_summaries() -> list[dict[str, Any]]:
    """Return every muscle with its trigger points and techniques."""
    return [
        {k: v for k, v in as_json(m).items() if k in SUMMARY_FIELDS}
        for m in load_kb().muscles
    ]


def muscle_detail(muscle_id: str) -> dict[str, Any]:
    """Return one muscle in full, or raise ``KeyError``."""
    kb = load_kb()
    data: dict[str, Any] = as_json(kb.muscle(muscle_id))
    for t in data["techniques"]:
        t["keep_off"] = [{"id": k, "name": name_of(k)} for k in t["keep_off"]]
    return data


def region_list() -> list[dict[str, str]]:
    """Return the body regions."""
    return [{"id": r.id, "name": r.name, "view": r.view} for r in load_kb().regions]


def safety_list() -> list[dict[str, str]]:
    """Return every condition and red flag with its verdict."""
    kb = load_kb()
    items = [
        {"id": c.id, "kind": "condition", "name": c.name, "verdict": c.verdict}
        for c in kb.conditions
    ]
    items += [
        {"id": f.id, "kind": "red_flag", "name": f.name, "verdict": f.verdict}
        for f in kb.red_flags
    ]
    return items
