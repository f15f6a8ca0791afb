"""Where the writer says they share what another person has.

"My sister's on apixaban and so am I", "me and my twin both have
haemophilia", "my dad's got the same chest thing I get": what is said of the
other person is the writer's too, in that sentence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

    from knotwork.domain.language.text import Token


_WE = frozenset(["me", "we", "us", "we've", "we're"])
_HAVING = frozenset(["have", "had", "got", "take", "taking", "on", "suffer", "get"])
# What two people may both have done: "my mum and I both went down on the ice".
_BOTH_DID = frozenset(["went", "fell", "slipped", "tripped", "were", "did", "came"])
_FEARED = frozenset(
    ["i'll", "ill", "will", "might", "may", "could", "worry", "worried", "afraid"]
    + ["scared", "going", "gonna", "hope", "if"]
)
_RECOVERED = frozenset(
    ["bounced", "recovered", "better", "fine", "over", "shook", "shaken", "well"]
)
_RECOVERY_REACH = 4
_SHARING = frozenset(
    [("so", "am", "i"), ("so", "do", "i"), ("so", "did", "i"), ("so", "have", "i")]
    + [("so", "was", "i"), ("same", "as", "me"), ("same", "here", "")]
    + [("me", "too", ""), ("me", "as", "well"), ("as", "do", "i"), ("as", "am", "i")]
    + [("mine", "too", ""), ("same", "with", "me"), ("it", "too", "")]
    + [("it", "as", "well"), ("one", "too", ""), ("one", "as", "well")]
    # "My gran had clots, and I had one in my calf": "one" is the same thing.
    + [("i", "had", "one"), ("i've", "had", "one"), ("i've", "got", "one")]
    + [("i", "have", "one"), ("i", "got", "one")]
)


def sentences_shared(every: Sequence[Token]) -> set[int]:
    """Return the sentences where the writer says they share what another has.

    "So am I", "me too", and "me and my twin both have haemophilia".
    """
    shared = set()
    # "Both have", not "both resting" or "both small-framed".
    both = {
        t.sentence
        for t, after in zip(every, every[1:], strict=False)
        if t.raw == "both" and after.raw in _HAVING | _BOTH_DID
    }
    for before, t in zip([None, *every], every, strict=False):
        # "Me and my twin both have", "my mum and I both went down".
        and_i = t.raw == "i" and before is not None and before.raw == "and"
        if t.sentence in both and (t.raw in _WE or and_i):
            shared.add(t.sentence)
    for i, t in enumerate(every):
        if t.raw == "same" and _same_as_mine(every, i):
            shared.add(t.sentence)
        if t.raw not in (
            "so",
            "same",
            "me",
            "as",
            "mine",
            "and",
            "it",
            "one",
            "i",
            "i've",
        ):
            continue
        words = tuple(x.raw for x in every[i : i + 3] if x.sentence == t.sentence)
        feared = any(x.raw in _FEARED for x in every[max(i - 3, 0) : i])
        # "He's bounced back and so have I": what is shared is the recovery.
        recovered = any(
            x.raw in _RECOVERED and x.sentence == t.sentence
            for x in every[max(i - _RECOVERY_REACH, 0) : i]
        )
        if (
            (words in _SHARING or (*words[:2], "") in _SHARING)
            and not feared
            and not recovered
        ):
            # ("I worry I'll get it too" fears it; it does not share it.)
            shared.add(t.sentence)
    return shared


_SAME_REACH = 5


def _same_as_mine(every: Sequence[Token], i: int) -> bool:
    """Whether "the same ..." goes on to say the writer has it too.

    "My dad's got the same chest thing I get" shares the chest thing.
    """
    # A bounded look, in the same sentence only, so the cost stays linear.
    after: list[str] = []
    for t in every[i + 1 : i + 1 + _SAME_REACH]:
        if t.sentence != every[i].sentence:
            break
        after.append(t.raw)
    return any(
        a == "i" and k + 1 < len(after) and after[k + 1] in _HAVING | {"get", "gets"}
        for k, a in enumerate(after)
    )
