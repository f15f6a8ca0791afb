"""What `progress` does once its arguments are parsed.

Shared by the Typer command and the start-up fast path, so both check input
the same way and print the same JSON. Free of Typer, Rich, pydantic and
SQLAlchemy: a scripted `progress --json` must answer within 300 ms.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any, Protocol

from knotwork.cli.output import emit_json, fail

if TYPE_CHECKING:
    from pathlib import PurePath

    from knotwork.domain.journal_records import SavedPlan
    from knotwork.domain.progress import ProgressReport
    from knotwork.domain.records import PainEntry, Profile, RomEntry, SessionRecord

SPOT_HINT = "See the ids with: knotwork muscles, knotwork regions"


class HistoryLike(Protocol):
    """What ``Journal.history`` returns: records oldest first."""

    @property
    def pain(self) -> Sequence[PainEntry]: ...
    @property
    def rom(self) -> Sequence[RomEntry]: ...
    @property
    def sessions(self) -> Sequence[SessionRecord]: ...


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


def build_report(
    found: HistoryLike,
    profile: Profile,
    plans: Sequence[SavedPlan],
    *,
    spot: str | None,
    since: date | None,
    now: datetime,
) -> ProgressReport:
    """Build the progress report from what the journal returned."""
    from knotwork.domain.progress import build_progress_report

    return build_progress_report(
        found.pain, found.sessions, rom=found.rom, profile=profile, plans=plans,
        spot=spot, since=since, now=now,
    )  # fmt: skip


def report_json(report: ProgressReport, chart: PurePath | None) -> dict[str, Any]:
    """Return the report as `progress --json` prints it."""
    data = report.to_json()
    data["chart"] = str(chart) if chart is not None and report.trends else None
    return data


def run_progress_json(spot: str | None, since_text: str | None) -> bool:
    """Print `progress --json` straight from SQLite; False to use the Journal.

    Input is checked first, exactly as the Typer command does, so a bad
    --since or --spot ends here with the same message and exit status 2.
    """
    now = datetime.now(UTC)
    since = parse_since(since_text, now.astimezone().date())
    check_report_spot(spot)
    # Tens of thousands of records are built and then the process ends; none
    # form reference cycles, so the cycle collector would only rescan them.
    collecting = gc.isenabled()
    gc.disable()
    try:
        from knotwork.services.journal import read_history

        found = read_history(os.environ, spot, since)
        if found is None:
            return False
        report = build_report(
            found, found.profile, found.plans, spot=spot, since=since, now=now
        )
        emit_json(report_json(report, None))
        return True
    finally:
        if collecting:
            gc.enable()
