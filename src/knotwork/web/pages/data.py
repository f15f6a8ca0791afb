"""Your data: download it in every format, bring it back, or delete it all."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, Response

from knotwork.domain import limits
from knotwork.exports.csv_export import csv_zip
from knotwork.exports.fhir import fhir_text
from knotwork.exports.json_export import export_text
from knotwork.exports.json_import import parse_export
from knotwork.exports.pdf import pdf_summary
from knotwork.services.journal import Journal
from knotwork.services.journal_location import describe_location_briefly
from knotwork.web.deps import JournalDep, KnotworkDep, SettingsDep
from knotwork.web.pages.common import render

router = APIRouter()
CONFIRM_WORD = "delete"
# An export of years of daily entries is a few megabytes; the one import limit.
MAX_IMPORT_BYTES = limits.IMPORT_BODY_BYTES
Format = Literal["json", "csv", "fhir", "pdf"]
DOWNLOADS: dict[str, tuple[str, str]] = {
    "json": ("application/json", "knotwork-export.json"),
    "csv": ("application/zip", "knotwork-export-csv.zip"),
    "fhir": ("application/fhir+json", "knotwork-fhir.json"),
    "pdf": ("application/pdf", "knotwork-summary.pdf"),
}


def _context(journal: Journal, settings_location: str) -> dict[str, Any]:
    bundle = journal.export_bundle()
    return {
        "page": "data",
        "location": settings_location,
        "counts": {
            "pain entries": len(bundle.pain),
            "re-tests": len(bundle.rom),
            "sessions": len(bundle.sessions),
            "weekly plans": len(bundle.plans),
        },
        "confirm_word": CONFIRM_WORD,
    }


@router.get("/data", response_class=HTMLResponse)
def data_page(
    request: Request, journal: JournalDep, settings: SettingsDep
) -> HTMLResponse:
    """Offer export, import and delete-everything."""
    return render(
        request, "data.html", _context(journal, describe_location_briefly(settings))
    )


@router.get("/data/export/{fmt}")
def export(fmt: Format, core: KnotworkDep) -> Response:
    """Download everything: JSON (lossless), CSV (zip), FHIR R4, or a PDF summary."""
    bundle = core.export_bundle()
    now = datetime.now(UTC)
    body: bytes
    if fmt == "json":
        body = export_text(bundle).encode("utf-8")
    elif fmt == "csv":
        body = csv_zip(bundle)
    elif fmt == "fhir":
        body = fhir_text(bundle.pain, now).encode("utf-8")
    else:
        body = pdf_summary(core.summary(bundle, now), bundle.profile)
    media_type, filename = DOWNLOADS[fmt]
    return Response(
        body,
        media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@router.post("/data/import", response_class=HTMLResponse)
async def import_data(
    request: Request,
    journal: JournalDep,
    settings: SettingsDep,
    file: UploadFile,
) -> HTMLResponse:
    """Import a JSON export into an empty journal: all of it or nothing."""
    raw = await file.read(MAX_IMPORT_BYTES + 1)
    context = _context(journal, describe_location_briefly(settings))
    try:
        if len(raw) > MAX_IMPORT_BYTES:
            raise ValueError("the file is larger than any knotwork export")
        bundle = parse_export(raw.decode("utf-8"))
        journal.import_bundle(bundle)
    except ValueError as error:  # ExportError, InvalidRecord, bad UTF-8
        context["import_error"] = f"Not imported, nothing changed: {error}."
        return render(request, "data.html", context, status_code=422)
    context = _context(journal, describe_location_briefly(settings))
    context["imported"] = (
        f"Imported {len(bundle.pain)} pain entries, {len(bundle.rom)} re-tests, "
        f"{len(bundle.sessions)} sessions and {len(bundle.plans)} plans."
    )
    return render(request, "data.html", context)


@router.post("/data/delete", response_class=HTMLResponse)
def delete_everything(
    request: Request,
    journal: JournalDep,
    settings: SettingsDep,
    confirm: Annotated[str, Form(max_length=40)] = "",
) -> HTMLResponse:
    """Delete every entry, session, plan and the profile, after confirmation."""
    if confirm.strip().lower() != CONFIRM_WORD:
        context = _context(journal, describe_location_briefly(settings))
        context["delete_error"] = (
            f"Nothing was deleted: type '{CONFIRM_WORD}' in the box to confirm."
        )
        return render(request, "data.html", context, status_code=422)
    journal.forget_all()
    context = _context(journal, describe_location_briefly(settings))
    context["deleted"] = True
    return render(request, "data.html", context)
