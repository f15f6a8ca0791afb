"""Turn what a person calls a spot ("traps", "calf", "Upper trapezius") into its id.

The journal keeps ids, but people type words. This reads them through the
same lexicon the finder uses, so anything `where` understands as one spot
can be logged, and an ambiguous word is refused with the choices it could mean.
"""

from __future__ import annotations

from knotwork.domain.journal.records import InvalidRecord
from knotwork.domain.names import name_of, names

MAX_SPOT_TEXT = 80


def resolve_spot(text: str, known: frozenset[str]) -> str:
    """Return the muscle or region id ``text`` names, or raise ``InvalidRecord``.

    ``known`` is every id a journal entry may name. An id is returned as it
    is; otherwise a display name, then the finder's reading of the words, is
    tried.
    """
    if text in known:
        return text
    cleaned = " ".join(text.split())[:MAX_SPOT_TEXT]
    as_id = cleaned.lower().replace(" ", "_").replace("-", "_")
    if as_id in known:
        return as_id
    by_name = {n.lower(): i for i, n in names().items() if i in known}
    if cleaned.lower() in by_name:
        return by_name[cleaned.lower()]
    from knotwork.domain.language.understanding import default_reader

    reading = default_reader().read(cleaned) if cleaned else None
    if reading is not None:
        for found in (reading.muscles, reading.regions):
            best = _clear_best(found)
            if best is None and found is reading.muscles and len(found) > 1:
                best = _likeliest(cleaned, found)
            if best is not None and best in known:
                return best
            if len(found) > 1:
                choices = ", ".join(sorted(f"{i} ({name_of(i)})" for i in found))
                raise InvalidRecord(f"'{cleaned}' could mean several spots: {choices}")
    raise InvalidRecord(f"unknown muscle or region '{cleaned}'")


def _clear_best(scores: dict[str, float]) -> str | None:
    """Return the one id that scores highest, or None if none or a tie."""
    if not scores:
        return None
    top = max(scores.values())
    best = [i for i, s in scores.items() if s == top]
    return best[0] if len(best) == 1 else None


def _likeliest(text: str, tied: dict[str, float]) -> str | None:
    """Break a tie between muscles the way `where` ranks them ("traps": upper)."""
    from knotwork.domain.finder.ranking import find_sources

    ranked = [c for c in find_sources(text).candidates if c.muscle in tied]
    if len(ranked) >= 2 and ranked[0].score > ranked[1].score:
        return ranked[0].muscle
    return None
