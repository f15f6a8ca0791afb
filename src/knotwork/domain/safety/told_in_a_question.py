"""A question that takes its content as given: "is it normal that my foot is dead?".

"Is it normal that...", "does it matter that...", "should I worry that...":
such a question asks about what follows, and what follows is told as true.
What the writer says of themselves there stands, as if said outright; "is it
safe if I had osteoporosis?" supposes, and is left as it is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from knotwork.domain.language.context import Annotation
    from knotwork.domain.safety.mention import Mention

_FRAMES = tuple(
    tuple(frame.split())
    for frame in (
        "is it normal",
        "is it ok",
        "is it okay",
        "is it a problem",
        "is it bad",
        "is it serious",
        "is it worrying",
        "is it weird",
        "is it strange",
        "does it matter",
        "should i worry",
        "should i be worried",
        "should i be concerned",
        "do i need to worry",
        "could it be a problem",
        # "Would the ball help with the headache that came on an hour ago?"
        "would the ball help with",
        "will the ball help with",
        "can the ball help with",
        "could the ball help with",
        "would rolling help with",
        "will rolling help with",
        "would it help with",
        "will it help with",
        # "Does anyone else find their jeans getting baggy...?": the writer does.
        "does anyone else",
        "is anyone else",
        "am i the only one",
    )
)
_LONGEST = max(len(f) for f in _FRAMES)
# "Does anyone else go dizzy...?": asked because the writer does.
_ANYONE_ELSE = frozenset(
    [
        ("does", "anyone", "else"),
        ("is", "anyone", "else"),
        ("am", "i", "the", "only", "one"),
    ]
)
_REACH = 2  # "is it normal that my...", "does it matter that it's..."
# What must follow the frame: a "that" clause, or the writer speaking of
# themselves ("is it normal my foot...").
_GIVEN = frozenset(
    ["that", "my", "i", "i've", "ive", "i'm", "im", "the", "this"]
    + ["find", "get", "have", "notice", "who", "their", "whose"]
)


def told_in_a_question(
    mentions: list[Mention], annotation: Annotation
) -> list[Mention]:
    """Affirm the writer's own mentions inside "is it normal that..." questions."""
    if not any(m.context.certainty == "question" for m in mentions):
        return mentions
    opening: dict[int, list[str]] = {}  # the first words of each question
    for t in annotation.every:
        if t.asks:
            words = opening.setdefault(t.sentence, [])
            if len(words) < _LONGEST + _REACH:
                words.append(t.raw)
    given = {
        sentence
        for sentence, words in opening.items()
        for frame in _FRAMES
        if tuple(words[: len(frame)]) == frame
        and (
            frame in _ANYONE_ELSE
            or _GIVEN & set(words[len(frame) : len(frame) + _REACH])
        )
    }
    return [
        m._replace(context=m.context._replace(certainty="affirmed", cue=""))
        if m.sentence in given
        and m.context.certainty == "question"
        and m.context.subject == "self"
        else m
        for m in mentions
    ]
