"""Whether a message asks for someone else to use the ball.

"Can my 12 year old use the ball?" and "she wants to try the ball" ask for
another person; the advice is then for them, not for the writer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from knotwork.domain.language.ages import CHILD_NOUNS, PEOPLE_NOUNS
from knotwork.domain.language.numbers import word_number

if TYPE_CHECKING:
    from collections.abc import Sequence

    from knotwork.domain.language.text import Token


_BARE_QUESTION = 4
_MODALS = frozenset(["can", "could", "should", "may", "might", "would", "will", "is"])
_THIRD_PERSON = frozenset(["he", "she", "they"])
# Words between a modal and the one it asks about: "can my 12 year old".
_NAMING = frozenset(["my", "our", "the", "year", "years", "old", "yo", "little"])
_BALL_WORDS = frozenset(
    ["ball", "balls", "roll", "rolling", "massage", "use", "try", "borrow", "have"]
)


# "Wants to" is said of another, never of the writer ("I want to").
_WOULD = frozenset(["he'd", "she'd", "hed", "shed", "they'd"])
_TRYING = frozenset(["try", "use", "borrow", "roll", "have", "give"])
# "He's asked to borrow my ball", "she's begging to try it".
_WANTING = frozenset(["wants", "asked", "begging", "keen", "wanting"])
_THE_BALL = frozenset(["ball", "balls", "roller", "lacrosse", "peanut", "spiky"])
_DETERMINERS_OF_BALL = frozenset(["the", "my", "a", "your", "our"])


# What a writer says who turns the request down: "I said no", "told him to
# ask his GP".
_REFUSING = frozenset(["no", "nope", "told", "refused", "won't", "wont", "not"])


def _refused(every: Sequence[Token], sentence: int) -> bool:
    """Whether the writer turns the other person down in this sentence or the next."""
    return any(
        t.raw in _REFUSING and sentence <= t.sentence <= sentence + 1 for t in every
    )


def another_wants_the_ball(every: Sequence[Token]) -> bool:
    """Whether someone else is said to want to use the ball.

    "She's 19 and wants to try the ball": the message asks for her. Only a
    sentence about the ball, or right after one, counts ("wants to try it").
    """
    ball_sentences = {t.sentence for t in every if t.raw in _THE_BALL}
    for i, t in enumerate(every[:-2]):
        # "He'd like to use the ball" wishes it for him too.
        if (
            t.raw == "wants"
            and every[i + 1].raw in _DETERMINERS_OF_BALL
            and (every[i + 2].raw in _THE_BALL)
        ):
            return True  # "She wants the ball for her calves"
        wants = (
            t.raw in _WANTING
            or (t.raw == "like" and i and every[i - 1].raw in _WOULD)
            # "She want to use my ball", as many learners of English write it.
            or (t.raw == "want" and i and every[i - 1].raw in _THIRD_PERSON)
        )
        after = (every[i + 1].raw, every[i + 2].raw)
        if (
            wants
            and after[0] == "for"
            and (t.sentence in ball_sentences or t.sentence - 1 in ball_sentences)
        ):
            return True  # "she's asked for a ball"
        if (
            t.raw in _WANTING
            and after in (("a", "go"), ("a", "try"), ("a", "turn"))
            and t.sentence in ball_sentences
            and not _refused(every, t.sentence)
        ):
            return True  # "he wants a go on my ball", unless the writer said no
        if t.raw in _WOULD and after == ("be", "the"):
            return True  # "he'd be the one using it"
        if (
            wants
            and every[i + 1].raw == "to"
            and every[i + 2].raw in _TRYING
            and (t.sentence in ball_sentences or t.sentence - 1 in ball_sentences)
        ):
            return True
    return False


def asks_about_another(every: Sequence[Token]) -> bool:
    """Whether a question asks if someone else may use the ball.

    "Can my 12 year old use the ball?", "My lad's in Year 5. Can he borrow my
    lacrosse ball?": the modal asks of another person, and the sentence is
    about the ball.
    """
    ball_sentences = {t.sentence for t in every if t.raw in _BALL_WORDS}
    # "He wants to roll it. Should he?": a bare question asks of the sentence before.
    length: dict[int, int] = {}
    for t in every:
        length[t.sentence] = length.get(t.sentence, 0) + 1
    about_ball = {
        t.sentence
        for t in every
        if t.asks
        and (
            t.sentence in ball_sentences
            or (
                length[t.sentence] <= _BARE_QUESTION
                and t.sentence - 1 in ball_sentences
            )
        )
    }
    for a, b in zip(every, every[1:], strict=False):
        if a.raw == "for" and b.raw in ("him", "her") and a.sentence in about_ball:
            return True  # "can I roll them out for him with my ball?"
    for i, t in enumerate(every):
        if t.raw not in _MODALS or t.sentence not in about_ball:
            continue
        sentence = [w.raw for w in every[i + 1 : i + 6] if w.sentence == t.sentence]
        for k, raw in enumerate(sentence[:5]):
            noun = raw.removesuffix("'s")
            if raw in _THIRD_PERSON or noun in CHILD_NOUNS or noun in PEOPLE_NOUNS:
                return True
            if raw == "old" and k and sentence[k - 1] in ("year", "years"):
                return True  # "my 12 year old"
            if raw in ("ball", "balls") and {"him", "her", "them"} & set(sentence):
                return True  # "could the ball help him?"
            if raw not in _NAMING and not raw.isdigit() and word_number(raw) is None:
                break
    return False
