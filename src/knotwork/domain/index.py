"""The compiled lookup tables the finder and the safety screen run on.

Validating the knowledge base needs pydantic, which alone costs more start-up
time than the 150 ms a CLI answer may take. So ``build_index`` distils the
validated knowledge into plain JSON once (``make kb``), the file ships in the
package, and a test fails whenever it falls out of step with ``kb/data``.
At run time ``load_index`` needs only the standard library.
"""

from __future__ import annotations

import json
import os
from functools import cache
from typing import TYPE_CHECKING, Any

from knotwork.domain.phrases import PhraseMatcher
from knotwork.domain.text import Speller, phrase_key, split_words, stem

if TYPE_CHECKING:
    from knotwork.kb.models import KnowledgeBase, Muscle

# os.path rather than pathlib: pathlib alone adds ~8 ms to a CLI start.
INDEX_FILE = os.path.join(
    os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
    "kb",
    "compiled",
    "index.json",
)

PREVALENCE = {"very_common": 1.0, "common": 0.8, "occasional": 0.6}
PRIMARY, SPILLOVER, LOCAL = 1.0, 0.4, 0.5
LAY_NAME_WEIGHT, CUE_WEIGHT = 1.0, 0.6
MIN_SAFETY_TARGET = 6

Index = dict[str, Any]


def _keys(phrases: list[str]) -> list[list[str]]:
    return [list(k) for k in {phrase_key(p) for p in phrases} if k]


def _referral(muscle: Muscle) -> dict[str, dict[str, Any]]:
    """Map each region to how strongly this muscle refers pain there."""
    out: dict[str, dict[str, Any]] = {}

    def offer(region: str, weight: float, kind: str, where: str) -> None:
        if region not in out or out[region]["w"] < weight:
            out[region] = {"w": round(weight, 3), "kind": kind, "tp": where}

    for tp in muscle.trigger_points:
        p = PREVALENCE[tp.prevalence]
        for r in tp.primary:
            offer(r, PRIMARY * p, "primary", tp.location)
        for r in tp.spillover:
            offer(r, SPILLOVER * p, "spillover", tp.location)
    for r in muscle.regions:
        offer(r, LOCAL, "local", muscle.location)
    return out


def _muscle_entry(m: Muscle) -> dict[str, Any]:
    prior = max(PREVALENCE[tp.prevalence] for tp in m.trigger_points)
    return {
        "name": m.name,
        "refer": _referral(m),
        "lies_in": m.regions,
        "prior": prior,
        "co": m.co_triggers,
        "ball_note": m.ball_note,
        "techniques": [t.model_dump(mode="json") for t in m.techniques],
        "cue_text": {" ".join(phrase_key(c)): c for c in m.cues},
    }


def build_index(kb: KnowledgeBase, fingerprint: str) -> Index:
    """Distil the validated knowledge base into plain lookup tables."""
    region_phrases: list[list[Any]] = []
    for region in kb.regions:
        region_phrases += [[k, {region.id: 1.0}] for k in _keys(region.phrases)]
    for word in kb.lexicon.general:
        region_phrases += [[k, word.regions] for k in _keys(word.phrases)]
    muscle_phrases: list[list[Any]] = []
    for m in kb.muscles:
        muscle_phrases += [[k, m.id, LAY_NAME_WEIGHT] for k in _keys(m.lay_names)]
        muscle_phrases += [[k, m.id, CUE_WEIGHT] for k in _keys(m.cues)]
    flags: dict[str, dict[str, Any]] = {}
    for f in kb.red_flags:
        flags[f.id] = {"kind": "red_flag", "name": f.name, "verdict": f.verdict}
        flags[f.id] |= {"urgent": f.urgent, "advice": f.advice}
    for c in kb.conditions:
        flags[c.id] = {"kind": "condition", "name": c.name, "verdict": c.verdict}
        flags[c.id] |= {"advice": c.advice, "urgent": False}
        flags[c.id] |= {"area_verdict": c.area_verdict, "areas": c.areas}
        flags[c.id] |= {"named_area": c.applies_to_named_area}
        flags[c.id] |= {"cleared_verdict": c.cleared_verdict}
        flags[c.id] |= {"limits": c.limits.model_dump(mode="json")}
    prose = " ".join(
        " ".join([m.location, m.how_to_find, *m.symptoms, *m.aggravators])
        for m in kb.muscles
    )
    safety = kb.safety_patterns
    matchers: dict[str, PhraseMatcher[Any]] = {
        "regions": PhraseMatcher.build((k, w) for k, w in region_phrases),
        "muscles": PhraseMatcher.build((k, [m, w]) for k, m, w in muscle_phrases),
        "syndromes": PhraseMatcher.build(
            (k, s.id) for s in kb.lexicon.syndromes for k in _keys(s.phrases)
        ),
        "sides": PhraseMatcher.build(
            (k, side) for side, ps in kb.lexicon.sides.items() for k in _keys(ps)
        ),
        "concepts": PhraseMatcher.build(
            (k, c) for c, ps in safety.concepts.items() for k in _keys(ps)
        ),
        "veto": PhraseMatcher.build((k, "veto") for k in _keys(safety.veto)),
    }
    triggers = kb.context.triggers
    # Context triggers keep filler words: "could this be" is not "could be".
    context_matcher = PhraseMatcher.build(
        (phrase_key(p, keep_filler=True), i)
        for i, t in enumerate(triggers)
        for p in t.phrases
    )
    body_stems = matchers["regions"].stems() | matchers["muscles"].stems()
    # Misspellings are corrected towards body words, and towards safety words
    # long enough to be told apart: "potty" must not become "port".
    body = {
        s
        for name in ("regions", "muscles", "syndromes", "sides")
        for s in matchers[name].stems()
    }
    safety_only = {s for name in ("concepts", "veto") for s in matchers[name].stems()}
    every_stem = body | safety_only
    lexicon_stems = body | {
        s for s in safety_only - body if len(s) >= MIN_SAFETY_TARGET
    }
    common = {stem(w) for w in split_words(prose) if w.isalpha()}
    # The context words are known words too: "now" must never become "new".
    common |= {s for t in triggers for p in t.phrases for s in phrase_key(p, True)}
    return {
        "fingerprint": fingerprint,
        "matchers": {name: m.table for name, m in matchers.items()},
        "speller": Speller.build(lexicon_stems, common | every_stem).table(),
        "regions": {r.id: r.name for r in kb.regions},
        "muscles": {m.id: _muscle_entry(m) for m in kb.muscles},
        "syndromes": {
            s.id: {"name": s.name, "regions": s.regions, "muscles": s.muscles}
            for s in kb.lexicon.syndromes
        },
        "keep_off": {k.id: k.name for k in kb.keep_off},
        "safety": {
            "rules": [r.model_dump() for r in safety.rules],
            "flags": flags,
        },
        "screening": kb.screening.model_dump(),
        "context": {
            "matcher": context_matcher.table,
            "triggers": [
                t.model_dump(exclude={"phrases"})
                | {
                    "applies_to": sorted(t.applies_to),
                    "unless_next": sorted({stem(w) for w in t.unless_next}),
                }
                for t in triggers
            ],
            "body_stems": sorted(body_stems),
        },
    }


@cache
def load_index() -> Index:
    """Read the compiled index shipped with the package."""
    with open(INDEX_FILE, encoding="utf-8") as f:
        data: Index = json.load(f)
    return data


def compiled_text() -> str:
    """Return the index as it should be written, from the current ``kb/data``."""
    from knotwork.kb.loader import fingerprint, load_kb

    index = build_index(load_kb(), fingerprint())
    return json.dumps(index, sort_keys=True, separators=(",", ":")) + "\n"


def write_index() -> str:
    """Rebuild the index from ``kb/data`` and write it next to the data."""
    os.makedirs(os.path.dirname(INDEX_FILE), exist_ok=True)
    with open(INDEX_FILE, "w", encoding="utf-8") as f:
        f.write(compiled_text())
    return INDEX_FILE


if __name__ == "__main__":
    print(f"wrote {write_index()}")
