"""Where each trigger point sits on the drawn body figure, validated.

The sites live in their own file, apart from the muscle data, because they
describe the picture rather than the body: they change when the figure is
redrawn, not when the knowledge does. They are kept out of ``kb/data`` so the
finder's compiled index does not go stale when a picture is adjusted.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SITES_FILE = Path(__file__).parent / "figure_data" / "figure_sites.json"
FIGURE_WIDTH = 200
FIGURE_HEIGHT = 505


class FigureSite(BaseModel):
    """One trigger point on one view of the figure, on the viewer's left half."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    view: Literal["front", "back"]
    x: float = Field(ge=0, le=FIGURE_WIDTH / 2)
    y: float = Field(ge=0, le=FIGURE_HEIGHT)
    region: str


class FigureSites(BaseModel):
    """Every muscle's trigger-point sites, by muscle id then trigger-point id."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    version: int
    about: str
    sites: dict[str, dict[str, FigureSite]]


@cache
def load_figure_sites() -> FigureSites:
    """Load and validate the sites file, once per process."""
    return FigureSites.model_validate_json(SITES_FILE.read_text(encoding="utf-8"))
