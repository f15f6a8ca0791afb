"""Score the main pages with Lighthouse on Debian's Chromium, as a phone.

Run: .venv/bin/python bench/lighthouse.py

Lighthouse is an npm package, not a Python one; install it (once) into the
ignored folder bench/.node, then run this script:

    (cd bench/.node && npm i -E lighthouse@12.2.3)

Without it (or without /usr/bin/chromium) the script says so and skips. The
app is served by uvicorn over a temporary journal; each page is scored in
Lighthouse's default mobile emulation. Target (issue 11): at least 95 in
every category on every page.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import uvicorn

from knotwork.config import Settings
from knotwork.web.app import create_app

LIGHTHOUSE = Path(__file__).parent / ".node" / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = Path("/usr/bin/chromium")
PAGES = (
    "/",
    "/routine?name=desk_five",
    "/session?name=desk_five",
    "/journal",
    "/journal/offline",
    "/muscles/upper_trapezius",
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGET = 95


def serve(home: Path) -> tuple[str, uvicorn.Server]:
    """Start the app on a free port in a thread; return its URL and server."""
    config = uvicorn.Config(
        create_app(Settings(home=home)), log_level="warning", lifespan="off"
    )
    server = uvicorn.Server(config)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return f"http://127.0.0.1:{sock.getsockname()[1]}", server


def score(url: str) -> dict[str, int]:
    """Run Lighthouse on one URL; return its category scores out of 100."""
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        "--output-path=stdout",
        f"--only-categories={','.join(CATEGORIES)}",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
    ]
    env = {**os.environ, "CHROME_PATH": str(CHROMIUM)}
    # Chromium now and then fails to start on a loaded machine: one retry.
    for attempt in (1, 2):
        done = subprocess.run(
            command, capture_output=True, text=True, env=env, timeout=300
        )
        if done.returncode == 0:
            break
        if attempt == 2:
            raise SystemExit(f"lighthouse failed on {url}: {done.stderr[-500:]}")
    report = json.loads(done.stdout)
    return {
        name: round(100 * (report["categories"][name]["score"] or 0))
        for name in CATEGORIES
    }


def main() -> int:
    """Print each page's scores and whether every one meets the target."""
    if not LIGHTHOUSE.exists() or not CHROMIUM.exists():
        print(
            "lighthouse: skipped (needs bench/.node with lighthouse and "
            f"{CHROMIUM}); install with: (cd bench/.node && npm i -E "
            "lighthouse@12.2.3)"
        )
        return 0
    with tempfile.TemporaryDirectory() as home:
        base, server = serve(Path(home))
        try:
            rows = [(page, score(base + page)) for page in PAGES]
        finally:
            server.should_exit = True
    print(f"{'page':<28}" + "".join(f"{c[:13]:>15}" for c in CATEGORIES))
    for page, scores in rows:
        print(f"{page:<28}" + "".join(f"{scores[c]:>15}" for c in CATEGORIES))
    worst = min(s for _, scores in rows for s in scores.values())
    print(f"lowest score: {worst} (target {TARGET})")
    return 0 if worst >= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
