"""Whether a context cue found in the text applies where it stands.

The trigger lexicon says what a cue means; these checks say when the words
around it undo that: "mostly better now" is on the mend, not over; "tight from
studying" gives a cause, not a topic; "I'm back coaching" is a verb, not the
coach; "some guy went into the back of my car" happened to the writer. Each
check looks a bounded way around the cue, so reading stays linear.
"""

from __future__ import annotations

from collections.abc import Sequence

from knotwork.domain.language.cue_limits import (
    IN_PROGRESS,
    SIDE_STEMS,
    a_birth_date,
    acts_on_the_speaker,
    an_episode_ending,
    asks_the_cause,
    back_is_the_body,
    ends_later,
    ends_then,
    inherited,
    lands_on_body,
    only_partly,
    only_planned,
    real_or_habitual,
    said_not_asked,
    trigger_denied,
)
from knotwork.domain.language.objects import object_of_preposition
from knotwork.domain.language.reach import Trigger
from knotwork.domain.language.subjects import not_another
from knotwork.domain.language.text import Token

_SPELLS = frozenset(
    ["week", "weeks", "day", "days", "month", "months", "year", "years", "age", "ages"]
    + ["while", "good", "long", "a", "some", "few", "couple", "two", "three", "several"]
)


_SPELL_REACH = 5
# Another person's, standing alone for a thing just named: "his came back".
_THEIRS = frozenset(["his", "hers", "theirs"])
# Words that add a further item, so a cue after them is not about what came before.
_ALSO = frozenset(["also", "plus", "and also", "as well as"])


def does_not_apply(
    trigger: Trigger,
    tokens: Sequence[Token],
    every: Sequence[Token],
    span: tuple[int, int, int],
    body_stems: frozenset[str],
) -> bool:
    """Whether the words around a cue undo what it means.

    ``span`` is the cue's start and end in ``every`` and, in ``tokens``, the
    first content position after it.
    """
    start, end, hi = span
    n = len(tokens)
    if trigger_denied(every, start):
        return True
    if trigger.category == "resolved" and (
        only_partly(every, start, end) or every[start].raw in IN_PROGRESS
    ):
        return True  # "mostly better now", "it's healing": on the mend is not over
    if back_is_the_body(every, start):
        return True  # "rolling my back when a pain hit": the back, not a time
    if trigger.category == "resolved" and only_planned(every, start):
        return True  # "I can probably stop warfarin at some point": not yet
    if (
        trigger.category == "hypothetical"
        and start
        and every[start - 1].raw in ("from", "after")
    ):
        return True  # "tight from studying for exams": a cause, not a topic
    if trigger.category == "hypothetical" and asks_the_cause(every, end):
        return True  # "what if the numbness is from rolling?": it is there
    if trigger.category == "question" and said_not_asked(every, start):
        return True  # "the odd thing is that ...": a statement
    if trigger.category == "hypothetical" and real_or_habitual(every, end):
        return True  # "when I get this pressure", "if I take aspirin every day"
    if trigger.category == "hypothetical" and ends_then(every, start, end):
        return True  # "chemo finishes next month": it goes on until then
    if (
        trigger.category == "negated"
        and trigger.direction == "both"
        and any(t.raw in _ALSO for t in every[max(start - 3, 0) : start])
    ):
        return True  # "cortisone in my knee, also had a flu jab": another one
    if (
        trigger.category in ("negated", "resolved")
        and start
        and every[start - 1].raw in _THEIRS
        and every[start - 1].clause == every[start].clause
    ):
        return True  # "my scan showed osteoporosis, his came back normal"
    if trigger.category == "resolved" and an_episode_ending(every, start):
        return True  # "when I turn my head the room spins, then settles": each time
    if trigger.category == "resolved" and ends_later(every, start, end):
        return True  # "I finish chemo next week": not over yet
    # The word that follows in the same clause: "went numb" is no
    # "went", but "felt fine since. Stiff shoulders" is.
    same = hi < n and hi > 0 and tokens[hi].clause == tokens[hi - 1].clause
    following = tokens[hi].stem if same else ""
    soon = following == "as" and hi + 1 < n and tokens[hi + 1].stem == "soon"
    # "Fully recovered for weeks now": how long it has been over, up to now
    # ("went away for a few weeks" tells of a gap, and may go on "but...").
    spell = (
        following == "for"
        and hi + 1 < n
        and tokens[hi + 1].stem in _SPELLS
        and any(
            t.raw == "now" and t.clause == tokens[hi].clause
            for t in tokens[hi + 1 : hi + _SPELL_REACH]
        )
    )
    if following in trigger.unless_next and not (soon or spell):
        return True  # "back to normal as soon as I stand" is still over
    if trigger.category == "resolved" and lands_on_body(tokens, hi, body_stems):
        return True  # "wraps round to settle behind my eye": where, not over
    # "Over my right eyebrow": a side word sits before the body word.
    return trigger.unless_next_body and (
        following in body_stems
        or (
            following in SIDE_STEMS and hi + 1 < n and tokens[hi + 1].stem in body_stems
        )
    )


def not_someone_else(
    category: str,
    every: Sequence[Token],
    start: int,
    end: int,
    cue: str,
    hits_before: list[tuple[int, str]],
) -> bool:
    """Whether a cue for another person (``other``) or a child names no one here."""
    if (
        category == "child"
        and start >= 2
        and every[start - 2].raw in ("had", "having")
        and every[start - 1].raw in ("my", "our", "the")
    ):
        # "Had my baby five weeks ago and one calf is warm": the birth is the
        # mother's news, and what she says next is of her own body.
        return True
    if category == "other" and describes_the_writer(every, start, end):
        return True  # "Soccer player with groin pain": the writer's own role
    if category == "other" and not_another(every, start, cue, hits_before):
        return True
    if end - start == 1 and every[start].raw.endswith("ing"):
        return True  # "I'm back coaching": a verb, not the coach
    if object_of_preposition(every, start, end):
        return True
    if category == "other" and acts_on_the_speaker(every, end):
        return True  # "some guy went into the back of my car": I was hit
    if category == "other" and inherited(every, start):
        return True  # "I've got her bad veins": the writer has them
    # "Since my twins were born there's a gap": a date, not a person.
    return a_birth_date(every, start, end)


# Roles a person gives themselves at the head of a message: "Retired teacher,
# 74." or "Soccer player with groin pain". Kin words are left out: "Mum has
# osteoporosis" names the mother.
_ROLES = frozenset(
    ["player", "footballer", "athlete", "coach", "teacher", "trainer", "student"]
    + ["apprentice", "labourer", "broker", "stockbroker", "singer", "actor"]
    + ["actress", "presenter", "vet", "supervisor", "manager", "passenger"]
    + ["pupil", "resident", "foreman", "influencer", "youtuber"]
)
# Words that make the role someone else's, before it: "my coach", "a player".
_NAMING_ANOTHER = frozenset(
    ["my", "our", "a", "an", "the", "his", "her", "their", "this", "that", "some"]
    + ["one", "another", "your", "i", "we", "me", "with", "to", "for", "like"]
)
# What may follow a self-description in its clause: "player with", "teacher
# here", "coach and mum of two", "player in a Sunday league".
_DESCRIBING = frozenset(["with", "here", "and", "aged", "in", "of", "since", "for"])
_HEAD_WORDS = 3


def describes_the_writer(every: Sequence[Token], start: int, end: int) -> bool:
    """Whether a role noun heads its sentence, bare, as the writer's own."""
    if (
        end - start == 1
        and end < len(every)
        and every[end].raw == "here"
        and (start == 0 or every[start - 1].sentence != every[start].sentence)
    ):
        return True  # "Nan here - had bowel cancer...", "Dad here, 58"
    if every[start].raw not in _ROLES or end - start != 1:
        return False
    sentence = every[start].sentence
    first = start
    while first and every[first - 1].sentence == sentence:
        first -= 1
        if start - first > _HEAD_WORDS:
            return False  # more words before it than a heading holds
    before = every[first:start]
    if any(t.raw in _NAMING_ANOTHER or t.raw.endswith("'s") for t in before):
        return False
    if end >= len(every):
        return True
    after = every[end]
    if after.sentence != sentence or after.clause != every[start].clause:
        return True
    return after.raw in _DESCRIBING or after.raw.isdigit()
