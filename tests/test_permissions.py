"""A person's files are theirs alone: modes after a fresh start under umask 022.

Runs the real CLI in a child process with umask 022 (the common default,
which makes new files world-readable) and checks every file knotwork made.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from knotwork.store.private import read_or_create_token

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def knotwork(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    code = (
        "import os, sys; os.umask(0o022);"
        "from knotwork.cli.main import main; sys.exit(main())"
    )
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        env={**os.environ, "KNOTWORK_HOME": str(home)},
        capture_output=True,
        text=True,
        timeout=120,
        cwd=home.parent.parent,
    )


def test_fresh_start_under_umask_022_keeps_everything_private(tmp_path: Path) -> None:
    home = tmp_path / "data" / "knotwork"  # neither folder exists yet
    logged = knotwork(home, "log", "pain", "calf", "4")
    assert logged.returncode == 0, logged.stderr
    for name in ("x.json", "x.fhir.json", "x.csv", "x.pdf"):
        done = knotwork(home, "export", str(tmp_path / name))
        assert done.returncode == 0, done.stderr
    exports = [p for p in tmp_path.iterdir() if p.name.startswith("x")]
    assert len(exports) >= 4  # .csv writes one file per table
    for path in exports:
        assert mode(path) == 0o600, path.name
    assert mode(home) == 0o700
    database = home / "knotwork.db"
    assert mode(database) == 0o600
    companions = [home / "knotwork.db-wal", home / "knotwork.db-shm"]
    for path in [p for p in companions if p.exists()]:
        assert mode(path) == 0o600, path.name
    for path in home.iterdir():
        assert not mode(path) & 0o077, f"{path.name} is readable by others"


def test_an_existing_world_readable_database_is_made_private(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert knotwork(home, "log", "pain", "calf", "4").returncode == 0
    os.chmod(home, 0o755)
    os.chmod(home / "knotwork.db", 0o644)
    assert knotwork(home, "history").returncode == 0
    assert mode(home) == 0o700 and mode(home / "knotwork.db") == 0o600


def test_the_access_token_is_created_once_and_private(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        token = read_or_create_token(tmp_path / "home")
    finally:
        os.umask(old)
    path = tmp_path / "home" / "access-token"
    assert mode(path) == 0o600 and mode(tmp_path / "home") == 0o700
    assert len(token) >= 40
    assert read_or_create_token(tmp_path / "home") == token
