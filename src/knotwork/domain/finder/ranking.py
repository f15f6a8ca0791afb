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

from knotwork.domain.finder.referral import ReferralMap, referral_maps
from knotwork.domain.language.understanding import Reader, Reading, default_reader
from knotwork.domain.safety.health_screen import check_text
from knotwork.errors import KnotworkError
from knotwork.kb.models import KnowledgeBase
from knotwork.kb.record import record, replace

MIN_CANDIDATES = 5
# Evidence weights, relative to a perfect referral match (1.0).
NAME_WEIGHT = 0.9
SYNDROME_WEIGHT = 0.6
CUE_WEIGHT = 0.35
# Muscles that refer everywhere explain any query a little; this damps that.
BREADTH_DAMPING = 0.04
# Each zone's weight already carries the prevalence of the trigger point that
# refers there. The muscle's prior (its commonest point) only settles near
# ties: at full strength a common neck point lifted the same muscle's rarer
# forehead referral above the forehead's usual source. Measured on 1,920
# vignettes: 0.5 gave top-1 1,523, 0.15 gives 1,558, 0 gives 1,554.
PRIOR_EXPONENT = 0.15
_ASIDE = re.compile(r"\s*\([^)]*\)")
# Pressing a trigger point that brings back the familiar pain is the most
# reliable sign of an active one, but only moderately so (pain recognition
# kappa about 0.58, Rathbone et al. 2017): a "no" demotes, it does not delete.
RULED_OUT_FACTOR = 0.25
PRESS_QUESTION = (
    "Does this bring back your familiar pain, or send it where you feel it?"
)
PRESS_NOTE = (
    "Pressing a spot that brings back your own, familiar pain is the most "
    "reliable sign of an active trigger point, though examiners agree on it only "
    "moderately (kappa about 0.58 in Rathbone et al.'s 2017 review). Treat a yes "
    "as a good lead, not a diagnosis."
)
PRESS_CONFIRM_COUNT = 3
CONFIRMED = "confirmed by pressing: it brought back your familiar pain"
RULED_OUT = "pressing it did not bring back your pain, so it moves down"


class UnknownRegion(KnotworkError):
    """A region id that is not in the vocabulary."""


class UnknownMuscle(KnotworkError):
    """A muscle id that is not in the knowledge base."""


@record
class Candidate:
    """One likely source muscle with its score and the reasons for it."""

    muscle: str
    name: str
    score: float
    why: str
    zones: list[str]
    co_triggers: list[str]
    pressed: str | None = None  # "confirmed" or "ruled_out" after pressing


@record
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
    confirmed: Iterable[str] = (),
    ruled_out: Iterable[str] = (),
) -> Finding:
    """Rank candidate source muscles for a description and/or region ids.

    ``confirmed`` muscles are those whose trigger point, when pressed, brought
    back the familiar pain; they rise to the top. ``ruled_out`` ones did not,
    and move down (a muscle named in both counts as confirmed).
    """
    check_text(text)  # before any reading: bounded work for any input
    reader = reader or default_reader()
    kb = reader.kb
    reading = reader.read(text)
    for region in regions:
        if not kb.is_region(region):
            raise UnknownRegion(region)
        reading.regions[region] = 1.0
        reading.region_words.setdefault(region, kb.region(region).name)
    maps = referral_maps(kb)
    scored = [_score(muscle_id, m, reading, kb) for muscle_id, m in maps.items()]
    ranked = sorted((c for c in scored if c.score > 0), key=lambda c: -c.score)
    if ranked and len(ranked) < MIN_CANDIDATES:
        ranked += _neighbours(ranked, kb, MIN_CANDIDATES - len(ranked))
    ranked = apply_pressing(ranked, kb, set(confirmed), set(ruled_out))
    return Finding(
        candidates=ranked,
        regions=sorted(reading.regions, key=lambda r: -reading.regions[r]),
        side=reading.side,
        syndromes=reading.syndromes,
        reading=reading,
    )


def _score(
    muscle_id: str, referral: ReferralMap, reading: Reading, kb: KnowledgeBase
) -> Candidate:
    refer = referral.zones
    total_weight = sum(reading.regions.values())
    explained = 0.0
    zones: list[str] = []
    for region, weight in reading.regions.items():
        hit = refer.get(region)
        if hit:
            explained += weight * hit.weight
            zones.append(region)
    match = explained / total_weight if total_weight else 0.0
    breadth = sum(z.weight for z in refer.values())
    match /= 1.0 + BREADTH_DAMPING * breadth
    name = reading.muscles.get(muscle_id, 0.0)
    is_cue = 0.0 < name < 1.0
    syndrome = max(
        (kb.syndrome(s).muscles.get(muscle_id, 0.0) for s in reading.syndromes),
        default=0.0,
    )
    evidence = (
        match
        + (CUE_WEIGHT * name if is_cue else NAME_WEIGHT * name)
        + SYNDROME_WEIGHT * syndrome
    )
    score = evidence * referral.prior**PRIOR_EXPONENT if evidence else 0.0
    why = _explain(muscle_id, referral, zones, reading, kb, syndrome)
    muscle = kb.muscle(muscle_id)
    return Candidate(
        muscle=muscle_id,
        name=muscle.name,
        score=round(score, 4),
        why=why,
        zones=zones,
        co_triggers=list(muscle.co_triggers),
    )


def apply_pressing(
    ranked: list[Candidate],
    kb: KnowledgeBase,
    confirmed: set[str],
    ruled_out: set[str],
) -> list[Candidate]:
    """Re-rank after pressing: confirmed first, ruled-out demoted, reasons said."""
    for muscle_id in confirmed | ruled_out:
        if not kb.is_muscle(muscle_id):
            raise UnknownMuscle(f"no muscle called '{muscle_id}'")
    if not confirmed and not ruled_out:
        return ranked
    ruled_out = ruled_out - confirmed
    present = {c.muscle for c in ranked}
    for muscle_id in sorted(confirmed - present):
        muscle = kb.muscle(muscle_id)
        ranked = [
            *ranked,
            Candidate(muscle_id, muscle.name, 0.0, "", [], list(muscle.co_triggers)),
        ]
    top = max((c.score for c in ranked if c.muscle not in confirmed), default=0.0)
    changed: list[Candidate] = []
    for c in ranked:
        if c.muscle in confirmed:
            why = (
                f"{c.why}; {CONFIRMED}"
                if c.why
                else CONFIRMED[:1].upper() + CONFIRMED[1:]
            )
            c = replace(c, score=round(c.score + top, 4), why=why, pressed="confirmed")
        elif c.muscle in ruled_out:
            c = replace(
                c,
                score=round(c.score * RULED_OUT_FACTOR, 4),
                why=f"{c.why}; {RULED_OUT}",
                pressed="ruled_out",
            )
        changed.append(c)
    order = {"confirmed": 0, None: 1, "ruled_out": 2}
    return sorted(changed, key=lambda c: (order[c.pressed], -c.score))


def routine_targets(candidates: Iterable[Candidate], count: int) -> list[str]:
    """Return the muscles a routine should work: confirmed ones, else the top.

    A source confirmed by pressing is the best lead there is, so when there is
    one the routine works only confirmed sources; ruled-out ones never lead.
    """
    ranked = [c for c in candidates if c.pressed != "ruled_out"]
    confirmed = [c.muscle for c in ranked if c.pressed == "confirmed"]
    return (confirmed or [c.muscle for c in ranked])[:count]


def parse_presses(values: Iterable[str]) -> tuple[list[str], list[str]]:
    """Split "muscle:yes" / "muscle:no" / "muscle:unsure" answers, last one wins."""
    said: dict[str, str] = {}
    for value in values:
        muscle, _, answer = value.partition(":")
        if muscle and answer in ("yes", "no", "unsure"):
            said[muscle] = answer
    confirmed = [m for m, a in said.items() if a == "yes"]
    return confirmed, [m for m, a in said.items() if a == "no"]


def _explain(
    muscle_id: str,
    referral: ReferralMap,
    zones: list[str],
    reading: Reading,
    kb: KnowledgeBase,
    syndrome: float,
) -> str:
    refer = referral.zones

    def hits(kind: str) -> str:
        return _join(
            [_label(kb.region(z).name) for z in zones if refer[z].kind == kind]
        )

    # Short sentences a person can scan: where it sends pain, then what they said.
    parts: list[str] = []
    main, spill, local = hits("primary"), hits("spillover"), hits("local")
    # Region names are phrases of their own ("in, around or behind the eye"),
    # so each list follows a label rather than sitting inside a sentence.
    if main:
        parts.append(f"Main pain zone: {main}")
    if spill:
        parts.append(f"Can spread to: {spill}")
    if local:
        parts.append(f"Lies under: {local}")
    words = reading.muscle_words.get(muscle_id, [])
    if words:
        parts.append("You said " + _join([f"'{w}'" for w in sorted(set(words))]))
    if syndrome:
        syndromes = [kb.syndrome(s).name for s in reading.syndromes]
        parts.append(f"A usual source of {_join(syndromes)}")
    if not parts:
        return "Often works together with the stronger candidates above."
    return ". ".join(parts) + "."


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


def _neighbours(ranked: list[Candidate], kb: KnowledgeBase, n: int) -> list[Candidate]:
    """Pad a short list with muscles that co-trigger with the leaders."""
    seen = {c.muscle for c in ranked}
    extra: list[Candidate] = []
    floor = ranked[-1].score
    for leader in ranked:
        for muscle_id in leader.co_triggers:
            if muscle_id in seen or len(extra) >= n:
                continue
            seen.add(muscle_id)
            muscle = kb.muscle(muscle_id)
            floor *= 0.9
            extra.append(
                Candidate(
                    muscle=muscle_id,
                    name=muscle.name,
                    score=round(floor, 4),
                    why=f"Often develops trigger points together with {leader.name}.",
                    zones=[],
                    co_triggers=list(muscle.co_triggers),
                )
            )
    return extra
