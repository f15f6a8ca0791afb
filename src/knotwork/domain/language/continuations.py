"""Sentences that go on with the one before: "Strange jaw ache. It comes on uphill."

A sentence that opens with "it" or with a bare verb ("comes on when I walk",
"gets worse at night") has no subject of its own: it tells more about what
the sentence before it named. Rules that look for two things in one sentence
read such a sentence as part of the one it goes on from.
"""

from __future__ import annotations

from collections.abc import Sequence

from knotwork.domain.language.text import Token

# Openings that carry the last sentence's subject on.
_GOES_ON = frozenset(
    ["it", "it's", "its", "comes", "came", "goes", "went", "gets", "got"]
    + ["starts", "started", "kicks", "kicked", "eases", "eased", "settles"]
    + ["stops", "stopped", "flares", "flared", "builds", "worse", "happens"]
)


# "Only the left one is swollen": a side and "one" stand for the part just named.
_SIDES = frozenset(["left", "right", "other"])
_ONE_REACH = 4


def _one_of_them(every: Sequence[Token], i: int) -> bool:
    """Whether the sentence opening at ``i`` says "the left one" in its first words."""
    opening = [
        t.raw for t in every[i : i + _ONE_REACH] if t.sentence == every[i].sentence
    ]
    return any(
        a in _SIDES and b == "one" for a, b in zip(opening, opening[1:], strict=False)
    )


# "It's me using the ball", "it's my husband who...": "it" points at a person.
_PEOPLE_AFTER_IT = frozenset(["me", "my", "him", "her", "them", "us", "you"])


def _points_at_someone(every: Sequence[Token], i: int) -> bool:
    """Whether a sentence opening "it's" names a person: a cleft, not more of before."""
    nxt = every[i + 1] if i + 1 < len(every) else None
    return (
        every[i].raw in ("it's", "its")
        and nxt is not None
        and nxt.sentence == every[i].sentence
        and nxt.raw in _PEOPLE_AFTER_IT
    )


def topic_sentences(every: Sequence[Token]) -> dict[int, int]:
    """Map each sentence that goes on from the one before to the first of the run."""
    topic: dict[int, int] = {}
    previous = -1
    for i, token in enumerate(every):
        if token.sentence == previous:
            continue
        goes_on = token.raw in _GOES_ON or _one_of_them(every, i)
        if goes_on and _points_at_someone(every, i):
            goes_on = False  # "It's me using the ball, not her": a new subject
        if previous >= 0 and goes_on and token.sentence == previous + 1:
            topic[token.sentence] = topic.get(previous, previous)
        previous = token.sentence
    return topic
