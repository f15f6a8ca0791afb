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
    stated_ages,
)
from knotwork.domain.language.cue_exceptions import does_not_apply, not_someone_else
from knotwork.domain.language.cue_limits import (
    FORWARD_REACH,
    reports_on_me,
    subjects_after,
    told_in_the_past,
)
from knotwork.domain.language.earlier_in_life import earlier_in_life
from knotwork.domain.language.phrases import PhraseMatcher
from knotwork.domain.language.questions import general_questions
from knotwork.domain.language.reach import Trigger, scope
from knotwork.domain.language.recurrences import recurrences
from knotwork.domain.language.subjects import (
    HEADING_WINDOW,
    appositive_reach,
    bare_opening,
    carried_subject,
    keeps_the_other,
    listed_after_another,
    relative_self,
)
from knotwork.domain.language.text import Token
from knotwork.domain.language.times import durations, intervals, onset_clauses
from knotwork.kb.record import field, record

SUBJECTS = ("self", "other", "child")
_DATING_LINKS = frozenset(["after", "following"])
TIMES = ("now", "recent", "past", "resolved")
CERTAINTIES = ("affirmed", "negated", "hypothetical", "question")
SENSES = ("literal", "figurative")
PAST_DAYS = 120


class Context(NamedTuple):
    """Who a mention is about, when, how sure, and whether it is meant literally."""

    subject: str = "self"
    time: str = "now"
    days_ago: int | None = None
    certainty: str = "affirmed"
    sense: str = "literal"
    cue: str = ""
    # How long the clause says this has gone on ("numb for years"), if it says.
    lasted_days: int | None = None

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
_PRONOUNS = frozenset(
    ["he", "she", "his", "her", "him", "he's", "she's", "they", "they're", "their"]
)
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
        for hit in self.matcher.find_longest(every, within_clause=True):
            lo = bisect_left(positions, every[hit.start].word)
            hi = bisect_right(positions, every[hit.end - 1].word)
            hits.append((hit, lo, hi))
        terminators = {
            cat: {
                lo
                for h, lo, _ in hits
                if self.triggers[h.payload].category == cat
                and not (
                    cat == "self"
                    and keeps_the_other(every, h.start, h.end, self.body_stems)
                )
                # "Pins and needles just now ... gone after I shook it": "just
                # now" is a moment ago, not the present that ends an "over".
                and not (
                    cat == "current" and h.start and every[h.start - 1].raw == "just"
                )
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
            if trigger.category in ("self", "current") or does_not_apply(
                trigger, tokens, every, (hit.start, hit.end, hi), self.body_stems
            ):
                continue
            cue = " ".join(t.raw for t in every[hit.start : hit.end])
            category = trigger.category
            if category in ("other", "child") and not_someone_else(
                category, every, hit.start, hit.end, cue, hits_before
            ):
                continue
            if category == "other" and lo > first_child and cue.split()[0] in _PRONOUNS:
                category = "child"
            stop = terminators["self"] if category in ("other", "child") else set()
            if stop:
                # "The horse I ride has a tendon injury": an "I" opening a
                # relative clause on the other's noun leaves the horse the subject.
                relative = relative_self(every, hit.end, self_starts, hit.start)
                if relative is not None:
                    stop = stop - {relative}
            if category == "other":
                # "My wife keeps saying the side of my mouth isn't moving":
                # what she says is of the writer's body.
                verb = reports_on_me(every, hit.end)
                if verb is not None:
                    stop = stop | {bisect_left(positions, every[verb].word)}
            if trigger.category in ("past", "resolved"):
                stop = terminators["current"]
                if trigger.category == "resolved" and trigger.direction == "forward":
                    # "Since finishing chemo last year I've lost a stone": what
                    # was finished is its object, not what the person says next.
                    stop = stop | subjects_after(tokens, hi, FORWARD_REACH)
                    # "Finished six weeks on crutches after the ACL op": what
                    # is finished ends where the event that dates it begins.
                    stop = stop | {
                        k
                        for k in range(hi, min(hi + FORWARD_REACH, n))
                        if tokens[k].raw in _DATING_LINKS
                    }
            elif category == "hypothetical" and trigger.scope == "sentence":
                # "Students ask about blood thinners, and now I'm on one": a
                # "now" turns a topic back into the person's present.
                stop = terminators["current"]
            home = every[hit.start]
            reached = scope(tokens, lo, hi, home, trigger, stop)
            if category == "other" and lo < n:
                # "Tom, my partner, came off his bike": the partner did.
                more = appositive_reach(tokens, lo)
                reached = [*reached, *(i for i in more if i not in stop)]
            if category == "hypothetical" and (
                cue.split()[0] in ("if", "ever") or _FUTURE & set(cue.split())
            ):
                # "If I sprained my ankle", "on my flight tomorrow": the
                # supposed or coming event is in the cue.
                reached += range(lo, hi)
            elif category == "past" and told_in_the_past(every, hit.start):
                # "Broke my ankle in primary school": the school years are
                # then, not now, so "in primary school" is no child's age.
                reached += range(lo, hi)
            elif category == "resolved" or (
                category == "negated" and trigger.direction == "both"
            ):
                # "The swelling went down", "my flu jab", "just a cyst": what
                # the cue says is over, or is not the thing feared, is in it.
                reached += range(lo, hi)
            applies = ",".join(trigger.applies_to)
            for i in reached:
                here = marks.setdefault(i, {})
                held = here.get(category)
                # One cue per category: a cue for every concept replaces one
                # for a few ("it broke" for a fever, then "normal since").
                if held is None or (held[1] and not applies):
                    here[category] = (cue, applies)
        days = intervals(tokens)
        onsets = onset_clauses(tokens)
        for i in child_starts:
            if i >= n:
                continue
            # "Thirteen-year-old daughter, tight hamstrings, wants my ball": a
            # child named as a sentence's bare opening is what the rest of
            # that sentence is about, until the person speaks of themselves.
            heading = bare_opening(tokens, i)
            end = min(n, i + HEADING_WINDOW) if heading else n
            for j in range(i, end):
                left = tokens[j].clause != tokens[i].clause
                if (left and not heading) or tokens[j].sentence != tokens[i].sentence:
                    break
                if j > i and j in terminators["self"]:
                    break
                marks.setdefault(j, {}).setdefault("child", (tokens[i].raw, ""))
        for i, cue in listed_after_another(tokens, every, marks):
            marks.setdefault(i, {}).setdefault("other", (cue, ""))
        for i, category, cue in carried_subject(tokens, marks):
            marks.setdefault(i, {}).setdefault(category, (cue, ""))
        for i, cue in earlier_in_life(tokens, every, ages):
            marks.setdefault(i, {}).setdefault("past", (cue, ""))
        for i in general_questions(tokens, every):
            marks.setdefault(i, {}).setdefault("question", ("?", ""))
        lasting = {c: days for c, (days, _) in durations(every).items()}
        return Annotation(
            tokens, marks, days, ages, onsets, every, lasting, recurrences(every)
        )


_EVENTS = frozenset(["acute_injury", "trauma", "fracture_sign", "strain_event"])
_FUTURE = frozenset(["tomorrow", "tonight", "upcoming", "next", "soon"])
_OWN_WORDING = frozenset(["other", "child", "hypothetical", "question", "resolved"])


@record(frozen=False)
class Annotation:
    """The context of each token of one text."""

    tokens: Sequence[Token]
    marks: dict[int, dict[str, tuple[str, str]]]
    days: dict[int, tuple[int, str]]
    ages: list[Age]
    # Clauses whose date says when something began ("diagnosed last year").
    onsets: frozenset[int] = frozenset()
    # The same text with filler words kept ("so am I"), for readers of the
    # whole message; kept here so no one tokenizes a text twice.
    every: Sequence[Token] = ()
    # Clauses that say how long their state has lasted, in days.
    lasting: dict[int, int] = field(default_factory=dict)
    # Clauses that say a sign has come back ("is back again").
    back: frozenset[int] = frozenset()
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
        if tokens[start].clause in self.back:
            # "The numb patch I had last spring is back": here again now.
            dated = None
            seen.pop("past", None)
            seen.pop("resolved", None)
        if (
            onset
            and "past" in seen
            and "resolved" not in seen
            and concept not in _EVENTS
        ):
            # "Diagnosed with von Willebrand as a teenager": what began then
            # has not ended by being dated, any more than by a year.
            del seen["past"]
        lasted = self.lasting.get(tokens[start].clause)
        if not (negated or dated or seen or lasted):
            return PLAIN
        # Each attribute takes the first category that sets it, in this order.
        values: dict[str, Any] = {"lasted_days": lasted}
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
