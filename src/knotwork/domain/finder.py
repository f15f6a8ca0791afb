"""Rank the muscles most likely to be sending pain to where it is felt.

Trigger points refer pain to predictable zones, so the core score asks how
well each muscle's referral map explains the zones the person named: a
primary zone counts fully, a spillover zone partly, and the spot where the
muscle itself lies a little. Named muscles, named conditions ("tennis elbow")
and telling activities ("clenching") add evidence on top.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from knotwork.domain.limits import check_text_length
from knotwork.domain.understanding import Reader, Reading, default_reader
from knotwork.errors import KnotworkError

MIN_CANDIDATES = 5
# Evidence weights, relative to a perfect referral match (1.0).
NAME_WEIGHT = 0.9
SYNDROME_WEIGHT = 0.6
CUE_WEIGHT = 0.35
# Muscles that refer everywhere explain any query a little; this damps that.
BREADTH_DAMPING = 0.04
PRIOR_EXPONENT = 0.5
_ASIDE = re.compile(r"\s*\([^)]*\)")


class UnknownRegion(KnotworkError):
    """A region id that is not in the vocabulary."""


@dataclass(frozen=True)
class Candidate:
    """One likely source muscle with its score and the reasons for it."""

    muscle: str
    name: str
    score: float
    why: str
    zones: list[str]
    co_triggers: list[str]


@dataclass(frozen=True)
class Finding:
    """The finder's answer for one description."""

    candidates: list[Candidate]
    regions: list[str]
    side: str | None
    syndromes: list[str]
    reading: Reading


def find_sources(
    text: str = "",
    regions: Iterable[str] = (),
    reader: Reader | None = None,
) -> Finding:
    """Rank candidate source muscles for a description and/or region ids."""
    check_text_length(text)
    reader = reader or default_reader()
    index = reader.index
    reading = reader.read(text)
    for region in regions:
        if region not in index["regions"]:
            raise UnknownRegion(region)
        reading.regions[region] = 1.0
        reading.region_words.setdefault(region, index["regions"][region])
    scored = [
        _score(muscle_id, entry, reading, index)
        for muscle_id, entry in index["muscles"].items()
    ]
    ranked = sorted((c for c in scored if c.score > 0), key=lambda c: -c.score)
    if ranked and len(ranked) < MIN_CANDIDATES:
        ranked += _neighbours(ranked, index, MIN_CANDIDATES - len(ranked))
    return Finding(
        candidates=ranked,
        regions=sorted(reading.regions, key=lambda r: -reading.regions[r]),
        side=reading.side,
        syndromes=reading.syndromes,
        reading=reading,
    )


def _score(
    muscle_id: str, entry: dict[str, Any], reading: Reading, index: dict[str, Any]
) -> Candidate:
    refer: dict[str, dict[str, Any]] = entry["refer"]
    total_weight = sum(reading.regions.values())
    explained = 0.0
    zones: list[str] = []
    for region, weight in reading.regions.items():
        hit = refer.get(region)
        if hit:
            explained += weight * hit["w"]
            zones.append(region)
    match = explained / total_weight if total_weight else 0.0
    breadth = sum(z["w"] for z in refer.values())
    match /= 1.0 + BREADTH_DAMPING * breadth
    name = reading.muscles.get(muscle_id, 0.0)
    is_cue = 0.0 < name < 1.0
    syndrome = max(
        (
            index["syndromes"][s]["muscles"].get(muscle_id, 0.0)
            for s in reading.syndromes
        ),
        default=0.0,
    )
    evidence = (
        match
        + (CUE_WEIGHT * name if is_cue else NAME_WEIGHT * name)
        + SYNDROME_WEIGHT * syndrome
    )
    score = evidence * entry["prior"] ** PRIOR_EXPONENT if evidence else 0.0
    why = _explain(muscle_id, entry, zones, reading, index, syndrome)
    return Candidate(
        muscle=muscle_id,
        name=entry["name"],
        score=round(score, 4),
        why=why,
        zones=zones,
        co_triggers=entry["co"],
    )


def _explain(
    muscle_id: str,
    entry: dict[str, Any],
    zones: list[str],
    reading: Reading,
    index: dict[str, Any],
    syndrome: float,
) -> str:
    refer = entry["refer"]
    names = index["regions"]
    parts: list[str] = []
    for kind, label in (
        ("primary", "main referral zone"),
        ("spillover", "spillover zone"),
        ("local", "where the muscle itself lies"),
    ):
        hits = [_label(names[z]) for z in zones if refer[z]["kind"] == kind]
        if hits:
            parts.append(f"{_join(hits)}: {label}")
    words = reading.muscle_words.get(muscle_id, [])
    if words:
        parts.append("you mentioned " + _join([f"'{w}'" for w in sorted(set(words))]))
    if syndrome:
        syndromes = [index["syndromes"][s]["name"] for s in reading.syndromes]
        parts.append(f"it is a usual source of {_join(syndromes)}")
    if not parts:
        return "often co-triggers with the stronger candidates above"
    text = "; ".join(parts)
    return text[0].upper() + text[1:]


def _label(region_name: str) -> str:
    """Shorten "back (hairy side) of the forearm" to "back of the forearm"."""
    label = _ASIDE.sub("", region_name).lower()
    # "jaw angle, jaw joint, masseter area" -> "jaw angle"; keep "x, y or z" whole.
    return label if " or " in label else label.split(",")[0]


def _join(items: list[str]) -> str:
    items = list(dict.fromkeys(items))
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _neighbours(
    ranked: list[Candidate], index: dict[str, Any], n: int
) -> list[Candidate]:
    """Pad a short list with muscles that co-trigger with the leaders."""
    seen = {c.muscle for c in ranked}
    extra: list[Candidate] = []
    floor = ranked[-1].score
    for leader in ranked:
        for muscle_id in leader.co_triggers:
            if muscle_id in seen or len(extra) >= n:
                continue
            seen.add(muscle_id)
            entry = index["muscles"][muscle_id]
            floor *= 0.9
            extra.append(
                Candidate(
                    muscle=muscle_id,
                    name=entry["name"],
                    score=round(floor, 4),
                    why=f"Often develops trigger points together with {leader.name}.",
                    zones=[],
                    co_triggers=entry["co"],
                )
            )
    return extra
