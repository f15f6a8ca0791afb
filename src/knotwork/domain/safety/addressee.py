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
from knotwork.domain.language.numbers import word_number
from knotwork.domain.language.words import split_words
from knotwork.domain.safety.about_them import only_about_them

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
    asked_for_them = _asks_about_another(every)
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
    shared = _sentences_shared(every)
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
_OWN_CUES = ("my own", "myself", "for me", "me too", "i also", "i've got", "i have")


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


_WE = frozenset(["me", "we", "us", "we've", "we're"])
_HAVING = frozenset(["have", "had", "got", "take", "taking", "on", "suffer", "get"])
# What two people may both have done: "my mum and I both went down on the ice".
_BOTH_DID = frozenset(["went", "fell", "slipped", "tripped", "were", "did", "came"])
_FEARED = frozenset(
    ["i'll", "ill", "will", "might", "may", "could", "worry", "worried", "afraid"]
    + ["scared", "going", "gonna", "hope", "if"]
)
_SHARING = frozenset(
    [("so", "am", "i"), ("so", "do", "i"), ("so", "did", "i"), ("so", "have", "i")]
    + [("so", "was", "i"), ("same", "as", "me"), ("same", "here", "")]
    + [("me", "too", ""), ("me", "as", "well"), ("as", "do", "i"), ("as", "am", "i")]
    + [("mine", "too", ""), ("same", "with", "me"), ("it", "too", "")]
    + [("it", "as", "well"), ("one", "too", ""), ("one", "as", "well")]
    # "My gran had clots, and I had one in my calf": "one" is the same thing.
    + [("i", "had", "one"), ("i've", "had", "one"), ("i've", "got", "one")]
    + [("i", "have", "one"), ("i", "got", "one")]
)


def _sentences_shared(every: Sequence[Token]) -> set[int]:
    """Return the sentences where the writer says they share what another has.

    "So am I", "me too", and "me and my twin both have haemophilia".
    """
    shared = set()
    # "Both have", not "both resting" or "both small-framed".
    both = {
        t.sentence
        for t, after in zip(every, every[1:], strict=False)
        if t.raw == "both" and after.raw in _HAVING | _BOTH_DID
    }
    for before, t in zip([None, *every], every, strict=False):
        # "Me and my twin both have", "my mum and I both went down".
        and_i = t.raw == "i" and before is not None and before.raw == "and"
        if t.sentence in both and (t.raw in _WE or and_i):
            shared.add(t.sentence)
    for i, t in enumerate(every):
        if t.raw == "same" and _same_as_mine(every, i):
            shared.add(t.sentence)
        if t.raw not in (
            "so",
            "same",
            "me",
            "as",
            "mine",
            "and",
            "it",
            "one",
            "i",
            "i've",
        ):
            continue
        words = tuple(x.raw for x in every[i : i + 3] if x.sentence == t.sentence)
        feared = any(x.raw in _FEARED for x in every[max(i - 3, 0) : i])
        if (words in _SHARING or (*words[:2], "") in _SHARING) and not feared:
            # ("I worry I'll get it too" fears it; it does not share it.)
            shared.add(t.sentence)
    return shared


_SAME_REACH = 5


def _same_as_mine(every: Sequence[Token], i: int) -> bool:
    """Whether "the same ..." goes on to say the writer has it too.

    "My dad's got the same chest thing I get" shares the chest thing.
    """
    # A bounded look, in the same sentence only, so the cost stays linear.
    after: list[str] = []
    for t in every[i + 1 : i + 1 + _SAME_REACH]:
        if t.sentence != every[i].sentence:
            break
        after.append(t.raw)
    return any(
        a == "i" and k + 1 < len(after) and after[k + 1] in _HAVING | {"get", "gets"}
        for k, a in enumerate(after)
    )


def _for_another(text: str, every: Sequence[Token]) -> bool:
    """Whether the whole message asks for someone else, with nothing of the writer."""
    lowered = text.lower().replace("\u2019", "'")
    # "For my mum who's 90: she has osteoporosis": a message that opens by
    # saying whom it is for is for them.
    opens_for = lowered.lstrip().startswith(_OPENS_FOR)
    asks = (
        opens_for
        or any(c in lowered for c in _PROXY_CUES)
        or _asks_about_another(every)
        or _another_wants_the_ball(every)
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


def _another_wants_the_ball(every: Sequence[Token]) -> bool:
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
        wants = t.raw in _WANTING or (
            t.raw == "like" and i and every[i - 1].raw in _WOULD
        )
        if (
            wants
            and every[i + 1].raw == "to"
            and every[i + 2].raw in _TRYING
            and (t.sentence in ball_sentences or t.sentence - 1 in ball_sentences)
        ):
            return True
    return False


def _asks_about_another(every: Sequence[Token]) -> bool:
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
            if raw not in _NAMING and not raw.isdigit() and word_number(raw) is None:
                break
    return False
