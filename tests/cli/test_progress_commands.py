"""`knotwork progress`, `export` and `import` over real, temporary journals."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from knotwork.config import Settings
from knotwork.domain.journal.records import (
    PainEntry,
    RomEntry,
    SessionRecord,
    StepRecord,
    StopEvent,
)
from knotwork.exports.csv_export import TABLES
from knotwork.services import Knotwork
from tests.cli.runner import Result, invoke

NOW = datetime.now(UTC)
SPOT = "upper_trapezius"
START = NOW - timedelta(days=30)
STEPS = [StepRecord(0, SPOT, "wall_lean", "lacrosse", "hold", 60, 60)]
STOP = StopEvent("tingling", START + timedelta(days=2), 0, "tingling", "Move off.")
PAIN = [PainEntry(SPOT, 6 - n // 10, START + timedelta(days=n)) for n in range(28)]
ROM = [RomEntry("neck rotation", START, degrees=60.0)]
SESSIONS = [
    SessionRecord(
        "s1", "neck_reset", START + timedelta(days=2), None, STEPS, {SPOT: 6}, {},
        stop=STOP,
    ),
    SessionRecord(
        "s2", "neck_reset", START + timedelta(days=4), None, STEPS, {SPOT: 6},
        {SPOT: 4}, completed=True,
    ),
]  # fmt: skip
Journals = Callable[..., Knotwork]


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journals]:
    """Make a journal in a folder of its own; filled with a month by default."""
    made: list[Knotwork] = []

    def make(
        pain: list[PainEntry] = PAIN,
        rom: list[RomEntry] = ROM,
        sessions: list[SessionRecord] = SESSIONS,
    ) -> Knotwork:
        core = Knotwork(Settings(home=tmp_path / f"journal-{len(made)}"))
        made.append(core)
        core.journal.log_pains(pain)
        core.journal.log_roms(rom)
        for record in sessions:
            core.save_session(record)
        return core

    yield make
    for core in made:
        core.close()


def empty(journal: Journals) -> Knotwork:
    return journal([], [], [])


def run(core: Knotwork, *args: str) -> Result:
    return invoke(*args, core=core)


def test_progress_json_has_trends_and_prompts(journal: Journals) -> None:
    result = run(journal(), "progress", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["trends"][0]["spot"] == SPOT
    assert data["escalations"][0]["kind"] == "stop_event"
    assert data["meaningful_change"]["source"].startswith("Farrar et al., Pain 2001")


def test_progress_shows_prompts_first_and_writes_a_chart(
    journal: Journals, tmp_path: Path
) -> None:
    chart = tmp_path / "trend.svg"
    result = run(journal(), "progress", "--chart", str(chart))
    assert result.exit_code == 0, result.output
    assert result.stdout.index("Tingling") < result.stdout.index("Pain by spot")
    assert chart.read_text("utf-8").lstrip().startswith("<?xml")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--spot", "shoulderz"], "unknown muscle or region 'shoulderz'"),
        (["--since", "last tuesday"], "is not a date"),
        (["--since", "2999-01-01"], "in the future"),
        (["--chart", "trend.jpg"], ".png or .svg"),
    ],
)
def test_bad_progress_options_exit_2(
    journal: Journals, args: list[str], message: str
) -> None:
    result = run(journal(), "progress", *args)
    assert result.exit_code == 2
    assert message in result.stderr


def test_export_then_import_into_an_empty_journal_is_identical(
    journal: Journals, tmp_path: Path
) -> None:
    path = tmp_path / "knotwork.json"
    result = run(journal(), "export", str(path))
    assert result.exit_code == 0, result.output
    target = empty(journal)
    result = run(target, "import", str(path))
    assert result.exit_code == 0, result.output
    assert "Imported 28 pain entries" in result.stdout
    again = run(target, "export")
    assert again.stdout == path.read_text("utf-8")


def test_a_truncated_import_changes_nothing(journal: Journals, tmp_path: Path) -> None:
    text = run(journal(), "export").stdout
    path = tmp_path / "cut.json"
    path.write_text(text[: len(text) // 2], "utf-8")
    target = empty(journal)
    result = run(target, "import", str(path))
    assert result.exit_code == 2
    assert "nothing changed" in result.stderr and "not valid JSON" in result.stderr
    kept = target.history()
    assert kept.pain == [] and kept.sessions == []


def test_importing_into_a_full_journal_is_refused(
    journal: Journals, tmp_path: Path
) -> None:
    path = tmp_path / "knotwork.json"
    run(journal(), "export", str(path))
    result = run(journal(), "import", str(path))
    assert result.exit_code == 2
    assert "needs an empty one" in result.stderr


def test_export_and_import_count_in_english(journal: Journals, tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    result = run(journal([], ROM, SESSIONS[:1]), "export", str(path))
    assert "1 re-test, 1 session, 0 plans" in result.stdout
    assert "0 pain entries" in result.stdout
    again = run(empty(journal), "import", str(path))
    assert "1 re-test, 1 session and 0 plans." in again.stdout


def test_export_csv_writes_every_table(journal: Journals, tmp_path: Path) -> None:
    out = tmp_path / "out"  # apart from the journals' folders
    out.mkdir()
    result = run(journal(), "export", str(out / "j.csv"))
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(f"j-{t}.csv" for t in TABLES)
    assert "j-sessions.csv" in result.stdout
    steps = (out / "j-session_steps.csv").read_text("utf-8-sig").splitlines()
    assert len(steps) > 1  # the filled journal's session steps, not only a header
    one = run(journal(), "export", str(out / "rom.csv"), "--table", "rom")
    assert one.exit_code == 0 and (out / "rom.csv").exists()


def test_export_formats_by_extension_or_option(
    journal: Journals, tmp_path: Path
) -> None:
    core = journal()
    for name in ("all.zip", "pain.csv", "summary.pdf"):
        result = run(core, "export", str(tmp_path / name))
        assert result.exit_code == 0, result.output
    assert zipfile.is_zipfile(tmp_path / "all.zip")
    assert (tmp_path / "summary.pdf").read_bytes().startswith(b"%PDF")
    fhir = run(core, "export", "--format", "fhir")
    assert json.loads(fhir.stdout)["resourceType"] == "Bundle"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["notes.txt"], "cannot tell the format"),
        (["--format", "xml"], "unknown format 'xml'"),
        (["--format", "pdf"], "needs a file name"),
        (["x.csv", "--table", "moods"], "no table 'moods'"),
    ],
)
def test_bad_export_options_exit_2(
    journal: Journals, args: list[str], message: str
) -> None:
    result = run(journal(), "export", *args)
    assert result.exit_code == 2
    assert message in result.stderr
