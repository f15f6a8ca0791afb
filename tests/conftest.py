"""Shared fixtures: every test gets its own KNOTWORK_HOME."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

# Derandomised so CI is repeatable; run with --hypothesis-profile=explore to hunt.
settings.register_profile("ci", derandomize=True, deadline=None)
settings.register_profile("explore", max_examples=1000, deadline=None)
settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
VIGNETTES = Path(__file__).resolve().parent / "vignettes"


@pytest.fixture(autouse=True)
def knotwork_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point knotwork's data directory at a fresh temporary folder."""
    home = tmp_path / "knotwork-home"
    monkeypatch.setenv("KNOTWORK_HOME", str(home))
    return home
