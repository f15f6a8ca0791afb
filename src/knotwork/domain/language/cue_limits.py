"""When a context cue found in the text does not apply where it stands.

"Mostly better now" is on the mend, not over; "I can probably stop warfarin"
is only planned; "rolling my back when a pain hit" names the back, not a
time; "wraps round to settle behind my eye" says where, not that it settled.
Each test here looks a bounded way around one cue, so reading stays linear.
"""

from __future__ import annotations

from collections.abc import Sequence

from knotwork.domain.language.numbers import word_number
from knotwork.domain.language.text import Token

_TIME_WORDS = frozenset(
    ["min", "mins", "minute", "minutes", "sec", "secs", "second", "seconds"]
    + ["hour", "hours", "hr", "hrs", "day", "days", "week", "weeks", "moment"]
)

SIDE_STEMS = frozenset(["left", "right", "both"])
_PLACES = frozenset(["behind", "in", "into", "over", "around", "round", "across"])


def lands_on_body(tokens: Sequence[Token], hi: int, body: frozenset[str]) -> bool:
    """Whether a place word and a body part follow, in the same clause."""
    if hi + 1 >= len(tokens) or tokens[hi].stem not in _PLACES:
        return False
    here = tokens[hi - 1].clause if hi else -1
    after = tokens[hi + 1]
    if word_number(after.raw) is not None or after.raw in ("a", "an", "the"):
        return False  # "settled in two days", "in a week": a time, not a place
    if after.raw in _TIME_WORDS:
        return False  # "went away in a min": "min" is no gluteus minimus
    return tokens[hi].clause == here and after.clause == here and after.stem in body


# Events that happen once: "since I heard it crack when I was 19" dates the
# crack, though its result goes on.
# A cue's verb still under way: "healing" shares the stem of "healed".
IN_PROGRESS = frozenset(
    ["healing", "settling", "clearing", "recovering", "resolving", "easing"]
    + ["fading", "improving", "passing", "going"]
)
_PARTLY = frozenset(
    ["mostly", "almost", "nearly", "partly", "partially", "largely", "half"]
    + ["slightly", "somewhat", "little", "bit", "getting", "slowly", "gradually"]
)
# After the cue: "it's gone down slightly", "settled a bit".
_PARTLY_AFTER = frozenset(["slightly", "somewhat", "partly", "partially", "some"])
_A_BIT = (["bit"], ["little"], ["touch"], ["tad"])
_PARTICLES = frozenset(["down", "off", "away", "up"])


def only_partly(tokens: Sequence[Token], start: int, end: int) -> bool:
    """Whether a hedge stands by an "over" cue ("almost gone", "gone down a bit")."""
    here = tokens[start].clause
    for i in range(start - 1, max(start - 3, -1), -1):
        if tokens[i].clause != here:
            break
        if tokens[i].raw in _PARTLY:
            return True
    after = [t.raw for t in tokens[end : end + 3] if t.clause == here]
    if after and after[0] in _PARTICLES:
        after = after[1:]  # "it's gone" + "down a bit"
    if not after:
        return False
    return after[0] in _PARTLY_AFTER or (after[0] == "a" and after[1:2] in _A_BIT)


_MODALS = frozenset(
    ["can", "could", "may", "might", "will", "would", "should", "shall", "gonna"]
    + ["i'll", "ill", "going", "want", "wants", "plan", "planning", "hope", "hoping"]
    + ["allowed", "able", "about"]
)
# Words that may stand between a modal and its verb: "can probably stop".
_HEDGES = frozenset(["probably", "maybe", "possibly", "soon", "eventually", "to"])


# Verbs that say when something going on now will end.
_ENDS = frozenset(
    ["finish", "finishes", "finishing", "end", "ends", "ending", "stop", "stops"]
    + ["stopping", "done", "complete", "completes", "last", "course's", "over"]
)
_ENDS_REACH = 4
_LATER = frozenset(["next", "tomorrow", "soon", "later", "upcoming", "in"])


def ends_then(tokens: Sequence[Token], start: int, end: int) -> bool:
    """Whether a future cue dates the end of what goes on now ("finish next week").

    "I finish chemo next week" and "chemo ends next month" tell of treatment
    that is under way; "chemo starts next month" and "if I ever need chemo"
    do not.
    """
    if not any(t.raw in _LATER for t in tokens[start:end]):
        return False  # "stop if I ever get numbness" supposes; it dates nothing
    here = tokens[start].clause
    for i in range(start - 1, max(start - _ENDS_REACH - 1, -1), -1):
        if tokens[i].clause != here:
            break
        if tokens[i].raw in _ENDS:
            return True
    return False


# Endings said of each bout, in the present: "then settles", "and passes".
_EPISODE_ENDS = frozenset(["settles", "passes", "clears", "subsides", "fades"])
_WHENEVER = frozenset(["when", "whenever", "every", "each"])


def an_episode_ending(tokens: Sequence[Token], start: int) -> bool:
    """Whether an "over" cue ends each bout of a sign that comes "when" something.

    "When I whip my head round the room spins, then settles": every bout
    settles, and the bouts go on.
    """
    if tokens[start].raw not in _EPISODE_ENDS:
        return False
    sentence = tokens[start].sentence
    k = start - 1
    while k >= 0 and tokens[k].sentence == sentence:
        if tokens[k].raw in _WHENEVER:
            return True
        k -= 1
    return False


def ends_later(tokens: Sequence[Token], start: int, end: int) -> bool:
    """Whether an "over" cue is dated to come ("finish chemo next week")."""
    if not any(t.raw in _ENDS for t in tokens[start:end]):
        return False
    here = tokens[end - 1].clause
    window = tokens[end - 1 : end + _ENDS_REACH]
    return any(t.clause == here and t.raw in _LATER for t in window)


def only_planned(tokens: Sequence[Token], start: int) -> bool:
    """Whether an "over" cue is only planned or allowed ("can stop", "going to")."""
    i = start - 1
    while i >= 0 and tokens[i].clause == tokens[start].clause:
        if tokens[i].raw in _MODALS:
            return True  # ("had to stop" meets "had" first: that one is over)
        if tokens[i].raw not in _HEDGES:
            return False
        i -= 1
    return False


_SUBJECTS = frozenset(["i", "i've", "ive", "i'm", "im", "i'd", "we", "we've"])
FORWARD_REACH = 10


def subjects_after(tokens: Sequence[Token], start: int, reach: int) -> set[int]:
    """Return where the person speaks as a subject in the next ``reach`` words."""
    return {
        i
        for i in range(start, min(start + reach, len(tokens)))
        if tokens[i].raw in _SUBJECTS
    }


_HAVING = frozenset(["got", "have", "inherited", "share", "get"])
_POSSESSIVES = frozenset(["her", "his", "their"])


def inherited(tokens: Sequence[Token], start: int) -> bool:
    """Whether "her" follows "I've got": the writer has what she has."""
    if tokens[start].raw not in _POSSESSIVES or start < 2:
        return False
    verb, subject = tokens[start - 1].raw, tokens[start - 2].raw
    return verb in _HAVING and subject in ("i", "i've", "ive", "i'd")


_BORN = frozenset(["born", "arrived"])
_SINCE_WORDS = frozenset(["since", "after", "before", "until", "when"])


# "After my second baby my tummy muscles separated": the birth dates it.
_BIRTH_NOUNS = frozenset(["baby", "babies", "twins", "son", "daughter", "kids"])
_ORDER_WORDS = frozenset(["my", "first", "second", "third", "last", "youngest"])
_SELF_NEXT = frozenset(["my", "i", "i've", "ive", "i'm", "im", "me"])


def a_birth_date(tokens: Sequence[Token], start: int, end: int) -> bool:
    """Whether "since my twins were born" or "after my second baby" only dates."""
    before = [t.raw for t in tokens[max(start - 2, 0) : start]]
    after = [t.raw for t in tokens[end : end + 3]]
    if _SINCE_WORDS & set(before) and _BORN & set(after):
        return True
    if tokens[start].raw not in _BIRTH_NOUNS or end - start != 1:
        return False
    i = start - 1
    while i >= 0 and tokens[i].raw in _ORDER_WORDS and start - i <= 2:
        i -= 1
    if i < 0 or tokens[i].raw not in ("after", "since"):
        return False
    # The phrase must end there: "after my baby, ..." or "after my baby my ...".
    ends = end >= len(tokens) or tokens[end].clause != tokens[start].clause
    return ends or tokens[end].raw in _SELF_NEXT


_OWNERS = frozenset(
    ["my", "your", "his", "her", "their", "our", "the", "lower", "upper", "low", "mid"]
)


def back_is_the_body(tokens: Sequence[Token], start: int) -> bool:
    """Whether a cue opening with "back" ("back when") names a person's back."""
    return (
        tokens[start].raw == "back" and start > 0 and tokens[start - 1].raw in _OWNERS
    )


_BEING = frozenset(["is", "are", "was", "were", "'s", "be"])
_CAUSE_WORDS = frozenset(
    ["from", "caused", "due", "because", "down", "coming", "related", "linked"]
)
_CAUSE_REACH = 8


def asks_the_cause(tokens: Sequence[Token], end: int) -> bool:
    """Whether "what if ..." asks what caused a thing, not whether it is there.

    "What if the numbness in my foot is from rolling too hard?" takes the
    numbness as given; "what if I get a clot from flying?" does not.
    """
    clause = tokens[end - 1].clause
    for i in range(end, min(end + _CAUSE_REACH, len(tokens) - 1)):
        if tokens[i].clause != clause:
            break
        if tokens[i].raw in _BEING and tokens[i + 1].raw in _CAUSE_WORDS:
            return True
    return False


def trigger_denied(tokens: Sequence[Token], start: int) -> bool:
    """Whether a negator stands just before the trigger ("hasn't gone away")."""
    for i in range(start - 1, max(start - 3, -1), -1):
        if tokens[i].stem in ("not", "no", "never") or tokens[i].raw.endswith(
            ("n't", "cant", "cannot", "couldnt", "wont", "dont", "didnt")
        ):
            return True
        if tokens[i].clause != tokens[start].clause:
            break
    return False


# "When I get this pressure": "this" points at something the person has.
_POINTING_AT = frozenset(["this", "these"])
# "If I take aspirin every day": a habit, not a supposition.
_HABITUAL = frozenset(["every", "daily", "each", "always", "regularly", "nightly"])
_HABIT_REACH = 6


def real_or_habitual(tokens: Sequence[Token], end: int) -> bool:
    """Whether a "when I get" or "if I take" cue speaks of a real thing.

    ``end`` is just after the cue in the full token stream. Only the cue's own
    clause, a bounded way on, is read.
    """
    if end >= len(tokens):
        return False
    if tokens[end].raw in _POINTING_AT:
        return True
    clause = tokens[end].clause
    if any(
        t.raw in _HABITUAL
        for t in tokens[end : end + _HABIT_REACH]
        if t.clause == clause
    ):
        return True
    when = end >= 3 and tokens[end - 3].raw in ("when", "whenever")
    said = not tokens[end - 1].asks  # "when I get pregnant, can I still roll?"
    return when and said and tokens[end - 1].raw == "get" and _then_i_do(tokens, end)


def _then_i_do(tokens: Sequence[Token], end: int) -> bool:
    """Whether "when I get X" goes on "I see Y": what happens each time, not a plan.

    "When I get light-headed I see two of everything" tells of both; "when I
    get home I'll roll it" plans.
    """
    sentence = tokens[end].sentence
    later = [t for t in tokens[end : end + _HABIT_REACH * 2] if t.sentence == sentence]
    return any(
        a.raw == "i" and b.raw not in _MODALS and a.clause == b.clause
        for a, b in zip(later, later[1:], strict=False)
    )


def said_not_asked(tokens: Sequence[Token], start: int) -> bool:
    """Whether "is that" or "is it" at ``start`` goes on a statement.

    "The odd thing is that I get a squeezing in my chest": "is" follows its
    own subject and no question mark ends the sentence, so nothing is asked.
    """
    t = tokens[start]
    if t.raw != "is" or t.asks or start == 0:
        return False
    return tokens[start - 1].clause == t.clause


# Past-tense verbs that tell of an event: "broke", "had", "tore".
_PAST_VERBS = frozenset(
    ["broke", "had", "tore", "fell", "got", "was", "were", "did", "snapped", "cut"]
    + ["fractured", "sprained", "injured", "hurt", "damaged", "dislocated"]
)
_PAST_REACH = 8


def told_in_the_past(tokens: Sequence[Token], start: int) -> bool:
    """Whether a past-tense event verb leads up to the cue at ``start``."""
    clause = tokens[start].clause
    return any(
        t.raw in _PAST_VERBS
        for t in tokens[max(start - _PAST_REACH, 0) : start]
        if t.clause == clause
    )


# "Some guy went into the back of my car", "a lad tackled me": the other
# person did it, and what it did happened to the writer.
_COLLISION_VERBS = frozenset(
    ["went", "ran", "drove", "crashed", "smashed", "ploughed", "plowed", "hit"]
    + ["knocked", "bumped", "reversed", "backed", "rammed", "tackled", "pushed"]
    + ["shoved", "kicked", "punched", "elbowed", "slammed", "clipped", "rear"]
    + ["shunted", "sideswiped", "tripped", "barged", "floored"]
)
_VEHICLES = frozenset(["car", "bike", "van", "scooter", "motorbike", "truck", "cab"])
_VERB_REACH = 3
_TARGET_REACH = 8


def acts_on_the_speaker(tokens: Sequence[Token], end: int) -> bool:
    """Whether the person named just before ``end`` ran into or struck the writer."""
    if end >= len(tokens):
        return False
    clause = tokens[end].clause
    near = [t for t in tokens[end : end + _TARGET_REACH] if t.clause == clause]
    if not any(t.raw in _COLLISION_VERBS for t in near[:_VERB_REACH]):
        return False
    raws = [t.raw for t in near]
    mine = any(
        a == "my" and b in _VEHICLES for a, b in zip(raws, raws[1:], strict=False)
    )
    return mine or "me" in raws


# Verbs by which another person tells of what they see: "my wife keeps saying".
_SAYING = frozenset(
    ["says", "saying", "said", "noticed", "noticing", "notices", "thinks", "reckons"]
    + ["spotted", "pointed", "tells", "told", "mentioned", "commented", "asked"]
)
_SAYING_REACH = 3
_MINE = frozenset(["my", "i", "me", "i'm", "im", "i've", "myself"])
_REPORT_REACH = 8


def reports_on_me(tokens: Sequence[Token], end: int) -> int | None:
    """Return where another person's saying verb starts a report on the writer.

    "My wife keeps saying the left side of my mouth droops": the verb comes
    within a few words of the person, and what follows it in the clause has
    a word of the writer's own ("my", "I").
    """
    clause = tokens[end - 1].clause if end else -1
    for k in range(end, min(end + _SAYING_REACH, len(tokens))):
        if tokens[k].clause != clause:
            return None
        if tokens[k].raw not in _SAYING:
            continue
        after = tokens[k + 1 : k + 1 + _REPORT_REACH]
        if any(t.raw in _MINE for t in after if t.clause == clause):
            return k
        return None
    return None
