"""Read every safety concept a text mentions, each with its context.

The phrase tables find the concepts; the ConText reader says whose, when and
whether each is; then the readers of the whole message settle what one
sentence says of another: a later denial, a correction, an answer to a
question, a course that finished, whom the message is for.
"""

from __future__ import annotations

from collections.abc import Iterable

from knotwork.domain.language.ages import CHILD_AGE, OLDER_AGE
from knotwork.domain.language.context import Annotation, Context
from knotwork.domain.language.continuations import topic_sentences
from knotwork.domain.language.understanding import Reader
from knotwork.domain.safety.addressee import for_whom
from knotwork.domain.safety.baby_age import baby_days, date_the_birth
from knotwork.domain.safety.corrections import taken_back
from knotwork.domain.safety.days_of_the_month import (
    days_counted,
    span_between_days,
    span_between_weekdays,
)
from knotwork.domain.safety.denials_undone import denials_undone
from knotwork.domain.safety.finished_course import finished_course
from knotwork.domain.safety.later_denials import denied_now, over_in_next
from knotwork.domain.safety.mention import Mention
from knotwork.domain.safety.mine_too import mine_too
from knotwork.domain.safety.never_taken import never_taken
from knotwork.domain.safety.numb_with_feeling import numb_with_feeling
from knotwork.domain.safety.one_side_now import one_side_now
from knotwork.domain.safety.other_sessions import other_sessions
from knotwork.domain.safety.pregnancy_weeks import UNBORN, pregnancy_weeks
from knotwork.domain.safety.short_answers import short_answers
from knotwork.domain.safety.still_taken import taken_now
from knotwork.domain.safety.told_in_a_question import told_in_a_question

SIDE_WORDS = frozenset(["left", "right"])

# Concepts about a child that say something of the person who speaks: a
# baby "born by caesarean" tells of the mother's operation.
_PARENT_CONCEPTS = frozenset(["newborn_age", "born_by_section"])
_PREGNANCY = frozenset(
    ["pregnant", "pregnant_20_weeks", "pregnant_28_weeks", "third_trimester"]
)

# Spans of time: a denial before one is about what happened in it, not the
# span ("hasn't budged after 3 weeks" still says three weeks went by).
_SPANS = frozenset(["weeks", "days_later"])


def read_mentions(text: str, reader: Reader) -> tuple[list[Mention], Annotation]:
    """Return every safety concept mention with its context."""
    tokens, annotation = reader.annotated(text)
    # Each look-alike's words, found by any of its words: a concept is only
    # compared with the look-alikes it touches, so the cost stays linear.
    veto_by_word: dict[int, list[tuple[frozenset[int], str]]] = {}
    for m in reader.veto.find_all(tokens):
        words_of = frozenset(t.word for t in tokens[m.start : m.end])
        for w in words_of:
            veto_by_word.setdefault(w, []).append((words_of, m.payload))
    mentions: list[Mention] = []
    # Side words sit inside phrases ("can't raise my right arm"), so concepts
    # are matched with and without them; "left arm" keeps its side.
    # Only sentences that hold a side word read differently without it.
    sided = {t.sentence for t in tokens if t.stem in SIDE_WORDS}
    plain = [t for t in tokens if t.sentence in sided and t.stem not in SIDE_WORDS]
    streams = (tokens, plain) if sided else (tokens,)
    seen: set[tuple[str, int, int]] = set()
    # "Strange jaw ache. It comes on uphill": the second sentence is the first's.
    topic = topic_sentences(annotation.every)
    for stream in streams:
        for m in reader.concepts.find_all(stream):
            span = stream[m.start : m.end]
            key = (m.payload, span[0].word, span[-1].word)
            if key in seen:
                continue
            seen.add(key)
            words = " ".join(t.raw for t in span)
            first, last = span[0].word, span[-1].word
            context = annotation.context_of_words(first, last, m.payload)
            covered = frozenset(t.word for t in span)
            # A look-alike masks a concept that overlaps it, unless the
            # concept's own phrase holds all of it ("one flight of stairs").
            touched = [
                v
                for w in covered
                for v, hides in veto_by_word.get(w, ())
                if hides in ("veto", m.payload)
            ]
            if any(not v < covered for v in touched):
                context = Context(sense="figurative", cue=words)
            elif m.payload in _SPANS and context.certainty == "negated":
                context = context._replace(certainty="affirmed")
            elif m.payload in _PARENT_CONCEPTS and context.subject == "child":
                # "My son is 3 weeks old": the baby's age tells of the parent.
                context = context._replace(subject="self")
            elif (
                m.payload in _PREGNANCY
                and context.subject == "child"
                and context.cue in UNBORN
            ):
                # "The baby's due in ten weeks": the unborn baby's news is
                # the mother's pregnancy.
                context = context._replace(subject="self", cue="")
            sentence = topic.get(span[0].sentence, span[0].sentence)
            mentions.append(Mention(m.payload, sentence, words, context, (first, last)))
    mentions = other_sessions(mentions, annotation.every)
    mentions = numb_with_feeling(mentions, annotation, reader)
    mentions = one_side_now(mentions, annotation)
    mentions = never_taken(mentions, annotation)
    mentions = told_in_a_question(mentions, annotation)
    mentions = over_in_next(denied_now(mentions, annotation), annotation)
    mentions = finished_course(mentions, annotation)
    mentions = short_answers(mentions, annotation)
    mentions = taken_back(mentions, annotation)
    mentions = denials_undone(mentions, annotation)
    mentions = taken_now(mentions, annotation)
    mentions = date_the_birth(mentions, baby_days(annotation.every))
    pregnant = any(
        m.concept == "pregnant" and not m.context.set_aside_because() for m in mentions
    )
    mentions += pregnancy_weeks(tokens, annotation, pregnant)
    mentions += span_between_days(annotation.every)
    mentions += days_counted(annotation.every)
    mentions += span_between_weekdays(annotation.every)
    for age in annotation.ages:
        concept = _age_concept(age.years)
        if concept:
            subject = age.subject
            if subject != "self":
                subject = "child" if concept == "age_under_16" else "other"
            context = Context(subject=subject, cue=age.words)
            mentions.append(Mention(concept, 0, age.words, context))
    others = [a.years for a in annotation.ages if a.subject != "self"]
    if others and min(others) >= CHILD_AGE:
        # "My daughter is 17": a son or daughter of 16 or more is no child here.
        mentions = [
            m._replace(context=m.context._replace(subject="other"))
            if m.context.subject == "child"
            else m
            for m in mentions
        ]
    return mine_too(for_whom(text, mentions, reader), annotation), annotation


def _age_concept(years: int) -> str:
    if years < CHILD_AGE:
        return "age_under_16"
    if years >= OLDER_AGE:
        return "age_50_plus"
    return ""


def age_mentions(conditions: Iterable[str]) -> list[Mention]:
    """Turn the health screen's age into mentions the rules can use."""
    ages = {"age_50_plus": "age_50_plus", "under_16": "age_under_16"}
    return [
        Mention(ages[c], -1, "your age, from your health screen", Context())
        for c in conditions
        if c in ages
    ]
