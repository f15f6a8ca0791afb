"""Ages in a text: whose they are, and the clauses an earlier age dates.

"I'm 68", "my 12 year old", "Fifty-eight, never a headache person", "58M",
"my 13yo", "he's 81": each is an ``Age`` with its subject. A younger own age
("had my appendix out at 19, I'm 41 now") dates its clause to the past.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from knotwork.domain.language.cue_limits import told_in_the_past
from knotwork.domain.language.numbers import TEENS, TENS, UNITS, spoken_number
from knotwork.domain.language.text import Token
from knotwork.domain.language.years_lived import years_lived

# A child is under 16: the age the clinical review sets for a clinician first.
CHILD_AGE = 16


OLDER_AGE = 50


MAX_AGE = 110
# An interval this long or longer is the past, whatever the rule.


# Words after a number that make it a measure, not an age.
_NOT_AN_AGE = frozenset(
    [
        "week",
        "wk",
        "month",
        "day",
        "hour",
        "minute",
        "kg",
        "kilo",
        "pound",
        "lb",
        "stone",
        "mile",
        "km",
        "time",
        "percent",
        "%",
        "degree",
        "cm",
        "inch",
    ]
)


_DECADES = {
    "fifties": 50,
    "sixties": 60,
    "seventies": 70,
    "eighties": 80,
    "nineties": 90,
    "50s": 50,
    "60s": 60,
    "70s": 70,
    "80s": 80,
    "90s": 90,
}


class Age(NamedTuple):
    """An age stated in the text, and whose it is."""

    years: int
    subject: str
    words: str


# Grown people an age can describe: "my 80 year old mum".


# Grown people an age can describe: "my 80 year old mum".
PEOPLE_NOUNS = frozenset(
    [
        "mum",
        "mom",
        "dad",
        "mother",
        "father",
        "wife",
        "husband",
        "friend",
        "client",
        "patient",
        "neighbour",
        "neighbor",
        "colleague",
        "grandma",
        "grandad",
        "man",
        "woman",
        "lady",
        "guy",
        "bloke",
        "dog",
        "cat",
        "horse",
    ]
)
# Who a child is when the age follows the noun: "my lad's fifteen".


# Who a child is when the age follows the noun: "my lad's fifteen".
CHILD_NOUNS = frozenset(
    [
        "son",
        "daughter",
        "lad",
        "boy",
        "girl",
        "kid",
        "child",
        "grandson",
        "granddaughter",
        "nephew",
        "niece",
        "teenager",
        "stepson",
        "stepdaughter",
        "youngest",
        "eldest",
        "twins",
        "grader",
    ]
)


# Every word that can start an age, besides digits.
_AGE_WORDS = frozenset([*TEENS, *UNITS, *TENS, *_DECADES])

_SHORTHAND_AGE = re.compile(r"(\d{2,3})[mf]")


# "My 13yo", "a 45yo", "my 10yo's calves": an age written as one word.
_ONE_WORD_AGE = re.compile(r"(\d{1,3})(?:yo|yrs?o)(?:'s)?")


# Grown relatives an age set off by commas may follow: "my partner, 52,".
_KIN = frozenset(["partner", "sister", "brother", "aunt", "uncle", "gran", "nan"])


_ANYONE = CHILD_NOUNS | PEOPLE_NOUNS


def stated_ages(tokens: Sequence[Token]) -> tuple[list[Age], list[int]]:
    """Find stated ages ("I'm 68", "my 12 year old") and where children are named."""
    ages: list[Age] = []
    children: list[int] = []
    skip_to = -1
    for i, token in enumerate(tokens):
        if i <= skip_to:
            continue
        raw = token.raw
        team_name = raw[:1] == "u" and raw[1:2].isdigit()
        if not (raw[:1].isdigit() or raw in _AGE_WORDS or team_name):
            continue  # most words are no number: the loop below is for numbers
        before = tokens[i - 1].raw if i >= 1 else ""
        earlier = tokens[i - 2].raw if i >= 2 else ""
        # A sentence's first word has nothing before it that could own it.
        if i >= 1 and tokens[i - 1].sentence != token.sentence:
            before, earlier = "", ""
        elif i >= 2 and tokens[i - 2].sentence != token.sentence:
            earlier = ""
        if raw in _DECADES and earlier == "in" and before == "the":
            continue  # "in the nineties" is a time, not an age
        if raw in _DECADES and earlier == "in":
            subject = "self" if before == "my" else "other"
            ages.append(Age(_DECADES[raw], subject, f"in {before} {raw}"))
            continue
        short = _SHORTHAND_AGE.fullmatch(raw)
        if short and before in ("", "i'm", "im", "am", "aged"):
            # "58M here" or "I'm 34f": the forum shorthand for age and sex.
            ages.append(Age(int(short.group(1)), "self", raw))
            continue
        joined = _ONE_WORD_AGE.fullmatch(raw)
        if joined:
            years = int(joined.group(1))
            named = tokens[i + 1].raw if i + 1 < len(tokens) else ""
            own = before in ("", "i'm", "im", "am", "a", "an", "me")
            if named in CHILD_NOUNS or named in PEOPLE_NOUNS or not own:
                ages.append(Age(years, "other", f"{before} {raw}"))
                if years < CHILD_AGE:
                    children.append(i)
            else:
                ages.append(Age(years, "self", raw))
            continue
        team = _TEAM_AGE.fullmatch(raw)
        named = tokens[i + 1].raw if i + 1 < len(tokens) else ""
        a_team = raw[0] == "u" or (
            before == "under" and (raw.endswith("s") or named in _TEAMS)
        )
        if team and a_team and int(team.group(1)) >= _YOUNGEST_TEAM:
            # "My U13 girls", "I coach under-14s": a youth team, all younger.
            years = int(team.group(1)) - 1
            if years < CHILD_AGE:
                ages.append(Age(years, "other", f"{before} {raw}".strip()))
                children.append(i)
            continue
        grade = ORDINAL.fullmatch(raw)
        named = tokens[i + 1].raw if i + 1 < len(tokens) else ""
        if grade and named == "grader":
            # "My 7th grader": a child in that grade.
            years = int(grade.group(1)) + _SCHOOL_YEARS["grade"]
            if years < CHILD_AGE:
                ages.append(Age(years, "other", f"{raw} grader"))
                children.append(i)
            continue
        if grade and named in ("birthday", "bday") and before == "my":
            # "Since my 55th birthday": the person is at least that old.
            ages.append(Age(int(grade.group(1)), "self", f"my {raw} {named}"))
            continue
        if grade and named == "grade" and before == "in":
            noun_at = _child_named_before(tokens, i)
            years = int(grade.group(1)) + _SCHOOL_YEARS["grade"]
            if noun_at is not None and years < CHILD_AGE:
                # "My girl's in 4th grade".
                ages.append(Age(years, "other", f"in {raw} grade"))
                children.append(noun_at)
            continue
        spoken = spoken_number(tokens, i)
        if spoken is None:
            continue
        number, last = spoken
        skip_to = last
        words = " ".join(t.raw for t in tokens[i : last + 1])
        alone = last + 1 >= len(tokens) or tokens[last + 1].clause != token.clause
        # "61 here." says who is writing, as "61." would.
        here = last + 1 < len(tokens) and tokens[last + 1].raw == "here"
        alone = alone or (
            here
            and (last + 2 >= len(tokens) or tokens[last + 2].clause != token.clause)
        )
        # "This is about me, 45, ..." or "yoga teacher, 53.": a number that
        # is a clause of its own introduces the speaker.
        own_clause = i >= 1 and tokens[i - 1].clause != token.clause
        named = before.removesuffix("'s")
        if own_clause and alone and (named in PEOPLE_NOUNS or named in _KIN):
            # "My mum, 74, has headaches": an age set off after a person is theirs.
            ages.append(Age(number, "other", words))
            continue
        if own_clause and alone and named in CHILD_NOUNS:
            ages.append(Age(number, "child", words))
            continue
        introduced = before in ("", "me", "myself") or own_clause
        if introduced and alone and CHILD_AGE <= number <= MAX_AGE:
            # "Fifty-eight, never been a headache person": a number standing
            # as a sentence's whole first clause introduces the speaker.
            ages.append(Age(number, "self", words))
            continue
        after = [t.raw for t in tokens[last + 1 : last + 3]]
        if after[:1] == ["year"] and after[1:2] == ["old's"]:
            after = ["year", "old"]
        if after == ["y", "o"]:
            after = ["yo"]  # "56 y/o"
        said_old = after[:1] == ["yo"] or (
            after[:1] in (["years"], ["year"], ["yrs"], ["yr"])
            and after[1:2] == ["old"]
        )
        unit_after = bool(after) and after[0].rstrip("s") in _NOT_AN_AGE
        after_time = bool(after) and after[0] in ("am", "pm", "o'clock", "oclock")
        lived = years_lived(before, earlier, after, _ANYONE)
        if lived:
            # "I have 58 years", "my daughter have 14 years" (as Spanish and
            # Italian say an age), "never been ill in me 67 year".
            subject = "self" if lived == "self" else "other"
            if subject == "self" and number < CHILD_AGE:
                continue  # "I have 5 years": too few to be the writer's age
            ages.append(Age(number, subject, f"{before} {words} {after[0]}"))
            if subject == "other" and number < CHILD_AGE:
                children.append(i)
            continue
        if unit_after and not said_old:
            continue  # "I'm 12 weeks pregnant", "I'm 70 kg": not an age
        noun = before.removesuffix("'s")
        almost = before in ("nearly", "almost") or after[:2] in (
            ["next", "month"],
            ["next", "week"],
            ["in", "a"],
        )
        turning = before in ("turn", "turning", "be") and earlier in (
            "i",
            "i'll",
            "ill",
        )
        if (
            almost
            and (earlier in ("", "i'm", "im", "am") or turning)
            and (number <= CHILD_AGE)
        ):
            # "Nearly 16", "16 next month!!": not yet that age.
            ages.append(Age(number - 1, "self", f"{before} {words}".strip()))
            continue
        if before == "aged" and earlier.removesuffix("'s") in CHILD_NOUNS:
            # "Nanny for twins aged 3": the children's age, not the writer's.
            ages.append(Age(number, "other", f"{earlier} aged {words}"))
            if number < CHILD_AGE:
                children.append(i)
            continue
        if before in ("aged", "age") and told_in_the_past(tokens, i - 1):
            continue  # "broke my collarbone skiing aged 12": the age then
        if before in ("i'm", "im", "aged", "age", "turned") or (
            before == "am" and earlier in ("i", "")
        ):
            # "I'm one of those people", "I'm five foot two": small number
            # words after "I'm" are rarely an age.
            small_word = not raw.isdigit() and number < 10
            if not small_word and after[:1] not in (["of"], ["foot"], ["feet"]):
                ages.append(Age(number, "self", f"{before} {words}"))
        elif before in ("he's", "she's", "hes", "shes") and not unit_after:
            # "My dad, he's 81": someone else's age.
            ages.append(Age(number, "other", f"{before} {words}"))
            if number < CHILD_AGE:
                children.append(i)
        elif before == "at" and OLDER_AGE - 10 <= number <= MAX_AGE and not after_time:
            # "At 72 my jaw aches": an age only where no child could be meant.
            ages.append(Age(number, "self", f"{before} {words}"))
        elif said_old:
            # "I'm a 70 year old" and "Fifty-five year old here" are the
            # person; "my 12 year old" is not.
            speaker = earlier if before in ("a", "an") else before
            subject = "self" if speaker in ("i'm", "im", "am", "as", "") else "other"
            at = last + (2 if after[:1] == ["yo"] else 3)
            named = tokens[at].raw if at < len(tokens) else ""
            if named in CHILD_NOUNS or named in PEOPLE_NOUNS:
                subject = "other"  # "Fourteen-year-old son plays rugby"
            ages.append(Age(number, subject, f"{words} {' '.join(after)}"))
            if subject == "other" and number < CHILD_AGE:
                children.append(i)
        elif noun in CHILD_NOUNS or (before == "is" and earlier in CHILD_NOUNS):
            # "My lad's fifteen", "our daughter is six".
            ages.append(Age(number, "other", f"{before} {words}"))
            if number < CHILD_AGE:
                children.append(i)
        elif (
            noun in PEOPLE_NOUNS or (before == "is" and earlier in PEOPLE_NOUNS)
        ) and (CHILD_AGE <= number <= MAX_AGE):
            # "My mum's 68": another adult's age, theirs if the message is for them.
            ages.append(Age(number, "other", f"{before} {words}"))
        elif (
            _who_is(before, earlier)
            and (noun_at := _child_named_before(tokens, i)) is not None
        ):
            # "My son, who's 13 and plays football": the child is the son.
            ages.append(Age(number, "other", f"{before} {words}"))
            if number < CHILD_AGE:
                children.append(noun_at)
        elif before in _SCHOOL_YEARS and earlier == "in" and 1 <= number <= 13:
            noun_at = _child_named_before(tokens, i)
            if noun_at is not None:
                # "My lad's in Year 5": a school year gives the child's age.
                years = number + _SCHOOL_YEARS[before]
                ages.append(Age(years, "other", f"in {before} {words}"))
                if years < CHILD_AGE:
                    children.append(noun_at)
    return ages, children


# A school year or grade and the age a child starts it at: Year 5 (England
# and Wales) at nine, fifth grade (US) at ten.
_SCHOOL_YEARS = {"year": 4, "grade": 5}
# "1st", "22nd", "55th": a day of the month, a school grade or a birthday.
ORDINAL = re.compile(r"(\d{1,2})(?:st|nd|rd|th)")
_TEAMS = frozenset(["team", "squad", "side", "girls", "boys", "players", "group"])
_YOUNGEST_TEAM = 6  # "U2" is a band
# A youth team by its age limit: "U13", "u12s", "under 14s" ("under 5 minutes"
# is no team).
_TEAM_AGE = re.compile(r"u?(\d{1,2})s?")
_CHILD_REACH = 6


def _who_is(before: str, earlier: str) -> bool:
    return before in ("who's", "whos") or (before == "is" and earlier == "who")


def _child_named_before(tokens: Sequence[Token], i: int) -> int | None:
    """Return where a child is named shortly before ``tokens[i]``, in its sentence."""
    sentence = tokens[i].sentence
    for k in range(i - 1, max(-1, i - _CHILD_REACH - 1), -1):
        t = tokens[k]
        if t.sentence == sentence and t.raw.removesuffix("'s") in CHILD_NOUNS:
            return k
    return None
