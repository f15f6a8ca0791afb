"""Drive the web app in Debian's Chromium, the way a person uses it, offline too.

Each test gets its own uvicorn server (in a thread, on a free port) over its
own temporary data directory, and its own browser context. Nothing here
downloads a browser: without /usr/bin/chromium the tests skip, unless CI is
set, where a missing browser is a failure.
"""

from __future__ import annotations

import json
import os
import re
import socket
import threading
import time
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from knotwork.config import Settings
from knotwork.web.app import create_app

playwright_api = pytest.importorskip("playwright.sync_api")
Browser = playwright_api.Browser
BrowserContext = playwright_api.BrowserContext
Page = playwright_api.Page
Locator = playwright_api.Locator
expect = playwright_api.expect

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[3] / "test-artifacts" / "screenshots"
PHONE = {"width": 360, "height": 800}
DESKTOP = {"width": 1280, "height": 800}
TIMEOUT_MS = 15_000


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Launch Debian's Chromium once for the module."""
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} is missing: install Debian's chromium package"
        if os.environ.get("CI"):
            pytest.fail(f"{reason} (CI must run the browser tests)")
        pytest.skip(reason)
    with playwright_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
        )
        yield launched
        launched.close()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    """Serve a fresh app over a fresh journal; yield its base URL."""
    app = create_app(Settings(home=tmp_path / "home"))
    config = uvicorn.Config(
        app, log_level="warning", access_log=False, ws="none", lifespan="off"
    )
    running = uvicorn.Server(config)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]

    def serve() -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            running.run(sockets=[sock])

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not running.started:
        assert thread.is_alive() and time.monotonic() < deadline, "server not up"
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(10)
    sock.close()


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    """Open a phone-sized browser context with no stored state."""
    made = browser.new_context(
        viewport=PHONE, accept_downloads=True, service_workers="allow"
    )
    made.set_default_timeout(TIMEOUT_MS)
    yield made
    made.close()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    """Open one tab."""
    return context.new_page()


def wait_until(page: Page, expression: str) -> None:
    """Poll a JS expression until it is true.

    Playwright's wait_for_function evaluates its predicate with eval(), which
    the pages' Content-Security-Policy rightly forbids; evaluate() does not.
    """
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    while not page.evaluate(expression):
        assert time.monotonic() < deadline, f"never true: {expression}"
        time.sleep(0.05)


def open_zone(page: Page, region: str, side: str | None = None) -> Locator:
    """Zoom into the body part that holds a zone; return the zone."""
    selector = f'.zone[data-region="{region}"]'
    selector += f'[data-side="{side}"]' if side else ":not([data-side])"
    zone = page.locator(selector).first
    if not zone.is_visible():
        part, view = zone.evaluate(
            "z => [z.closest('[data-panel]').dataset.panel,"
            " z.closest('[data-panel]').dataset.view]"
        )
        page.locator(f'.bodymap__parts [data-open-part="{part}"]').click()
        page.locator(f'[data-show-view="{view}"]').click()
    expect(zone).to_be_visible()
    return zone


def tap_zone(page: Page, region: str, side: str | None = None) -> None:
    """Tap one body-map zone (the first drawn, when a region appears twice)."""
    zone = open_zone(page, region, side)
    zone.click()
    expect(zone).to_have_attribute("aria-checked", "true")


def set_slider(page: Page, selector: str, value: int) -> None:
    """Move a range input with the keyboard, as a person without a mouse would."""
    slider = page.locator(selector)
    slider.focus()
    slider.press("Home")
    for _ in range(value):
        slider.press("ArrowRight")
    expect(slider).to_have_value(str(value))


def api_json(page: Page, url: str) -> object:
    """GET a JSON document with the page's own connection."""
    response = page.request.get(url)
    assert response.ok, response.text()
    return response.json()


def answer_every_question_no(page: Page) -> None:
    questions = page.locator("#results [data-question]")
    expect(questions.first).to_be_visible()
    for i in range(questions.count()):
        questions.nth(i).locator("select").select_option(label="No")
    page.get_by_role("button", name="Continue").click()


def precedes(page: Page, first: str, second: str) -> bool:
    """Whether the first element comes before the second in the document."""
    script = """([a, b]) => {
        const x = document.querySelector(a), y = document.querySelector(b);
        const after = Node.DOCUMENT_POSITION_FOLLOWING;
        return !!(x && y && (x.compareDocumentPosition(y) & after));
    }"""
    return bool(page.evaluate(script, [first, second]))


def test_body_map_finds_a_source(page: Page, server: str) -> None:
    page.goto(server + "/")
    tap_zone(page, "head_back", "left")
    # The keyboard works too: focus a zone and press Space.
    temple = open_zone(page, "temple", "left")
    temple.focus()
    page.keyboard.press("Space")
    expect(temple).to_have_attribute("aria-checked", "true")
    expect(page.locator("#chosen")).to_contain_text("Temple")
    page.get_by_role("button", name="Check safety and find the source").click()

    verdict = page.locator("#results .verdict")
    expect(verdict).to_have_attribute("data-verdict", "ok")
    first_source = page.locator("#results .source").first
    expect(first_source).to_contain_text(re.compile("trapezius|suboccipital", re.I))
    assert precedes(page, "#results .verdict", "#results .source")
    # The red-flag questions come before any advice.
    expect(page.locator("[data-build-routine]")).to_have_count(0)
    answer_every_question_no(page)
    expect(page.locator("[data-questions]")).to_have_count(0)
    build = page.get_by_role("link", name="Build my routine")
    expect(build).to_be_visible()
    assert precedes(page, "#results .source", "[data-build-routine]")

    build.click()
    expect(page.locator("#routine-title")).to_be_visible()
    expect(page.locator(".steps .step").first).to_be_visible()
    expect(page.get_by_role("link", name="Start this session")).to_be_visible()


def test_a_red_flag_stops_the_flow(page: Page, server: str) -> None:
    page.goto(server + "/")
    tap_zone(page, "forearm_front", "right")
    page.get_by_label("Or say it in your own words").fill(
        "my forearm aches and the numbness is spreading down into my hand"
    )
    page.get_by_role("button", name="Check safety and find the source").click()
    expect(page.locator("#results .verdict")).to_have_attribute("data-verdict", "stop")
    expect(page.locator("#results .withheld")).to_be_visible()
    expect(page.locator("#results .source")).to_have_count(0)
    expect(page.locator("[data-build-routine]")).to_have_count(0)

    # The questionnaire: a ticked warning sign stops it too, and says why.
    page.goto(server + "/safety")
    page.get_by_label("Takes blood thinners", exact=True).check()
    page.get_by_label(re.compile("Is one calf swollen, warm, red or tender")).check()
    page.get_by_role("button", name="Save and check").click()
    verdict = page.locator("#verdict .verdict")
    expect(verdict).to_have_attribute("data-verdict", "stop")
    expect(verdict).to_contain_text("One calf swollen")
    expect(page.locator("#verdict .withheld")).to_contain_text("No routine")
    profile = api_json(page, server + "/api/v1/profile")
    assert isinstance(profile, dict) and profile["conditions"] == ["anticoagulants"]


def run_sped_up(page: Page, server: str, query: str) -> None:
    page.goto(f"{server}/session?{query}&speed=200")
    expect(page.locator('[data-phase="before"]')).to_be_visible()


def test_building_and_running_a_sped_up_session(page: Page, server: str) -> None:
    page.goto(server + "/routine")
    page.get_by_role("link", name="The 60-second routine between meetings").click()
    start = page.get_by_role("link", name="Start this session")
    href = start.get_attribute("href")
    assert href and href.startswith("/session?")
    page.goto(f"{server}{href}&speed=200")

    set_slider(page, "#before-upper_trapezius", 6)
    page.get_by_role("button", name="Start the session").click()
    expect(page.locator("#countdown")).to_have_attribute("role", "timer")
    # 140 s of routine at 200x take well under a second.
    after = page.locator('[data-phase="after"]')
    expect(after).to_be_visible()
    set_slider(page, "#after-upper_trapezius", 3)
    page.get_by_role("button", name="Save to my journal").click()
    expect(page.locator("#saved-message")).to_have_text("Saved to your journal.")

    sessions = api_json(page, server + "/api/v1/sessions")
    assert isinstance(sessions, list) and len(sessions) == 1
    saved = sessions[0]
    assert saved["completed"] is True and saved["stop"] is None
    assert saved["pain_before"] == {"upper_trapezius": 6}
    assert saved["pain_after"] == {"upper_trapezius": 3}
    assert [s["done_seconds"] for s in saved["steps"]] == [
        s["planned_seconds"] for s in saved["steps"]
    ]
    page.goto(server + "/journal")
    expect(page.locator(".effects")).to_contain_text("6 → 3")


def test_stopping_a_session_gives_the_matching_advice(page: Page, server: str) -> None:
    page.goto(server + "/session?name=desk_five")
    page.get_by_role("button", name="Start the session").click()
    expect(page.locator("#countdown")).to_be_visible()
    page.get_by_role("button", name="Stop — something's wrong").click()
    page.get_by_label("Tingling or pins and needles").check()
    page.get_by_role("button", name="Stop the session").click()
    stopped = page.locator('[data-phase="stopped"]')
    expect(stopped).to_contain_text("Tingling means the ball is on a nerve")
    expect(page.locator("#stop-saved")).to_have_text("Saved to your journal.")
    sessions = api_json(page, server + "/api/v1/sessions")
    assert isinstance(sessions, list)
    assert sessions[0]["completed"] is False
    assert sessions[0]["stop"]["sign"] == "tingling"
    assert sessions[0]["stop"]["red_flag"] == "tingling"
    page.goto(server + "/journal")
    expect(page.locator(".escalations")).to_contain_text(re.compile("tingling", re.I))
    # Dismissed, the alert leaves the top for good but stays under "Alerts".
    page.get_by_role("button", name=re.compile("^Dismiss")).first.click()
    expect(page.locator(".escalations")).to_be_hidden()
    page.reload()
    expect(page.locator(".escalations")).to_be_hidden()
    expect(page.locator(".alerts-log")).to_contain_text(re.compile("tingling", re.I))


def test_the_countdown_keeps_time_while_the_page_is_frozen(
    context: BrowserContext, page: Page, server: str
) -> None:
    # desk_five opens with a 60 s step: 3 s of wall time at 20x.
    page.goto(server + "/session?name=desk_five&speed=20")
    page.get_by_role("button", name="Start the session").click()
    expect(page.locator("#step-count")).to_have_text("Step 1 of 6")
    # A frozen page runs no JavaScript at all, like a tab the browser parked.
    cdp = context.new_cdp_session(page)
    cdp.send("Page.setWebLifecycleState", {"state": "frozen"})
    time.sleep(3.5)
    cdp.send("Page.setWebLifecycleState", {"state": "active"})
    expect(page.locator("#step-count")).to_have_text("Step 2 of 6", timeout=2000)
    seconds = page.locator("#countdown").inner_text().split(":")
    assert 60 - (int(seconds[0]) * 60 + int(seconds[1])) >= 5


def test_logging_pain_shows_it_in_the_chart(page: Page, server: str) -> None:
    page.goto(server + "/journal")
    page.get_by_label("Where").select_option("calf")
    set_slider(page, "#pain", 7)
    page.get_by_label("left", exact=True).check()
    page.get_by_label("What were you doing? (optional)").fill("after a run")
    page.get_by_role("button", name="Log it").click()
    expect(page.locator(".notice[role=status]")).to_contain_text("Logged calf")
    chart = page.locator('svg.chart[data-spot="calf"]')
    expect(chart.locator("circle")).to_have_count(1)
    expect(chart.locator("circle")).to_have_attribute("data-pain", "7")
    page.get_by_label("Where").select_option("calf")
    set_slider(page, "#pain", 4)
    page.get_by_role("button", name="Log it").click()
    expect(chart.locator("circle")).to_have_count(2)
    expect(chart.locator("polyline")).to_have_count(1)
    expect(page.locator("#trend-calf")).to_contain_text("Latest 4/10")


def test_downloading_the_weekly_plan_as_ics(page: Page, server: str) -> None:
    page.goto(server + "/plan")
    for day in ("Mon", "Wed", "Fri"):
        page.get_by_label(day, exact=True).check()
    page.get_by_label("Focus (optional)", exact=True).select_option("calf")
    page.get_by_role("button", name="Plan it").click()
    link = page.get_by_role("link", name="Download for your calendar (.ics)")
    with page.expect_download() as info:
        link.click()
    download = info.value
    assert download.suggested_filename == "knotwork-plan.ics"
    text = Path(download.path()).read_text(encoding="utf-8")
    assert text.startswith("BEGIN:VCALENDAR")
    assert text.count("BEGIN:VEVENT") == 10  # 3 training days x 2 + 4 rest days
    assert "RRULE:FREQ=WEEKLY;BYDAY=MO" in text
    assert "BEGIN:VALARM" in text
    page.get_by_role("button", name="Save this plan to track adherence").click()
    expect(page.locator(".notice[role=status]")).to_contain_text("Plan saved")


def test_map_and_player_work_offline_after_the_first_visit(
    context: BrowserContext, page: Page, server: str
) -> None:
    player = f"{server}/session?name=between_meetings&speed=200"
    page.goto(server + "/")
    wait_until(page, "navigator.serviceWorker.controller !== null")
    page.goto(player)
    wait_until(page, "navigator.serviceWorker.controller !== null")

    page.goto(server + "/plan")
    context.set_offline(True)
    # Plans are never stored offline (privacy); offline the page says so,
    # rather than claiming it was never opened.
    page.goto(server + "/plan")
    expect(page.locator("main")).to_contain_text("For your privacy")
    expect(page.locator("main")).not_to_contain_text("has not been opened")
    page.goto(server + "/")
    tap_zone(page, "calf", "left")
    page.get_by_role("button", name="Check safety and find the source").click()
    expect(page.locator("#results .error")).to_contain_text("offline")

    page.goto(player)
    page.get_by_role("button", name="Start the session").click()
    expect(page.locator('[data-phase="after"]')).to_be_visible()
    page.get_by_role("button", name="Save to my journal").click()
    expect(page.locator("#saved-message")).to_contain_text("kept on this device")
    pending = page.evaluate("localStorage.getItem('knotwork.pendingSessions')")
    assert len(json.loads(pending)) == 1

    # Back online, the kept session reaches the journal.
    context.set_offline(False)
    page.reload()
    wait_until(
        page,
        "JSON.parse(localStorage.getItem('knotwork.pendingSessions') || '[]')"
        ".length === 0",
    )
    sessions = api_json(page, server + "/api/v1/sessions")
    assert isinstance(sessions, list) and len(sessions) == 1


PAGES = {
    "map": "/",
    "safety": "/safety",
    "balls": "/balls?area=calf&tolerance=low&experience=new",
    "routine": "/routine?name=desk_five",
    "plan": "/plan?go=1&train=mon&train=thu&focus=upper_trapezius",
    "session": "/session?name=desk_five",
    "journal": "/journal",
    "data": "/data",
}


def test_every_page_fits_a_phone_and_is_screenshotted(
    browser: Browser, server: str
) -> None:
    seed = browser.new_context()
    seed_page = seed.new_page()
    for spot, pain in (("upper_trapezius", 6), ("calf", 5), ("upper_trapezius", 4)):
        seed_page.request.post(
            server + "/api/v1/journal/pain", data={"spot": spot, "pain": pain}
        )
    seed.close()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for size_name, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
        made = browser.new_context(viewport=viewport)
        page = made.new_page()
        for name, path in PAGES.items():
            response = page.goto(server + path)
            assert response is not None and response.ok, path
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - window.innerWidth"
            )
            assert overflow <= 0, f"{path} scrolls sideways at {viewport['width']} px"
            page.screenshot(
                path=str(ARTIFACTS / f"{name}-{size_name}.png"), full_page=True
            )
        page.goto(server + "/session?name=desk_five")
        page.get_by_role("button", name="Start the session").click()
        expect(page.locator("#countdown")).to_be_visible()
        page.screenshot(
            path=str(ARTIFACTS / f"session-running-{size_name}.png"), full_page=True
        )
        page.goto(server + "/")
        tap_zone(page, "shoulder_top", "left")
        page.get_by_role("button", name="Check safety and find the source").click()
        expect(page.locator("#results .verdict")).to_be_visible()
        page.screenshot(
            path=str(ARTIFACTS / f"map-results-{size_name}.png"), full_page=True
        )
        made.close()
    assert len(list(ARTIFACTS.glob("*.png"))) >= 2 * (len(PAGES) + 2)


def test_reduced_motion_and_dark_mode_are_honoured(
    browser: Browser, server: str
) -> None:
    made = browser.new_context(
        viewport=PHONE, reduced_motion="reduce", color_scheme="dark"
    )
    page = made.new_page()
    page.goto(server + "/session?name=desk_five")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(18, 22, 28)"
    page.get_by_role("button", name="Start the session").click()
    expect(page.locator("#breath-word")).to_contain_text("Breathe")
    expect(page.locator(".pacer")).to_be_hidden()
    # Without reduced motion the pacer ball is scaled every frame; here never.
    assert page.locator("#pacer-ball").get_attribute("style") is None
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "session-running-dark-reduced-motion.png"))
    made.close()
