"""Tokenising, stemming, negation and spelling correction."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from knotwork.domain.language.spelling import edit_distance
from knotwork.domain.language.stemming import stem
from knotwork.domain.language.text import phrase_key, tokenize
from knotwork.domain.language.understanding import default_reader


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz'", min_size=1, max_size=14))
def test_stem_is_idempotent(word: str) -> None:
    assert stem(stem(word)) == stem(word)


def test_inflections_share_a_stem() -> None:
    assert stem("aching") == stem("aches") == stem("ache")
    assert stem("tingling") == stem("tingly") == stem("tingle")
    assert stem("swollen") == stem("swelling")
    assert phrase_key("back of my head") == phrase_key("back of the head")


def test_negation_covers_the_following_words_until_a_clause_break() -> None:
    tokens = tokenize("My calf is tight but not swollen or red, and my foot is numb")
    negated = {t.raw for t in tokens if t.negated}
    assert negated == {"swollen", "red"}


def test_edit_distance_counts_transpositions_once() -> None:
    assert edit_distance("hamstirng", "hamstring", 2) == 1
    assert edit_distance("sholder", "shoulder", 1) == 1
    assert edit_distance("elbow", "knee", 1) == 2


def test_misspellings_are_corrected_towards_body_words() -> None:
    reader = default_reader()
    assert "elbow_outer" in reader.read("outer elbo pain").regions
    assert "shoulder_front" in reader.read("front of my sholder").regions
