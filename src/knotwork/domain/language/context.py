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

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import Any, NamedTuple

from knotwork.domain.language.ages import (
    Age,
    earlier_in_life,
    stated_ages,
)
from knotwork.domain.language.phrases import PhraseMatcher
from knotwork.domain.language.text import Token
from knotwork.domain.language.times import intervals, onset_clauses, word_number
from knotwork.kb.record import field, record

SUBJECTS = ("self", "other", "child")
TIMES = ("now", "recent", "past", "resolved")
CERTAINTIES = ("affirmed", "negated", "hypothetical", "question")
SENSES = ("literal", "figurative")
PAST_DAYS = 365


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
        ages, children = stated_ages(every)
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
            if category in ("other", "child") and _object_of_preposition(
                every, hit.start, hit.end
            ):
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
        days = intervals(tokens)
        onsets = onset_clauses(tokens)
        for i in child_starts:
            if i >= n:
                continue
            # "Thirteen-year-old daughter, tight hamstrings, wants my ball": a
            # child named as a sentence's bare opening is what the rest of
            # that sentence is about, until the person speaks of themselves.
            heading = _bare_opening(tokens, i)
            end = min(n, i + _HEADING_WINDOW) if heading else n
            for j in range(i, end):
                left = tokens[j].clause != tokens[i].clause
                if (left and not heading) or tokens[j].sentence != tokens[i].sentence:
                    break
                if j > i and j in terminators["self"]:
                    break
                marks.setdefault(j, {}).setdefault("child", (tokens[i].raw, ""))
        for i, cue in earlier_in_life(tokens, every, ages):
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
    # "A friend from my walking group": "my" inside the other's description.
    if word == "my" and before in ("from", "at"):
        return True
    if word in ("i'm", "im") and after[:1] and after[0] in _ARTICLES:
        return True
    return word == "i" and after[:1] == ["am"] and after[1:2] in (["a"], ["an"])


_RELATIVE_PRONOUNS = frozenset(["that", "who", "whom", "which"])
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
)
_DETERMINERS = frozenset(["my", "a", "an", "the", "our", "his", "her", "their", "your"])
_GROUPS = frozenset(
    ["people", "patients", "clients", "folks", "others", "anyone", "everyone"]
    + ["someone", "somebody", "women", "men", "ladies", "kids", "children"]
    + ["friends", "colleagues", "customers", "students", "members", "athletes"]
)
# "I care for my husband, who had a stroke", "I have a son with asthma".
_DESCRIBING = frozenset(["whose", "with", "has", "had", "is", "was", "'s"])
_SPEAKER_WINDOW = 20
_SPEAKER = frozenset(["i", "i'm", "im", "i've", "ive", "i'd", "id"])


def _object_of_preposition(every: Sequence[Token], start: int, end: int) -> bool:
    """Whether a person named here is only what the speaker's clause acts on.

    "I was on the phone to my brother and couldn't get my words out" and "I
    missed a step going into a client's cellar" stay the speaker's; "I care
    for my husband, who had a stroke" still tells of the husband.
    """
    if every[start].raw in _GROUPS:
        return False  # "a support group for people after cancer" tells of them
    i = start - 1
    while i >= 0 and every[i].raw in _DETERMINERS:
        i -= 1
    if i < 0 or every[i].raw not in _PREPOSITIONS:
        return False
    if end < len(every) and every[end].raw in _RELATIVE_PRONOUNS | _DESCRIBING:
        return False
    clause = every[start].clause
    # Walk back a bounded way through this clause, so the cost stays linear.
    floor = max(i - _SPEAKER_WINDOW, -1)
    while i > floor and every[i].clause == clause:
        if every[i].raw in _SPEAKER:
            return True
        i -= 1
    return False


_THEY = frozenset(["they", "they're", "theyre", "they've", "they'd"])
_SOMEONE = frozenset(["someone", "somebody"])


def _not_another(
    every: Sequence[Token], start: int, cue: str, before: list[tuple[int, str]]
) -> bool:
    """Whether "they" or "someone" here names no other person with a condition.

    "My platelets, they run low": "they" are the person's own things when the
    trigger before it in the sentence was "my". "They're treating a tumour in
    my lung" and "somebody went into the back of me": others act, and what
    they act on is the person's own ("someone rear-ended my car").
    """
    if cue not in _THEY and cue not in _SOMEONE:
        return False
    here = every[start]
    own = _FIRST_PERSON if cue in _THEY else frozenset(["me", "my"])
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
    tail = _general_tail_questions(every)
    return [
        i
        for i, t in enumerate(tokens)
        if t.sentence in general or (t.sentence, t.clause) in tail
    ]


def _general_tail_questions(every: Sequence[Token]) -> set[tuple[int, int]]:
    """Return the last clauses that ask in general after a statement.

    "Planning a baby next year, is ball work ok in pregnancy?" asks of
    pregnancy in general; "my calf is swollen, is that normal?" still tells
    of the calf, which sits in the clause before.
    """
    clauses: dict[tuple[int, int], list[str]] = {}
    first: dict[int, int] = {}
    last: dict[int, int] = {}
    for t in every:
        if t.asks:
            clauses.setdefault((t.sentence, t.clause), []).append(t.raw)
            first.setdefault(t.sentence, t.clause)
            last[t.sentence] = t.clause
    return {
        (sentence, clause)
        for (sentence, clause), words in clauses.items()
        if clause == last[sentence] != first[sentence]
        and words[0] in _ASKING_OPENERS
        and not _FIRST_PERSON & set(words)
    }


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


# Words that make a clause say something, not just name a child.
_CLAUSE_VERBS = frozenset(
    ["is", "was", "has", "had", "does", "did", "got", "gets", "plays", "and"]
)


_BARE_CLAUSE = 5
# How far a bare opening carries: a window, so the cost stays linear.
_HEADING_WINDOW = 40


def _bare_opening(tokens: Sequence[Token], i: int) -> bool:
    """Whether the child at ``i`` is named alone in its sentence's first clause."""
    here = tokens[i].clause
    lo = i
    while lo > 0 and tokens[lo - 1].clause == here and i - lo < _BARE_CLAUSE:
        lo -= 1
    hi = i
    while hi + 1 < len(tokens) and tokens[hi + 1].clause == here:
        hi += 1
        if hi - lo >= _BARE_CLAUSE:
            return False
    opens = lo == 0 or tokens[lo - 1].sentence != tokens[i].sentence
    clause = tokens[lo : hi + 1]
    return opens and not any(t.raw in _CLAUSE_VERBS or "'" in t.raw for t in clause)


def _negator(tokens: Sequence[Token], start: int) -> str:
    for i in range(start - 1, max(start - 7, -1), -1):
        if not tokens[i].negated:
            return tokens[i].raw
    return "not"


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
    if unit == "sentence":
        nearest = _past_duration_asides(tokens, start, nearest)
    if trigger.direction in ("backward", "both"):
        for i in range(start - 1, max(start - trigger.window, 0) - 1, -1):
            if getattr(tokens[i], unit) != home or i in stop:
                break
            if tokens[i].clause < nearest:
                break
            reached.append(i)
    return reached


# "numb, one minute, never again": a clause that only says how long something
# lasted speaks of the clause before it.
_DURATION_WORDS = frozenset(
    ["one", "two", "few", "couple", "minute", "minutes", "second", "seconds"]
    + ["hour", "hours", "max", "tops", "only", "just", "about", "maybe", "or", "so"]
)


def _past_duration_asides(tokens: Sequence[Token], start: int, nearest: int) -> int:
    """Return the clause a backward cue reaches once duration asides are passed."""
    words: dict[int, list[str]] = {}
    for t in tokens[max(start - 12, 0) : start]:
        words.setdefault(t.clause, []).append(t.raw)
    while nearest in words and all(
        w in _DURATION_WORDS or word_number(w) is not None for w in words[nearest]
    ):
        nearest -= 1
    return nearest


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
