"""Every error the web app returns is RFC 9457 ``application/problem+json``.

Domain exceptions become 422 problems carrying the domain's own message; request
validation becomes 422 problems naming each field; HTTP errors keep their
status; anything unexpected becomes a 500 that reveals nothing internal.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Sequence
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from knotwork.errors import KnotworkError
from knotwork.exports.json_export import ExportError
from knotwork.services.journal import JournalUnavailable

PROBLEM_JSON = "application/problem+json"
INVALID = "urn:knotwork:problem:invalid-request"
UNAVAILABLE = "urn:knotwork:problem:journal-unavailable"
INTERNAL = "urn:knotwork:problem:internal-error"

# Pydantic says "Input should be ..."; a person reads "pain: must be ...".
_SHOULD = (
    "Input should",
    "String should",
    "List should",
    "Dictionary should",
    "Value should",
    "Object should",
    "Tuple should",
)

log = logging.getLogger("knotwork.web")


class InvalidRequest(KnotworkError):
    """A request the web adapter itself refuses, e.g. nothing to look up."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


def problem(
    status: int,
    detail: str,
    type_: str = "about:blank",
    title: str | None = None,
    errors: Sequence[dict[str, str]] | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    """Return a problem+json response."""
    body: dict[str, Any] = {
        "type": type_,
        "title": title or HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
    }
    if errors:
        body["errors"] = list(errors)
    # ASCII-escaped so that text echoed from the request (even a lone
    # surrogate) can never make the error itself fail to encode.
    content = json.dumps(body, ensure_ascii=True, allow_nan=False)
    return Response(content, status, headers=headers, media_type=PROBLEM_JSON)


def field_name(location: Sequence[int | str]) -> str:
    """Name a field from a validation location: ('body', 'steps', 0) -> steps[0]."""
    parts = list(location)
    if parts and parts[0] in ("body", "query", "path", "header", "cookie"):
        parts = parts[1:] or parts
    name = ""
    for part in parts:
        if isinstance(part, int):
            name += f"[{part}]"
        else:
            name += ("." if name else "") + str(part)
    return name or "request"


def field_message(error: dict[str, Any]) -> str:
    """Phrase one pydantic error as what the field must be."""
    kind = error.get("type", "")
    if kind == "missing":
        return "is required"
    if kind == "extra_forbidden":
        return "is not a field this request takes"
    if kind == "json_invalid":
        reason = (error.get("ctx") or {}).get("error", "")
        return f"is not valid JSON{': ' + str(reason) if reason else ''}"
    message = str(error.get("msg", "is not valid"))
    message = message.removeprefix("Value error, ").removeprefix("Assertion failed, ")
    for start in _SHOULD:
        if message.startswith(start):
            return "must" + message.removeprefix(start)
    return message


def validation_problem(errors: Sequence[dict[str, Any]]) -> Response:
    """Return a 422 naming every field that is wrong."""
    named = [
        {
            # A JSON syntax error's location is a character offset, not a field.
            "field": "body"
            if e.get("type") == "json_invalid"
            else field_name(e.get("loc", ())),
            "message": field_message(e),
        }
        for e in errors
    ]
    detail = "; ".join(f"{e['field']}: {e['message']}" for e in named)
    return problem(422, detail or "the request is not valid", INVALID, errors=named)


async def _on_validation(_request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    return validation_problem(exc.errors())


async def _on_http(_request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    detail = exc.detail if isinstance(exc.detail, str) else None
    return problem(
        exc.status_code,
        detail or HTTPStatus(exc.status_code).description,
        headers=dict(exc.headers) if exc.headers else None,
    )


async def _on_domain(_request: Request, exc: Exception) -> Response:
    errors = None
    if isinstance(exc, ExportError) and exc.where:
        errors = [{"field": exc.where, "message": exc.problem}]
    if isinstance(exc, InvalidRequest) and exc.field:
        errors = [{"field": exc.field, "message": str(exc)}]
    return problem(422, str(exc), INVALID, "Invalid request", errors)


async def _on_unavailable(_request: Request, exc: Exception) -> Response:
    log.error("journal unavailable: %s", exc)
    return problem(
        503,
        "The journal database cannot be opened right now; try again shortly.",
        UNAVAILABLE,
    )


async def _on_unexpected(request: Request, exc: Exception) -> Response:
    log.exception("unexpected error on %s %s", request.method, request.url.path)
    response = problem(
        500,
        "Something went wrong on our side; nothing you sent was at fault.",
        INTERNAL,
    )
    # Starlette answers a crash from outside every middleware, the security
    # gate included, so this answer carries the gate's headers itself.
    from knotwork.web.security import ALWAYS, PAGE_CSP

    for name, value in ALWAYS.items():
        response.headers.setdefault(name, value)
    response.headers["Content-Security-Policy"] = PAGE_CSP
    response.headers["Cache-Control"] = "no-store"
    return response


def install_problem_handlers(app: FastAPI) -> None:
    """Turn every error into problem+json, and document it so in OpenAPI."""
    app.add_exception_handler(RequestValidationError, _on_validation)
    app.add_exception_handler(StarletteHTTPException, _on_http)
    # Every refusal the domain, stores, exports or services raise is a
    # KnotworkError carrying a message written for people: mapped once here.
    app.add_exception_handler(KnotworkError, _on_domain)
    app.add_exception_handler(JournalUnavailable, _on_unavailable)
    app.add_exception_handler(Exception, _on_unexpected)
    app.openapi = _problem_media_types(app.openapi)  # type: ignore[method-assign]


def _problem_media_types(
    build: Callable[[], dict[str, Any]],
) -> Callable[[], dict[str, Any]]:
    """Document error responses as problem+json (FastAPI says application/json)."""

    def openapi() -> dict[str, Any]:
        schema = build()
        for path in schema.get("paths", {}).values():
            for operation in path.values():
                for status, response in operation.get("responses", {}).items():
                    content = response.get("content", {})
                    if status[:1] in "45" and "application/json" in content:
                        content[PROBLEM_JSON] = content.pop("application/json")
        return schema

    return openapi
