"""``@record`` behaves as ``@dataclass(frozen=True)`` for everything knotwork uses."""

from __future__ import annotations

import dataclasses
from typing import ClassVar

import pytest
from hypothesis import given
from hypothesis import strategies as st

from knotwork.kb.record import record


@record
class Point:
    x: int
    y: int = 0
    tags: tuple[str, ...] = dataclasses.field(default=(), compare=False)
    LIMIT: ClassVar[int] = 10


@dataclasses.dataclass(frozen=True)
class ReferencePoint:
    x: int
    y: int = 0
    tags: tuple[str, ...] = dataclasses.field(default=(), compare=False)
    LIMIT: ClassVar[int] = 10


@record(kw_only=True)
class Bag:
    name: str
    items: list[int] = dataclasses.field(default_factory=list)
    size: int = dataclasses.field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "size", len(self.items))


@record(kw_only=True, eq=False)
class Identity:
    name: str


@given(st.integers(), st.integers(), st.lists(st.text(max_size=3), max_size=3))
def test_a_record_matches_the_dataclass_it_stands_for(
    x: int, y: int, tags: list[str]
) -> None:
    ours, theirs = (
        Point(x, y=y, tags=tuple(tags)),
        ReferencePoint(x, y=y, tags=tuple(tags)),
    )
    assert dataclasses.asdict(ours) == dataclasses.asdict(theirs)
    assert [f.name for f in dataclasses.fields(ours)] == ["x", "y", "tags"]
    assert repr(ours) == repr(theirs).replace("ReferencePoint", "Point")
    assert hash(ours) == hash(Point(x, y))  # tags are not compared
    assert ours == Point(x, y) and ours != Point(x + 1, y)
    assert dataclasses.replace(ours, y=y + 1) == Point(x, y + 1)
    assert Point.__match_args__ == ReferencePoint.__match_args__
    assert dataclasses.is_dataclass(ours) and Point.LIMIT == 10


def test_defaults_factories_post_init_and_identity() -> None:
    first, second = Bag(name="a"), Bag(name="a")
    assert first.items == [] and first.items is not second.items
    assert Bag(name="b", items=[1, 2]).size == 2
    assert "size" not in repr(first) and first == second
    assert Identity(name="x") != Identity(name="x")  # eq=False: by identity


def test_a_record_is_frozen_and_refuses_wrong_arguments() -> None:
    point = Point(1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        point.x = 2  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del point.x  # type: ignore[misc]
    for wrong in (
        lambda: Point(),  # type: ignore[call-arg]
        lambda: Point(1, 2, (), 4),  # type: ignore[call-arg]
        lambda: Point(1, x=2),  # type: ignore[misc]
        lambda: Point(1, z=2),  # type: ignore[call-arg]
        lambda: Bag("positional"),  # type: ignore[misc]
        lambda: Bag(name="a", size=3),  # type: ignore[call-arg]
    ):
        with pytest.raises(TypeError):
            wrong()
