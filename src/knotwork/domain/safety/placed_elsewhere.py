"""Where the text places a local condition, when that is far from the work.

"Whacked my shin and have a bruise there, but I only want the ball on my upper
back": the bruise is on the shin, in its own clause, and every place the
person names to work lies well away from it. Such a condition keeps its own
area off limits and changes nothing else. A condition said without a place,
in the same clause as the place to be worked, or near it (a graze on the shin
and a tight calf, an injection in the shoulder and a knot by the shoulder
blade) stays a condition of every named area.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from knotwork.kb.models import Condition

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

    from knotwork.domain.language.text import Token
    from knotwork.domain.language.understanding import Reader
    from knotwork.domain.safety.mention import Mention
    from knotwork.kb.models import KnowledgeBase

# Steps between body segments that count as far: the shin is three from the
# hip (knee, thigh, hip), so a bruise there leaves the glutes as they were.
FAR = 3


def far_from_the_work(
    flags: Sequence[str],
    kb: KnowledgeBase,
    sources: Mapping[str, Sequence[Mention]],
    text: str,
    named: Mapping[str, Sequence[str]],
    reader: Reader,
    stated: set[str],
) -> dict[str, frozenset[str]]:
    """Return, for each local flag the text places far from the work, its places.

    Only flags with an ``elsewhere_verdict`` are local; one stated in the
    profile has no place in the text, so it stays a flag of every area.
    """
    placed = {}
    for flag in flags:
        info = kb.flag(flag)
        local = isinstance(info, Condition) and info.elsewhere_verdict is not None
        if not local or flag in stated:
            continue
        where = placed_away(sources.get(flag, ()), text, named, reader)
        if where:
            placed[flag] = where
    return placed


def placed_away(
    said: Sequence[Mention],
    text: str,
    named: Mapping[str, Sequence[str]],
    reader: Reader,
) -> frozenset[str]:
    """Return the regions the mentions place a condition in, if far from the work.

    Empty when any mention has no place of its own in its clause, when no
    named area lies outside those places, or when any lies near them.
    """
    if not said or any(m.span[0] < 0 for m in said):
        return frozenset()
    every = reader.annotated(text)[1].every
    clause_of = {t.word: t for t in every}
    places: set[str] = set()
    for m in said:
        home = clause_of.get(m.span[0])
        if home is None:
            return frozenset()
        # The place comes from other words than the condition's own: a
        # "blister" may suggest a heel, but says nothing of where it is.
        found = _places_in(every, home.clause, m.span, reader)
        if not found:
            # "Smacked my shin on the table, there's a bruise": the clause
            # before, in the same sentence, says where.
            before = [t for t in every if t.clause == home.clause - 1]
            if before and before[0].sentence == home.sentence:
                found = _places_in(every, home.clause - 1, m.span, reader)
        if not found:
            return frozenset()
        places |= found
    kb = reader.kb
    work = [c for c in named.values() if not places & set(c)]
    if not work:
        return frozenset()
    steps = _steps_from({kb.region(r).segment for r in places}, kb)
    for covered in work:
        segments = {kb.region(r).segment for r in covered if kb.is_region(r)}
        if not segments or min(steps.get(s, FAR) for s in segments) < FAR:
            return frozenset()
    return frozenset(places)


def _places_in(
    every: Sequence[Token], clause: int, span: tuple[int, int], reader: Reader
) -> set[str]:
    """Return the regions a clause names, leaving out the mention's own words."""
    first, last = span
    words = " ".join(
        t.raw for t in every if t.clause == clause and not first <= t.word <= last
    )
    return set(reader.read(words).regions)


def _steps_from(start: Iterable[str], kb: KnowledgeBase) -> dict[str, int]:
    """Return each body segment's distance, in meetings, from the nearest start."""
    near = {s.id: s.next_to for s in kb.segments}
    steps = dict.fromkeys(start, 0)
    frontier = list(steps)
    while frontier:
        following = []
        for seg in frontier:
            for other in near.get(seg, ()):
                if other not in steps:
                    steps[other] = steps[seg] + 1
                    following.append(other)
        frontier = following
    return steps
