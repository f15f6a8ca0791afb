"""The base of the knowledge models: value equality, hashing and repr, once.

A frozen dataclass compiles six methods per class when it is created, and
creating the ~35 model classes is most of what loading the knowledge costs a
command. The models therefore ask ``dataclass`` only for ``__init__`` and the
frozen guards (``eq=False, repr=False``) and inherit these generic versions,
which behave as the generated ones do.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any


class Record:
    """Compare, hash and show a dataclass by its fields."""

    __slots__ = ()

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, f.name) for f in fields(self) if f.compare)  # type: ignore[arg-type]

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, Record)
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        shown = fields(self)  # type: ignore[arg-type]
        inner = ", ".join(
            f"{f.name}={getattr(self, f.name)!r}" for f in shown if f.repr
        )
        return f"{type(self).__qualname__}({inner})"
