"""Decide who, when and whether each mention in a text is about.

This is a ConText-style reader (after Harkema et al., J Biomed Inform 2009):
trigger phrases open a scope that runs forwards, backwards or both ways from
where they stand, up to a window of tokens, and stops at the edge of a clause
or sentence or at a terminating phrase. Whatever lies in a trigger's scope
takes on its category: someone else's, in the past, already over, ruled out,
hypothetical, asked as a question, or a figure of speech.

Everything is a single pass over the tokens per trigger hit with a bounded
window, so the cost grows linearly with the text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from datetime import date
from typing import Any, NamedTuple

from knotwork.domain.language.phrases import PhraseMatcher
from knotwork.domain.language.text import Token
from knotwork.kb.record import field, record

SUBJECTS = ("self", "other", "child")
TIMES = ("now", "recent", "past", "resolved")
CERTAINTIES = ("affirmed", "negated", "hypothetical", "question")
SENSES = ("literal", "figurative")
# A child is under 16: the age the clinical review sets for a clinician first.
CHILD_AGE = 16
OLDER_AGE = 50
MAX_AGE = 110
# An interval this long or longer is the past, whatever the rule.
PAST_DAYS = 365
FIRST_YEAR = 1900

_UNIT_DAYS = {
    "minute": 0,
    "hour": 0,
    "day": 1,
    "night": 1,
    "week": 7,
    "wk": 7,
    "fortnight": 14,
    "month": 30,
    "year": 365,
    "yr": 365,
    "decade": 3650,
}
_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "couple": 2,
    "three": 3,
    "few": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "several": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
}
_MONTHS = {
    name: number
    for number, name in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        start=1,
    )
}
# A month without a year is only trusted when it is long past: "surgery in
# August" read in early December may have been written in September, and a
# wrong guess must never hide a recent operation.
MONTH_TRUSTED_DAYS = 180
# "in March" or "last March" is behind us; "since March" still goes on.
_MONTH_BEFORE = frozenset(["in", "last", "back", "during", "early", "late", "mid"])
# Fixed points in time a person names instead of an interval.
_WHEN_WORDS = {
    "yesterday": 1,
    "tonight": 0,
    "today": 0,
    "monday": 3,
    "tuesday": 3,
    "wednesday": 3,
    "thursday": 3,
    "friday": 3,
    "saturday": 3,
    "sunday": 3,
    "weekend": 3,
}
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


class Context(NamedTuple):
    """Who a mention is about, when, how sure, and whether it is meant literally."""

    subject: str = "self"
    time: str = "now"
    days_ago: int | None = None
    certainty: str = "affirmed"
    sense: str = "literal"
    cue: str = ""

    def set_aside_because(
        self,
        history: bool = False,
        max_days: int | None = None,
        resolved_counts: bool = False,
    ) -> str:
        """Return why this mention cannot drive a verdict, or '' when it can.

        ``history``: a past or finished mention still counts (a history of
        clots). ``resolved_counts``: a warning sign that has passed still
        counts (weakness that came and went is a warning in itself).
        """
        cue = f" ({self.cue})" if self.cue else ""
        if self.sense == "figurative":
            return f"a figure of speech{cue}"
        if self.subject == "other":
            return f"about someone else{cue}"
        if self.certainty == "negated":
            return f"ruled out{cue}"
        if self.certainty == "hypothetical":
            return f"hypothetical{cue}"
        if self.certainty == "question":
            return f"asked as a question{cue}"
        if self.time == "resolved" and not (history or resolved_counts):
            return f"already over{cue}"
        if self.time == "past" and not history:
            return f"in the past{cue}"
        too_old = max_days is not None and (self.days_ago or 0) > max_days
        if too_old and not history:
            return f"too long ago to matter here{cue}"
        return ""


PLAIN = Context()
_PRONOUNS = frozenset(["he", "she", "his", "her", "him", "he's", "she's", "they"])
_ORDER = (
    ("figurative", "sense", "figurative"),
    # A child named with "his" or "her" is still the child the person asks for.
    ("child", "subject", "child"),
    ("other", "subject", "other"),
    ("negated", "certainty", "negated"),
    ("hypothetical", "certainty", "hypothetical"),
    ("question", "certainty", "question"),
    ("resolved", "time", "resolved"),
    ("past", "time", "past"),
)


class Trigger(NamedTuple):
    """A phrase that casts its category over the tokens in its scope."""

    category: str
    direction: str
    scope: str
    window: int
    applies_to: frozenset[str]
    unless_next: frozenset[str]
    unless_next_body: bool


class Age(NamedTuple):
    """An age stated in the text, and whose it is."""

    years: int
    subject: str
    words: str


class ContextReader:
    """Annotates every token with its context, from the trigger lexicon."""

    def __init__(
        self,
        matcher: PhraseMatcher[int],
        triggers: Sequence[Trigger],
        body_stems: frozenset[str],
    ) -> None:
        self.matcher = matcher
        self.triggers = triggers
        self.body_stems = body_stems

    def annotate(self, tokens: Sequence[Token], every: Sequence[Token]) -> Annotation:
        """Return the context of every content token, plus the ages stated.

        ``every`` is the same text with filler words kept: triggers match on
        it, and their scopes are counted in content tokens.
        """
        n = len(tokens)
        positions = [t.word for t in tokens]
        # Only marked tokens get an entry: most of a text carries no context.
        marks: dict[int, dict[str, tuple[str, str]]] = {}
        hits = []
        for hit in self.matcher.find_longest(every):
            lo = bisect_left(positions, every[hit.start].word)
            hi = bisect_right(positions, every[hit.end - 1].word)
            hits.append((hit, lo, hi))
        terminators = {
            cat: {
                lo
                for h, lo, _ in hits
                if self.triggers[h.payload].category == cat
                and not (cat == "self" and _keeps_the_other(every, h.start, h.end))
            }
            for cat in ("self", "current")
        }
        self_starts = {
            h.start: lo
            for h, lo, _ in hits
            if self.triggers[h.payload].category == "self"
        }
        ages, children = _ages(every)
        child_starts = [bisect_left(positions, every[i].word) for i in children]
        # "he" or "her" after a child has been named is that child.
        first_child = min(
            [lo for h, lo, _ in hits if self.triggers[h.payload].category == "child"]
            + child_starts,
            default=n + 1,
        )
        hits_before: list[tuple[int, str]] = []
        for hit, lo, hi in hits:
            trigger = self.triggers[hit.payload]
            if every[hit.start].clause != every[hit.end - 1].clause:
                continue  # "two years, back's stiff": a cue never spans a comma
            hits_before.append((hit.start, trigger.category))
            if trigger.category in ("self", "current") or _trigger_denied(
                every, hit.start
            ):
                continue
            following = tokens[hi].stem if hi < n else ""
            if following in trigger.unless_next:
                continue
            if trigger.unless_next_body and (
                following in self.body_stems
                # "over my right eyebrow": a side word sits before the body word.
                or (
                    following in _SIDE_STEMS
                    and hi + 1 < n
                    and tokens[hi + 1].stem in self.body_stems
                )
            ):
                continue
            cue = " ".join(t.raw for t in every[hit.start : hit.end])
            category = trigger.category
            if category == "other" and _not_another(every, hit.start, cue, hits_before):
                continue
            if category == "other" and lo > first_child and cue in _PRONOUNS:
                category = "child"
            stop = terminators["self"] if category in ("other", "child") else set()
            if stop:
                # "The horse I ride has a tendon injury": an "I" opening a
                # relative clause on the other's noun leaves the horse the subject.
                relative = _relative_self(every, hit.end, self_starts)
                if relative is not None:
                    stop = stop - {relative}
            if trigger.category in ("past", "resolved"):
                stop = terminators["current"]
            home = every[hit.start]
            for i in _scope(tokens, lo, hi, home, trigger, stop):
                marks.setdefault(i, {}).setdefault(
                    category, (cue, ",".join(trigger.applies_to))
                )
        days = _intervals(tokens)
        onsets = _onset_clauses(tokens)
        for i in child_starts:
            if i >= n:
                continue
            for j in range(i, n):
                if tokens[j].clause != tokens[i].clause or (
                    j > i and j in terminators["self"]
                ):
                    break
                marks.setdefault(j, {}).setdefault("child", (tokens[i].raw, ""))
        for i, cue in _earlier_in_life(tokens, every, ages):
            marks.setdefault(i, {}).setdefault("past", (cue, ""))
        for i in _general_questions(tokens, every):
            marks.setdefault(i, {}).setdefault("question", ("?", ""))
        return Annotation(tokens, marks, days, ages, onsets)


_SIDE_STEMS = frozenset(["left", "right", "both"])
_OWN_WORDING = frozenset(["other", "child", "hypothetical", "question", "resolved"])
_ARTICLES = frozenset(["a", "an"])


def _keeps_the_other(every: Sequence[Token], start: int, end: int) -> bool:
    """Whether a first-person word leaves the other person the subject.

    "A friend of mine has a DVT" is the friend's; "my client (I'm a PT) is
    on chemo" is the client's: saying what one is starts no new subject.
    """
    word = every[start].raw
    before = every[start - 1].raw if start else ""
    after = [t.raw for t in every[end : end + 2]]
    if word == "mine" and before == "of":
        return True
    if word in ("i'm", "im") and after[:1] and after[0] in _ARTICLES:
        return True
    return word == "i" and after[:1] == ["am"] and after[1:2] in (["a"], ["an"])


_RELATIVE_PRONOUNS = frozenset(["that", "who", "whom", "which"])
_THEY = frozenset(["they", "they're", "theyre", "they've", "they'd"])
_SOMEONE = frozenset(["someone", "somebody"])
_FIRST_PERSON = frozenset(["my", "me", "i", "i'm", "im", "i've", "ive"])


def _not_another(
    every: Sequence[Token], start: int, cue: str, before: list[tuple[int, str]]
) -> bool:
    """Whether "they" or "someone" here names no other person with a condition.

    "My platelets, they run low": "they" are the person's own things when the
    trigger before it in the sentence was "my". "They're treating a tumour in
    my lung" and "somebody went into the back of me": others act, and what
    they act on is the person's own.
    """
    if cue not in _THEY and cue not in _SOMEONE:
        return False
    here = every[start]
    own = _FIRST_PERSON if cue in _THEY else frozenset(["me"])
    for t in every[start + 1 :]:
        if t.clause != here.clause:
            break
        if t.raw in own:
            return True
    if cue in _THEY:
        earlier = [
            category
            for at, category in before[:-1]
            if at < start
            and every[at].sentence == here.sentence
            and category in ("self", "other", "child")
        ]
        return bool(earlier) and earlier[-1] == "self"
    return False


def _relative_self(
    every: Sequence[Token], after: int, self_starts: dict[int, int]
) -> int | None:
    """Return the "I" that opens a relative clause right after a noun, if any."""
    if after < len(every) and every[after].raw in _RELATIVE_PRONOUNS:
        after += 1
    return self_starts.get(after)


# A sentence that opens like a question and ends with "?" asks about things in
# general: "Can rolling your calf give you a clot?" affirms nothing.
_ASKING_OPENERS = frozenset(
    [
        "can",
        "could",
        "should",
        "would",
        "will",
        "might",
        "may",
        "does",
        "do",
        "did",
        "is",
        "are",
        "was",
        "were",
        "how",
        "what",
        "why",
        "which",
        "whats",
        "what's",
    ]
)
# Said of oneself, a symptom stays affirmed inside a question ("is it normal
# that my calf is swollen?"), so such sentences are left to the triggers.
_FIRST_PERSON = frozenset(
    ["i", "i'm", "im", "i've", "ive", "i'd", "id", "me", "my", "mine", "myself"]
)


def _general_questions(tokens: Sequence[Token], every: Sequence[Token]) -> list[int]:
    """Return the content tokens of questions that say nothing of the person."""
    asking: dict[int, bool] = {}
    first: dict[int, str] = {}
    for t in every:
        if not t.asks:
            continue
        first.setdefault(t.sentence, t.raw)
        if t.raw in _FIRST_PERSON:
            asking[t.sentence] = False
        else:
            asking.setdefault(t.sentence, True)
    general = {
        s
        for s, ok in asking.items()
        if ok and first[s] in _ASKING_OPENERS and s not in _experiential(every)
    }
    general |= _answered_no(every)
    return [i for i, t in enumerate(tokens) if t.sentence in general]


_USUAL = frozenset(["normal", "usual", "common", "ok", "okay"])


def _answered_no(every: Sequence[Token]) -> set[int]:
    """Return questions the next sentence denies: "Heart attack? No, just a bill".

    Only a question that names no one ("Blood thinners? Not me") and an answer
    that is a denial: "No idea, it's hot" answers nothing.
    """
    words: dict[int, list[str]] = {}
    for t in every:
        words.setdefault(t.sentence, []).append(t.raw)
    denied = set()
    for sentence, said in words.items():
        answer = words.get(sentence + 1, [])[:2]
        first, second = (answer + ["", ""])[:2]
        denial = (
            first in ("no", "nope", "nah") and second not in ("idea", "clue")
        ) or (first == "not" and second in ("me", "mine", "really"))
        if denial and not _FIRST_PERSON & set(said):
            denied.add(sentence)
    return {s for s in denied if any(t.asks for t in every if t.sentence == s)}


def _experiential(every: Sequence[Token]) -> set[int]:
    """Return the sentences asking "is it normal to get ...": they tell of the asker.

    "Is it normal to get a headache that comes on in a second?" is how people
    describe what just happened to them, so it is read as said, not as a
    question about people in general.
    """
    found = set()
    for i in range(len(every) - 3):
        a, b, c, d = (t.raw for t in every[i : i + 4])
        opens = i == 0 or every[i - 1].sentence != every[i].sentence
        asks_usual = a == "is" and b == "it" and c in _USUAL and d in ("to", "that")
        if asks_usual and opens and every[i].asks:
            found.add(every[i].sentence)
    return found


@record(frozen=False)
class Annotation:
    """The context of each token of one text."""

    tokens: Sequence[Token]
    marks: dict[int, dict[str, tuple[str, str]]]
    days: dict[int, tuple[int, str]]
    ages: list[Age]
    # Clauses whose date says when something began ("diagnosed last year").
    onsets: frozenset[int] = frozenset()
    _by_word: dict[int, int] = field(default_factory=dict, init=False, repr=False)

    def context(self, start: int, end: int, concept: str = "") -> Context:
        """Return the context of the mention at ``tokens[start:end]``."""
        tokens = self.tokens
        negated = tokens[start].negated
        dated = self.days.get(tokens[start].clause)
        seen: dict[str, str] = {}
        marks = self.marks
        own_words: set[str] | None = None
        for i in range(start, end):
            if i not in marks:
                continue
            for category, (cue, applies) in marks[i].items():
                if applies and concept not in applies.split(","):
                    continue
                if category in _OWN_WORDING:
                    # "My baby arrived ten days ago" speaks of the mother, and
                    # "settles if I have a rest" is a fact, not a supposition:
                    # a trigger inside the mention is part of what it says.
                    if own_words is None:
                        own_words = {tokens[j].raw for j in range(start, end)}
                    if set(cue.split()) <= own_words:
                        continue
                seen.setdefault(category, cue)
        onset = tokens[start].clause in self.onsets
        if onset and "past" in seen and "resolved" not in seen:
            # "Diagnosed with von Willebrand as a teenager": what began then
            # has not ended by being dated, any more than by a year.
            del seen["past"]
        if not (negated or dated or seen):
            return PLAIN
        # Each attribute takes the first category that sets it, in this order.
        values: dict[str, Any] = {}
        cue = _negator(tokens, start) if negated else ""
        if negated:
            values["certainty"] = "negated"
        if dated:
            days, cue_words = dated
            if "resolved" in seen:
                # "The dizziness in January has long gone": over, whenever.
                values["time"] = "resolved"
            elif onset:
                # Diagnosed or started then, and so still so: the date still
                # limits warnings that matter only for a while (max_days).
                values["time"] = "now"
            else:
                values["time"] = "past" if days >= PAST_DAYS else "recent"
            values["days_ago"] = days
            cue = cue or cue_words
        for category, attribute, value in _ORDER:
            if category in seen and attribute not in values:
                values[attribute] = value
                cue = cue or seen[category]
        return Context(cue=cue, **values)

    def context_of_words(self, first: int, last: int, concept: str = "") -> Context:
        """Return the context of the mention spanning words ``first..last``."""
        if not self._by_word:
            self._by_word = {t.word: i for i, t in enumerate(self.tokens)}
        start = self._by_word.get(first)
        end = self._by_word.get(last)
        if start is None or end is None:
            return Context()
        return self.context(start, end + 1, concept)

    def own_ages(self) -> list[int]:
        """Return the ages the person gives for themselves."""
        return [a.years for a in self.ages if a.subject == "self"]


def _negator(tokens: Sequence[Token], start: int) -> str:
    for i in range(start - 1, max(start - 7, -1), -1):
        if not tokens[i].negated:
            return tokens[i].raw
    return "not"


def _earlier_in_life(
    tokens: Sequence[Token], every: Sequence[Token], ages: Sequence[Age]
) -> list[tuple[int, str]]:
    """Content positions in a clause dated by a younger own age ("at 19")."""
    own = [a.years for a in ages if a.subject == "self"]
    if not own:
        return []
    clauses: dict[int, str] = {}
    for j in range(len(every) - 1):
        if every[j].raw not in ("at", "aged", "age") or not every[j + 1].raw.isdigit():
            continue
        then = int(every[j + 1].raw)
        # "Had my appendix out at 19, I'm 41 now": an age below the one the
        # person gives dates that clause to the past.
        if then + 2 <= max(own):
            clauses[every[j].clause] = f"{every[j].raw} {then}"
    return [(i, clauses[t.clause]) for i, t in enumerate(tokens) if t.clause in clauses]


def _trigger_denied(tokens: Sequence[Token], start: int) -> bool:
    """Whether a negator stands just before the trigger ("hasn't gone away")."""
    for i in range(start - 1, max(start - 3, -1), -1):
        if tokens[i].stem in ("not", "no", "never") or tokens[i].raw.endswith(
            ("n't", "cant", "cannot", "couldnt", "wont", "dont", "didnt")
        ):
            return True
        if tokens[i].clause != tokens[start].clause:
            break
    return False


def _scope(
    tokens: Sequence[Token],
    start: int,
    end: int,
    home_token: Token,
    trigger: Trigger,
    stop: set[int],
) -> list[int]:
    """Return the content positions a trigger covering ``start:end`` reaches."""
    if trigger.direction == "within":
        return list(range(start, end))
    unit = "sentence" if trigger.scope == "sentence" else "clause"
    if (
        unit == "sentence"
        and trigger.direction != "forward"
        and _has_own_subject(tokens, start, home_token.clause)
    ):
        # "the right one is fine" speaks of its own subject: stay in its clause.
        unit = "clause"
    home = getattr(home_token, unit)
    reached: list[int] = []
    if trigger.direction in ("forward", "both"):
        for i in range(end, min(end + trigger.window, len(tokens))):
            if getattr(tokens[i], unit) != home or i in stop:
                break
            reached.append(i)
    # Looking back, a clause with no subject of its own (", fully recovered")
    # speaks of the clause just before it, not of everything said earlier.
    nearest = home_token.clause - 1 if unit == "sentence" else home_token.clause
    if trigger.direction in ("backward", "both"):
        for i in range(start - 1, max(start - trigger.window, 0) - 1, -1):
            if getattr(tokens[i], unit) != home or i in stop:
                break
            if tokens[i].clause < nearest:
                break
            reached.append(i)
    return reached


# Words that may open a clause without giving it a subject of its own
# ("..., gone in a minute", "..., which cleared up").
_NO_SUBJECT = frozenset(
    [
        # The person themselves: "..., I'm fine now" speaks of the same person.
        "i",
        "i'm",
        "im",
        "i've",
        "ive",
        "am",
        "feel",
        "feeling",
        "it",
        "its",
        "which",
        "that",
        "then",
        "but",
        "all",
        "was",
        "is",
        "had",
        "has",
        "been",
        "have",
        "completely",
        "totally",
        "soon",
        "quickly",
        "fully",
        "pretty",
        "mostly",
    ]
)


def _has_own_subject(tokens: Sequence[Token], start: int, clause: int) -> bool:
    """Whether the clause names something before the trigger at ``start``."""
    i = start - 1
    while i >= 0 and tokens[i].clause == clause:
        if tokens[i].raw not in _NO_SUBJECT:
            return True
        i -= 1
    return False


def _number(word: str) -> int | None:
    if word.isdigit() and len(word) <= 4:
        return int(word)
    return _NUMBERS.get(word)


def _unit(stem: str) -> int | None:
    for unit, days in _UNIT_DAYS.items():
        if stem == unit or stem == unit + "s":
            return days
    return None


# Words that date a beginning: what was diagnosed or started then goes on.
# "Fitted" by its whole word: the stem "fit" would date "I was fit years ago".
_ONSET_WORDS = frozenset(["fitted", "installed", "since"])
_ONSET_STEMS = frozenset(
    ["diagno", "diagnosis", "start", "began", "prescrib", "put", "implant", "insert"]
)


def _onset_clauses(tokens: Sequence[Token]) -> frozenset[int]:
    """Return the clauses that say when something began."""
    return frozenset(
        t.clause for t in tokens if t.stem in _ONSET_STEMS or t.raw in _ONSET_WORDS
    )


def _since_month(month: int) -> int:
    """Return the days since the end of the last ``month`` (0 for this one)."""
    today = date.today()
    if month == today.month:
        return 0
    year = today.year if month < today.month else today.year - 1
    first_after = date(year + month // 12, month % 12 + 1, 1)
    return (today - first_after).days + 1


def _intervals(tokens: Sequence[Token]) -> dict[int, tuple[int, str]]:
    """Find "three weeks ago", "last year" or "on Saturday", clause by clause."""
    found: dict[int, tuple[int, str]] = {}
    months: dict[int, tuple[int, str, int]] = {}
    n = len(tokens)
    this_year = date.today().year
    for i, token in enumerate(tokens):
        raw = token.raw
        days: int | None = None
        cue = raw
        if raw == "ago" and i >= 1:
            unit = _unit(tokens[i - 1].stem)
            if unit is not None:
                number = _number(tokens[i - 2].raw) if i >= 2 else None
                days = unit * (number or 2)
                cue = " ".join(t.raw for t in tokens[max(i - 2, 0) : i + 1])
        elif raw in ("last", "past") and i + 1 < n:
            unit = _unit(tokens[i + 1].stem)
            if unit is not None and raw == "last":
                days = unit
                cue = f"last {tokens[i + 1].raw}"
        elif raw in _WHEN_WORDS:
            days = _WHEN_WORDS[raw]
        elif raw in _MONTHS and i >= 1 and tokens[i - 1].raw in _MONTH_BEFORE:
            # "A chest infection in January": counted from the end of the last
            # such month, the most recent it can have been. An interval said
            # outright in the same clause ("eight weeks ago") wins.
            since = _since_month(_MONTHS[raw])
            if since >= MONTH_TRUSTED_DAYS:
                months.setdefault(token.clause, (since, raw, token.sentence))
            continue
        elif raw.isdigit() and len(raw) == 4 and FIRST_YEAR <= int(raw) < this_year:
            # "back in 2019": a year before this one is at least that long ago.
            days = (this_year - int(raw)) * 365
            cue = raw
        elif raw == "morning" and i >= 1 and tokens[i - 1].raw == "yesterday":
            days = 1
        if days is None:
            continue
        current = found.get(token.clause)
        if current is None or days > current[0]:
            found[token.clause] = (days, cue)
    sentence_of = {t.clause: t.sentence for t in tokens}
    said = {sentence_of[c] for c in found}
    for clause, (days, cue, sentence) in months.items():
        if sentence not in said:
            found.setdefault(clause, (days, cue))
    return found


_UNITS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
}
_TEENS = {
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
# Grown people an age can describe: "my 80 year old mum".
_PEOPLE_NOUNS = frozenset(
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
_CHILD_NOUNS = frozenset(
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
    ]
)


def _spoken_number(tokens: Sequence[Token], i: int) -> tuple[int, int] | None:
    """Read a number at ``i`` in digits or words ("72", "seventy two", "eight").

    Returns (value, index of its last token).
    """
    raw = tokens[i].raw
    if raw.isdigit() and len(raw) <= 3:
        return int(raw), i
    if raw in _TEENS:
        return _TEENS[raw], i
    if raw in _UNITS:
        return _UNITS[raw], i
    if raw in _TENS:
        nxt = tokens[i + 1].raw if i + 1 < len(tokens) else ""
        if nxt in _UNITS and tokens[i + 1].sentence == tokens[i].sentence:
            return _TENS[raw] + _UNITS[nxt], i + 1
        return _TENS[raw], i
    return None


_SHORTHAND_AGE = re.compile(r"(\d{2,3})[mf]")
# "My 13yo", "a 45yo": an age written as one word.
_ONE_WORD_AGE = re.compile(r"(\d{1,3})(?:yo|yrs?o)")


def _ages(tokens: Sequence[Token]) -> tuple[list[Age], list[int]]:
    """Find stated ages ("I'm 68", "my 12 year old") and where children are named."""
    ages: list[Age] = []
    children: list[int] = []
    skip_to = -1
    for i, token in enumerate(tokens):
        if i <= skip_to:
            continue
        raw = token.raw
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
            if named in _CHILD_NOUNS or named in _PEOPLE_NOUNS or not own:
                ages.append(Age(years, "other", f"{before} {raw}"))
                if years < CHILD_AGE:
                    children.append(i)
            else:
                ages.append(Age(years, "self", raw))
            continue
        spoken = _spoken_number(tokens, i)
        if spoken is None:
            continue
        number, last = spoken
        skip_to = last
        words = " ".join(t.raw for t in tokens[i : last + 1])
        alone = last + 1 >= len(tokens) or tokens[last + 1].clause != token.clause
        # "This is about me, 45, ..." or "yoga teacher, 53.": a number that
        # is a clause of its own introduces the speaker.
        own_clause = i >= 1 and tokens[i - 1].clause != token.clause
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
        if unit_after and not said_old:
            continue  # "I'm 12 weeks pregnant", "I'm 70 kg": not an age
        noun = before.removesuffix("'s")
        if before in ("i'm", "im", "aged", "age", "turned") or (
            before == "am" and earlier == "i"
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
            if named in _CHILD_NOUNS or named in _PEOPLE_NOUNS:
                subject = "other"  # "Fourteen-year-old son plays rugby"
            ages.append(Age(number, subject, f"{words} {' '.join(after)}"))
            if subject == "other" and number < CHILD_AGE:
                children.append(i)
        elif noun in _CHILD_NOUNS or (before == "is" and earlier in _CHILD_NOUNS):
            # "My lad's fifteen", "our daughter is six".
            ages.append(Age(number, "other", f"{before} {words}"))
            if number < CHILD_AGE:
                children.append(i)
    return ages, children
