"""Load the knowledge base from the packaged data files, once per process."""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path
from typing import Any

from knotwork.kb.models import BuiltinRoutine, KnowledgeBase

DATA_DIR = Path(__file__).parent / "data"
VOCABULARY_FILE = DATA_DIR / "vocabulary.json"


def data_files() -> list[Path]:
    """Return every knowledge file, in a stable order."""
    return sorted(DATA_DIR.rglob("*.json"))


def fingerprint() -> str:
    """Return a hash of all knowledge files, used to detect a stale index."""
    digest = hashlib.sha256()
    for path in data_files():
        digest.update(path.relative_to(DATA_DIR).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _read(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA_DIR / name).read_text(encoding="utf-8"))
    return data


@cache
def load_kb() -> KnowledgeBase:
    """Read and validate every data file into one ``KnowledgeBase``."""
    muscles: list[Any] = []
    for path in sorted((DATA_DIR / "muscles").glob("*.json")):
        muscles.extend(json.loads(path.read_text(encoding="utf-8"))["muscles"])
    red_flags = _read("red_flags.json")
    evidence = _read("evidence.json")
    dosing = _read("dosing.json")
    dosing.pop("version")
    lexicon = _read("lexicon.json")
    patterns = _read("safety_patterns.json")
    vocabulary = _read("vocabulary.json")
    return KnowledgeBase.model_validate(
        {
            "vocabulary": {k: v for k, v in vocabulary.items() if isinstance(v, dict)},
            "regions": _read("regions.json")["regions"],
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
            "safety_patterns": {k: patterns[k] for k in ("veto", "concepts", "rules")},
            "context": {"triggers": _read("context.json")["triggers"]},
            "screening": {
                k: _read("screening_questions.json")[k]
                for k in ("questions", "caveats")
            },
        }
    )


@cache
def load_routines() -> dict[str, BuiltinRoutine]:
    """Read the built-in routines from the seeds, keyed by id."""
    raw = _read("routines.json")["routines"]
    routines = [BuiltinRoutine.model_validate(r) for r in raw]
    return {r.id: r for r in routines}
