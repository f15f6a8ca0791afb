"""Time every `knotwork` command as a new process; print medians and ratios.

    python bench/cli_latency.py [RUNS]

Each command runs RUNS times (default 15) against a scratch data directory
that holds a small journal, and its median wall time is printed with its
ratio to an empty `python -c pass` measured in the same run, which makes
numbers comparable across machines and load. The targets: every command
within 8x `python -c pass`; `export x.pdf` and `progress --chart` within 1 s.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BIN = Path(sys.executable).parent
KNOTWORK = str(BIN / "knotwork")
RATIO_TARGET = 8.0
SECOND_TARGET_MS = 1000.0

COMMANDS: dict[str, list[str]] = {
    "--help": ["--help"],
    "where --json": ["where", "tight calf", "--json"],
    "where": ["where", "tennis elbow", "--side=right"],
    "check --json": ["check", "tight calf", "--json"],
    "check": ["check", "34 weeks pregnant, sore low back"],
    "ball": ["ball", "--region", "sole", "--tolerance", "low"],
    "routine": ["routine", "desk_five"],
    "routine --target": ["routine", "--target", "upper_trapezius", "--minutes", "5"],
    "plan": ["plan", "--train", "mon,wed,fri", "--focus", "calf"],
    "log pain": ["log", "pain", "calf", "3"],
    "history": ["history"],
    "profile show": ["profile", "show"],
    "progress": ["progress"],
    "progress --json": ["progress", "--json"],
    "muscles": ["muscles"],
}
# Measured against 1 s, not the ratio: they draw a chart or lay out a PDF.
SLOW_COMMANDS: dict[str, list[str]] = {
    "export x.pdf": ["export", "{tmp}/x.pdf"],
    "progress --chart x.png": ["progress", "--chart", "{tmp}/x.png"],
}


def _cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def median_ms(cmd: list[str], runs: int, env: dict[str, str]) -> tuple[float, float]:
    """Return the median wall time and CPU time of ``cmd`` in milliseconds.

    CPU time (user + system of the child) is printed beside wall time because
    on a shared, busy machine it is the steadier of the two.
    """
    subprocess.run(cmd, capture_output=True, check=True, env=env)  # warm caches
    walls, cpus = [], []
    for _ in range(runs):
        start, cpu = time.perf_counter(), _cpu()
        subprocess.run(cmd, capture_output=True, check=True, env=env)
        walls.append(time.perf_counter() - start)
        cpus.append(_cpu() - cpu)
    return statistics.median(walls) * 1000, statistics.median(cpus) * 1000


def _seed(env: dict[str, str]) -> None:
    """Give the scratch journal a few weeks of entries and a ball."""
    for day, pain in ((1, 6), (5, 5), (9, 5), (14, 4), (20, 3)):
        at = time.strftime("%Y-%m-%d", time.localtime(time.time() - day * 86400))
        cmd = [KNOTWORK, "log", "pain", "upper_trapezius", str(pain), "--at", at]
        subprocess.run(cmd, capture_output=True, check=True, env=env)
    cmd = [KNOTWORK, "profile", "add-ball", "lacrosse"]
    subprocess.run(cmd, capture_output=True, check=True, env=env)


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, KNOTWORK_HOME=tmp, COLUMNS="100")
        # A person's install keeps its compiled modules; compiling every
        # module from source on each run would measure the compiler instead.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        _seed(env)
        base, base_cpu = median_ms([sys.executable, "-c", "pass"], runs, env)
        print(f"{'command':<24} {'median':>9} {'ratio':>6} {'cpu':>9} {'ratio':>6}")
        print(f"{'python -c pass':<24} {base:7.1f}ms {1.0:5.1f}x {base_cpu:7.1f}ms")
        worst = 0.0
        for name, args in COMMANDS.items():
            ms, cpu = median_ms([KNOTWORK, *args], runs, env)
            worst = max(worst, ms / base)
            verdict = "ok" if ms / base <= RATIO_TARGET else f"over {RATIO_TARGET:g}x"
            print(
                f"{name:<24} {ms:7.1f}ms {ms / base:5.1f}x "
                f"{cpu:7.1f}ms {cpu / base_cpu:5.1f}x  {verdict}"
            )
        for name, args in SLOW_COMMANDS.items():
            cmd = [KNOTWORK, *(a.format(tmp=tmp) for a in args)]
            ms, cpu = median_ms(cmd, max(3, runs // 3), env)
            verdict = "ok" if ms <= SECOND_TARGET_MS else "over 1 s"
            print(
                f"{name:<24} {ms:7.1f}ms {ms / base:5.1f}x "
                f"{cpu:7.1f}ms {cpu / base_cpu:5.1f}x  {verdict}"
            )
        print(f"worst wall ratio {worst:.1f}x (target {RATIO_TARGET:g}x)")


if __name__ == "__main__":
    main()
