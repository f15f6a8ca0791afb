"""Whom a message is for, and whose its conditions are, read from the whole text.

The reader decides who each mention is about clause by clause. Some messages
say, once, for whom they are written ("I'm writing for my 13-year-old son"),
who shares what ("my sister's on apixaban and so am I") or whose a birth is
("my wife had him, I'm the dad"); these change the mentions as a whole.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from knotwork.domain.language.ages import CHILD_NOUNS, PEOPLE_NOUNS
from knotwork.domain.language.context import PLAIN
from knotwork.domain.language.words import split_words
from knotwork.domain.safety.about_them import only_about_them
from knotwork.domain.safety.ball_for_another import (
    another_wants_the_ball,
    asks_about_another,
)
from knotwork.domain.safety.shared_with_me import sentences_shared

if TYPE_CHECKING:
    from collections.abc import Sequence

    from knotwork.domain.language.text import Token
    from knotwork.domain.language.understanding import Reader
    from knotwork.domain.safety.mention import Mention


def for_whom(text: str, mentions: list[Mention], reader: Reader) -> list[Mention]:
    """Return the mentions with their subjects set by what the whole text says."""
    lowered = text.lower().replace("\u2019", "'")
    if any(cue in lowered for cue in _FATHER_CUES):
        # "My wife had him, I'm the dad": the birth is hers, not the writer's.
        mentions = [
            m._replace(context=m.context._replace(subject="other"))
            if m.concept in _BIRTH_CONCEPTS
            else m
            for m in mentions
        ]
    every = reader.annotated(text)[1].every
    # "Can he use the ball?" asks for the child, whatever else the writer says.
    asked_for_them = asks_about_another(every)
    if not asked_for_them and (
        any(cue in lowered for cue in _FOR_THEMSELVES)
        or _own_body_named(lowered, reader)
    ):
        # "It's my daughter with the back pain; my own glutes are tight": the
        # child is mentioned, the question is the writer's own.
        mentions = [
            m._replace(context=m.context._replace(subject="other"))
            if m.context.subject == "child"
            else m
            for m in mentions
        ]
    shared = sentences_shared(every)
    if shared:
        # "My sister's on apixaban and so am I": what the other has, the
        # writer says they share, whatever was said of the other's.
        mentions += [
            m._replace(context=m.context._replace(subject="self", certainty="affirmed"))
            for m in mentions
            if m.context.subject in ("other", "child") and m.sentence in shared
        ]
    if _for_another(text, every):
        # "I'm typing for my mother, she's the one with the problem": the
        # advice is for her (or for the child it is written for), so what is
        # said of her counts as the person's.
        child = next((m for m in mentions if m.context.subject == "child"), None)
        mentions = [
            m._replace(context=m.context._replace(subject="self"))
            if m.context.subject in ("other", "child")
            # "I'm 15 but asking for my mum": the writer's age is not hers.
            else m._replace(context=m.context._replace(subject="other"))
            if m.concept in _AGE_CONCEPTS and m.context.subject == "self"
            else m
            for m in mentions
        ]
        if child is not None:
            # Written for a child: the person asked about is under 16.
            mentions.append(child._replace(concept="age_under_16", context=PLAIN))
    elif asked_for_them:
        # "My own calves are tight too. Can he use the ball?": the writer
        # speaks of themselves as well, but asks for the child; what is said
        # of the child counts too, and the child is under 16.
        child = next((m for m in mentions if m.context.subject == "child"), None)
        if child is not None:
            mentions = [
                m._replace(context=m.context._replace(subject="self"))
                if m.context.subject == "child"
                else m
                for m in mentions
            ]
            mentions.append(child._replace(concept="age_under_16", context=PLAIN))
    return mentions


_PROXY_CUES = (
    "typing for her",
    "typing for him",
    "typing this for",
    "typing for my",
    "writing for her",
    "writing for him",
    "writing for my",
    "writing this for",
    "writing on behalf of",
    "on behalf of my",
    "on her behalf",
    "on his behalf",
    "asking for my",
    "asking on behalf",
    "the one with the problem",
    "she wants to use",
    "he wants to use",
    # The writer is to do the ball work on the other person.
    "wants me to massage",
    "wants me to rub",
    "wants me to roll",
    "wants me to work on",
    "asked me to massage",
    "asked me to work on",
    "use the ball on her",
    "use the ball on him",
    "use a ball on her",
    "use a ball on him",
    "massage it for her",
    "massage it for him",
    # The question is whether the ball suits the other person.
    "ok for her",
    "ok for him",
    "ok for them",
    "the one i'm asking for",
    "she'll be the one using",
    "he'll be the one using",
    "she's the one using",
    "he's the one using",
    "she'll be using the ball",
    "he'll be using the ball",
    "who'll be using the ball",
    "she'll be using it",
    "he'll be using it",
    "the one i'm asking about",
    "he's the one i'm asking",
    "she's the one i'm asking",
    "alright for him",
    "alright for her",
    "fine for him",
    "fine for her",
    "bought him a ball",
    "bought her a ball",
    "got him a ball",
    "got her a ball",
    "okay for them",
    "alright for them",
    "safe for them",
    "fine for them",
    "okay for her",
    "okay for him",
    "safe for her",
    "safe for him",
    "too much for her",
    "too much for him",
    "can she use",
    "can he use",
    "should she use",
    "should he use",
    "let her use",
    "let him use",
    "getting him one",
    "getting her one",
    "for my son",
    "for my daughter",
    "for my kid",
    "for my child",
    "for my lad",
    "for my boy",
    "for my girl",
    "help him?",
    "help her?",
    "it's for my dad",
    "is for my dad",
    "asking for my dad",
    "it's for my mum",
    "is for my mum",
    "asking for my mum",
    "it's for my mom",
    "is for my mom",
    "asking for my mom",
    "it's for my father",
    "is for my father",
    "asking for my father",
    "it's for my mother",
    "is for my mother",
    "asking for my mother",
    "it's for my husband",
    "is for my husband",
    "asking for my husband",
    "it's for my wife",
    "is for my wife",
    "asking for my wife",
    "it's for my partner",
    "is for my partner",
    "asking for my partner",
    "it's for my nan",
    "is for my nan",
    "asking for my nan",
    "it's for my gran",
    "is for my gran",
    "asking for my gran",
    "it's for my grandad",
    "is for my grandad",
    "asking for my grandad",
    "it's for my grandma",
    "is for my grandma",
    "asking for my grandma",
    "it's for my brother",
    "is for my brother",
    "asking for my brother",
    "it's for my sister",
    "is for my sister",
    "asking for my sister",
    "she wants to try",
    "he wants to try",
    "she wants to roll",
    "he wants to roll",
    "wants to roll it",
    "she'd like to try",
    "he'd like to try",
    "she asked if",
    "he asked if",
    "she asked whether",
    "he asked whether",
    "she's asking if",
    "he's asking if",
    "asking if he can",
    "asking if she can",
    "asking if he could",
    "asking if she could",
    "wants to know if he can",
    "wants to know if she can",
)
_AGE_CONCEPTS = frozenset(["age_under_16", "age_50_plus"])
_FATHER_CUES = (
    "i'm the dad",
    "i'm his dad",
    "i'm her dad",
    "i'm their dad",
    "i'm the father",
    "i am the dad",
    "i am the father",
    "as the dad",
    "new dad",
    "my wife had",
    "my wife gave birth",
    "my partner gave birth",
    "my girlfriend gave birth",
    "my wife delivered",
)
_BIRTH_CONCEPTS = frozenset(
    ["postpartum", "newborn_age", "baby_word", "born_by_section", "pregnant"]
    + ["baby_arrived"]
    + ["pregnant_20_weeks", "pregnant_28_weeks"]
)
_FOR_THEMSELVES = (
    "just asking for me",
    "asking for myself",
    "writing about me",
    "asking about me",
    "asking for myself",
    "only asking about my",
    "asking about my own",
)
_OWN_CUES = (
    "my own",
    "myself",
    "for me",
    "me too",
    "i also",
    "i've got",
    "i have",
    # "For now it's just me with a tight upper back."
    "just me",
    "only me",
)


def _own_body_named(lowered: str, reader: Reader) -> bool:
    """Whether the writer names a part of their own body ("my own glutes")."""
    words = split_words(lowered)
    for i, (a, b) in enumerate(zip(words, words[1:], strict=False)):
        if a != "my" or b != "own":
            continue
        # "My own glutes", or "my own problem is a tight lower back".
        said = words[i + 2 : i + 2 + _OWN_REACH]
        if (
            _SAID_FINE & set(said)
            or said[:1]
            and (said[0] in CHILD_NOUNS or said[0] in PEOPLE_NOUNS)
        ):
            continue  # "my own shoulders are fine", "my own son has ..."
        named = reader.read(" ".join(said))
        if named.regions or named.muscles:
            return True
    return False


_OWN_REACH = 7


# "My own shoulders are fine": the writer names their body to say it is well,
# so the message stays about the child it describes.
_SAID_FINE = frozenset(["fine", "ok", "okay", "good", "great", "perfect", "normal"])


def _for_another(text: str, every: Sequence[Token]) -> bool:
    """Whether the whole message asks for someone else, with nothing of the writer."""
    lowered = text.lower().replace("\u2019", "'")
    # "For my mum who's 90: she has osteoporosis": a message that opens by
    # saying whom it is for is for them.
    opens_for = lowered.lstrip().startswith(_OPENS_FOR)
    asks = (
        opens_for
        or any(c in lowered for c in _PROXY_CUES)
        or asks_about_another(every)
        or another_wants_the_ball(every)
        or only_about_them(every)
    )
    # "Not for me, it's for my dad" says whose the question is not.
    mine = lowered
    for denial in _NOT_MINE:
        mine = mine.replace(denial, " ")
    # "My own son" names the son, not the writer's own body.
    words = split_words(mine)
    following = [*words[1:], ""][: len(words)]
    mine = " ".join(
        w
        for w, after in zip(words, following, strict=True)
        if not (w == "own" and (after in CHILD_NOUNS or after in PEOPLE_NOUNS))
    )
    return asks and not any(c in mine for c in _OWN_CUES)


_OPENS_FOR = ("for my ", "asking for my ", "this is for my ", "question for my ")

_NOT_MINE = ("not for me", "isn't for me", "isnt for me", "not asking for me")
