"""Time `knotwork where ... --json` as a new process; print median and ratio.

    python bench/cli_latency.py [RUNS]

The target is a median under 150 ms on this machine. The ratio to an empty
`python -c pass` makes numbers comparable across noisy machines.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

BIN = Path(sys.executable).parent
COMMANDS = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "where --json": [
        str(BIN / "knotwork"),
        "where",
        "headache at the back of my head wrapping round to the temple",
        "--json",
    ],
    "where --region --json": [
        str(BIN / "knotwork"),
        "where",
        "--region",
        "heel",
        "--json",
    ],
    "check --json": [
        str(BIN / "knotwork"),
        "check",
        "on warfarin, sore calf",
        "--json",
    ],
}


def median_ms(cmd: list[str], runs: int) -> float:
    subprocess.run(cmd, capture_output=True, check=True)  # warm the page cache
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    baseline = None
    for name, cmd in COMMANDS.items():
        ms = median_ms(cmd, runs)
        baseline = baseline or ms
        print(f"{name:<24} median {ms:6.1f} ms   ratio {ms / baseline:4.1f}x")


if __name__ == "__main__":
    main()
