"""Time `knotwork progress --json` over five years of daily journal entries.

    python bench/progress_speed.py [RUNS]

Fills a temporary KNOTWORK_HOME through the normal ``Journal`` (two pain
entries a day, and a session every day with pain before and after), then
runs `knotwork progress --json` as a new process and prints the median, the
ratio to an empty `python -c pass`, and the analytics alone in process.
Issue 4's budget: the command under 300 ms.

The package's bytecode is compiled first, as pip does when it installs
knotwork: an editable install under PYTHONDONTWRITEBYTECODE would otherwise
recompile every module on every run.
"""

from __future__ import annotations

import compileall
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import knotwork
from knotwork.config import Settings
from knotwork.domain.journal.records import (
    PainEntry,
    RomEntry,
    SessionRecord,
    StepRecord,
    StopEvent,
)
from knotwork.domain.progress.learning import build_progress_report
from knotwork.services.journal import Journal, open_journal

BIN = Path(sys.executable).parent
BUDGET_MS = 300.0
YEARS = 5
SPOTS = ("upper_trapezius", "levator_scapulae", "suboccipitals", "calf")
TECHNIQUES = ("upper_trapezius.wall_lean", "levator_scapulae.wall_pin")
WEEK_PLAN = {"days": [{"day": "mon", "sessions": [{}] * 5}]}


def five_years(
    now: datetime, seed: int = 4
) -> tuple[list[PainEntry], list[SessionRecord], list[RomEntry]]:
    """Return five years of one person's daily records, ending before ``now``."""
    rng = random.Random(seed)
    days = 365 * YEARS
    start = (now - timedelta(days=days + 1)).replace(hour=7, minute=0, second=0)
    pain: list[PainEntry] = []
    sessions: list[SessionRecord] = []
    rom: list[RomEntry] = []
    for day in range(days):
        morning = start + timedelta(days=day, minutes=rng.randrange(0, 600))
        for spot in rng.sample(SPOTS, 2):
            pain.append(PainEntry(spot, rng.randint(1, 7), morning, side="left"))
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
            stop = StopEvent("tingling", began, 2, None, "Move off the spot.")
        sessions.append(
            SessionRecord(f"s{day}", "neck_reset", began, began + timedelta(minutes=7),
                          steps, before, after, "turn head", 7, stop, stop is None)
        )  # fmt: skip
        if day % 7 == 0:
            rom.append(RomEntry("neck rotation", began, degrees=60 + rng.random() * 20))
    return pain, sessions, rom


def fill(journal: Journal, now: datetime) -> tuple[int, int]:
    """Log five years into ``journal``; return (pain entries, sessions)."""
    pain, sessions, rom = five_years(now)
    journal.log_pains(pain)
    journal.log_roms(rom)
    for record in sessions:
        journal.save_session(record)
    journal.add_ball("lacrosse", date(now.year - 2, 1, 1))
    journal.save_plan(WEEK_PLAN)
    return len(pain), len(sessions)


def median_ms(cmd: list[str], runs: int, env: dict[str, str]) -> float:
    """Return the median wall time of ``cmd`` as a new process, in ms."""
    warm = subprocess.run(cmd, capture_output=True, check=True, env=env)
    if cmd[-1] == "--json":  # make sure the report covers the whole journal
        summary = json.loads(warm.stdout)["session_summary"]
        assert summary["sessions"] == 365 * YEARS, summary
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=True, env=env)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def in_process_ms(build: Callable[[], object], runs: int) -> float:
    """Return the median time of ``build`` in this process, in ms."""
    build()  # the knowledge-file caches fill on first use, as in any run
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        build()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    compileall.compile_dir(Path(knotwork.__file__).parent, quiet=1)
    now = datetime.now(UTC)
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "KNOTWORK_HOME": home}
        env.pop("KNOTWORK_DATABASE_URL", None)
        settings = Settings(home=Path(home), database_url="")
        began = time.perf_counter()
        with open_journal(settings) as journal:
            pain_count, session_count = fill(journal, now)
            found = journal.history()
            person, plans = journal.profile(), journal.plans()
        filled = time.perf_counter() - began
        print(
            f"journal: {pain_count} pain entries, {session_count} sessions over "
            f"{YEARS} years (filled in {filled:.1f} s)"
        )
        analytics = in_process_ms(
            lambda: build_progress_report(
                found.pain, found.sessions, rom=found.rom, profile=person,
                plans=plans, now=now,
            ),
            runs,
        )  # fmt: skip
        baseline = median_ms([sys.executable, "-c", "pass"], runs, env)
        command = [str(BIN / "knotwork"), "progress", "--json"]
        progress = median_ms(command, runs, env)
    verdict = "within" if progress < BUDGET_MS else "OVER"
    print(f"build_progress_report (in process)  median {analytics:6.1f} ms")
    print(f"python -c pass                      median {baseline:6.1f} ms")
    print(
        f"knotwork progress --json            median {progress:6.1f} ms   "
        f"ratio {progress / baseline:4.1f}x   ({verdict} the {BUDGET_MS:.0f} ms budget)"
    )


if __name__ == "__main__":
    main()
