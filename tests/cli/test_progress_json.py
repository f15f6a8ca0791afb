"""`progress --json` in a new process reads SQLite directly, and says the same.

A scripted `progress --json` reads a current SQLite journal without
SQLAlchemy or pydantic (see ``Knotwork.progress``); a core built from
Settings reads it through the Journal. Both must print the same report.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from knotwork.config import Settings
from knotwork.domain.journal.records import (
    PainEntry,
    RomEntry,
    SessionRecord,
    StepRecord,
    StopEvent,
)
from knotwork.services import Knotwork
from knotwork.services.journal import open_journal
from knotwork.store.migrate import upgrade
from tests.cli.runner import invoke

NOW = datetime.now(UTC)
SPOTS = ("upper_trapezius", "levator_scapulae", "calf")
HEAVY = ("typer", "click", "rich", "pydantic", "pydantic_settings", "sqlalchemy")
SINCE = (NOW - timedelta(days=20)).date().isoformat()
# Runs the real entry point, then says which heavy packages it imported.
ENTRY = """
import json, sys
watched = json.loads(sys.argv.pop(1))
from knotwork.cli.main import main
try:
    main()
finally:
    heavy = [name for name in watched if name in sys.modules]
    sys.stderr.write("HEAVY " + json.dumps(heavy))
"""


def _fill() -> None:
    """Log seven weeks: daily pain, a session every other day, a stop, a plan."""
    start = NOW - timedelta(days=50)
    with open_journal(Settings()) as journal:
        journal.log_pains(
            PainEntry(spot, (day * 3 + n) % 9, start + timedelta(days=day, hours=n))
            for day in range(50)
            for n, spot in enumerate(SPOTS)
        )
        journal.log_rom(RomEntry("neck rotation", start, degrees=55.0))
        journal.log_rom(RomEntry("neck rotation", NOW - timedelta(days=1), ease=7))
        for day in range(0, 50, 2):
            at = start + timedelta(days=day, hours=12)
            steps = [
                StepRecord(i, SPOTS[i % 2], f"technique_{i % 3}", "lacrosse",
                           "sustained_compression", 90, 80, 5, i == 3)
                for i in range(4)
            ]  # fmt: skip
            stop = None
            if day == 30:
                stop = StopEvent("tingling", at, 1, "tingling", "Move off the spot.")
            before = {SPOTS[0]: 6, SPOTS[1]: 5}
            after = {SPOTS[0]: 3 + day % 3, SPOTS[1]: 4}
            journal.save_session(
                SessionRecord(f"s{day}", "neck_reset", at, at + timedelta(minutes=9),
                              steps, before, after, stop=stop, completed=stop is None)
            )  # fmt: skip
        journal.add_ball("lacrosse", date(2020, 1, 1))
        journal.save_plan({"days": [{"day": "mon", "sessions": [{}, {}, {}]}]})


def _journal(args: list[str]) -> tuple[int, str, str]:
    """Run `progress ARGS` over a core built from Settings: the Journal's path."""
    with Knotwork(Settings()) as core:
        result = invoke("progress", *args, core=core)
    return result.exit_code, result.stdout, result.stderr


def _direct(args: list[str]) -> tuple[int, str, str]:
    """Run `progress ARGS` as the console script does: SQLite read directly."""
    result = invoke("progress", *args)
    return result.exit_code, result.stdout, result.stderr


def _report(output: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(output)
    data.pop("generated_at")  # the one field that differs from run to run
    return data


@pytest.mark.parametrize(
    "args",
    [
        ["--json"],
        ["--json", "--spot", "upper_trapezius"],
        ["--since", SINCE, "--json"],
        ["--spot", "calf", "--json", "--since", SINCE],
        ["--json", "--spot", "levator_scapulae"],
    ],
)
def test_the_direct_read_prints_what_the_journal_gives(args: list[str]) -> None:
    _fill()
    code, out, err = _direct(args)
    assert (code, err) == (0, "")
    journal_code, journal_out, _ = _journal(args)
    assert journal_code == 0
    assert _report(out) == _report(journal_out)
    assert _report(out)["trends"]  # a real report, not an empty one


def test_a_journal_never_written_gives_the_same_empty_report(
    knotwork_home: Path,
) -> None:
    code, out, _ = _direct(["--json"])
    assert code == 0 and not knotwork_home.exists()
    assert _report(out) == _report(_journal(["--json"])[1])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--json", "--since", "2025-13-01"], "'2025-13-01' is not a date"),
        (["--json", "--since", "last week"], "'last week' is not a date"),
        (["--json", "--since", "2999-01-01"], "--since 2999-01-01 is in the future"),
        (["--json", "--spot", "elbowz"], "unknown muscle or region 'elbowz'"),
    ],
)
def test_bad_input_ends_with_the_same_message_and_status_2(
    args: list[str], message: str
) -> None:
    code, out, err = _direct(args)
    assert (code, out) == (2, "")
    assert err.startswith(f"knotwork: {message}")
    assert _journal(args)[0::2] == (2, err)


@pytest.mark.parametrize(
    "url", ["postgresql://me@127.0.0.1:1/knots", "mysql://root@localhost/knots"]
)
def test_other_databases_go_through_the_journal(
    url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KNOTWORK_DATABASE_URL", url)
    code, out, err = _direct(["--json"])
    assert (code, out) in ((1, ""), (2, ""))  # unreachable, or refused: a message
    assert err.startswith("knotwork: ") and "Traceback" not in err


def test_a_schema_to_migrate_goes_through_the_journal() -> None:
    upgrade(Settings(), "0001")
    code, out, err = _direct(["--json"])
    assert (code, err) == (0, "")
    assert _report(out) == _report(_journal(["--json"])[1])


@pytest.mark.parametrize(
    "args", [["--json"], ["--json", "--spot", "calf", "--since", SINCE]]
)
def test_a_new_process_imports_no_pydantic_or_sqlalchemy(
    args: list[str], knotwork_home: Path
) -> None:
    _fill()
    command = [sys.executable, "-c", ENTRY, json.dumps(HEAVY), "progress", *args]
    env = {k: v for k, v in os.environ.items() if not k.startswith("KNOTWORK_")}
    env["KNOTWORK_HOME"] = str(knotwork_home)
    done = subprocess.run(command, capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    assert done.stderr.endswith("HEAVY []"), done.stderr
    assert _report(done.stdout) == _report(_journal(args)[1])
