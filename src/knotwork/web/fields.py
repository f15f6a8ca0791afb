"""Field types shared by the API's bodies: ranges, dates, ids and the base models.

They describe shapes and sane bounds only; every rule about what is allowed
stays in the domain and services, which check each request again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Annotated, Any, Literal, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    StrictBool,
    StrictInt,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, core_schema

from knotwork.domain import limits
from knotwork.domain.safety.health_screen import MAX_TEXT_CHARS
from knotwork.exports.json_export import MAX_SECONDS, MAX_STEPS
from knotwork.services.journal_checks import (
    ID_LENGTH,
    LABEL_LENGTH,
    NOTE_LENGTH,
)

TEXT_LENGTH = MAX_TEXT_CHARS  # a description of where it hurts
MAX_ITEMS = 100  # ids in one list; the whole body map has fewer regions
DayOrMoment = TypeVar("DayOrMoment", date, datetime)

Side = Literal["left", "right"]
JournalSide = Literal["left", "right", "both", "centre"]
Tolerance = Literal["low", "medium", "high"]
Experience = Literal["new", "some", "lots"]
Position = Literal["wall", "floor", "seated", "handheld"]
Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
Verdict = Literal["ok", "modify", "clinician_first", "stop"]
ExportFormat = Literal["json", "csv", "fhir", "pdf"]


@dataclass(frozen=True)
class Between:
    """Range metadata: ``Annotated[int, Between(0, 10)]``.

    Unlike ``Field(ge=..., le=...)``, the error reads "must be between 0 and
    10", naming both ends, and OpenAPI still shows minimum and maximum.
    """

    low: float
    high: float

    def check(self, value: float) -> float:
        """Return the value if it is in range, or raise."""
        if not self.low <= value <= self.high:
            raise ValueError(f"must be between {self.low:g} and {self.high:g}")
        return value

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        return core_schema.no_info_after_validator_function(self.check, handler(source))

    def __get_pydantic_json_schema__(
        self, schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        json_schema = handler(schema)
        json_schema.update(minimum=self.low, maximum=self.high)
        return json_schema


def _in_era(value: DayOrMoment) -> DayOrMoment:
    # Far-off years overflow when converted between time zones; the one range
    # shared with the CLI and import (knotwork.domain.limits) keeps them out.
    if isinstance(value, datetime):
        limits.check_moment(value, "the time")
    else:
        limits.check_day(value, "the date")
    return value


def _iso_day(value: object) -> object:
    # Pydantic would also take a number of seconds since 1970 as a date.
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise ValueError("must be a date as YYYY-MM-DD") from None
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    raise ValueError("must be a date as YYYY-MM-DD")


def _iso_moment(value: object) -> object:
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            raise ValueError(
                "must be a date and time as YYYY-MM-DDTHH:MM:SS+HH:MM"
            ) from None
    if isinstance(value, datetime):
        return value
    raise ValueError("must be a date and time as YYYY-MM-DDTHH:MM:SS+HH:MM")


Day = Annotated[date, BeforeValidator(_iso_day), AfterValidator(_in_era)]
PlanDay = Annotated[
    date,
    BeforeValidator(_iso_day),
    AfterValidator(lambda day: limits.check_plan_day(day, "the start")),
]
Moment = Annotated[datetime, BeforeValidator(_iso_moment), AfterValidator(_in_era)]
Score = Annotated[StrictInt, Between(0, 10)]
StepIndex = Annotated[StrictInt, Between(0, MAX_STEPS)]
Seconds = Annotated[StrictInt, Between(0, MAX_SECONDS)]
Id = Annotated[str, Field(max_length=ID_LENGTH)]
Ids = Annotated[list[Id], Field(max_length=MAX_ITEMS)]
Label = Annotated[str, Field(max_length=LABEL_LENGTH)]
Note = Annotated[str, Field(max_length=NOTE_LENGTH)]
Text = Annotated[str, Field(max_length=TEXT_LENGTH)]
Answers = Annotated[dict[Id, StrictBool], Field(max_length=MAX_ITEMS)]
FiniteFloat = Annotated[float, Field(strict=True, allow_inf_nan=False)]


class Create(BaseModel):
    """A request body: unknown fields are refused so typos are not ignored."""

    model_config = ConfigDict(extra="forbid")


class Public(BaseModel):
    """A response body, built from the domain's records or JSON."""

    model_config = ConfigDict(from_attributes=True)
