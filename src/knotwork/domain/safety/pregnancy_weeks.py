"""Weeks of pregnancy said in numbers ("I'm 24 weeks", "six months gone")."""

from __future__ import annotations

from collections.abc import Sequence

from knotwork.domain.language.context import Annotation
from knotwork.domain.language.numbers import TENS, UNITS, exact_number
from knotwork.domain.language.text import Token
from knotwork.domain.safety.mention import Mention

# Weeks from which pregnancy limits tighten: no lying on the back from 20, and
# the third trimester from 28.
_PREGNANCY_STAGES = ((28, "pregnant_28_weeks"), (20, "pregnant_20_weeks"))
_WEEKS_PER_MONTH = 4.3


def pregnancy_weeks(
    tokens: Sequence[Token], annotation: Annotation, pregnant: bool
) -> list[Mention]:
    """Read "24 weeks pregnant", "34 weeks with twins" or "six months gone".

    Once the text says the person is pregnant, a bare "22 wks now" is read
    as the weeks of that pregnancy.
    """
    found = []
    for i in range(len(tokens) - 1):
        unit = tokens[i + 1].stem
        # The unit is the rare word: test it first, so most tokens cost one lookup.
        if unit not in _PREGNANCY_UNITS:
            continue
        number = _count(tokens[i].raw)
        # "Twenty-eight weeks": the tens word stands just before.
        first = i
        if i >= 1 and tokens[i].raw in UNITS and tokens[i - 1].raw in TENS:
            first = i - 1
            number = TENS[tokens[i - 1].raw] + UNITS[tokens[i].raw]
        state = tokens[i + 2].raw if i + 2 < len(tokens) else ""
        said = state in _PREGNANT_STATES or (
            state == "with" and i + 3 < len(tokens) and tokens[i + 3].stem in _CARRYING
        )
        # "Can I roll my back now I'm 34 weeks?": weeks said of oneself, with
        # nothing after them that makes them a recovery or a training block.
        own = (
            unit in ("week", "wk", "wks")
            and first >= 1
            # "I'm 24 weeks", "I'll be 14 weeks on Friday".
            and tokens[first - 1].raw in ("i'm", "im", "am", "be")
            and state not in _WEEKS_OF_SOMETHING_ELSE
            and number is not None
            and number <= _LONGEST_PREGNANCY_WEEKS
        )
        if number is None or not (said or own or (pregnant and state != "ago")):
            continue
        if unit in ("week", "wk", "wks"):
            weeks = float(number)
        elif unit == "month":
            weeks = number * _WEEKS_PER_MONTH
        else:
            continue
        if own and not pregnant:
            words = " ".join(t.raw for t in tokens[first - 1 : i + 2])
            context = annotation.context(first, i + 2)
            found.append(Mention("pregnant", tokens[i].sentence, words, context))
        for limit, concept in _PREGNANCY_STAGES:
            if weeks >= limit:
                words = " ".join(t.raw for t in tokens[first : i + 3])
                context = annotation.context(first, i + 2)
                if context.subject == "child" and context.cue in UNBORN:
                    # "The baby's head down at 36 weeks": the unborn baby's
                    # weeks are the mother's pregnancy.
                    context = context._replace(subject="self", cue="")
                found.append(Mention(concept, tokens[i].sentence, words, context))
                break
    return found


UNBORN = frozenset(["baby", "baby's", "babys", "bump", "the baby", "bubs"])
_PREGNANCY_UNITS = frozenset(["week", "wk", "wks", "month"])
_LONGEST_PREGNANCY_WEEKS = 42
_WEEKS_OF_SOMETHING_ELSE = frozenset(
    ["ago", "post", "postop", "out", "into", "in", "since", "after", "off", "old"]
    + ["sober", "clean", "from", "of", "postpartum", "post-op", "until", "till"]
    + ["to", "before", "away", "left"]
)
_PREGNANT_STATES = frozenset(["pregnant", "along", "gone", "pregnancy", "preg"])
_CARRYING = frozenset(["twin", "twins", "baby", "child", "first", "second", "bump"])


def _count(word: str) -> int | None:
    if word.isdigit():
        return int(word) if len(word) <= 2 else None
    return exact_number(word)
