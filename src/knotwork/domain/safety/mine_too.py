""" "Had mine seven weeks ago": the writer has the thing just told of another.

"My friend said her hip replacement went great. Had mine 7 weeks ago": the
second sentence's "mine" stands for a hip replacement of the writer's own,
dated by that sentence. What the sentence before named of the other person
is then the writer's too, with this sentence's time. So with a question:
"Are pacemakers a problem? I have one" claims what was asked about.
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
# Short answers that claim what the sentence before asked about or told of.
_CLAIMS = frozenset(
    [("i", "have", "one"), ("i", "have", "it"), ("i", "have", "them")]
    + [("i've", "got", "one"), ("ive", "got", "one"), ("i", "got", "one")]
    + [("i've", "got", "it"), ("i", "take", "it"), ("i", "take", "them")]
    + [("i'm", "on", "it"), ("i'm", "on", "them"), ("im", "on", "it")]
    + [("im", "on", "them"), ("i", "use", "one"), ("i", "wear", "one")]
    + [("i've", "had", "one"), ("i", "had", "one"), ("i", "do", ""), ("i", "am", "")]
    + [("i", "am", "on")]
)
# What may follow such an answer in its sentence: "I have one too, actually".
_ANSWER_TAIL = frozenset(
    ["too", "as", "well", "myself", "though", "now", "actually", "also", "them"]
    + ["it", "one", "fitted", "in"]
)
_SET_APART = frozenset(["other", "question", "hypothetical"])
# Two-word answers that may open a longer sentence: "I do, and it eases...".
_SAID_ALONE = frozenset([("i", "do"), ("i", "am"), ("i", "have"), ("i", "did")])
_ASKING_BECAUSE = frozenset(
    [("asking", "because"), ("asking", "as"), ("only", "because")]
)


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
    claims.update(_short_claims(annotation))
    if not claims:
        return mentions
    added = []
    for sentence, word in claims.items():
        context = annotation.context_of_words(word, word)
        for m in mentions:
            ctx = m.context
            if m.sentence == sentence - 1 and (
                ctx.subject == "other" or ctx.certainty in _SET_APART
            ):
                added.append(
                    m._replace(
                        sentence=sentence,
                        context=context._replace(
                            subject="self", certainty="affirmed", cue="mine"
                        ),
                    )
                )
    return mentions + added


def _short_claims(annotation: Annotation) -> dict[int, int]:
    """Return the sentences that only say "I have one", "I take it", "I do"."""
    words: dict[int, list[tuple[str, int]]] = {}
    asked: set[int] = set()
    # Sentences whose first two words stand as a clause of their own: "I do,
    # and it eases when I stop" answers before it goes on.
    answered: set[int] = set()
    first_clause: dict[int, int] = {}
    for t in annotation.every:
        said_so_far = words.setdefault(t.sentence, [])
        first_clause.setdefault(t.sentence, t.clause)
        if len(said_so_far) == 2 and t.clause != first_clause[t.sentence]:
            answered.add(t.sentence)
        said_so_far.append((t.raw, t.word))
        if t.asks:
            asked.add(t.sentence)
    found = {}
    for sentence, said in words.items():
        raw = tuple(w for w, _ in said)
        # "Asking because I had one last Thursday": the reason says it outright,
        # whatever follows.
        asking = raw[:1] == ("asking",)  # "because" and "as" open no word here
        if asking:
            raw = raw[1:]
            if raw[:1] in (("as",), ("cos",), ("cause",)):
                raw = raw[1:]
        if asking and raw[:2] in (("for", "me"), ("for", "myself")):
            # "Is it safe weeks after a baby? Asking for me": the question
            # before was the writer's own. After a statement about someone
            # else it sets the writer apart instead ("Mum had a clot. Asking
            # for myself: tight calves").
            if sentence - 1 in asked:
                found[sentence] = said[0][1]
            continue
        short = raw[:3] in _CLAIMS or (*raw[:2], "") in _CLAIMS
        tail = raw[3:] if raw[:3] in _CLAIMS else raw[2:]
        own_clause = (
            raw[2:3] == ("",) or sentence in answered and raw[:2] in _SAID_ALONE
        )
        if (
            sentence
            and short
            and (asking or own_clause or all(w in _ANSWER_TAIL for w in tail))
        ):
            found[sentence] = said[0][1]
    return found
