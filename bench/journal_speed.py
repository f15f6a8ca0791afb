"""Time the journal on SQLite: a 10,000-entry batch, and reading five years.

Run: .venv/bin/python bench/journal_speed.py

Budgets (issue 4): one batch of 10,000 entries in under 2 s. Reading five
years of daily entries is the floor under `knotwork progress --json`'s 300 ms:
this measures it as a fresh process, start-up included.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from knotwork.config import Settings
from knotwork.domain.journal.records import PainEntry, SessionRecord, StepRecord
from knotwork.services.journal import Journal, open_journal

BATCH = 10_000
RUNS = 5
YEARS = 5
SPOTS = ("upper_trapezius", "levator_scapulae", "gastrocnemius", "heel")

READ_ALL = """
import json, sys, time
began = time.perf_counter()
from knotwork.config import Settings
from knotwork.services.journal import open_journal
imported = time.perf_counter()
with open_journal(Settings()) as journal:
    found = journal.history()
read = time.perf_counter()
json.dump(
    {
        "pain": len(found.pain),
        "sessions": len(found.sessions),
        "imports": imported - began,
        "read": read - imported,
    },
    sys.stdout,
)
"""


def _entries(count: int, start: datetime) -> list[PainEntry]:
    return [
        PainEntry(
            spot=SPOTS[n % len(SPOTS)],
            pain=n % 11,
            at=start + timedelta(minutes=7 * n),
            side="left" if n % 2 else "right",
            activity="desk work",
            note=f"entry {n}",
        )
        for n in range(count)
    ]


def time_batch_insert() -> list[float]:
    """Insert BATCH entries into a fresh database RUNS times; return seconds."""
    start = datetime(2020, 1, 1, tzinfo=UTC)
    timings = []
    for _ in range(RUNS):
        with (
            tempfile.TemporaryDirectory() as home,
            open_journal(Settings(home=Path(home))) as journal,
        ):
            entries = _entries(BATCH, start)
            began = time.perf_counter()
            journal.log_pains(entries)
            timings.append(time.perf_counter() - began)
            assert len(journal.pain_entries()) == BATCH
    return timings


def seed_five_years(journal: Journal) -> None:
    """Fill a journal with YEARS of daily life: 3 pain entries and a session a day."""
    first = datetime.now(UTC) - timedelta(days=365 * YEARS)
    days = [first + timedelta(days=d) for d in range(365 * YEARS)]
    pain = [
        PainEntry(
            SPOTS[(d + k) % len(SPOTS)], (d + k) % 8, day + timedelta(hours=k * 4)
        )
        for d, day in enumerate(days)
        for k in range(3)
    ]
    journal.log_pains(pain)
    for d, day in enumerate(days):
        journal.save_session(
            SessionRecord(
                id=f"s{d}",
                routine="desk_five",
                started_at=day,
                ended_at=day + timedelta(minutes=5),
                steps=[
                    StepRecord(i, SPOTS[i], "wall_pin", "lacrosse", "hold", 60, 60, 5)
                    for i in range(3)
                ],
                pain_before={SPOTS[0]: 5},
                pain_after={SPOTS[0]: 3},
                completed=True,
            )
        )


def time_five_year_read() -> dict[str, list[float]]:
    """Read YEARS of journal in fresh processes; return seconds per phase."""
    with tempfile.TemporaryDirectory() as home:
        with open_journal(Settings(home=Path(home))) as journal:
            seed_five_years(journal)
        env = {**os.environ, "KNOTWORK_HOME": home}
        env.pop("KNOTWORK_DATABASE_URL", None)
        timings: dict[str, list[float]] = {"process": [], "imports": [], "read": []}
        for _ in range(RUNS):
            began = time.perf_counter()
            out = subprocess.run(
                [sys.executable, "-c", READ_ALL],
                capture_output=True,
                text=True,
                env=env,
                check=True,
            ).stdout
            timings["process"].append(time.perf_counter() - began)
            report = json.loads(out)
            assert report["pain"] == 3 * 365 * YEARS
            assert report["sessions"] == 365 * YEARS
            timings["imports"].append(report["imports"])
            timings["read"].append(report["read"])
    return timings


def main() -> None:
    """Print the medians."""
    inserts = time_batch_insert()
    print(
        f"journal: insert {BATCH} pain entries in one batch (SQLite): "
        f"median {statistics.median(inserts) * 1000:.0f} ms over {RUNS} runs "
        f"(budget 2000 ms)"
    )
    reads = time_five_year_read()
    ms = {k: statistics.median(v) * 1000 for k, v in reads.items()}
    print(
        f"journal: read {YEARS} years ({3 * 365 * YEARS} pain entries, "
        f"{365 * YEARS} sessions): open + read {ms['read']:.0f} ms; "
        f"imports {ms['imports']:.0f} ms; whole fresh process {ms['process']:.0f} ms "
        f"(medians over {RUNS} runs)"
    )


if __name__ == "__main__":
    main()
