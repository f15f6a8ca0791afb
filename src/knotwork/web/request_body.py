"""A request body, bounded and read once for its CSRF field, then replayed.

The security gate needs two things from a body before any route sees it: that
it stays under its size limit, and, for a browser form, the ``csrf_token``
field. Both happen here, so the route then reads the same bytes as sent.
"""

from __future__ import annotations

from urllib.parse import parse_qsl

from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.types import Message, Receive, Scope

from knotwork.domain.limits import BODY_BYTES, IMPORT_BODY_BYTES

# Imports carry a whole journal, so they may send more than other requests.
IMPORT_PATHS = frozenset({"/api/v1/import", "/data/import"})
FORMS = ("application/x-www-form-urlencoded", "multipart/form-data")
CSRF_FIELD = "csrf_token"


class BodyTooLarge(HTTPException):
    """The request body passed its limit while it was being read."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"the request body is larger than {limit} bytes")


def body_limit(path: str) -> int:
    """Return the most bytes a request to ``path`` may send."""
    return IMPORT_BODY_BYTES if path in IMPORT_PATHS else BODY_BYTES


def counting(receive: Receive, limit: int) -> Receive:
    """Wrap ``receive`` so a body growing past ``limit`` raises BodyTooLarge."""
    seen = 0

    async def counted() -> Message:
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                raise BodyTooLarge(limit)
        return message

    return counted


async def form_token(scope: Scope, receive: Receive) -> tuple[str | None, Receive]:
    """Read a form's csrf_token field; return it and a replay of the body.

    The body is already bounded by ``counting``; the route reads it again
    from the replay, exactly as sent.
    """
    chunks: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    body = b"".join(chunks)
    replayed = False

    async def replay() -> Message:
        nonlocal replayed
        if not replayed:
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    content_type = Headers(scope=scope).get("content-type", "")
    token: str | None = None
    if content_type.lower().startswith(FORMS[0]):
        text = body.decode("latin-1")
        token = next((v for k, v in parse_qsl(text) if k == CSRF_FIELD), None)
    else:
        token = await multipart_token(scope, body)
    return token, replay


async def multipart_token(scope: Scope, body: bytes) -> str | None:
    sent = False

    async def once() -> Message:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    request = Request({**scope, "state": {}}, once)
    try:
        form = await request.form()
    except Exception:  # malformed multipart: no token, so refused with 403
        return None
    try:
        value = form.get(CSRF_FIELD)
        return value if isinstance(value, str) else None
    finally:
        await form.close()
