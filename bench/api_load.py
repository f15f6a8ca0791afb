"""Load the web server with ~50 concurrent clients; print p50/p95 per endpoint.

Run: .venv/bin/python bench/api_load.py [--clients 50] [--seconds 10] [--think 0.5]

Starts `knotwork serve` in a subprocess on a free port with a throw-away
KNOTWORK_HOME and seeds four weeks of journal. Then 50 clients, each with its
own connection, use the API like people do: a call, a pause of up to twice
``--think`` seconds, the next call. If the pages are mounted, they are loaded
the same way. Last, the clients send API calls back to back with no pause,
which measures capacity (req/s); latency there is queueing, 50 deep.
Targets (issue 5): API p95 < 50 ms, full pages p95 < 100 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Coroutine
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

API = "/api/v1"
Call = Callable[[httpx.AsyncClient], Coroutine[Any, Any, httpx.Response]]

WHERE = (
    "headache at the back of my head wrapping round to the temple",
    "tennis elbow",
    "the first steps in the morning hurt my heel",
    "stiff neck between the shoulder blades",
    "sore calf after running",
)


def _mix() -> list[tuple[str, int, Call]]:
    """Return (label, weight, call): what people do most, most often."""
    return [
        ("GET health", 1, lambda c: c.get(f"{API}/health")),
        (
            "POST where",
            6,
            lambda c: c.post(f"{API}/where", json={"text": random.choice(WHERE)}),
        ),
        (
            "POST check",
            3,
            lambda c: c.post(
                f"{API}/check",
                json={"text": "knot in my calf", "conditions": ["anticoagulants"]},
            ),
        ),
        ("GET regions", 1, lambda c: c.get(f"{API}/regions")),
        ("GET muscles/{id}", 2, lambda c: c.get(f"{API}/muscles/infraspinatus")),
        ("GET balls", 1, lambda c: c.get(f"{API}/balls")),
        (
            "POST balls/choose",
            2,
            lambda c: c.post(
                f"{API}/balls/choose", json={"regions": ["sole"], "tolerance": "low"}
            ),
        ),
        (
            "POST routines",
            3,
            lambda c: c.post(f"{API}/routines", json={"name": "desk_five"}),
        ),
        (
            "POST routines (custom)",
            2,
            lambda c: c.post(
                f"{API}/routines",
                json={"targets": ["upper_trapezius", "heel"], "minutes": 6},
            ),
        ),
        (
            "POST plans",
            1,
            lambda c: c.post(
                f"{API}/plans", json={"train": ["mon", "wed"], "focus": ["calf"]}
            ),
        ),
        (
            "POST journal/pain",
            3,
            lambda c: c.post(
                f"{API}/journal/pain",
                json={"spot": "upper_trapezius", "pain": random.randint(0, 10)},
            ),
        ),
        ("GET journal/history", 2, lambda c: c.get(f"{API}/journal/history")),
        ("GET profile", 1, lambda c: c.get(f"{API}/profile")),
        ("GET progress", 2, lambda c: c.get(f"{API}/progress")),
    ]


def _pages() -> list[tuple[str, int, Call]]:
    weights = {"/": 4, "/session": 2, "/routine": 1, "/journal": 1, "/balls": 1}
    return [
        (f"GET {path}", weight, lambda c, path=path: c.get(path))
        for path, weight in weights.items()
    ]


def free_port() -> int:
    """Return a TCP port nobody is listening on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def start_server(home: str, port: int) -> subprocess.Popen[bytes]:
    """Start `knotwork serve` on the port and wait until it answers."""
    code = f"from knotwork.cli.serve_commands import serve; serve(port={port})"
    env = {**os.environ, "KNOTWORK_HOME": home}
    env.pop("KNOTWORK_DATABASE_URL", None)
    server = subprocess.Popen([sys.executable, "-c", code], env=env)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}{API}/health").status_code == 200:
                return server
        except httpx.TransportError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit("the server did not start within 30 s")


def seed(base: str) -> None:
    """Give the journal four weeks of entries and a few sessions."""
    now = datetime.now(UTC)
    with httpx.Client(base_url=base) as client:
        for day in range(28):
            at = (now - timedelta(days=28 - day)).isoformat()
            for spot in ("upper_trapezius", "gastrocnemius"):
                pain = {"spot": spot, "pain": max(0, 7 - day // 5), "at": at}
                client.post(f"{API}/journal/pain", json=pain).raise_for_status()
            if day % 3 == 0:
                session = {
                    "id": f"bench-{day}",
                    "routine": "desk_five",
                    "started_at": at,
                    "ended_at": at,
                    "pain_before": {"upper_trapezius": 6},
                    "pain_after": {"upper_trapezius": 4},
                    "completed": True,
                }
                client.post(f"{API}/sessions", json=session).raise_for_status()


async def load(
    base: str,
    mix: list[tuple[str, int, Call]],
    clients: int,
    seconds: float,
    think: float,
) -> dict[str, list[float]]:
    """Run the clients for ``seconds``; return latencies (ms) by label."""
    labels = [label for label, weight, _ in mix for _ in range(weight)]
    calls = {label: call for label, _, call in mix}
    timings: dict[str, list[float]] = defaultdict(list)
    failures: dict[str, int] = defaultdict(int)
    # One client per person: a single shared httpx pool of 50 connections
    # spends more CPU than the server and would be what gets measured.
    # Built before the clock starts, as each one sets up TLS state.
    https = [httpx.AsyncClient(base_url=base, timeout=30) for _ in range(clients)]
    stop = time.monotonic() + seconds

    async def client(number: int) -> None:
        pick = random.Random(number)
        http = https[number]
        if think:  # people arrive at different moments, not all at once
            await asyncio.sleep(pick.uniform(0, 2 * think))
        while time.monotonic() < stop:
            label = pick.choice(labels)
            began = time.perf_counter()
            response = await calls[label](http)
            timings[label].append((time.perf_counter() - began) * 1000)
            if response.status_code >= 400:
                failures[label] += 1
            if think:
                await asyncio.sleep(pick.uniform(0, 2 * think))

    await asyncio.gather(*(client(n) for n in range(clients)))
    for http in https:
        await http.aclose()
    for label, count in failures.items():
        print(f"  ! {label}: {count} error responses", file=sys.stderr)
    return timings


def percentile(values: list[float], share: float) -> float:
    """Return the value below which ``share`` of the values fall."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def report(title: str, timings: dict[str, list[float]], seconds: float) -> None:
    """Print p50 and p95 for each label and overall."""
    every = [t for values in timings.values() for t in values]
    print(f"\n{title}: {len(every)} requests, {len(every) / seconds:.0f} req/s")
    print(f"  {'endpoint':<26}{'n':>7}{'p50 ms':>9}{'p95 ms':>9}")
    for label in sorted(timings):
        values = timings[label]
        p50, p95 = statistics.median(values), percentile(values, 0.95)
        print(f"  {label:<26}{len(values):>7}{p50:>9.1f}{p95:>9.1f}")
    p50, p95 = statistics.median(every), percentile(every, 0.95)
    print(f"  {'overall':<26}{len(every):>7}{p50:>9.1f}{p95:>9.1f}")


def serving_pages(base: str, mix: list[tuple[str, int, Call]]) -> bool:
    """Return whether every page in the mix answers (the pages are mounted)."""
    return all(
        httpx.get(base + label.removeprefix("GET ")).status_code == 200
        for label, _, _ in mix
    )


def main() -> None:
    """Start a server, load it, print the figures, stop it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--think", type=float, default=0.5)
    options = parser.parse_args()
    clients, seconds, think = options.clients, options.seconds, options.think
    with tempfile.TemporaryDirectory(prefix="knotwork-bench-") as home:
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = start_server(home, port)
        try:
            seed(base)
            # One quiet pass so first-use loading is not counted.
            asyncio.run(load(base, _mix(), 1, 1.0, 0))
            timings = asyncio.run(load(base, _mix(), clients, seconds, think))
            report(f"API, {clients} clients pausing ~{think} s", timings, seconds)
            pages = _pages()
            if serving_pages(base, pages):
                asyncio.run(load(base, pages, 1, 1.0, 0))
                timings = asyncio.run(load(base, pages, clients, seconds, think))
                report(f"Pages, {clients} clients pausing ~{think} s", timings, seconds)
            else:
                print("\nPages: not all mounted, skipped")
            timings = asyncio.run(load(base, _mix(), clients, seconds, 0))
            report(f"API capacity, {clients} clients, no pause", timings, seconds)
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
