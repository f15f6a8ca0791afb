"""The stylesheet's colours meet WCAG AA in light and dark mode."""

from __future__ import annotations

import re

import pytest

from knotwork.web.pages.common import STATIC

CSS = (STATIC / "app.css").read_text(encoding="utf-8")
DARK_QUERY = "@media (prefers-color-scheme: dark)"
# (foreground, background, minimum): 4.5 for text, 3 for shapes and borders.
PAIRS = [
    ("text", "bg", 4.5),
    ("text", "surface", 4.5),
    ("muted", "bg", 4.5),
    ("muted", "surface", 4.5),
    ("accent", "bg", 4.5),
    ("accent", "surface", 4.5),
    ("accent-text", "accent", 4.5),
    ("danger", "bg", 4.5),
    ("danger", "surface", 4.5),
    ("ok", "ok-bg", 4.5),
    ("modify", "modify-bg", 4.5),
    ("clinician", "clinician-bg", 4.5),
    ("stop", "stop-bg", 4.5),
    ("stop", "bg", 4.5),
    ("text", "zone", 4.5),
    ("focus", "bg", 3.0),
    ("line", "bg", 3.0),
    ("line", "surface", 3.0),
    ("zone-line", "body", 3.0),
    ("zone-line", "zone", 3.0),
    ("zone-on", "zone", 3.0),
]


def _colours(block: str) -> dict[str, str]:
    return dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6})", block))


def palettes() -> dict[str, dict[str, str]]:
    light_block, dark_block = CSS.split(DARK_QUERY, 1)
    light = _colours(light_block)
    return {"light": light, "dark": light | _colours(dark_block.split("}\n}")[0])}


def luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [
        c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels
    ]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def blend(top: str, bottom: str, alpha: float) -> str:
    mixed = [
        round(
            int(top[i : i + 2], 16) * alpha + int(bottom[i : i + 2], 16) * (1 - alpha)
        )
        for i in (1, 3, 5)
    ]
    return "#" + "".join(f"{c:02x}" for c in mixed)


@pytest.mark.parametrize("mode", ["light", "dark"])
@pytest.mark.parametrize(("fg", "bg", "minimum"), PAIRS)
def test_colour_pairs_meet_aa(mode: str, fg: str, bg: str, minimum: float) -> None:
    palette = palettes()[mode]
    ratio = contrast(palette[fg], palette[bg])
    assert ratio >= minimum, f"{mode}: {fg} on {bg} is {ratio:.2f}:1"


def test_the_current_page_in_the_menu_stays_readable() -> None:
    light, dark = palettes()["light"], palettes()["dark"]
    # .nav a[aria-current] lays a translucent white (light) or black (dark) wash.
    light_bg = blend("#ffffff", light["accent"], 0.18)
    dark_bg = blend("#000000", dark["accent"], 0.2)
    assert contrast(light["accent-text"], light_bg) >= 4.5
    assert contrast(dark["accent-text"], dark_bg) >= 4.5


def test_motion_and_dark_mode_are_honoured() -> None:
    assert "@media (prefers-reduced-motion: reduce)" in CSS
    assert DARK_QUERY in CSS
    assert "color-scheme: light dark" in CSS
