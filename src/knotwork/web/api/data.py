"""Take the journal along, bring it back, or delete it: export, import, forget."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Query, Request, Response
from starlette.concurrency import run_in_threadpool

from knotwork.exports.csv_export import csv_table, csv_zip
from knotwork.exports.fhir import fhir_text
from knotwork.exports.json_export import export_text
from knotwork.exports.json_import import parse_export
from knotwork.exports.pdf import pdf_summary
from knotwork.web.deps import JournalDep, KnotworkDep
from knotwork.web.errors import InvalidRequest
from knotwork.web.fields import ExportFormat
from knotwork.web.journal_schemas import ImportedPublic
from knotwork.web.schemas import Problem

EXPORT_BODY = {
    "requestBody": {
        "required": True,
        "description": "A knotwork JSON export, as `GET /export?format=json` gives.",
        "content": {"application/json": {"schema": {"type": "object"}}},
    }
}


def routes() -> APIRouter:
    """Return the export, import and delete routes."""
    router = APIRouter(tags=["data"])
    router.get(
        "/export",
        response_class=Response,
        responses={
            200: {
                "description": "The journal as a file to download.",
                "content": {
                    "application/json": {},
                    "application/zip": {},
                    "text/csv": {},
                    "application/fhir+json": {},
                    "application/pdf": {},
                },
            }
        },
    )(export)
    router.post(
        "/import",
        response_model=ImportedPublic,
        openapi_extra=EXPORT_BODY,
        responses={
            413: {"model": Problem, "description": "Larger than 10 MB."},
            415: {"model": Problem, "description": "Not sent as application/json."},
        },
    )(import_)
    router.delete("/data")(forget)
    return router


def export(
    core: KnotworkDep,
    format: ExportFormat = "json",
    table: Annotated[
        str | None, Query(description="With csv: one table instead of a zip of all.")
    ] = None,
) -> Response:
    """Download everything: JSON (lossless), CSV, FHIR R4 or a PDF summary."""
    bundle = core.export_bundle()
    now = datetime.now(UTC)
    if format == "json":
        body: str | bytes = export_text(bundle)
        media, name = "application/json", "knotwork-export.json"
    elif format == "csv" and table is not None:
        body = csv_table(bundle, table).encode("utf-8-sig")
        media, name = "text/csv; charset=utf-8", f"knotwork-{table}.csv"
    elif format == "csv":
        body, media, name = csv_zip(bundle), "application/zip", "knotwork-csv.zip"
    elif format == "fhir":
        body = fhir_text(bundle.pain, now)
        media, name = "application/fhir+json", "knotwork-fhir.json"
    else:
        body = pdf_summary(core.summary(bundle, now), bundle.profile)
        media, name = "application/pdf", "knotwork-summary.pdf"
    disposition = f'attachment; filename="{name}"'
    return Response(
        body, media_type=media, headers={"Content-Disposition": disposition}
    )


async def import_(request: Request, journal: JournalDep) -> dict[str, dict[str, int]]:
    """Import a JSON export into an empty journal: all of it, or nothing.

    A 422 problem names the first field that is wrong; nothing is stored then.
    Only `application/json` is read (415 otherwise), at most 10 MB (413).
    """
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media != "application/json":
        raise HTTPException(415, "an import must be sent as application/json")
    raw = await request.body()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InvalidRequest("the export must be UTF-8 JSON", "body") from None
    bundle = parse_export(text)
    await run_in_threadpool(journal.import_bundle, bundle)
    return {
        "imported": {
            "pain": len(bundle.pain),
            "rom": len(bundle.rom),
            "sessions": len(bundle.sessions),
            "plans": len(bundle.plans),
        }
    }


def forget(
    journal: JournalDep,
    confirm: Annotated[
        Literal["yes"], Query(description="Must be `yes`: this cannot be undone.")
    ],
) -> dict[str, bool]:
    """Delete every entry, session, plan and the profile. This cannot be undone."""
    journal.forget_all()
    return {"deleted": True}
