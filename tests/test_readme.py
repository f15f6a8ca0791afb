"""Every `knotwork` command in the README runs, in order, as a person would paste it.

The tour is one story (log, look, export, forget, import), so the commands
run one after another against one fresh data directory. Two adaptations keep
it fast and unattended, and change no behaviour: guided sessions run with
time sped up, and `forget` is answered "y" on its prompt. `serve` is started,
asked for its home page, and stopped.
"""

from __future__ import annotations

import re
import shlex
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT

PROGRAM = ".venv/bin/knotwork"
RUN = [
    sys.executable,
    "-c",
    "import sys; from knotwork.cli.main import main; sys.exit(main())",
]


def readme_commands() -> list[list[str]]:
    """Return the argument lists of every knotwork line in the README's shell blocks."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = []
    for block in re.findall(r"```sh\n(.*?)```", text, flags=re.DOTALL):
        for line in block.splitlines():
            if line.startswith(PROGRAM + " "):
                commands.append(shlex.split(line, comments=True)[1:])
    return commands


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _serve(args: list[str], cwd: Path) -> None:
    port = _free_port()
    args = [a if a != "8000" else str(port) for a in args]
    quiet = subprocess.DEVNULL
    server = subprocess.Popen([*RUN, *args], cwd=cwd, stdout=quiet, stderr=quiet)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/") as page:
                    assert page.status == 200
                    return
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.2)
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_the_readme_lists_every_kind_of_command() -> None:
    first_words = {c[0] for c in readme_commands()}
    assert {"where", "check", "routine", "session", "log", "export", "serve"} <= (
        first_words
    )


def test_every_readme_command_runs(tmp_path: Path) -> None:
    commands = readme_commands()
    for args in commands:
        if args[0] == "serve":
            _serve(args, tmp_path)
            continue
        stdin = ""
        if args[0] == "session":
            args = [*args, "--plain", "--speed", "1000"]
        if args[0] == "forget":
            stdin = "y\n"
        result = subprocess.run(
            [*RUN, *args],
            cwd=tmp_path,
            input=stdin,
            capture_output=True,
            text=True,
            timeout=120,
        )
        shown = shlex.join(args)
        assert result.returncode == 0, f"{shown}\n{result.stdout}\n{result.stderr}"
        assert "Traceback" not in result.stderr, shown
        assert result.stdout.strip(), f"{shown} printed nothing"
    for written in ("week.ics", "progress.png", "everything.json"):
        assert (tmp_path / written).stat().st_size > 0


@pytest.mark.parametrize("args", [["--help"], ["where", "--help"]])
def test_help_ends_with_an_example(args: list[str]) -> None:
    result = subprocess.run([*RUN, *args], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and "Example" in result.stdout
