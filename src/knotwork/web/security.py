"""The gate every request passes: host, size, token, origin, CSRF, headers.

One pure ASGI middleware, outermost, so that nothing reaches a route (or reads
a body) before it is checked:

1. **Host allow-list.** Only the names the server was started for are served
   (by default 127.0.0.1, localhost and [::1], on its own port): a page on
   ``evil.example`` resolving to 127.0.0.1 (DNS rebinding) gets 400.
2. **Body limit.** A declared ``Content-Length`` over the limit is refused
   with 413 before a byte is read; a streamed body is counted as it arrives.
3. **Access token.** Scripts authenticate with ``Authorization: Bearer``
   (the token ``knotwork serve`` prints, kept 0600 in the data folder). When
   served beyond this machine every request needs it.
4. **State changes from browsers** (anything but GET, HEAD, OPTIONS) need
   two independent proofs: an ``Origin`` (or ``Sec-Fetch-Site``) naming this
   server, and a CSRF token bound to the HttpOnly, SameSite=Strict session
   cookie. Tokens are signed with itsdangerous; comparisons are constant-time.
5. **Headers** on every answer: a strict CSP, nosniff, no referrer,
   COOP/CORP, and ``Cache-Control: no-store`` on anything but static files.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from itsdangerous import BadData, URLSafeSerializer
from starlette.datastructures import Headers, MutableHeaders
from starlette.requests import cookie_parser
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from knotwork.web.errors import problem
from knotwork.web.request_body import (
    FORMS,
    BodyTooLarge,
    body_limit,
    counting,
    form_token,
)

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "[::1]")
SESSION_COOKIE = "knotwork_session"
CSRF_HEADER = "X-CSRF-Token"
# Paths whose body is a whole journal; every other body is small.
# A year: a page the service worker kept for offline use still carries a
# token that matches the cookie when the session is finally saved.
SESSION_MAX_AGE = 365 * 24 * 3600

PAGE_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'; connect-src 'self'; worker-src 'self'; "
    "manifest-src 'self'"
)
# Swagger UI and ReDoc set inline styles (never inline scripts) and ReDoc
# searches in a blob: worker; the documentation pages alone allow that.
DOCS_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'; connect-src 'self'; "
    "worker-src 'self' blob:"
)
DOCS_PATHS = ("/docs", "/redoc")
CACHEABLE_PREFIXES = ("/static/", "/docs-static/")
ALWAYS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
}
FORBIDDEN = "urn:knotwork:problem:forbidden"
UNAUTHORISED = "urn:knotwork:problem:unauthorised"
BAD_HOST = "urn:knotwork:problem:unknown-host"
TOO_LARGE = "urn:knotwork:problem:too-large"


def bracketed(host: str) -> str:
    """Return a host as it appears in a Host header: IPv6 addresses in brackets."""
    host = host.strip().lower()
    try:
        if ipaddress.ip_address(host.strip("[]")).version == 6:
            return f"[{host.strip('[]')}]"
    except ValueError:
        pass
    return host


def is_loopback(host: str) -> bool:
    """Say whether ``host`` is reachable only from this machine."""
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip().strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass
class Gate:
    """What the server was started for, and the secret its tokens derive from."""

    token_source: Callable[[], str]
    hosts: frozenset[str] = frozenset(LOOPBACK_HOSTS)
    port: int | None = None
    # Reachable from other machines: every request needs the access token.
    remote: bool = False
    _token: str | None = field(default=None, repr=False)

    @classmethod
    def for_server(
        cls,
        token_source: Callable[[], str],
        host: str = "127.0.0.1",
        port: int | None = None,
        allowed_hosts: Iterable[str] = (),
    ) -> Gate:
        """Allow the loopback names, the address served on and ``allowed_hosts``."""
        extra = {bracketed(h) for h in allowed_hosts if h.strip()}
        wildcard = host.strip() in ("0.0.0.0", "::", "")
        if not wildcard:
            extra.add(bracketed(host))
        remote = not is_loopback(host) or bool(extra - set(LOOPBACK_HOSTS))
        return cls(token_source, frozenset({*LOOPBACK_HOSTS, *extra}), port, remote)

    def token(self) -> str:
        """Return the access token, reading (or creating) it on first use."""
        if self._token is None:
            self._token = self.token_source()
        return self._token

    def signer(self) -> URLSafeSerializer:
        return URLSafeSerializer(
            self.token(),
            salt="knotwork-csrf",
            signer_kwargs={"digest_method": hashlib.sha256},
        )

    def csrf_token(self, session: str) -> str:
        """Return the CSRF token for one session cookie."""
        return str(self.signer().dumps(session))

    def csrf_matches(self, supplied: str, session: str) -> bool:
        try:
            bound = self.signer().loads(supplied)
        except BadData:
            return False
        return isinstance(bound, str) and hmac.compare_digest(bound, session)

    def bearer_matches(self, header: str) -> bool:
        scheme, _, supplied = header.partition(" ")
        if scheme.lower() != "bearer" or not supplied.strip():
            return False
        expected = self.token().encode()
        return hmac.compare_digest(supplied.strip().encode(), expected)

    def host_allowed(self, host_header: str) -> bool:
        name, port = split_host(host_header)
        if name is None or name not in self.hosts:
            return False
        return port is None or self.port is None or port == self.port


def split_host(header: str) -> tuple[str | None, int | None]:
    """Split a Host header into (name, port); (None, None) when malformed."""
    header = header.strip().lower()
    if header.startswith("["):
        if "]" not in header:
            return None, None
        name, _, rest = header.partition("]")
        name, port_text = name + "]", rest.removeprefix(":") if rest else ""
        if rest and not rest.startswith(":"):
            return None, None
    else:
        name, _, port_text = header.partition(":")
    if not name or name == "[]":
        return None, None
    if not port_text:
        return name, None
    if not port_text.isdigit() or not 0 < int(port_text) < 65536:
        return None, None
    return name, int(port_text)


class Guard:
    """The ASGI middleware that applies a ``Gate`` to every HTTP request."""

    def __init__(self, app: ASGIApp, gate: Gate) -> None:
        self.app = app
        self.gate = gate

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        path: str = scope["path"]
        cookies = cookie_parser(headers.get("cookie", ""))
        session = cookies.get(SESSION_COOKIE, "")
        new_session = None
        if not _looks_random(session):
            session = new_session = secrets.token_urlsafe(32)
        started = False

        async def send_guarded(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                out = MutableHeaders(scope=message)
                for name, value in ALWAYS.items():
                    out.setdefault(name, value)
                docs = path in DOCS_PATHS
                out.setdefault(
                    "Content-Security-Policy", DOCS_CSP if docs else PAGE_CSP
                )
                if not path.startswith(CACHEABLE_PREFIXES):
                    out["Cache-Control"] = "no-store"
                if new_session is not None:
                    out.append("Set-Cookie", self._cookie(scope, new_session))
            await send(message)

        limit = body_limit(path)
        try:
            refusal = self._refusal(scope, headers, limit)
            if refusal is not None:
                await refusal(scope, receive, send_guarded)
                return
            counted = counting(receive, limit)
            if scope["method"] not in SAFE_METHODS:
                refused, counted = await self._state_change(
                    scope, headers, counted, session if new_session is None else ""
                )
                if refused is not None:
                    await refused(scope, receive, send_guarded)
                    return
            if _is_page(path):  # the token the page's forms and scripts send
                scope.setdefault("state", {})["csrf_token"] = self.gate.csrf_token(
                    session
                )
            await self.app(scope, counted, send_guarded)
        except BodyTooLarge as error:
            if started:
                raise
            await problem(413, str(error.detail), TOO_LARGE)(
                scope, receive, send_guarded
            )

    def _refusal(self, scope: Scope, headers: Headers, limit: int) -> Any:
        """Return the response refusing this request before its body, or None."""
        if not self.gate.host_allowed(headers.get("host", "")):
            return problem(
                400,
                "this server does not answer for that host name",
                BAD_HOST,
            )
        declared = headers.get("content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > limit):
            return problem(
                413,
                f"the request body is larger than {limit} bytes",
                TOO_LARGE,
            )
        authorization = headers.get("authorization")
        if authorization is not None and not self.gate.bearer_matches(authorization):
            return _unauthorised("the access token is not valid")
        if self.gate.remote and authorization is None:
            return _unauthorised(
                "this server is reachable from other machines: send "
                "'Authorization: Bearer <access token>' with every request"
            )
        return None

    async def _state_change(
        self, scope: Scope, headers: Headers, receive: Receive, session: str
    ) -> tuple[Any, Receive]:
        """Check a POST/PUT/PATCH/DELETE; return (refusal or None, body source)."""
        from_browser = any(
            name in headers for name in ("origin", "sec-fetch-site", "sec-fetch-mode")
        )
        if not from_browser:
            if "authorization" in headers:  # already checked: a valid token
                return None, receive
            return _forbidden(
                "changes need the access token: send 'Authorization: Bearer "
                "<token>' (knotwork serve prints where it is kept)"
            ), receive
        if not _same_origin(headers):
            return _forbidden(
                "this change came from another web site, so nothing was changed"
            ), receive
        supplied = headers.get(CSRF_HEADER)
        content_type = headers.get("content-type", "").split(";")[0].strip().lower()
        if supplied is None and content_type in FORMS:
            supplied, receive = await form_token(scope, receive)
        if not session or not supplied or not self.gate.csrf_matches(supplied, session):
            return _forbidden(
                "the page's security token is missing or out of date: reload the "
                "page and try again"
            ), receive
        return None, receive

    @staticmethod
    def _cookie(scope: Scope, value: str) -> str:
        secure = "; Secure" if scope.get("scheme") == "https" else ""
        return (
            f"{SESSION_COOKIE}={value}; Path=/; Max-Age={SESSION_MAX_AGE}; "
            f"HttpOnly; SameSite=Strict{secure}"
        )


def _looks_random(session: str) -> bool:
    """Accept only cookies shaped like the ones this server sets."""
    return 32 <= len(session) <= 64 and all(c.isalnum() or c in "-_" for c in session)


def _is_page(path: str) -> bool:
    return not path.startswith(("/api/", *CACHEABLE_PREFIXES))


def _same_origin(headers: Headers) -> bool:
    """Check Origin (else Sec-Fetch-Site) names the host this request went to.

    Under ``Referrer-Policy: no-referrer`` browsers send ``Origin: null`` even
    for a page's own form posts; then Sec-Fetch-Site, which they always send,
    decides. An attacker's page can blank its Origin the same way, but never
    make Sec-Fetch-Site say same-origin.
    """
    origin = headers.get("origin")
    if origin is not None and origin != "null":
        parts = urlsplit(origin)
        host = headers.get("host", "").strip().lower()
        return parts.scheme in ("http", "https") and parts.netloc.lower() == host
    return headers.get("sec-fetch-site") == "same-origin"


def _forbidden(detail: str) -> Any:
    return problem(403, detail, FORBIDDEN)


def _unauthorised(detail: str) -> Any:
    return problem(
        401,
        detail,
        UNAUTHORISED,
        headers={"WWW-Authenticate": 'Bearer realm="knotwork"'},
    )
