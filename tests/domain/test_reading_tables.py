"""The reader's matchers are derived from the knowledge base, cached or not."""

from __future__ import annotations

from knotwork.domain.language.reading_tables import derive, reading_tables, tables_from
from knotwork.domain.language.understanding import default_reader
from knotwork.domain.language.words import BOUNDARIES, split_words
from knotwork.kb.loader import load_kb


def test_cached_tables_equal_a_fresh_derivation() -> None:
    kb = load_kb()
    fresh = tables_from(derive(kb), kb)
    cached = reading_tables()
    for name in ("regions", "muscles", "syndromes", "sides", "concepts", "veto"):
        assert getattr(fresh, name).index == getattr(cached, name).index, name
    assert fresh.context.index == cached.context.index
    assert fresh.triggers == cached.triggers
    assert fresh.body_stems == cached.body_stems
    assert fresh.speller.table() == cached.speller.table()


def test_lay_names_and_region_phrases_read_as_what_they_name() -> None:
    reader = default_reader()
    assert "upper_trapezius" in reader.read("sore traps").muscles
    for phrase in load_kb().region("heel").phrases:
        assert reader.read(phrase).regions.get("heel") == 1.0, phrase


def test_no_context_cue_holds_a_clause_boundary() -> None:
    # A cue never spans a clause, so "ever since" would only ever match as
    # "ever" and "as though" as "as": such phrases silently mean something else.
    # A "since" that ends its clause ("I've felt fine since.") opens none, so
    # it may end a cue. A boundary word opens the clause it starts, so a cue
    # may begin with one ("since my second" pregnancy).
    triggers = load_kb().context.triggers
    spanning = [
        p
        for t in triggers
        for p in t.phrases
        if set(split_words(p.removesuffix(" since"))[1:]) & BOUNDARIES
    ]
    assert spanning == []


def test_a_since_that_ends_its_clause_opens_none() -> None:
    reader = default_reader()
    for text in ("felt fine since, just stiff", "felt fine since."):
        clause = {t.raw: t.clause for t in reader.annotated(text)[0]}
        assert clause["fine"] == clause["since"], text
    clause = {t.raw: t.clause for t in reader.annotated("fine since the op")[0]}
    assert clause["fine"] != clause["op"]


def test_no_look_alike_shrinks_to_one_word() -> None:
    # Keys drop filler words: "like sciatica" would become "sciatica" and hide
    # every mention of it. A look-alike of one concept keeps two words or more.
    from knotwork.domain.language.text import phrase_key

    look_alikes = load_kb().safety_patterns.look_alikes
    phrases = [p for ps in look_alikes.values() for p in ps]
    shrunk = [p for p in phrases if len(phrase_key(p)) < 2]
    assert shrunk == []


def test_no_phrase_of_several_words_shrinks_to_one() -> None:
    # "a temp" became "temp" and made a temping job a fever; "like ants" made
    # ants in the garden pins and needles. A phrase written as several words
    # must keep several after its filler words go; one word is written as one.
    from knotwork.domain.language.text import phrase_key

    patterns = load_kb().safety_patterns
    phrases = [p for ps in patterns.concepts.values() for p in ps]
    phrases += list(patterns.veto)
    shrunk = [p for p in phrases if len(p.split()) > 1 and len(phrase_key(p)) < 2]
    assert shrunk == []
