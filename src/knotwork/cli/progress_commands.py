"""`knotwork progress`, `export` and `import`: learn from the journal, take it along.

Heavy modules (the database, matplotlib, reportlab) are imported inside the
commands that need them.
"""

from __future__ import annotations

import sys
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from knotwork.cli.consult_commands import JSON
from knotwork.cli.grammar import arg, command, path
from knotwork.cli.output import echo, emit_json, fail

if TYPE_CHECKING:
    from pathlib import Path, PurePath

    from knotwork.domain.progress.learning import ProgressReport
    from knotwork.services.core import Knotwork

FORMATS = ("json", "csv", "fhir", "pdf")
SPOT_HINT = "See the ids with: knotwork muscles, knotwork regions"
# The file name decides the format; ".fhir.json" is checked before ".json".
BY_SUFFIX = (
    (".fhir.json", "fhir"),
    (".json", "json"),
    (".zip", "csv"),
    (".csv", "csv"),
    (".pdf", "pdf"),
)


@command(
    arg("--spot", metavar="ID", help="One muscle or region id."),
    arg("--since", metavar="DAY", help="First day, YYYY-MM-DD."),
    arg("--chart", type=path, metavar="FILE", help="Also draw FILE.png or .svg."),
    JSON,
)
def progress(
    core: Knotwork,
    spot: str | None,
    since: str | None,
    chart: Path | None,
    as_json: bool,
) -> None:
    """Show trends, what helps, adherence, patterns and when to see a clinician.

    Example: knotwork progress --spot upper_trapezius --since 2025-01-01
    """
    now = datetime.now(UTC)
    day = parse_since(since, now.astimezone().date())
    check_report_spot(spot)
    if chart is not None and chart.suffix.lower() not in (".png", ".svg"):
        fail(f"'{chart}': a chart file must end in .png or .svg")
    report = core.progress(spot, day, now)
    if chart is not None and report.trends:
        from knotwork.exports.charts import write_trend_chart

        write_trend_chart(chart, report.trends)
    if as_json:
        emit_json(report_json(report, chart))
        return
    from knotwork.cli.progress_view import print_progress

    print_progress(report)
    if chart is not None:
        message = f"Chart written to {chart}" if report.trends else "No chart: no pain"
        echo(message + ("" if report.trends else " entries yet."))


@command(
    arg(
        "file",
        nargs="?",
        type=path,
        metavar="FILE",
        help="Where to write; stdout if left out.",
    ),
    arg(
        "--format",
        dest="fmt",
        help="json, csv, fhir or pdf; only needed for stdout, and must "
        "agree with FILE's name.",
    ),
    arg(
        "--table",
        help="Write only this table to FILE.csv (default: every table, "
        "one FILE-TABLE.csv each).",
    ),
)
def export(
    core: Knotwork, file: Path | None, fmt: str | None, table: str | None
) -> None:
    """Export your journal; the file name picks the format.

    NAME.json: everything, lossless (profile, conditions, notes, sessions,
    plans); the only format `knotwork import` reads back.
    NAME.fhir.json: a FHIR R4 Bundle for a clinician: pain scores with
    body site, time, side and activity. No notes, profile or conditions.
    NAME.csv: one table (--table, default pain); NAME.zip: every table.
    NAME.pdf: a printable progress summary for a clinician.

    Example: knotwork export summary.pdf
    """
    export_journal(core, file, fmt, table)


@command(
    arg("file", metavar="FILE", help="A knotwork JSON export, or - for stdin."),
    JSON,
    name="import",
)
def import_(core: Knotwork, file: str, as_json: bool) -> None:
    """Import a JSON export into an empty journal: all of it or nothing.

    Example: knotwork import knotwork-export.json
    """
    import_journal(core, file, as_json)


COMMANDS = (progress, export, import_)


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
    from knotwork.domain.progress.learning import UnknownSpot, check_spot

    try:
        check_spot(spot)
    except UnknownSpot as error:
        fail(str(error), SPOT_HINT)


def report_json(report: ProgressReport, chart: PurePath | None) -> dict[str, Any]:
    """Return the report as `progress --json` prints it."""
    data = report.to_json()
    data["chart"] = str(chart) if chart is not None and report.trends else None
    return data


def _format(file: Path | None, fmt: str | None) -> str:
    """Pick the format from the file name; refuse a name that does not say it."""
    if fmt is not None and fmt not in FORMATS:
        fail(f"unknown format '{fmt}'", f"Choose one of: {', '.join(FORMATS)}")
    if file is None:
        return fmt or "json"
    name = file.name.lower()
    found = next((f for suffix, f in BY_SUFFIX if name.endswith(suffix)), None)
    if found is None:
        fail(
            f"cannot tell the format of '{file}'",
            "End the name in .json, .fhir.json, .csv, .zip or .pdf",
        )
    if fmt is not None and fmt != found:
        # Sending "the FHIR file" must never send the full export by mistake.
        wanted = {"json": ".json", "fhir": ".fhir.json", "csv": ".csv", "pdf": ".pdf"}
        fail(
            f"'{file}' names a {found} file but --format says {fmt}",
            f"Name it with {wanted[fmt]} instead",
        )
    return found


def export_journal(
    core: Knotwork,
    file: Path | None,
    fmt_option: str | None,
    table: str | None,
) -> None:
    """Write the whole journal in the chosen format."""
    fmt = _format(file, fmt_option)
    if file is not None and not file.parent.is_dir():
        fail(f"the folder '{file.parent}' does not exist", "Create it, or pick another")
    if file is None and fmt in ("csv", "pdf"):
        fail(f"{fmt} export needs a file name", f"e.g. knotwork export journal.{fmt}")
    if fmt == "csv" and file is not None:
        from knotwork.exports.csv_export import TABLES, UnknownTable, csv_files

        try:
            csv_files(file, table)
        except UnknownTable as error:
            fail(str(error), f"Tables: {', '.join(TABLES)}")
    bundle = core.export_bundle()
    now = datetime.now(UTC)
    if fmt == "json":
        from knotwork.exports.json_export import export_text, write_export

        if file is None:
            sys.stdout.write(export_text(bundle))
            return
        write_export(file, bundle)
    elif fmt == "fhir":
        from knotwork.exports.fhir import fhir_text, write_fhir

        if file is None:
            sys.stdout.write(fhir_text(bundle.pain, now))
            return
        write_fhir(file, bundle.pain, now)
    elif fmt == "csv" and file is not None:
        from knotwork.exports.csv_export import write_csv

        written = write_csv(file, bundle, table)
        if len(written) > 1:
            echo("Wrote " + ", ".join(str(p) for p in written) + ".")
    elif file is not None:
        from knotwork.exports.pdf import write_pdf

        write_pdf(file, core.summary(bundle, now), bundle.profile)
    echo(f"Wrote {file}: {_what_was_written(fmt, file, bundle, table)}.")


def _what_was_written(
    fmt: str, file: Path | None, bundle: Any, table: str | None
) -> str:
    """Say what a file holds, so nobody sends more (or less) than they meant."""
    if fmt == "fhir":
        return (
            f"FHIR R4, {len(bundle.pain)} pain scores with body site, side, time "
            "and activity; no notes, profile or conditions"
        )
    if fmt == "csv" and table is not None:
        return f"CSV of the {table} table only"
    if fmt == "csv" and file is not None and file.suffix.lower() == ".csv":
        return "CSV, one file per table (pain, re-tests, sessions and their parts)"
    if fmt == "csv":
        from knotwork.exports.csv_export import TABLES

        return f"a zip of CSV tables: {', '.join(TABLES)}"
    if fmt == "pdf":
        return "a PDF progress summary (pain trends, sessions, safety notes)"
    from knotwork.domain.names import count

    return (
        "everything, lossless: "
        f"{count(len(bundle.pain), 'pain entry', 'pain entries')}, "
        f"{count(len(bundle.rom), 're-test')}, "
        f"{count(len(bundle.sessions), 'session')}, "
        f"{count(len(bundle.plans), 'plan')} and your profile (conditions, notes)"
    )


def import_journal(core: Knotwork, file: str, as_json: bool) -> None:
    """Read an export, check all of it, then store all of it or nothing."""
    from knotwork.domain.limits import IMPORT_BODY_BYTES
    from knotwork.exports.json_export import ExportError
    from knotwork.exports.json_import import parse_export

    # The same bound as the API's import, checked before anything is kept.
    try:
        if file == "-":
            raw = sys.stdin.buffer.read(IMPORT_BODY_BYTES + 1)
        else:
            with open(file, "rb") as handle:
                raw = handle.read(IMPORT_BODY_BYTES + 1)
        if len(raw) > IMPORT_BODY_BYTES:
            fail(
                f"'{file}' is larger than {IMPORT_BODY_BYTES // (1024 * 1024)} MB; "
                "a knotwork export is far smaller"
            )
        text = raw.decode("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        fail(f"cannot read '{file}': {error}")
    try:
        bundle = parse_export(text)
    except ExportError as error:
        fail(f"not imported, nothing changed: {error}")
    # Opened first: a journal that cannot open is not a bad file (exit 1).
    journal = core.journal
    try:
        journal.import_bundle(bundle)
    except ValueError as error:
        fail(f"not imported, nothing changed: {error}")
    counts = {
        "pain": len(bundle.pain),
        "rom": len(bundle.rom),
        "sessions": len(bundle.sessions),
        "plans": len(bundle.plans),
    }
    if as_json:
        emit_json({"imported": counts})
        return
    from knotwork.domain.names import count

    echo(
        f"Imported {count(counts['pain'], 'pain entry', 'pain entries')}, "
        f"{count(counts['rom'], 're-test')}, {count(counts['sessions'], 'session')} "
        f"and {count(counts['plans'], 'plan')}."
    )
