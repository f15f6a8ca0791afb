"""`knotwork progress`, `export` and `import` over an in-memory journal."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from knotwork.cli import progress_commands
from knotwork.domain.journal_records import SavedPlan
from knotwork.domain.records import (
    PainEntry,
    Profile,
    RomEntry,
    SessionRecord,
    StepRecord,
    StopEvent,
)
from knotwork.exports.csv_export import TABLES
from knotwork.exports.json_export import ExportBundle

NOW = datetime.now(UTC)
SPOT = "upper_trapezius"


@dataclass
class History:
    pain: list[PainEntry] = field(default_factory=list)
    rom: list[RomEntry] = field(default_factory=list)
    sessions: list[SessionRecord] = field(default_factory=list)


@dataclass
class FakeJournal:
    """Keeps records in lists; import refuses a journal that holds anything."""

    pain: list[PainEntry] = field(default_factory=list)
    rom: list[RomEntry] = field(default_factory=list)
    sessions: list[SessionRecord] = field(default_factory=list)
    saved_plans: list[SavedPlan] = field(default_factory=list)
    person: Profile = field(default_factory=Profile)

    def history(self, spot: str | None = None, since: date | None = None) -> History:
        return History(list(self.pain), list(self.rom), list(self.sessions))

    def profile(self) -> Profile:
        return self.person

    def plans(self) -> list[SavedPlan]:
        return list(self.saved_plans)

    def export_bundle(self) -> ExportBundle:
        return ExportBundle(
            self.person, list(self.pain), list(self.rom), list(self.sessions),
            list(self.saved_plans),
        )  # fmt: skip

    def import_bundle(self, bundle: ExportBundle) -> None:
        if self.pain or self.rom or self.sessions:
            raise ValueError("the journal is not empty")
        self.pain, self.rom = list(bundle.pain), list(bundle.rom)
        self.sessions, self.saved_plans = list(bundle.sessions), list(bundle.plans)
        self.person = bundle.profile


def _app(journal: FakeJournal) -> typer.Typer:
    @contextmanager
    def opener() -> Iterator[FakeJournal]:
        yield journal

    app = typer.Typer()
    progress_commands.register(app, journal=opener)
    return app


def _filled() -> FakeJournal:
    start = NOW - timedelta(days=30)
    stop = StopEvent("tingling", start + timedelta(days=2), 0, "tingling", "Move off.")
    steps = [StepRecord(0, SPOT, "wall_lean", "lacrosse", "hold", 60, 60)]
    return FakeJournal(
        pain=[
            PainEntry(SPOT, 6 - n // 10, start + timedelta(days=n)) for n in range(28)
        ],
        rom=[RomEntry("neck rotation", start, degrees=60.0)],
        sessions=[
            SessionRecord(
                "s1",
                "neck_reset",
                start + timedelta(days=2),
                None,
                steps,
                {SPOT: 6},
                {},
                stop=stop,
            ),
            SessionRecord(
                "s2",
                "neck_reset",
                start + timedelta(days=4),
                None,
                steps,
                {SPOT: 6},
                {SPOT: 4},
                completed=True,
            ),
        ],
    )


runner = CliRunner()


def test_progress_json_has_trends_and_prompts() -> None:
    result = runner.invoke(_app(_filled()), ["progress", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["trends"][0]["spot"] == SPOT
    assert data["escalations"][0]["kind"] == "stop_event"
    assert data["meaningful_change"]["source"].startswith("Farrar et al., Pain 2001")


def test_progress_shows_prompts_first_and_writes_a_chart(tmp_path: Path) -> None:
    chart = tmp_path / "trend.svg"
    result = runner.invoke(_app(_filled()), ["progress", "--chart", str(chart)])
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
def test_bad_progress_options_exit_2(args: list[str], message: str) -> None:
    result = runner.invoke(_app(_filled()), ["progress", *args])
    assert result.exit_code == 2
    assert message in result.stderr


def test_export_then_import_into_an_empty_journal_is_identical(tmp_path: Path) -> None:
    source = _filled()
    path = tmp_path / "knotwork.json"
    result = runner.invoke(_app(source), ["export", str(path)])
    assert result.exit_code == 0, result.output
    target = FakeJournal()
    result = runner.invoke(_app(target), ["import", str(path)])
    assert result.exit_code == 0, result.output
    assert "Imported 28 pain entries" in result.stdout
    again = runner.invoke(_app(target), ["export"])
    assert again.stdout == path.read_text("utf-8")


def test_a_truncated_import_changes_nothing(tmp_path: Path) -> None:
    text = runner.invoke(_app(_filled()), ["export"]).stdout
    path = tmp_path / "cut.json"
    path.write_text(text[: len(text) // 2], "utf-8")
    target = FakeJournal()
    result = runner.invoke(_app(target), ["import", str(path)])
    assert result.exit_code == 2
    assert "nothing changed" in result.stderr and "not valid JSON" in result.stderr
    assert target.pain == [] and target.sessions == []


def test_importing_into_a_full_journal_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "knotwork.json"
    runner.invoke(_app(_filled()), ["export", str(path)])
    result = runner.invoke(_app(_filled()), ["import", str(path)])
    assert result.exit_code == 2
    assert "not empty" in result.stderr


def test_export_and_import_count_in_english(tmp_path: Path) -> None:
    journal = FakeJournal(sessions=_filled().sessions[:1], rom=_filled().rom[:1])
    path = tmp_path / "one.json"
    result = runner.invoke(_app(journal), ["export", str(path)])
    assert "1 re-test, 1 session, 0 plans" in result.stdout
    assert "0 pain entries" in result.stdout
    again = runner.invoke(_app(FakeJournal()), ["import", str(path)])
    assert "1 re-test, 1 session and 0 plans." in again.stdout


def test_export_csv_writes_every_table(tmp_path: Path) -> None:
    result = runner.invoke(_app(_filled()), ["export", str(tmp_path / "j.csv")])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == sorted(f"j-{t}.csv" for t in TABLES)
    assert "j-sessions.csv" in result.stdout
    steps = (tmp_path / "j-session_steps.csv").read_text("utf-8-sig").splitlines()
    assert len(steps) > 1  # the filled journal's session steps, not only a header
    one = runner.invoke(
        _app(_filled()), ["export", str(tmp_path / "rom.csv"), "--table", "rom"]
    )
    assert one.exit_code == 0 and (tmp_path / "rom.csv").exists()


def test_export_formats_by_extension_or_option(tmp_path: Path) -> None:
    app = _app(_filled())
    for name in ("all.zip", "pain.csv", "summary.pdf"):
        result = runner.invoke(app, ["export", str(tmp_path / name)])
        assert result.exit_code == 0, result.output
    assert zipfile.is_zipfile(tmp_path / "all.zip")
    assert (tmp_path / "summary.pdf").read_bytes().startswith(b"%PDF")
    fhir = runner.invoke(app, ["export", "--format", "fhir"])
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
def test_bad_export_options_exit_2(args: list[str], message: str) -> None:
    result = runner.invoke(_app(_filled()), ["export", *args])
    assert result.exit_code == 2
    assert message in result.stderr
