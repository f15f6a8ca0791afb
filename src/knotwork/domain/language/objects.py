"""Whether a person named in a clause is only what the writer's verb acts on.

"I was on the phone to my brother and couldn't get my words out" and "I
carried my toddler up the stairs" keep the writer the subject of what follows;
"I'm the team coach" names the writer's own role. A person named this way is
no one else with a condition.
"""

from __future__ import annotations

from collections.abc import Sequence

from knotwork.domain.language.text import Token

_ARTICLES = frozenset(["a", "an", "the"])

RELATIVE_PRONOUNS = frozenset(["that", "who", "whom", "which"])
_PREPOSITIONS = frozenset(
    ["to", "into", "with", "for", "at", "from", "about", "by", "beside", "behind"]
    + ["towards", "onto", "near", "after", "around", "past", "than"]
    # Verbs whose object the person named is: "I had my baby ten days ago and
    # one calf is red" tells of the mother.
    + ["had", "carry", "carrying", "carried", "hold", "holding", "held", "lift"]
    + ["lifting", "lifted", "feed", "feeding", "fed", "nurse", "nursing", "rock"]
    + ["rocking", "bath", "bathing", "push", "pushing", "pushed", "chase"]
    + ["chasing", "drive", "driving", "drove", "visit", "visiting", "visited"]
    + ["help", "helping", "helped", "told", "tell", "telling", "called", "met"]
    + ["walk", "walking", "walked", "watch", "watching", "watched", "belay"]
    + ["belaying", "belayed", "spot", "spotting", "spotted", "support", "supporting"]
    + ["dress", "dressing", "dressed", "wash", "washing", "washed", "cheer"]
    + ["cheering", "catch", "catching", "caught", "pull", "pulling", "pulled"]
)
# A clause opened by "since having" or "after carrying" is the writer's own.
_GERUNDS = frozenset(["having", "carrying", "delivering", "losing", "nursing"])
_SINCE = frozenset(["since", "after", "before", "from", "when"])
_DETERMINERS = frozenset(["my", "a", "an", "the", "our", "his", "her", "their", "your"])
_GROUPS = frozenset(
    ["people", "patients", "clients", "folks", "others", "anyone", "everyone"]
    + ["someone", "somebody", "women", "men", "ladies", "kids", "children"]
    + ["friends", "colleagues", "customers", "students", "members", "athletes"]
)
# "I care for my husband, who had a stroke", "I have a son with asthma".
_DESCRIBING = frozenset(["whose", "with", "has", "had", "is", "was", "'s"])
_SPEAKER_WINDOW = 20
SPEAKER = frozenset(["i", "i'm", "im", "i've", "ive", "i'd", "id"])


_ROLE_MODIFIERS = frozenset(
    ["team", "head", "assistant", "lead", "senior", "junior", "club", "school"]
    + ["youth", "new", "main", "only"]
)


def _speakers_role(every: Sequence[Token], start: int) -> bool:
    """Whether "I'm a/the [one word]" comes right before the person named."""
    at = start - 2
    if at >= 1 and every[start - 1].raw in _ROLE_MODIFIERS:
        at -= 1  # "I'm the team coach"
    return (
        at >= 0
        and every[at].raw in ("i'm", "im", "am")
        and every[at + 1].raw in _ARTICLES
    )


# "Her" before these is the person acted on ("I told her to"); before any
# other word it owns that word ("check with her oncology team").
_AFTER_AN_OBJECT = frozenset(
    ["and", "or", "but", "so", "that", "if", "when", "as", "up", "out", "off"]
    + ["back", "down", "over", "again", "too", "yesterday", "today", "then"]
)


def _owns_what_follows(every: Sequence[Token], start: int, end: int) -> bool:
    if every[start].raw not in ("his", "her", "their") or end >= len(every):
        return False
    following = every[end]
    if following.clause != every[start].clause:
        return False
    raw = following.raw
    return raw not in _PREPOSITIONS and raw not in _DETERMINERS | _AFTER_AN_OBJECT


def object_of_preposition(every: Sequence[Token], start: int, end: int) -> bool:
    """Whether a person named here is only what the speaker's clause acts on.

    "I was on the phone to my brother and couldn't get my words out" and "I
    missed a step going into a client's cellar" stay the speaker's; "I care
    for my husband, who had a stroke" still tells of the husband.
    """
    if every[start].raw in _GROUPS:
        return False  # "a support group for people after cancer" tells of them
    if _owns_what_follows(every, start, end):
        return False  # "I told her to check with her oncology team"
    i = start - 1
    while i >= 0 and every[i].raw in _DETERMINERS:
        i -= 1
    if _speakers_role(every, start):
        return True  # "I'm the team coach": the speaker names their own role
    if i < 0:
        return False
    if every[i].raw in _GERUNDS and i and every[i - 1].raw in _SINCE:
        return True  # "Since having my twins": the writer had them
    if every[i].raw not in _PREPOSITIONS:
        return False
    if every[start].word - every[i].word != start - i:
        # A dropped "and" between them: "I'm a nurse and give insulin" goes on
        # to a new verb, not to whom the nursing is done.
        return False
    if end < len(every) and every[end].raw in RELATIVE_PRONOUNS | _DESCRIBING:
        return False
    if every[end - 1].raw in _DESCRIBING:
        return False  # the cue itself describes them: "a patient with"
    clause = every[start].clause
    # Walk back a bounded way through this clause, so the cost stays linear.
    floor = max(i - _SPEAKER_WINDOW, -1)
    while i > floor and every[i].clause == clause:
        if every[i].raw in SPEAKER:
            return True
        i -= 1
    return False
