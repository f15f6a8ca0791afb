"""Check `progress`'s input and shape its JSON.

Free of Rich, pydantic and SQLAlchemy: a scripted `progress --json` must
answer within its time budget.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from knotwork.cli.output import fail

if TYPE_CHECKING:
    from pathlib import PurePath

    from knotwork.domain.progress import ProgressReport

SPOT_HINT = "See the ids with: knotwork muscles, knotwork regions"


def parse_since(text: str | None, today: date) -> date | None:
    """Return the --since day, or fail: it must be YYYY-MM-DD and not ahead."""
    if text is None:
        return None
    try:
        day = date.fromisoformat(text)
    except ValueError:
        fail(f"'{text}' is not a date", "Use YYYY-MM-DD, e.g. --since 2025-01-31")
    if day > today:
        fail(f"--since {text} is in the future")
    from knotwork.domain.limits import OutOfRange, check_day

    try:
        return check_day(day, "--since")
    except OutOfRange as error:
        fail(str(error))


def check_report_spot(spot: str | None) -> None:
    """Fail unless the --spot id (if any) names a muscle or region."""
    if spot is None:
        return
    from knotwork.domain.progress import UnknownSpot, check_spot

    try:
        check_spot(spot)
    except UnknownSpot as error:
        fail(str(error), SPOT_HINT)


def report_json(report: ProgressReport, chart: PurePath | None) -> dict[str, Any]:
    """Return the report as `progress --json` prints it."""
    data = report.to_json()
    data["chart"] = str(chart) if chart is not None and report.trends else None
    return data
