"""A "session" that was some other kind of work than the ball.

"Sore two days after my first stair-climber session" tells of a workout, not
of ball work that left the person worse. A bare "session" counts as ball work
only after a word that could lead into one ("my session", "a gentle session",
"the ten-minute session", "ball session"); a noun for any other activity in
front of it ("spin", "stair-climber", "Peloton") makes it that activity's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from knotwork.domain.language.context import Context
from knotwork.domain.language.numbers import word_number

if TYPE_CHECKING:
    from collections.abc import Sequence

    from knotwork.domain.language.text import Token
    from knotwork.domain.safety.mention import Mention

_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Words that may stand before a ball session: determiners, order and time,
# how it felt, and the ball work itself.
_LEADS_IN = frozenset(
    ["my", "the", "a", "an", "this", "that", "last", "first", "second", "third"]
    + ["each", "every", "next", "one", "another", "yesterday's", "today's", "our"]
    + ["morning", "evening", "night", "nightly", "daily", "weekly", "usual"]
    + ["min", "mins", "minute", "minutes", "sec", "second", "seconds", "long"]
    + ["short", "quick", "brief", "gentle", "light", "hard", "firm", "deep"]
    + ["intense", "heavy", "big", "tough", "proper", "full", "whole", "single"]
    + ["ball", "balls", "rolling", "roller", "massage", "lacrosse", "peanut"]
    + ["spiky", "release", "point", "pressure", "knot", "routine", "self"]
    + ["guided", "timed", "app", "knotwork", "recent", "latest", "previous"]
    + ["post", "after", "during", "before", "since", "from", "in", "of", "per"]
    # Hands-on treatment that leaves a person worse for days is worth a
    # clinician's look as much as ball work is.
    + ["physio", "physiotherapy", "therapy", "treatment", "osteo", "chiro"]
    + ["needling", "acupuncture", "sports", "myotherapy", "rehab", "tissue"]
    # "Monday's session", "last night's session": when, not what kind.
    + [f"{day}'s" for day in _DAYS]
    + ["night's", "tonight's", "weekend's", "week's", "morning's", "evening's"]
)


# Verbs of ball work in the form that asks for it: "roll them?", "can I use
# it?". Asked, they are a session to come, not one that left the person sore.
_ASKED = frozenset(["roll", "use", "massage", "ball", "work", "foam roll"])


def other_sessions(mentions: list[Mention], every: Sequence[Token]) -> list[Mention]:
    """Set aside each bare "session" that another activity's noun names."""
    raw = {t.word: t.raw for t in every}
    asks = {t.word for t in every if t.asks}
    out = []
    for m in mentions:
        if m.concept == "session" and m.words in _ASKED and m.span[0] in asks:
            m = m._replace(context=m.context._replace(certainty="question"))
        if m.concept == "session" and m.words == "session":
            before = raw.get(m.span[0] - 1, "")
            activity = (
                before
                and before not in _LEADS_IN
                and not before.isdigit()
                and word_number(before) is None
            )
            if activity:
                # Read as a look-alike: another kind of session, not ball work.
                m = m._replace(
                    context=Context(sense="figurative", cue=f"{before} session")
                )
        out.append(m)
    return out
