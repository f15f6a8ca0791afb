"""The measured re-test in Chromium at 390x844, with emulated device orientation.

Chromium's DevTools protocol stands in for the phone's sensor: each override
fires one deviceorientation event, as a phone held still would.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.web.e2e.test_e2e import (
    ARTIFACTS,
    CHROMIUM,  # noqa: F401  (the browser fixture needs it)
    TIMEOUT_MS,
    Browser,
    Page,
    api_json,
    browser,  # noqa: F401  (fixture)
    expect,
    server,  # noqa: F401  (fixture)
)
from tests.web.e2e.test_phone import SIZES, axe_violations

SENSORS = ["accelerometer", "gyroscope", "magnetometer"]
# The 60-second routine works the upper trapezius: its re-test is the neck.
PLAYER = "/session?name=between_meetings&speed=200"


@pytest.fixture
def phone(browser: Browser) -> Iterator[tuple[Page, Any]]:  # noqa: F811
    """Open a 390x844 tab whose motion sensor the test moves."""
    made = browser.new_context(
        viewport=SIZES["phone"], service_workers="block", bypass_csp=True
    )
    made.set_default_timeout(TIMEOUT_MS)
    made.grant_permissions(SENSORS)
    page = made.new_page()
    yield page, made.new_cdp_session(page)
    made.close()


def hold(cdp: Any, alpha: float, beta: float = 85, gamma: float = 0) -> None:
    """Hold the phone at this orientation (degrees, as DeviceOrientationEvent).

    Nearly upright, as against a forehead: exactly upright is where the three
    angles stop being unique, which a real phone is never held at.
    """
    cdp.send(
        "DeviceOrientation.setDeviceOrientationOverride",
        {"alpha": alpha % 360, "beta": beta, "gamma": gamma},
    )


def measure_both_sides(
    page: Page, cdp: Any, phase: str, turns: dict[str, float]
) -> None:
    """Turn the head from straight ahead to each side, by ``turns`` degrees."""
    box = page.locator(f'[data-retest-box="{phase}"]')
    hold(cdp, 0)
    box.get_by_role("button", name="Measure with your phone").click()
    for side, degrees in turns.items():
        expect(box.locator("[data-side]")).to_contain_text(side.capitalize())
        hold(cdp, 10)  # where this side starts: any heading will do
        box.get_by_role("button", name="Start here").click()
        turned = 10 + degrees if side == "left" else 10 - degrees
        hold(cdp, turned)
        expect(box.locator("[data-angle]")).to_have_text(str(round(degrees)))
        box.get_by_role("button", name=f"Save {side}: {round(degrees)}°").click()
    expect(box.locator("[data-measured]")).to_have_text(
        "Measured: " + ", ".join(f"{s} {round(d)}°" for s, d in turns.items()) + "."
    )


def test_a_measured_re_test_is_saved_with_degrees(
    phone: tuple[Page, Any],
    server: str,  # noqa: F811
) -> None:
    page, cdp = phone
    page.goto(server + PLAYER)
    box = page.locator('[data-retest-box="before"]')
    expect(box).to_contain_text("neck rotation")
    measure_both_sides(page, cdp, "before", {"left": 55, "right": 60})
    page.get_by_role("button", name="Start the session").click()
    expect(page.locator('[data-phase="after"]')).to_be_visible()
    expect(page.locator("[data-before-note]")).to_have_text(
        "Before: left 55°, right 60°."
    )
    measure_both_sides(page, cdp, "after", {"left": 68, "right": 71})
    page.get_by_role("button", name="Save to my journal").click()
    expect(page.locator("#saved-message")).to_have_text("Saved to your journal.")
    summary = page.locator("#saved-summary")
    expect(summary).to_contain_text("neck rotation, left: 55° → 68° (+13°)")
    expect(summary).to_contain_text("neck rotation, right: 60° → 71° (+11°)")
    expect(summary).to_contain_text("In your journal: the session, 4 re-test results.")
    assert axe_violations(page) == []
    out = ARTIFACTS / "retest"
    out.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(out / "retest-saved-390.png"), full_page=True)

    history = api_json(page, server + "/api/v1/journal/history")
    assert isinstance(history, dict)
    (session,) = history["sessions"]
    rom = [
        (r["phase"], r["side"], r["degrees"], r["session_id"]) for r in history["rom"]
    ]
    assert sorted(rom) == sorted(
        [
            ("before", "left", 55.0, session["id"]),
            ("before", "right", 60.0, session["id"]),
            ("after", "left", 68.0, session["id"]),
            ("after", "right", 71.0, session["id"]),
        ]
    )
    assert session["retest"] == "neck rotation"
    page.goto(server + "/journal")
    expect(page.locator("#rom")).to_contain_text("Left: 55° → 68° (+13°)")
    page.locator("#rom").screenshot(path=str(out / "retest-journal-390.png"))


def test_a_held_still_side_saves_itself(
    phone: tuple[Page, Any],
    server: str,  # noqa: F811
) -> None:
    page, cdp = phone
    page.goto(server + "/session?name=feet_calves")
    box = page.locator('[data-retest-box="before"]')
    expect(box).to_contain_text("ankle dorsiflexion")
    hold(cdp, 0, beta=90)  # phone upright on an upright shin
    box.get_by_role("button", name="Measure with your phone").click()
    box.get_by_role("button", name="Start here").click()
    hold(cdp, 0, beta=52)  # the shin tilts 38 degrees towards the wall
    expect(box.locator("[data-side]")).to_contain_text("Right side", timeout=5000)
    box.get_by_role("button", name="Skip this side").click()
    expect(box.locator("[data-measured]")).to_have_text("Measured: left 38°.")


def test_without_a_sensor_the_ease_rating_remains(
    browser: Browser,  # noqa: F811
    server: str,  # noqa: F811
) -> None:
    made = browser.new_context(viewport=SIZES["phone"], service_workers="block")
    made.set_default_timeout(TIMEOUT_MS)
    page = made.new_page()
    page.goto(server + PLAYER)
    box = page.locator('[data-retest-box="before"]')
    box.get_by_role("button", name="Measure with your phone").click()
    expect(box.locator("[data-sensor-note]")).to_contain_text("Rate how easy")
    box.locator("input[type=range]").fill("4")
    page.get_by_role("button", name="Start the session").click()
    after = page.locator('[data-retest-box="after"]')
    expect(after).to_be_visible()
    after.locator("input[type=range]").fill("7")
    page.get_by_role("button", name="Save to my journal").click()
    expect(page.locator("#saved-summary")).to_contain_text(
        "neck rotation (ease): 4/10 → 7/10 (+3)"
    )
    history = api_json(page, server + "/api/v1/journal/history")
    assert isinstance(history, dict)
    assert [(r["phase"], r["ease"]) for r in history["rom"]] == [
        ("before", 4),
        ("after", 7),
    ]
    assert history["sessions"][0]["retest_ease"] == 7
    made.close()


@pytest.mark.parametrize("size", list(SIZES))
def test_the_measuring_step_is_screenshotted(
    browser: Browser,  # noqa: F811
    server: str,  # noqa: F811
    size: str,
) -> None:
    made = browser.new_context(viewport=SIZES[size], bypass_csp=True)
    made.set_default_timeout(TIMEOUT_MS)
    made.grant_permissions(SENSORS)
    page = made.new_page()
    cdp = made.new_cdp_session(page)
    page.goto(server + PLAYER)
    box = page.locator('[data-retest-box="before"]')
    hold(cdp, 0)
    box.get_by_role("button", name="Measure with your phone").click()
    box.get_by_role("button", name="Start here").click()
    hold(cdp, 42)
    expect(box.locator("[data-angle]")).to_have_text("42")
    box.scroll_into_view_if_needed()
    assert axe_violations(page) == []
    out = ARTIFACTS / "retest"  # apart from the per-page set, which is counted
    out.mkdir(parents=True, exist_ok=True)
    width = SIZES[size]["width"]
    page.screenshot(path=str(out / f"retest-measuring-{width}.png"))
    made.close()
