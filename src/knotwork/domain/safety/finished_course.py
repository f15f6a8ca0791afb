"""A course of treatment said to be finished ends what the clause before told.

"Did a five-day course of prednisolone for a chest infection, finished three
weeks ago and feel fine now": the clause that opens with "finished" dates the
end of the course, and of the illness it treated, told just before it in the
same sentence. A clause that names a sign of its own ("finished the tablets,
still tingling") speaks of that instead, and leaves the one before alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from knotwork.domain.language.numbers import word_number
from knotwork.domain.safety.later_denials import NOT_A_SIGN

if TYPE_CHECKING:
    from knotwork.domain.language.context import Annotation
    from knotwork.domain.language.text import Token
    from knotwork.domain.safety.mention import Mention

# Verbs that end a course when they open a clause: "finished 3 weeks ago".
_FINISHED = frozenset(["finished", "completed", "stopped", "ended"])
# Words that may come before the verb in its clause: "and I finished it".
_LEAD = frozenset(["and", "i", "i've", "ive", "which", "but", "then", "so"])
_LEAD_REACH = 2
# What may follow the verb: the course ("finished the antibiotics", "stopped
# it") or when ("finished 3 weeks ago", "completed in May"); "stopped work
# early" ends the working day, not an illness.
_COURSE = frozenset(
    ["it", "them", "that", "this", "the", "my", "a", "course", "antibiotics"]
    + ["tablets", "pills", "treatment", "chemo", "radiotherapy", "meds", "steroids"]
    + ["in", "on", "at", "last", "about", "around", "over", "ago", "recently"]
    + ["yesterday", "weeks", "months", "days", "before", "back", "taking"]
)
# Words that bring a sign back: "finished them, but it's back".
_STILL = frozenset(["still", "again", "back", "returned", "worse"])


def finished_course(mentions: list[Mention], annotation: Annotation) -> list[Mention]:
    """Mark as over what the clause before a "finished ..." clause told."""
    clause_of = {t.word: t.clause for t in annotation.every}
    clauses: dict[int, list[Token]] = {}
    for t in annotation.every:
        clauses.setdefault(t.clause, []).append(t)
    # Clauses that tell a sign of their own.
    telling = {
        clause_of.get(m.span[0], -1)
        for m in mentions
        if m.concept not in NOT_A_SIGN and m.context.time != "resolved"
    }
    over: dict[int, tuple[int | None, str]] = {}
    for clause, words in clauses.items():
        k = next((i for i, t in enumerate(words) if t.raw not in _LEAD), len(words))
        if k >= len(words) or k > _LEAD_REACH or words[k].raw not in _FINISHED:
            continue
        then = words[k + 1].raw if k + 1 < len(words) else "ago"
        if then not in _COURSE and not then.isdigit() and word_number(then) is None:
            continue
        before = clauses.get(clause - 1)
        if not before or before[0].sentence != words[0].sentence:
            continue  # a new sentence: what came before may go on
        if clause in telling or any(t.raw in _STILL for t in words):
            continue
        dated = annotation.context_of_words(words[k].word, words[-1].word)
        over[clause - 1] = (dated.days_ago, " ".join(t.raw for t in words[k:]))
    if not over:
        return mentions
    out = []
    for m in mentions:
        ctx = m.context
        ended = over.get(clause_of.get(m.span[0], -1))
        if ended and ctx.certainty == "affirmed" and ctx.time in ("now", "recent"):
            days, cue = ended
            m = m._replace(
                context=ctx._replace(time="resolved", days_ago=days, cue=cue)
            )
        out.append(m)
    return out
