"""What a later sentence denies in the present is over where it was said before.

And one illness is one: a fever said to be over anywhere is the same fever
named earlier ("had flu last week, the fever went 5 days ago"). A sentence
that says "it went" of nothing it names itself speaks of the sentence before
("Tingling in my fingers turned out to be low B12; after the injections it
went completely").
"""

from __future__ import annotations

from knotwork.domain.language.context import Annotation
from knotwork.domain.safety.mention import Mention

# Words that put a denial in the present, or on the writer: "not dizzy at all
# now", "no surgery here".
_NOW_WORDS = frozenset(["now", "anymore", "nowadays", "today", "here"])
# Pronouns that open an "it went" cue about what was said before.
_BACK_POINTING = frozenset(["it", "that", "this", "they", "both", "all"])
# Words that bring a sign back after "it went": "it went, but it's back now".
_BACK_AGAIN = frozenset(["again", "still", "back", "returned", "but"])
_TREATMENTS = frozenset(["injection", "surgery", "clinician", "oral_steroid"])
# Places and everyday words "it" cannot stand for: "it came back within a
# minute, just my neck's a bit stiff" still speaks of the numb arm before.
NOT_A_SIGN = frozenset(
    ["limb", "joint_word", "head_word", "jaw_word", "face_part", "spine_part"]
    + ["neck_move", "calf_leg", "calf_only", "chest_muscle", "pain_word", "ache_word"]
    + ["calf_tender", "pain_limited", "dull_quality", "chewing", "relief_word"]
    + ["rest_word", "session", "weeks", "days_later", "clot_history_marker"]
    # Denials and clearances: "GP scanned it, no clot, and it settled".
    + ["legs_normal", "swelling_denied", "explained_lump", "clinician"]
    # Words of a posture or an explanation, not signs: "I'd been lying on it".
    + ["rest_still", "knock", "throb_word", "permission", "massage_word"]
)
# Concepts whose mentions in one message are one and the same illness.
_ONE_ILLNESS = frozenset(["fever"])


def denied_now(mentions: list[Mention], annotation: Annotation) -> list[Mention]:
    """Mark as over what a later sentence denies in the present.

    "Room spinning for a few days last month... Not dizzy at all now": the
    earlier mention is over. Signs that count even when passed (a face that
    drooped) still count, as for any sign that is over.
    """
    now = {t.sentence for t in annotation.every if t.raw in _NOW_WORDS}
    denied: dict[str, tuple[int, str]] = {}
    for m in mentions:
        if m.context.certainty == "negated" and m.sentence in now:
            denied.setdefault(m.concept, (m.sentence, m.words))
    for m in mentions:
        over = m.context.time == "resolved" and not m.context.set_aside_because(
            resolved_counts=True
        )
        if m.concept in _ONE_ILLNESS and over:
            # Said over in the same sentence or later: the same illness.
            denied[m.concept] = (m.sentence + 1, m.words)
    if not denied:
        return mentions
    out = []
    for m in mentions:
        ctx = m.context
        later = denied.get(m.concept)
        if (
            later
            and later[0] > m.sentence
            and ctx.certainty == "affirmed"
            and ctx.time in ("now", "recent", "past")
        ):
            cue = (
                f"the {later[1]} passed"
                if m.concept in _ONE_ILLNESS
                else f"not {later[1]} now"
            )
            m = m._replace(context=ctx._replace(time="resolved", cue=cue))
        out.append(m)
    return out


def over_in_next(mentions: list[Mention], annotation: Annotation) -> list[Mention]:
    """Mark as over what the next sentence says has gone, by "it" alone."""
    cues: dict[int, set[str]] = {}
    back_again: set[int] = set()
    for i, token in enumerate(annotation.tokens):
        mark = annotation.marks.get(i, {}).get("resolved")
        # "It came back fine": a word of the cue itself brings nothing back.
        inside = mark is not None and token.raw in mark[0].split()
        if token.raw in _BACK_AGAIN and not inside:
            back_again.add(token.sentence)
        if mark:
            cues.setdefault(token.sentence, set()).add(mark[0].split()[0])
    # "It went", or "it" right before a cue: "with tablets it cleared".
    ends = {
        t.sentence
        for t, after in zip(annotation.every, annotation.every[1:], strict=False)
        if after.raw in cues.get(t.sentence, ())
        and (after.raw in _BACK_POINTING or t.raw in _BACK_POINTING)
    }
    # A cue that holds its own "it" ("It went within five minutes").
    ends |= {s for s, firsts in cues.items() if firsts & _BACK_POINTING}
    # A sentence that names a sign of its own says "it" of that instead; a
    # treatment ("after the injections it went") is what ended it, not "it".
    own = {
        m.sentence
        for m in mentions
        if m.concept not in _TREATMENTS
        and m.concept not in NOT_A_SIGN
        and m.context.certainty != "negated"  # "no clot, and it settled"
    }
    over = {s - 1 for s in ends - back_again - own if s > 0}
    if not over:
        return mentions
    out = []
    for m in mentions:
        ctx = m.context
        if (
            m.sentence in over
            and ctx.certainty == "affirmed"
            and ctx.time in ("now", "recent", "past")
        ):
            m = m._replace(context=ctx._replace(time="resolved", cue="it went"))
        out.append(m)
    return out
