"""The API's field types agree with the domain and read well when wrong."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, get_args

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError

from knotwork.cli.progress_commands import FORMATS
from knotwork.domain.journal.records import (
    EXPERIENCE,
    POSITIONS,
    SIDES,
    TOLERANCES,
    WEEKDAYS,
)
from knotwork.web.fields import (
    Between,
    Day,
    Experience,
    ExportFormat,
    JournalSide,
    Moment,
    Position,
    Score,
    Tolerance,
    Weekday,
)


@pytest.mark.parametrize(
    ("choice", "domain"),
    [
        (Position, POSITIONS),
        (Tolerance, TOLERANCES),
        (Experience, EXPERIENCE),
        (Weekday, WEEKDAYS),
        (JournalSide, SIDES),
        (ExportFormat, FORMATS),
    ],
)
def test_choices_are_the_domains_own(choice: Any, domain: tuple[str, ...]) -> None:
    assert get_args(choice) == domain


def message(kind: Any, value: object) -> str:
    with pytest.raises(ValidationError) as caught:
        TypeAdapter(kind).validate_python(value)
    return str(caught.value.errors()[0]["msg"]).removeprefix("Value error, ")


@given(st.integers())
def test_a_score_is_a_whole_number_from_0_to_10(value: int) -> None:
    adapter = TypeAdapter(Score)
    if 0 <= value <= 10:
        assert adapter.validate_python(value) == value
    else:
        assert message(Score, value) == "must be between 0 and 10"


@pytest.mark.parametrize("value", [True, 5.0, "5"])
def test_a_score_is_not_guessed_from_other_types(value: object) -> None:
    with pytest.raises(ValidationError):
        TypeAdapter(Score).validate_python(value)


def test_a_range_shows_in_the_json_schema() -> None:
    schema = TypeAdapter(Annotated[int, Between(1, 7)]).json_schema()
    assert (schema["minimum"], schema["maximum"]) == (1, 7)


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        (0, "must be a date as YYYY-MM-DD"),
        ("3 March", "must be a date as YYYY-MM-DD"),
        ("0001-01-01", "the date must be between 1900-01-01 and "),
    ],
)
def test_a_day_is_an_iso_date_in_a_sane_era(value: object, problem: str) -> None:
    assert message(Day, value).startswith(problem)


def test_a_day_and_a_moment_read_iso_text() -> None:
    assert TypeAdapter(Day).validate_python("2025-03-04") == date(2025, 3, 4)
    moment = TypeAdapter(Moment).validate_python("2025-03-04T17:30:00+01:00")
    assert moment.utcoffset() is not None and moment.hour == 17
    assert "must be a date and time" in message(Moment, 1700000000)
