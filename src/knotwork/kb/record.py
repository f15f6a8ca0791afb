"""``@record``: a frozen dataclass without the code generation.

``dataclasses.dataclass`` writes and compiles up to eight methods for every
class it creates, which for the ~90 frozen records a command imports was the
largest single cost of starting one (about a quarter of ``where``). ``record``
builds the same ``Field`` table, so ``fields``, ``asdict``, ``replace`` and
``is_dataclass`` work unchanged, and gives every class the same few generic
methods, written once, that read that table.

What differs from ``@dataclass(frozen=True)``: instances keep their values in
an ordinary ``__dict__`` (no slots), and ``__init__`` takes its arguments
generically. mypy sees a frozen dataclass (``dataclass_transform``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, TypeVar, dataclass_transform, overload

T = TypeVar("T", bound=type)

_MISSING = dataclasses.MISSING
# dataclasses marks a real field (not a ClassVar or InitVar) with this value;
# fields() and asdict() keep only those. Checked by the record tests.
_FIELD = dataclasses._FIELD  # type: ignore[attr-defined]
_CLASSVAR_PREFIXES = ("ClassVar", "typing.ClassVar", "t.ClassVar")


@overload
def record(cls: T, /) -> T: ...
@overload
def record(*, kw_only: bool = False, eq: bool = True) -> Callable[[T], T]: ...


@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field,))
def record(
    cls: T | None = None, /, *, kw_only: bool = False, eq: bool = True
) -> T | Callable[[T], T]:
    """Make ``cls`` a frozen record, as ``@dataclass(frozen=True)`` would."""

    def wrap(cls: T) -> T:
        return _build(cls, kw_only=kw_only, eq=eq)

    return wrap if cls is None else wrap(cls)


def _build(cls: T, *, kw_only: bool, eq: bool) -> T:
    table: dict[str, dataclasses.Field[Any]] = {}
    for base in reversed(cls.__mro__[1:]):
        table.update(getattr(base, "__dataclass_fields__", {}))
    for name, annotation in cls.__dict__.get("__annotations__", {}).items():
        if isinstance(annotation, str) and annotation.startswith(_CLASSVAR_PREFIXES):
            continue
        table[name] = _field(cls, name, annotation, kw_only)
    cls.__dataclass_fields__ = table  # type: ignore[attr-defined]
    cls.__init__ = _init(cls, table)  # type: ignore[misc]
    cls.__setattr__ = _frozen_setattr  # type: ignore[assignment]
    cls.__delattr__ = _frozen_delattr  # type: ignore[assignment]
    if "__repr__" not in cls.__dict__:
        cls.__repr__ = _repr(tuple(f.name for f in table.values() if f.repr))  # type: ignore[assignment]
    if eq and "__eq__" not in cls.__dict__:
        compared = tuple(f.name for f in table.values() if f.compare)
        cls.__eq__, cls.__hash__ = _eq_hash(compared)  # type: ignore[assignment]
    matched = tuple(f.name for f in table.values() if f.init and not f.kw_only)
    setattr(cls, "__match_args__", matched)  # noqa: B010 (mypy: class attribute)
    return cls


def _field(
    cls: type, name: str, annotation: Any, kw_only: bool
) -> dataclasses.Field[Any]:
    default = cls.__dict__.get(name, _MISSING)
    if isinstance(default, dataclasses.Field):
        made = default
        # As dataclass does: the class attribute becomes the plain default.
        if made.default is _MISSING:
            delattr(cls, name)
        else:
            setattr(cls, name, made.default)
    else:
        made = dataclasses.field(default=default)
    made.name = name
    made.type = annotation
    made._field_type = _FIELD  # type: ignore[attr-defined]
    if made.kw_only is _MISSING:
        made.kw_only = kw_only
    return made


def _init(cls: type, table: dict[str, dataclasses.Field[Any]]) -> Callable[..., None]:
    names = frozenset(n for n, f in table.items() if f.init)
    positional = tuple(n for n, f in table.items() if f.init and not f.kw_only)
    defaults = {n: f.default for n, f in table.items() if f.default is not _MISSING}
    factories = tuple(
        (n, f.default_factory)
        for n, f in table.items()
        if f.default_factory is not _MISSING
    )
    # Fields set by __post_init__ (init=False, no default) are not counted.
    count = len(names | defaults.keys() | {n for n, _ in factories})
    post_init = getattr(cls, "__post_init__", None)
    qualname = cls.__qualname__

    def __init__(self: object, *args: Any, **kwargs: Any) -> None:
        if args:
            if len(args) > len(positional):
                raise TypeError(
                    f"{qualname}() takes at most {len(positional)} positional arguments"
                )
            for name, value in zip(positional, args, strict=False):
                if name in kwargs:
                    raise TypeError(
                        f"{qualname}() got multiple values for argument '{name}'"
                    )
                kwargs[name] = value
        if not names.issuperset(kwargs):
            unknown = sorted(set(kwargs) - names)
            raise TypeError(
                f"{qualname}() got an unexpected keyword argument '{unknown[0]}'"
            )
        values = {**defaults, **kwargs}
        for name, factory in factories:
            if name not in values:
                values[name] = factory()
        if len(values) != count:
            missing = [n for n in names if n not in values]
            raise TypeError(
                f"{qualname}() missing required argument(s): {', '.join(missing)}"
            )
        object.__setattr__(self, "__dict__", values)
        if post_init is not None:
            post_init(self)

    __init__.__qualname__ = f"{qualname}.__init__"
    return __init__


def _frozen_setattr(self: object, name: str, value: object) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot assign to field '{name}'")


def _frozen_delattr(self: object, name: str) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot delete field '{name}'")


def _repr(shown: tuple[str, ...]) -> Callable[[object], str]:
    def __repr__(self: object) -> str:
        inner = ", ".join(f"{name}={getattr(self, name)!r}" for name in shown)
        return f"{type(self).__qualname__}({inner})"

    return __repr__


def _eq_hash(
    compared: tuple[str, ...],
) -> tuple[Callable[[object, object], bool], Callable[[object], int]]:
    def values(self: object) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in compared)

    def __eq__(self: object, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return values(self) == values(other)

    def __hash__(self: object) -> int:
        return hash(values(self))

    return __eq__, __hash__
