"""No acknowledged write is lost, and two writers never trip over each other."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from knotwork.config import Settings
from knotwork.services.journal import open_journal
from knotwork.store import journal_repo
from tests.conftest import ROOT
from tests.store.databases import database_settings  # noqa: F401

WRITE_LOOP = textwrap.dedent(
    """
    from datetime import UTC, datetime
    from knotwork.config import Settings
    from knotwork.domain.journal.records import PainEntry
    from knotwork.services.journal import open_journal

    journal = open_journal(Settings())
    n = 0
    while True:
        entry = PainEntry("calf", n % 11, datetime.now(UTC), note=f"entry {n}")
        # Print only after commit returned: a printed id is an acknowledged one.
        print(journal.log_pain(entry), flush=True)
        n += 1
    """
)

WRITER = textwrap.dedent(
    """
    import sys, time
    from datetime import UTC, datetime
    from pathlib import Path
    from knotwork.config import Settings
    from knotwork.domain.journal.records import PainEntry
    from knotwork.services.journal import open_journal

    go, name, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    while not go.exists():
        time.sleep(0.005)
    # Every writer opens a brand-new database at the same moment, so they
    # also race to create the schema.
    journal = open_journal(Settings())
    for n in range(count):
        journal.log_pain(PainEntry("heel", 3, datetime.now(UTC), note=f"{name} {n}"))
        if n % 25 == 0:
            journal.add_ball("lacrosse")
    print("done", flush=True)
    """
)


def _python(code: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=os.environ.copy(),
    )


def test_sigkill_mid_write_loses_no_acknowledged_entry(settings: Settings) -> None:
    acknowledged: list[int] = []
    child = _python(WRITE_LOOP)
    assert child.stdout is not None
    try:
        while len(acknowledged) < 300:
            line = child.stdout.readline()
            assert line, (
                f"writer died early: {child.stderr.read() if child.stderr else ''}"
            )
            acknowledged.append(int(line))
        # The child is inside its next write right now.
        os.kill(child.pid, signal.SIGKILL)
        rest, _ = child.communicate(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
    acknowledged += [int(line) for line in rest.split()]
    assert child.returncode == -signal.SIGKILL

    with open_journal(settings) as journal, journal.database.reading() as connection:
        stored = journal_repo.pain_entry_ids(connection)
        if connection.dialect == "sqlite":
            assert connection.scalar("PRAGMA integrity_check") == "ok"
    assert set(acknowledged) <= stored
    # At most the one write in flight may have landed without being printed.
    assert len(stored) - len(acknowledged) <= 1


def test_writers_at_once_never_hit_a_locked_database(
    settings: Settings, tmp_path: Path
) -> None:
    go = tmp_path / "go"
    writers, per_writer = 4, 120
    children = [
        _python(WRITER, str(go), f"w{i}", str(per_writer)) for i in range(writers)
    ]
    time.sleep(0.5)  # let every interpreter start and wait at the line
    go.touch()
    results = [child.communicate(timeout=120) for child in children]
    for child, (out, err) in zip(children, results, strict=True):
        assert "locked" not in err
        assert child.returncode == 0, err
        assert out.strip() == "done"

    with open_journal(settings) as journal:
        entries = journal.pain_entries()
        assert journal.profile().balls[0].ball == "lacrosse"
    assert len(entries) == writers * per_writer
    assert len({e.note for e in entries}) == writers * per_writer
