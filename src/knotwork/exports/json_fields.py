"""Checked field access for reading an export: every problem names its place.

``Obj`` wraps one JSON object found at a path such as ``sessions[2].steps[0]``
and hands out typed values, raising ``InvalidExportField`` with that path and
what is wrong. Known ids come from the knowledge base.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable
from datetime import date, datetime
from typing import Any

from knotwork.domain import limits
from knotwork.domain.journal.records import (
    EXPERIENCE,
    POSITIONS,
    SIDES,
    STEP_KINDS,
    TOLERANCES,
    WEEKDAYS,
)
from knotwork.domain.names import (
    ball_ids,
    red_flag_ids,
    spot_ids,
    stop_sign_ids,
)
from knotwork.errors import KnotworkError

SIDE_CHOICES = SIDES
TOLERANCE_CHOICES = TOLERANCES
EXPERIENCE_CHOICES = EXPERIENCE
POSITION_CHOICES = POSITIONS
WEEKDAY_CHOICES = WEEKDAYS
# Limits match what the journal accepts, so a file that parses also imports.
ID_LENGTH = 64
LABEL_LENGTH = 80
NOTE_LENGTH = 2000


class ExportError(KnotworkError):
    """An import file that is not a valid knotwork export."""

    def __init__(self, where: str, problem: str) -> None:
        self.where = where
        self.problem = problem
        super().__init__(f"{where}: {problem}" if where else problem)


class InvalidExportField(ExportError):
    """One field of an export is missing, unknown, mistyped or out of range."""


_WANTED = {
    str: "text",
    int: "a whole number",
    float: "a number",
    bool: "true/false",
    list: "a list",
    dict: "an object",
}


def _tuple(kind: type | tuple[type, ...]) -> tuple[type, ...]:
    return kind if isinstance(kind, tuple) else (kind,)


def _encodable(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate such as "\ud800"
        return False
    return True


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    return _WANTED.get(type(value), "a number")


class Obj:
    """One JSON object at a known path, with exactly the expected keys."""

    def __init__(self, value: Any, where: str, keys: Collection[str]) -> None:
        self.where = where
        if not isinstance(value, dict):
            raise InvalidExportField(where, f"expected an object, found {_kind(value)}")
        missing = [k for k in keys if k not in value]
        if missing:
            raise InvalidExportField(where, f"missing field '{missing[0]}'")
        unknown = sorted(k for k in value if k not in keys)
        if unknown:
            raise InvalidExportField(where, f"unknown field '{unknown[0]}'")
        self.data: dict[str, Any] = value

    def _at(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def fail(self, key: str, problem: str) -> InvalidExportField:
        """Return the error for a bad value under ``key``."""
        return InvalidExportField(self._at(key), problem)

    def _get(self, key: str, kind: type | tuple[type, ...], optional: bool) -> Any:
        value = self.data[key]
        if value is None and optional:
            return None
        if not isinstance(value, kind) or (
            bool not in _tuple(kind) and isinstance(value, bool)
        ):
            wanted = " or ".join(_WANTED[k] for k in _tuple(kind))
            raise self.fail(key, f"expected {wanted}, found {_kind(value)}")
        return value

    def _string(self, key: str, optional: bool, limit: int, empty_ok: bool) -> Any:
        value = self._get(key, str, optional)
        if value is None:
            return None
        if len(value) > limit or (not empty_ok and not value.strip()):
            raise self.fail(key, f"must be {int(not empty_ok)} to {limit} characters")
        if "\x00" in value or not _encodable(value):
            raise self.fail(key, "holds characters that are not plain text")
        return value

    def label(self, key: str, limit: int = LABEL_LENGTH, optional: bool = False) -> Any:
        """Return a non-blank string of at most ``limit`` characters (or None)."""
        return self._string(key, optional, limit, empty_ok=False)

    def text(self, key: str, limit: int = NOTE_LENGTH) -> Any:
        """Return free text of at most ``limit`` characters, or None."""
        return self._string(key, True, limit, empty_ok=True)

    def choice(self, key: str, choices: Iterable[str], optional: bool = False) -> Any:
        """Return one of ``choices`` (or None)."""
        value = self._get(key, str, optional)
        allowed = tuple(choices)
        if value is not None and value not in allowed:
            raise self.fail(key, f"'{value}' is not one of {', '.join(allowed)}")
        return value

    def _known(self, key: str, known: frozenset[str], what: str, optional: bool) -> Any:
        value = self._get(key, str, optional)
        if value is not None and value not in known:
            raise self.fail(key, f"unknown {what} '{value}'")
        return value

    def spot(self, key: str, optional: bool = False) -> Any:
        """Return a known muscle or region id."""
        return self._known(key, spot_ids(), "muscle or region", optional)

    def step_target(self, key: str) -> Any:
        """Return a known muscle or region id, or a step kind such as 'retest'."""
        known = spot_ids() | frozenset(STEP_KINDS)
        return self._known(key, known, "muscle, region or step kind", False)

    def ball(self, key: str, optional: bool = False) -> Any:
        """Return a known ball id."""
        return self._known(key, ball_ids(), "ball", optional)

    def stop_sign(self, key: str) -> Any:
        """Return a known stop-sign id."""
        return self._known(key, stop_sign_ids(), "stop sign", False)

    def red_flag(self, key: str, optional: bool = False) -> Any:
        """Return a known red-flag id."""
        return self._known(key, red_flag_ids(), "red flag", optional)

    def whole(self, key: str, low: int, high: int, optional: bool = False) -> Any:
        """Return a whole number from low to high (or None)."""
        value = self._get(key, int, optional)
        if value is not None and not low <= value <= high:
            raise self.fail(key, f"{value} is not a whole number from {low} to {high}")
        return value

    def score(self, key: str, optional: bool = False) -> Any:
        """Return a 0-10 score (or None)."""
        return self.whole(key, 0, 10, optional)

    def number(self, key: str, low: float, high: float, optional: bool = False) -> Any:
        """Return a finite number from low to high as a float (or None)."""
        value = self._get(key, (int, float), optional)
        if value is None:
            return None
        if not math.isfinite(value) or not low <= value <= high:
            raise self.fail(key, f"{value} is not a number from {low:g} to {high:g}")
        return float(value)

    def flag(self, key: str) -> Any:
        """Return true or false."""
        return self._get(key, bool, False)

    def moment(self, key: str, optional: bool = False) -> Any:
        """Return an ISO 8601 date and time with a time-zone offset (or None)."""
        value = self._get(key, str, optional)
        if value is None:
            return None
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            raise self.fail(key, f"'{value}' is not an ISO date and time") from None
        if moment.tzinfo is None:
            raise self.fail(key, f"'{value}' needs a time-zone offset such as +00:00")
        try:
            return limits.check_moment(moment, "it")
        except limits.OutOfRange as error:
            raise self.fail(key, str(error)) from None

    def day(self, key: str, optional: bool = False) -> Any:
        """Return an ISO 8601 date (or None)."""
        value = self._get(key, str, optional)
        if value is None:
            return None
        try:
            day = date.fromisoformat(value)
        except ValueError:
            raise self.fail(key, f"'{value}' is not an ISO date (YYYY-MM-DD)") from None
        try:
            return limits.check_day(day, "it")
        except limits.OutOfRange as error:
            raise self.fail(key, str(error)) from None

    def ids(self, key: str, known: Iterable[str]) -> list[str]:
        """Return a list of distinct ids, each one of ``known``."""
        values = self._get(key, list, False)
        allowed = frozenset(known)
        for i, value in enumerate(values):
            where = f"{self._at(key)}[{i}]"
            if not isinstance(value, str) or value not in allowed:
                raise InvalidExportField(where, f"unknown value {value!r}")
            if value in values[:i]:
                raise InvalidExportField(where, f"'{value}' appears twice")
        return list(values)

    def labels(self, key: str, limit: int, most: int) -> list[str]:
        """Return a list of at most ``most`` distinct non-blank strings."""
        values = self._get(key, list, False)
        if len(values) > most:
            raise self.fail(key, f"lists more than {most} values")
        for i, value in enumerate(values):
            where = f"{self._at(key)}[{i}]"
            if not isinstance(value, str) or not 0 < len(value.strip()) <= limit:
                raise InvalidExportField(where, f"expected 1 to {limit} characters")
            if value in values[:i]:
                raise InvalidExportField(where, f"'{value}' appears twice")
        return list(values)

    def scores(self, key: str) -> dict[str, int]:
        """Return an object mapping spot ids to 0-10 scores."""
        value = self._get(key, dict, False)
        out: dict[str, int] = {}
        for spot, score in value.items():
            where = f"{self._at(key)}.{spot}"
            if spot not in spot_ids():
                raise InvalidExportField(where, f"unknown muscle or region '{spot}'")
            if isinstance(score, bool) or not isinstance(score, int):
                raise InvalidExportField(where, f"expected a number, found {score!r}")
            if not 0 <= score <= 10:
                raise InvalidExportField(where, f"{score} is not a score from 0 to 10")
            out[spot] = score
        return out

    def json_object(self, key: str) -> dict[str, Any]:
        """Return a plain JSON object, kept as it is."""
        value: dict[str, Any] = self._get(key, dict, False)
        return value

    def child(self, key: str, keys: Collection[str], optional: bool = False) -> Any:
        """Return the object under ``key`` as an ``Obj`` (or None)."""
        value = self.data[key]
        if value is None and optional:
            return None
        return Obj(value, self._at(key), keys)

    def children(self, key: str, keys: Collection[str]) -> list[Obj]:
        """Return each object in the list under ``key`` as an ``Obj``."""
        values = self._get(key, list, False)
        return [Obj(v, f"{self._at(key)}[{i}]", keys) for i, v in enumerate(values)]
