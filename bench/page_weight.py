"""Weigh everything the session player page loads, gzip-compressed.

Run: .venv/bin/python bench/page_weight.py

Budget (issue 5): under 150 KB compressed for everything the session player
page loads. Counted: the page itself, every script, stylesheet, icon and
manifest it links, and the service worker with everything it precaches on
the first visit (which includes the body map page). Bodies are gzipped at
level 6, what a typical server or proxy sends.
"""

from __future__ import annotations

import gzip
import re
import sys
import tempfile
import warnings
from pathlib import Path

from starlette.exceptions import StarletteDeprecationWarning

from knotwork.config import Settings
from knotwork.web.app import create_app
from knotwork.web.pages.pwa import PRECACHE

# Starlette prefers the httpx2 fork for its test client; httpx works the same.
with warnings.catch_warnings():
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from fastapi.testclient import TestClient

PLAYER = "/session?name=desk_five"
BUDGET_KB = 150.0
LEVEL = 6
# src= and href= of the resources a browser fetches when it loads the page.
LINKED = re.compile(
    r'<(?:script|img)[^>]+src="(/[^"]+)"|<link[^>]+href="(/[^"]+)"', re.IGNORECASE
)


def weigh(client: TestClient, url: str) -> tuple[int, int]:
    """Return (raw, gzipped) bytes of one URL."""
    response = client.get(url)
    response.raise_for_status()
    body = response.content
    return len(body), len(gzip.compress(body, compresslevel=LEVEL, mtime=0))


def main() -> int:
    """Print each resource's size and the total against the budget."""
    with tempfile.TemporaryDirectory() as home:
        # The app answers only for the names it serves (not "testserver").
        app = create_app(Settings(home=Path(home)))
        client = TestClient(app, base_url="http://127.0.0.1")
        page = client.get(PLAYER).text
        linked = [a or b for a, b in LINKED.findall(page)]
        worker = ["/sw.js", *PRECACHE]
        rows: list[tuple[str, str, int, int]] = []
        seen: set[str] = set()
        for group, urls in (("page", [PLAYER, *linked]), ("worker", worker)):
            for url in urls:
                if url in seen:
                    continue
                seen.add(url)
                rows.append((group, url, *weigh(client, url)))
    print(f"{'loaded by':<8} {'raw B':>8} {'gzip B':>8}  url")
    for group, url, raw, packed in rows:
        print(f"{group:<8} {raw:>8} {packed:>8}  {url}")
    page_only = sum(p for g, _, _, p in rows if g == "page") / 1024
    total = sum(p for *_, p in rows) / 1024
    print(f"page and its own assets: {page_only:.1f} KB gzip")
    print(f"with the offline cache:  {total:.1f} KB gzip (budget {BUDGET_KB:.0f} KB)")
    return 0 if total < BUDGET_KB else 1


if __name__ == "__main__":
    sys.exit(main())
