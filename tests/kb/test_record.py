"""``@record`` behaves as ``@dataclass(frozen=True)`` for everything knotwork uses."""

from __future__ import annotations

import dataclasses
from typing import ClassVar

import pytest
from hypothesis import given
from hypothesis import strategies as st

from knotwork.kb import record as records
from knotwork.kb.record import field, record


@record
class Point:
    x: int
    y: int = 0
    tags: tuple[str, ...] = field(default=(), compare=False)
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
    items: list[int] = field(default_factory=list)
    size: int = field(init=False, repr=False, compare=False)

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
    assert records.asdict(ours) == dataclasses.asdict(theirs)
    assert records.asdict(theirs) == dataclasses.asdict(theirs)
    assert [f.name for f in records.fields(ours)] == ["x", "y", "tags"]
    assert repr(ours) == repr(theirs).replace("ReferencePoint", "Point")
    assert hash(ours) == hash(Point(x, y))  # tags are not compared
    assert ours == Point(x, y) and ours != Point(x + 1, y)
    assert records.replace(ours, y=y + 1) == Point(x, y + 1)
    assert Point.__match_args__ == ReferencePoint.__match_args__
    assert records.is_dataclass(ours) and Point.LIMIT == 10


@record(frozen=False)
class Counter:
    count: int = 0


def test_a_mutable_record_changes_and_is_unhashable() -> None:
    counter = Counter()
    counter.count += 1
    assert counter == Counter(1)
    with pytest.raises(TypeError):
        hash(counter)


def test_records_load_without_the_dataclasses_module() -> None:
    # Importing dataclasses costs a command about 10 ms (it pulls in inspect).
    import subprocess
    import sys

    code = (
        "import sys, io, contextlib\n"
        "from knotwork.cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['where', 'tight calf', '--json'])\n"
        "assert 'dataclasses' not in sys.modules, 'dataclasses was imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_defaults_factories_post_init_and_identity() -> None:
    first, second = Bag(name="a"), Bag(name="a")
    assert first.items == [] and first.items is not second.items
    assert Bag(name="b", items=[1, 2]).size == 2
    assert "size" not in repr(first) and first == second
    assert Identity(name="x") != Identity(name="x")  # eq=False: by identity


def test_a_record_is_frozen_and_refuses_wrong_arguments() -> None:
    point = Point(1)
    with pytest.raises(records.FrozenInstanceError):
        point.x = 2  # type: ignore[misc]
    with pytest.raises(records.FrozenInstanceError):
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
