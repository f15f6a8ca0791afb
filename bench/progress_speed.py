"""Time the progress analytics over five years of daily journal entries.

Builds one person's records in memory (no database) and prints the median of
several runs of ``build_progress_report`` and of its JSON rendering. The whole
``knotwork progress --json`` command must finish in under 300 ms, so the
analytics should take a small part of that.

Run: .venv/bin/python bench/progress_speed.py
"""

from __future__ import annotations

import json
import random
import statistics
import time
from datetime import UTC, date, datetime, timedelta

from knotwork.domain.journal_records import SavedPlan
from knotwork.domain.progress import build_progress_report
from knotwork.domain.records import (
    OwnedBall,
    PainEntry,
    Profile,
    RomEntry,
    SessionRecord,
    StepRecord,
    StopEvent,
)

SPOTS = ("upper_trapezius", "levator_scapulae", "suboccipitals", "calf")
TECHNIQUES = ("upper_trapezius.wall_lean", "levator_scapulae.wall_pin")
YEARS = 5
RUNS = 7


def five_years(
    seed: int = 4,
) -> tuple[list[PainEntry], list[SessionRecord], list[RomEntry]]:
    """Return daily pain entries, sessions and re-tests for one person."""
    rng = random.Random(seed)
    start = datetime(2020, 1, 6, 8, 0, tzinfo=UTC)  # the journal hands back UTC
    pain: list[PainEntry] = []
    sessions: list[SessionRecord] = []
    rom: list[RomEntry] = []
    for day in range(365 * YEARS):
        morning = start + timedelta(days=day, minutes=rng.randrange(0, 600))
        for spot in rng.sample(SPOTS, 2):
            pain.append(PainEntry(spot, rng.randint(1, 7), morning, side="left"))
        sid = f"s{day}"
        began = morning + timedelta(hours=9)
        before = {s: rng.randint(3, 7) for s in SPOTS[:2]}
        after = {s: max(0, v - rng.randint(0, 3)) for s, v in before.items()}
        steps = [
            StepRecord(i, SPOTS[i % 2], TECHNIQUES[i % 2], "lacrosse",
                       "sustained_compression", 90, 90 - rng.randrange(0, 20), 5)
            for i in range(5)
        ]  # fmt: skip
        stop = None
        if day % 400 == 399:
            stop = StopEvent("tingling", began, 2, "tingling", "Move off the spot.")
        sessions.append(
            SessionRecord(sid, "neck_reset", began, began + timedelta(minutes=7),
                          steps, before, after, "turn head", 7, stop, stop is None)
        )  # fmt: skip
        for phase, scores in (("before", before), ("after", after)):
            for spot, value in scores.items():
                pain.append(PainEntry(spot, value, began, None, None, None, sid, phase))
        rom.append(RomEntry("neck rotation", began, degrees=60.0 + rng.random() * 20))
    return pain, sessions, rom


def main() -> None:
    pain, sessions, rom = five_years()
    profile = Profile(balls=[OwnedBall("lacrosse", date(2023, 1, 1))])
    plans = [
        SavedPlan(
            y, datetime(2020 + y, 1, 1, tzinfo=UTC), {"days": [{"sessions": [{}] * 5}]}
        )
        for y in range(YEARS)
    ]
    now = datetime(2025, 1, 10, 12, 0, tzinfo=UTC)

    def build() -> object:
        return build_progress_report(
            pain, sessions, rom=rom, profile=profile, plans=plans, now=now
        )

    build()  # warm the knowledge-file caches, as any first call would
    report_times, json_times = [], []
    for _ in range(RUNS):
        t0 = time.perf_counter()
        report = build_progress_report(
            pain, sessions, rom=rom, profile=profile, plans=plans, now=now
        )
        t1 = time.perf_counter()
        text = json.dumps(report.to_json())
        t2 = time.perf_counter()
        report_times.append(t1 - t0)
        json_times.append(t2 - t1)
    print(
        f"records: {len(pain)} pain entries, {len(sessions)} sessions, "
        f"{len(rom)} re-tests over {YEARS} years"
    )
    print(
        f"build_progress_report: median {statistics.median(report_times) * 1000:.1f} ms"
    )
    print(
        f"report to JSON text:   median {statistics.median(json_times) * 1000:.1f} ms "
        f"({len(text) // 1024} KiB)"
    )


if __name__ == "__main__":
    main()
