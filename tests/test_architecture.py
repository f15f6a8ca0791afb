"""The folder tree is the architecture: check its contracts and its docs."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT


def test_import_contracts_hold() -> None:
    exe = shutil.which("lint-imports") or str(
        Path(sys.executable).parent / "lint-imports"
    )
    result = subprocess.run([exe], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
