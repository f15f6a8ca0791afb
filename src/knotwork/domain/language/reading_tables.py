"""The phrase matchers and speller that read a description, derived from the KB.

Every table here is computed from the knowledge base objects: nothing is
written twice. Stemming the few thousand lexicon phrases is the slow part,
so the derived tables are kept by ``kb.cache`` between processes, keyed by
the knowledge files and by this code.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from knotwork.domain.language import denial, phrases, spelling, stemming, text, words
from knotwork.domain.language.phrases import PhraseMatcher
from knotwork.domain.language.reach import Trigger
from knotwork.domain.language.spelling import Speller
from knotwork.domain.language.stemming import stem
from knotwork.domain.language.text import phrase_key
from knotwork.domain.language.words import split_words
from knotwork.kb.cache import derived
from knotwork.kb.loader import load_kb
from knotwork.kb.models import KnowledgeBase
from knotwork.kb.record import record

# How strongly a lay name or a cue word points at its muscle.
LAY_NAME_WEIGHT, CUE_WEIGHT = 1.0, 0.6
# Safety words shorter than this are too close to ordinary ones to correct
# towards: "potty" must not become "port".
MIN_SAFETY_TARGET = 6
MATCHERS = ("regions", "muscles", "syndromes", "sides", "concepts", "veto")


@record
class ReadingTables:
    """What the reader matches a description against."""

    regions: PhraseMatcher[dict[str, float]]
    muscles: PhraseMatcher[tuple[str, float]]
    syndromes: PhraseMatcher[str]
    sides: PhraseMatcher[str]
    concepts: PhraseMatcher[str]
    veto: PhraseMatcher[str]
    # Context triggers ("my mum has", "years ago") by their index in ``triggers``.
    context: PhraseMatcher[int]
    triggers: tuple[Trigger, ...]
    body_stems: frozenset[str]
    speller: Speller


def _keys(phrases: tuple[str, ...]) -> list[tuple[str, ...]]:
    return [k for k in dict.fromkeys(phrase_key(p) for p in phrases) if k]


def derive(kb: KnowledgeBase) -> dict[str, Any]:
    """Return the matcher and speller tables for a knowledge base, as plain data."""
    region_phrases: list[tuple[tuple[str, ...], dict[str, float]]] = []
    for region in kb.regions:
        region_phrases += [(k, {region.id: 1.0}) for k in _keys(region.phrases)]
    for word in kb.lexicon.general:
        region_phrases += [(k, dict(word.regions)) for k in _keys(word.phrases)]
    muscle_phrases: list[tuple[tuple[str, ...], tuple[str, float]]] = []
    for m in kb.muscles:
        muscle_phrases += [(k, (m.id, LAY_NAME_WEIGHT)) for k in _keys(m.lay_names)]
        muscle_phrases += [(k, (m.id, CUE_WEIGHT)) for k in _keys(m.cues)]
    safety = kb.safety_patterns
    matchers: dict[str, PhraseMatcher[Any]] = {
        "regions": PhraseMatcher.build(region_phrases),
        "muscles": PhraseMatcher.build(muscle_phrases),
        "syndromes": PhraseMatcher.build(
            (k, s.id) for s in kb.lexicon.syndromes for k in _keys(s.phrases)
        ),
        "sides": PhraseMatcher.build(
            (k, side) for side, ps in kb.lexicon.sides.items() for k in _keys(ps)
        ),
        "concepts": PhraseMatcher.build(
            (k, c) for c, ps in safety.concepts.items() for k in _keys(ps)
        ),
        # A look-alike's payload names the concept it hides; "veto" hides all.
        "veto": PhraseMatcher.build(
            [(k, "veto") for k in _keys(safety.veto)]
            + [(k, c) for c, ps in safety.look_alikes.items() for k in _keys(ps)]
        ),
    }
    triggers = kb.context.triggers
    # Context triggers keep filler words: "could this be" is not "could be".
    context = PhraseMatcher.build(
        (phrase_key(p, keep_filler=True), i)
        for i, t in enumerate(triggers)
        for p in t.phrases
    )
    body = {s for name in MATCHERS[:4] for s in matchers[name].stems()}
    safety_only = {s for name in MATCHERS[4:] for s in matchers[name].stems()}
    lexicon_stems = body | {
        s for s in safety_only - body if len(s) >= MIN_SAFETY_TARGET
    }
    prose = " ".join(
        " ".join([m.location, m.how_to_find, *m.symptoms, *m.aggravators])
        for m in kb.muscles
    )
    common = {stem(w) for w in split_words(prose) if w.isalpha()}
    # The context words are known words too: "now" must never become "new".
    common |= {s for t in triggers for p in t.phrases for s in phrase_key(p, True)}
    common |= _everyday_words()
    # Safety words as written, for typing slips: "numbess", "pregant".
    whole_words = {
        w: stem(w)
        for ps in safety.concepts.values()
        for p in ps
        for w in split_words(p)
        if w.isalpha() and len(w) >= MIN_SAFETY_TARGET and stem(w) in safety_only
    }
    speller = Speller.build(
        lexicon_stems, common | body | safety_only, safety_only - body, whole_words
    )
    return {
        "matchers": {name: m.index for name, m in matchers.items()},
        "context": context.index,
        # Words that name a body part on their own ("knee", "traps"), not every
        # word of every region phrase ("two", "day", "office").
        "body_stems": frozenset(
            key[0]
            for name in ("regions", "muscles")
            for key, payloads in _single_words(matchers[name])
            if any(_names_a_part(p) for p in payloads)
        )
        # Words that lead into a part's name: "one of my lower legs".
        | {stem(w) for w in _PART_MODIFIERS},
        "speller": speller.table(),
    }


_PART_MODIFIERS = [
    "lower",
    "upper",
    "inner",
    "outer",
    "mid",
    "middle",
    "top",
    "bottom",
    "front",
    "side",
    "big",
    "little",
    "left",
    "right",
    "both",
]


def _single_words(matcher: PhraseMatcher[Any]) -> list[tuple[tuple[str, ...], Any]]:
    """Return the one-word phrases of a matcher, with their payloads."""
    return [
        (key, payloads) for key, payloads in matcher.phrases().items() if len(key) == 1
    ]


def _names_a_part(payload: Any) -> bool:
    """Whether a region or muscle payload names a body part, not "no place"."""
    if isinstance(payload, dict):
        return bool(payload)  # "backseat", "ballet": words that name no region
    return bool(payload[1] == LAY_NAME_WEIGHT)  # a muscle's name, not a cue


# How often a word must occur in the spelling dictionary's English corpus to
# count as an everyday word. At this bar "hunt", "broker" and "reception" are
# words; typing slips such as "shouldr" or "hamstrng" are not.
EVERYDAY_COUNT = 500


def _everyday_words() -> set[str]:
    """Return the stems of common English words, which are never "corrected".

    Without them the speller turned an Easter egg "hunt" into "hurt" and a
    "reception" class into urinary "retention". Read once, when the derived
    tables are built; the result is cached with them.
    """
    from spellchecker import SpellChecker

    counts = SpellChecker(language="en", distance=1).word_frequency.dictionary
    return {stem(w) for w, n in counts.items() if n >= EVERYDAY_COUNT and w.isalpha()}


def tables_from(data: dict[str, Any], kb: KnowledgeBase) -> ReadingTables:
    """Return typed tables from the ones ``derive`` made for this knowledge base."""
    matchers = data["matchers"]
    speller = data["speller"]
    return ReadingTables(
        regions=PhraseMatcher(matchers["regions"]),
        muscles=PhraseMatcher(matchers["muscles"]),
        syndromes=PhraseMatcher(matchers["syndromes"]),
        sides=PhraseMatcher(matchers["sides"]),
        concepts=PhraseMatcher(matchers["concepts"]),
        veto=PhraseMatcher(matchers["veto"]),
        context=PhraseMatcher(data["context"]),
        triggers=tuple(
            Trigger(
                category=t.category,
                direction=t.direction,
                scope=t.scope,
                window=t.window,
                applies_to=frozenset(t.applies_to),
                unless_next=frozenset(stem(w) for w in t.unless_next),
                unless_next_body=t.unless_next_body,
            )
            for t in kb.context.triggers
        ),
        body_stems=data["body_stems"],
        speller=Speller(
            speller["known"], speller["targets"], speller["raw_only"], speller["words"]
        ),
    )


@cache
def reading_tables() -> ReadingTables:
    """Return the tables for the packaged knowledge base, derived once."""
    kb = load_kb()
    # Every module whose logic shapes the tables: an edit to any derives them again.
    code = (
        words.__file__,
        denial.__file__,
        stemming.__file__,
        text.__file__,
        spelling.__file__,
        phrases.__file__,
        __file__,
    )
    return tables_from(derived("reading", code, lambda: derive(kb)), kb)
