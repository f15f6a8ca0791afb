""" "Had mine seven weeks ago": the writer has the thing just told of another.

"My friend said her hip replacement went great. Had mine 7 weeks ago": the
second sentence's "mine" stands for a hip replacement of the writer's own,
dated by that sentence. What the sentence before named of the other person
is then the writer's too, with this sentence's time.
"""

from __future__ import annotations

from knotwork.domain.language.context import Annotation
from knotwork.domain.safety.mention import Mention

# Words beside "mine" that make it stand for a thing the writer has.
_HAD = frozenset(["had", "got", "have", "did"])
_WAS = frozenset(["was", "is", "were", "got"])
_DONE = frozenset(
    ["diagnosed", "done", "fitted", "put", "replaced", "operated", "confirmed"]
    + ["found", "scanned", "removed", "repaired", "fused", "broken"]
)
_OPENING = 3


def mine_too(mentions: list[Mention], annotation: Annotation) -> list[Mention]:
    """Return the mentions, with what "mine" stands for added as the writer's."""
    every = annotation.every
    claims: dict[int, int] = {}  # sentence -> the word "mine" stands at
    for i, t in enumerate(every):
        if t.raw not in ("mine", "mine's"):
            continue
        opening = (
            i
            - next((k for k in range(i, -1, -1) if every[k].sentence != t.sentence), -1)
            - 1
        )
        before = every[i - 1].raw if i else ""
        after = [x.raw for x in every[i + 1 : i + 3]]
        # "Mine was diagnosed last month" claims it; "mine is just stiff"
        # sets the writer's own apart, and is far the commoner.
        done = len(after) == 2 and after[0] in _WAS and after[1] in _DONE
        if opening < _OPENING and t.raw == "mine" and (before in _HAD or done):
            claims.setdefault(t.sentence, t.word)
    if not claims:
        return mentions
    added = []
    for sentence, word in claims.items():
        context = annotation.context_of_words(word, word)
        for m in mentions:
            if m.sentence == sentence - 1 and m.context.subject == "other":
                added.append(
                    m._replace(
                        sentence=sentence,
                        context=context._replace(subject="self", cue="mine"),
                    )
                )
    return mentions + added
