"""Where in the body a text puts its pain: zones, and the words that shift them.

"Sore at the back of my knee", "behind my eye" and "the lower back of my
neck" name a part and which side of it; "behind" may be a place or the
bottom; "after craning my neck" names the part that moved, not where it
hurts.
"""

from __future__ import annotations

from knotwork.domain.language.phrases import Match, PhraseMatcher
from knotwork.domain.language.text import Token, tokenize

# "My head hurts at the back" names the back of the head: a place word after
# a body part, introduced by one of these, says which part of it.
_PLACE_PREPOSITIONS = frozenset(
    t.stem
    for t in tokenize("at on in round around towards from along", keep_filler=True)
)
_PLACE_WORDS = frozenset(
    t.stem for t in tokenize("back front side top bottom inside outside")
)
_PLACE_REACH = 4
_IT = frozenset(["it", "them", "that", "this"])
# "The backs of my fingers", "my back at the tip of my shoulder blade".
_OF_A_PART = frozenset(["of", "at", "near", "by"])


# A part named in "after craning my neck" counts this much where the person
# also says where it hurts.
MOVED_WEIGHT = 0.4
# Words that open an account of what the person was doing.
_DOING = frozenset(["after", "from", "while", "since", "when"])
_OBJECT_REACH = 4


def moved_parts(tokens: list[Token]) -> set[int]:
    """Return the positions of the object of "after/from/while <verb>ing"."""
    moved: set[int] = set()
    for i, t in enumerate(tokens[:-1]):
        verb = tokens[i + 1]
        if (
            t.raw not in _DOING
            or not verb.raw.endswith("ing")
            or verb.clause != t.clause
        ):
            continue
        for k in range(i + 2, min(i + 2 + _OBJECT_REACH, len(tokens))):
            if tokens[k].clause != t.clause:
                break
            moved.add(k)
    return moved


def qualified_zones(
    regions: PhraseMatcher[dict[str, float]], tokens: list[Token]
) -> list[Match[dict[str, float]]]:
    """Find body zones, letting a trailing "at the back" say which part."""
    zones = _behind_as_a_place(regions, tokens)
    # A place word inside a longer phrase ("sleep on my side", "lower back")
    # belongs to that phrase; only a bare "back" or "side" may qualify.
    # ("The back of it" is a place word waiting for the part it names.)
    inside = {
        i
        for z in zones
        if z.end - z.start > 1 and tokens[z.end - 1].raw not in _IT
        for i in range(z.start, z.end)
    }
    dropped: set[int] = set()
    out = []
    for zone in zones:
        if zone.start in dropped:
            continue
        place = _place_after(tokens, zone.end)
        if place is not None and place not in inside:
            of = tokens[place]._replace(stem="of", raw="of")
            phrase = [tokens[place], of, *tokens[zone.start : zone.end]]
            found = regions.find_longest(phrase)
            # "Below my knee at the back": the place word says which part of
            # the zone, so it is never a body part of its own (the low back).
            dropped.add(place)
            if len(found) == 1 and (found[0].start, found[0].end) == (0, len(phrase)):
                out.append(zone._replace(payload=found[0].payload))
                continue
        out.append(zone)
    return [z for z in out if z.start not in dropped]


# What may follow "my behind" when it is the bottom: "my behind is sore".
_SAID_OF_A_BOTTOM = frozenset(
    ["is", "was", "hurts", "hurt", "aches", "ache", "sore", "feels", "has", "kills"]
)


def _behind_as_a_place(
    regions: PhraseMatcher[dict[str, float]], tokens: list[Token]
) -> list[Match[dict[str, float]]]:
    """Find body zones, reading "behind" before a body part as a place.

    "My behind" is the buttock, but "sore right behind the knee" and "behind
    and around my eye" say where on the knee or the eye: the longest match
    from the left would take "sore behind" and hide "behind knee".
    """

    def before_a_part(end: int) -> bool:
        if tokens[end - 1].stem != "behind" or end >= len(tokens):
            return False
        if tokens[end].clause != tokens[end - 1].clause:
            return False
        # "Behind and around my eye": the reader drops "and", so a place word
        # may follow directly. ("My behind and thighs" reads as a place too.)
        return any(m.start == 0 for m in regions.find_longest(tokens[end : end + 4]))

    def a_preposition(zone: Match[dict[str, float]]) -> bool:
        """Whether a bare "behind" leads on ("just behind where the arm...")."""
        if zone.end - zone.start != 1 or tokens[zone.start].stem != "behind":
            return False
        after = tokens[zone.end] if zone.end < len(tokens) else None
        same = after is not None and after.clause == tokens[zone.start].clause
        return same and after is not None and after.raw not in _SAID_OF_A_BOTTOM

    def back_of_a_part(zone: Match[dict[str, float]], bare: bool = True) -> bool:
        """Whether a bare "back" names a part's back ("the backs of my fingers").

        With ``bare`` false, a longer zone that ends in "back" counts too:
        "the lower back of my neck" is low on the neck, not the low back.
        """
        if bare and zone.end - zone.start != 1:
            return False
        if tokens[zone.end - 1].stem != "back":
            return False
        if zone.end + 1 >= len(tokens) or tokens[zone.end].stem not in _OF_A_PART:
            return False
        rest = tokens[zone.end + 1 : zone.end + 5]
        return any(m.start == 0 for m in regions.find_longest(rest))

    zones = [
        z
        for z in regions.find_longest(tokens)
        if not a_preposition(z) and not back_of_a_part(z)
    ]
    wrong = [
        z
        for z in zones
        if before_a_part(z.end) or (z.end - z.start > 1 and back_of_a_part(z, False))
    ]
    if not wrong:
        return zones
    # Words that led up to a wrong "behind" may not take it again.
    led_up = {i for z in wrong for i in range(z.start, z.end - 1)}
    blanked = [t._replace(stem="") if i in led_up else t for i, t in enumerate(tokens)]
    return [z for z in regions.find_longest(blanked) if not before_a_part(z.end)]


def _place_after(tokens: list[Token], end: int) -> int | None:
    """Return where "at the back" (not "at the back of ...") follows, if it does."""
    clause = tokens[end - 1].clause
    for i in range(end, min(end + _PLACE_REACH, len(tokens) - 1)):
        if tokens[i].clause != clause:
            return None
        if tokens[i].stem in _PLACE_PREPOSITIONS and tokens[i + 1].stem in _PLACE_WORDS:
            after = tokens[i + 2].stem if i + 2 < len(tokens) else ""
            # "At the back of it" is the part just named; "of my knee" is not.
            then = tokens[i + 3].raw if i + 3 < len(tokens) else ""
            return None if after == "of" and then not in _IT else i + 1
    return None
