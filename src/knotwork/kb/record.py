"""``@record``: dataclass-like classes without the ``dataclasses`` module.

``dataclasses`` costs a command twice: importing it pulls in ``inspect`` and
``ast`` (about 10 ms, most of a ``python -c pass``), and each decorated class
has eight methods written and compiled (about a quarter of ``where``).
``record`` reads the same annotations, keeps its own ``Field`` table and gives
every class the same few generic methods, written once. ``fields``,
``asdict``, ``replace`` and ``is_dataclass`` here accept records and real
dataclasses alike, so the rest of the code asks this module, never
``dataclasses``. mypy sees a dataclass (``dataclass_transform``).

What differs from ``@dataclass``: instances keep their values in an ordinary
``__dict__`` (no slots), and ``__init__`` takes its arguments generically.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar, dataclass_transform, overload

T = TypeVar("T", bound=type)
R = TypeVar("R")
_CLASSVAR_PREFIXES = ("ClassVar", "typing.ClassVar", "t.ClassVar")
# Every record class, so the web app can present them to pydantic as the
# dataclasses they imitate (see ``present_as_dataclasses``).
_RECORDS: list[tuple[type, bool]] = []
_PRESENTED = False


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()


class FrozenInstanceError(AttributeError):
    """A frozen record was assigned to."""


class Field:
    """One field of a record: its name, default and how it takes part."""

    __slots__ = (
        "name",
        "type",
        "default",
        "default_factory",
        "init",
        "repr",
        "compare",
        "metadata",
        "kw_only",
    )

    def __init__(
        self,
        default: Any,
        default_factory: Any,
        init: bool,
        repr: bool,  # noqa: A002 - the dataclasses name
        compare: bool,
        metadata: Mapping[str, Any] | None,
        kw_only: Any,
    ) -> None:
        self.name = ""
        self.type: Any = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.compare = compare
        self.metadata: Mapping[str, Any] = metadata or {}
        self.kw_only = kw_only


def field(
    *,
    default: Any = MISSING,
    default_factory: Any = MISSING,
    init: bool = True,
    repr: bool = True,  # noqa: A002 - the dataclasses name
    compare: bool = True,
    metadata: Mapping[str, Any] | None = None,
    kw_only: Any = MISSING,
) -> Any:
    """Describe a field, as ``dataclasses.field`` does."""
    return Field(default, default_factory, init, repr, compare, metadata, kw_only)


@overload
def record(cls: T, /) -> T: ...
@overload
def record(
    *, kw_only: bool = False, eq: bool = True, frozen: bool = True
) -> Callable[[T], T]: ...


@dataclass_transform(frozen_default=True, field_specifiers=(field, Field))
def record(
    cls: T | None = None,
    /,
    *,
    kw_only: bool = False,
    eq: bool = True,
    frozen: bool = True,
) -> T | Callable[[T], T]:
    """Make ``cls`` a record, as ``@dataclass(frozen=True)`` would."""

    def wrap(cls: T) -> T:
        return _build(cls, kw_only=kw_only, eq=eq, frozen=frozen)

    return wrap if cls is None else wrap(cls)


def present_as_dataclasses() -> None:
    """Give every record (now and later) the marks of a real dataclass.

    FastAPI and pydantic read response types through ``dataclasses``; the web
    app, which pays for that import anyway, calls this once at start-up.
    """
    global _PRESENTED
    _PRESENTED = True
    for cls, frozen in _RECORDS:
        _present(cls, frozen)


def _present(cls: type, frozen: bool) -> None:
    import dataclasses

    table = {}
    for f in cls.__record_fields__.values():  # type: ignore[attr-defined]
        real: Any = dataclasses.field(
            default=dataclasses.MISSING if f.default is MISSING else f.default,
            default_factory=(
                dataclasses.MISSING
                if f.default_factory is MISSING
                else f.default_factory
            ),
            init=f.init,
            repr=f.repr,
            compare=f.compare,
            metadata=f.metadata,
            kw_only=f.kw_only,
        )
        real.name, real.type = f.name, f.type
        real._field_type = dataclasses._FIELD  # type: ignore[attr-defined]
        table[f.name] = real
    cls.__dataclass_fields__ = table  # type: ignore[attr-defined]
    cls.__dataclass_params__ = dataclasses._DataclassParams(  # type: ignore[attr-defined]
        True, True, True, False, False, frozen
    )


def is_dataclass(obj: Any) -> bool:
    """Whether ``obj`` is a record or a dataclass, or an instance of one."""
    kind = obj if isinstance(obj, type) else type(obj)
    return hasattr(kind, "__record_fields__") or hasattr(kind, "__dataclass_fields__")


def fields(obj: Any) -> tuple[Any, ...]:
    """Return the fields of a record or dataclass (class or instance)."""
    kind = obj if isinstance(obj, type) else type(obj)
    table = getattr(kind, "__record_fields__", None)
    if table is not None:
        return tuple(table.values())
    import dataclasses

    return dataclasses.fields(obj)


def asdict(obj: Any) -> dict[str, Any]:
    """Return a record's fields as a dict, recursing as ``dataclasses.asdict``."""
    if not is_dataclass(obj) or isinstance(obj, type):
        raise TypeError("asdict() should be called on record instances")
    return {f.name: _plain(getattr(obj, f.name)) for f in fields(obj)}


def replace(obj: R, /, **changes: Any) -> R:
    """Return a copy of ``obj`` with some fields changed."""
    for f in fields(obj):
        if not f.init:
            if f.name in changes:
                raise ValueError(f"field {f.name} cannot be changed with replace()")
            continue
        changes.setdefault(f.name, getattr(obj, f.name))
    return obj.__class__(**changes)


def _plain(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    if isinstance(value, tuple) and hasattr(value, "_fields"):
        return type(value)(*[_plain(v) for v in value])
    if isinstance(value, list | tuple):
        return type(value)(_plain(v) for v in value)
    if isinstance(value, dict):
        return type(value)((_plain(k), _plain(v)) for k, v in value.items())
    return value


def _build(cls: T, *, kw_only: bool, eq: bool, frozen: bool) -> T:
    table: dict[str, Field] = {}
    for base in reversed(cls.__mro__[1:]):
        table.update(getattr(base, "__record_fields__", {}))
    for name, annotation in cls.__dict__.get("__annotations__", {}).items():
        if isinstance(annotation, str) and annotation.startswith(_CLASSVAR_PREFIXES):
            continue
        table[name] = _field(cls, name, annotation, kw_only)
    cls.__record_fields__ = table  # type: ignore[attr-defined]
    cls.__init__ = _init(cls, table)  # type: ignore[misc]
    if frozen:
        cls.__setattr__ = _frozen_setattr  # type: ignore[assignment]
        cls.__delattr__ = _frozen_delattr  # type: ignore[assignment]
    if "__repr__" not in cls.__dict__:
        shown = tuple(f.name for f in table.values() if f.repr)
        cls.__repr__ = _repr(shown)  # type: ignore[assignment]
    if eq and "__eq__" not in cls.__dict__:
        compared = tuple(f.name for f in table.values() if f.compare)
        equal, hashed = _eq_hash(compared)
        cls.__eq__ = equal  # type: ignore[assignment]
        # As dataclass does: a mutable record that compares by value is unhashable.
        cls.__hash__ = hashed if frozen else None  # type: ignore[assignment]
    matched = tuple(f.name for f in table.values() if f.init and not f.kw_only)
    setattr(cls, "__match_args__", matched)  # noqa: B010 (mypy: class attribute)
    _RECORDS.append((cls, frozen))
    if _PRESENTED:
        _present(cls, frozen)
    return cls


def _field(cls: type, name: str, annotation: Any, kw_only: bool) -> Field:
    default = cls.__dict__.get(name, MISSING)
    if isinstance(default, Field):
        made = default
        # As dataclass does: the class attribute becomes the plain default.
        if made.default is MISSING:
            delattr(cls, name)
        else:
            setattr(cls, name, made.default)
    else:
        made = Field(default, MISSING, True, True, True, None, MISSING)
    made.name = name
    made.type = annotation
    if made.kw_only is MISSING:
        made.kw_only = kw_only
    return made


def _init(cls: type, table: dict[str, Field]) -> Callable[..., None]:
    names = frozenset(n for n, f in table.items() if f.init)
    positional = tuple(n for n, f in table.items() if f.init and not f.kw_only)
    defaults = {n: f.default for n, f in table.items() if f.default is not MISSING}
    factories = tuple(
        (n, f.default_factory)
        for n, f in table.items()
        if f.default_factory is not MISSING
    )
    # Fields set by __post_init__ (init=False, no default) are not counted.
    count = len(names | defaults.keys() | {n for n, _ in factories})
    post_init = getattr(cls, "__post_init__", None)
    qualname = cls.__qualname__

    def __init__(self: object, *args: Any, **kwargs: Any) -> None:
        if args:
            if len(args) > len(positional):
                raise TypeError(f"{qualname}() takes too many positional arguments")
            for name, value in zip(positional, args, strict=False):
                if name in kwargs:
                    raise TypeError(f"{qualname}() got two values for '{name}'")
                kwargs[name] = value
        if not names.issuperset(kwargs):
            unknown = sorted(set(kwargs) - names)
            raise TypeError(f"{qualname}() got an unexpected argument '{unknown[0]}'")
        values = {**defaults, **kwargs}
        for name, factory in factories:
            if name not in values:
                values[name] = factory()
        if len(values) != count:
            missing = [n for n in names if n not in values]
            raise TypeError(f"{qualname}() is missing {', '.join(missing)}")
        object.__setattr__(self, "__dict__", values)
        if post_init is not None:
            post_init(self)

    __init__.__qualname__ = f"{qualname}.__init__"
    return __init__


def _frozen_setattr(self: object, name: str, value: object) -> None:
    raise FrozenInstanceError(f"cannot assign to field '{name}'")


def _frozen_delattr(self: object, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field '{name}'")


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
