"""One place for names and positions: every id has a name, every list agrees."""

from __future__ import annotations

from typing import get_args

from knotwork.domain.names import (
    POSITIONS,
    count,
    name_of,
    names,
    short_name,
    strength,
)
from knotwork.kb import models
from knotwork.kb.loader import load_kb
from knotwork.web import fields


def test_every_knowledge_id_has_its_display_name() -> None:
    kb = load_kb()
    for things in (kb.muscles, kb.regions, kb.balls, kb.conditions, kb.red_flags):
        for thing in things:
            assert names()[thing.id] == thing.name
    assert name_of("retest") == "re-test"
    assert name_of("sustained_compression") == "hold still on the spot"
    assert name_of("no_such_thing") == "no such thing"
    assert short_name("calf") == "Calf"


def test_the_typed_position_lists_agree_with_the_one_list() -> None:
    assert get_args(models.Position) == POSITIONS
    assert get_args(fields.Position) == POSITIONS


def test_counts_read_as_english() -> None:
    assert count(1, "position change") == "1 position change"
    assert count(2, "re-test") == "2 re-tests"
    assert count(0, "entry", "entries") == "0 entries"
    assert [strength(s) for s in (0.9, 0.6, 0.3, 0.1)] == [
        "strong", "likely", "possible", "weak",
    ]  # fmt: skip
