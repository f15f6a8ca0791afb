"""The phone contracts of issue 11, in Chromium at 390x844 and 1280x800.

Thumb-sized map targets, a find bar that stays in view, pictures beside the
top candidate, pressing that re-ranks, player controls that never leave the
screen, and axe-core (vendored from npm) finding nothing on any page.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.web.e2e.test_e2e import (
    ARTIFACTS,
    CHROMIUM,  # noqa: F401  (the browser fixture needs it)
    TIMEOUT_MS,
    Browser,
    Page,
    answer_every_question_no,
    browser,  # noqa: F401  (fixture)
    expect,
    open_zone,
    server,  # noqa: F401  (fixture)
    tap_zone,
)

AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
SIZES = {
    "phone": {"width": 390, "height": 844},
    "desktop": {"width": 1280, "height": 800},
}
PARTS = ("head_neck", "shoulder_arm", "trunk", "hip_thigh", "leg_foot")


@pytest.fixture(params=list(SIZES))
def sized(request: pytest.FixtureRequest, browser: Browser) -> Iterator[Page]:  # noqa: F811
    """Open a tab at one of the two sizes the issue names."""
    made = browser.new_context(viewport=SIZES[request.param], service_workers="block")
    made.set_default_timeout(TIMEOUT_MS)
    yield made.new_page()
    made.close()


def boxes_outside(page: Page, selector: str) -> list[str]:
    """Name the visible elements matching ``selector`` not wholly on screen."""
    return list(
        page.evaluate(
            """s => Array.from(document.querySelectorAll(s)).filter(e => {
                const r = e.getBoundingClientRect();
                if (!r.width) return false;
                return r.top < 0 || r.left < 0 || r.bottom > innerHeight + 0.5
                    || r.right > innerWidth + 0.5;
            }).map(e => e.textContent.trim())""",
            selector,
        )
    )


def axe_violations(page: Page) -> list[str]:
    """Run axe-core on the page as it is now; return a line per violation."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    found = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']}))"
        ".violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' '))"
        ".slice(0, 3).join(' | '))"
    )
    return list(found)


def find(page: Page, server_url: str, text: str) -> None:
    """Describe the pain, answer the red-flag questions no, reach the sources."""
    page.goto(server_url + "/")
    page.get_by_label("Or say it in your own words").fill(text)
    page.get_by_role("button", name="Check safety and find the source").click()
    expect(page.locator("#results .verdict")).to_be_visible()
    if page.locator("#results [data-question]").count():
        answer_every_question_no(page)
    expect(page.locator("#results .source").first).to_be_visible()


def test_every_zoomed_region_is_a_44_px_target(sized: Page, server: str) -> None:  # noqa: F811
    sized.goto(server + "/")
    for part in PARTS:
        sized.locator(f'.bodymap__parts [data-open-part="{part}"]').click()
        for view in ("front", "back"):
            sized.locator(f'[data-show-view="{view}"]').click()
            small = sized.evaluate(
                """() => Array.from(document.querySelectorAll('.zone'))
                .map(z => [z.dataset.key, z.getBoundingClientRect()])
                .filter(([, r]) => r.width > 0 && (r.width < 44 || r.height < 44))
                .map(([k, r]) => k + ' ' + Math.round(r.width) + 'x' +
                     Math.round(r.height))"""
            )
            shown = sized.locator(".zone").evaluate_all(
                "zs => zs.filter(z => z.getBoundingClientRect().width > 0).length"
            )
            assert shown > 0 and small == [], (part, view, small)


def test_the_find_bar_stays_in_view_and_counts(sized: Page, server: str) -> None:  # noqa: F811
    sized.goto(server + "/")
    bar = sized.locator("[data-findbar]")
    tap_zone(sized, "calf", "left")
    tap_zone(sized, "heel", "left")
    expect(bar).to_contain_text("2 areas")
    for y in (0, 400, 900):
        sized.evaluate(f"window.scrollTo(0, {y})")
        assert boxes_outside(sized, "[data-findbar]") == [], y
    # The skip link jumps past the map to the words box.
    sized.goto(server + "/")
    skip = sized.locator(".skip-map")
    skip.focus()
    expect(skip).to_be_visible()
    sized.keyboard.press("Enter")
    assert sized.evaluate("location.hash") == "#text"
    assert sized.evaluate(
        "document.querySelector('.skip-map').compareDocumentPosition("
        "document.querySelector('[data-bodymap]')) & Node.DOCUMENT_POSITION_FOLLOWING"
    )


def test_pictures_and_press_to_confirm(sized: Page, server: str) -> None:  # noqa: F811
    find(sized, server, "headache at the back of my head")
    sources = sized.locator("#results .source")
    first, second = (sources.nth(i).get_attribute("data-muscle") for i in (0, 1))
    top = sources.first
    expect(top.locator(f'[data-referral="{first}"]')).to_be_visible()
    expect(top.locator(".ref-tp").first).to_be_visible()
    expect(sized.locator("#results [data-placement]").first).to_be_visible()
    visible = sources.evaluate_all(
        "ss => ss.filter(s => s.offsetParent).map(s => "
        "!!s.querySelector('[data-referral=\"' + s.dataset.muscle + '\"]'))"
    )
    assert visible and all(visible)
    expect(sized.locator("#results")).to_contain_text("0.58")

    sized.locator(f'[data-press="{second}"] button', has_text="Yes").click()
    expect(sources.first).to_have_attribute("data-muscle", second or "")
    expect(sources.first).to_have_attribute("data-pressed", "confirmed")
    expect(sources.first).to_contain_text("confirmed by pressing")
    href = sized.locator("[data-build-routine]").get_attribute("href") or ""
    assert f"target={second}" in href and f"target={first}" not in href


def test_routine_steps_show_where_the_ball_goes(sized: Page, server: str) -> None:  # noqa: F811
    sized.goto(server + "/routine?name=mid_back_hips_glutes")
    steps = sized.locator(".steps .step")
    with_technique = steps.evaluate_all(
        "ss => ss.map(s => !!s.querySelector('[data-placement]'))"
    )
    assert sum(with_technique) >= len(with_technique) - 3  # movement and re-test


def test_player_controls_stay_on_screen_through_a_session(
    sized: Page,
    server: str,  # noqa: F811
) -> None:
    sized.goto(server + "/session?name=mid_back_hips_glutes&speed=60")
    sized.get_by_role("button", name="Start the session").click()
    controls = ".player__controls .button"
    seen: set[str] = set()
    while not sized.locator('[data-phase="after"]').is_visible():
        step = sized.locator("#step-count").text_content() or ""
        if step and step not in seen:
            seen.add(step)
            assert boxes_outside(sized, controls) == [], step
            picture = sized.locator(
                "[data-step-picture]:not([hidden]) [data-placement]"
            )
            if "Step 1 " in step:
                expect(picture).to_be_visible()
        if sized.locator("#ease-ask").is_visible():
            assert boxes_outside(sized, controls) == []
            sized.get_by_role(
                "button", name="Yes, it's softening: keep holding"
            ).click()
        sized.wait_for_timeout(50)
    assert len(seen) >= 10
    sized.get_by_role("button", name="Save to my journal").click()
    expect(sized.locator("#saved-summary")).to_contain_text("steps done")


PAGES = {
    "map": "/",
    "safety": "/safety",
    "balls": "/balls?area=calf&tolerance=low&experience=new",
    "routine": "/routine?name=desk_five",
    "plan": "/plan?go=1&train=mon&train=thu&focus=upper_trapezius",
    "session": "/session?name=desk_five",
    "journal": "/journal",
    "journal-offline": "/journal/offline",
    "data": "/data",
    "more": "/more",
    "muscle": "/muscles/upper_trapezius",
}


def test_axe_finds_nothing_on_any_page_or_state(
    browser: Browser,  # noqa: F811
    server: str,  # noqa: F811
) -> None:
    # axe is injected as a script, which the pages' CSP rightly refuses.
    made = browser.new_context(
        viewport=SIZES["phone"], service_workers="block", bypass_csp=True
    )
    page = made.new_page()
    page.request.post(server + "/api/v1/journal/pain", data={"spot": "calf", "pain": 5})
    problems: dict[str, list[str]] = {}
    for name, path in PAGES.items():
        page.goto(server + path)
        problems[name] = axe_violations(page)
    page.goto(server + "/")
    open_zone(page, "temple", "left").click()
    problems["map-zoomed"] = axe_violations(page)
    find(page, server, "headache at the back of my head")
    problems["map-results"] = axe_violations(page)
    page.goto(server + "/session?name=mid_back_hips_glutes&speed=100")
    page.get_by_role("button", name="Start the session").click()
    problems["session-running"] = axe_violations(page)
    expect(page.locator("#ease-ask")).to_be_visible()
    problems["session-asking"] = axe_violations(page)
    made.close()
    assert {k: v for k, v in problems.items() if v} == {}


def test_every_page_is_screenshotted_at_three_widths(
    browser: Browser,  # noqa: F811
    server: str,  # noqa: F811
) -> None:
    out = ARTIFACTS / "issue-11"
    out.mkdir(parents=True, exist_ok=True)
    for width in (360, 390, 1280):
        made = browser.new_context(viewport={"width": width, "height": 844})
        page = made.new_page()
        for name, path in PAGES.items():
            page.goto(server + path)
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - innerWidth"
            )
            assert overflow <= 0, f"{path} scrolls sideways at {width} px"
            page.screenshot(path=str(out / f"{name}-{width}.png"), full_page=True)
        find(page, server, "headache at the back of my head")
        page.screenshot(path=str(out / f"map-results-{width}.png"), full_page=True)
        page.goto(server + "/")
        open_zone(page, "shoulder_top", "left")
        page.screenshot(path=str(out / f"map-zoomed-{width}.png"), full_page=True)
        made.close()
    assert len(list(out.glob("*.png"))) == 3 * (len(PAGES) + 2)
    (out / "pages.json").write_text(json.dumps(PAGES, indent=1), encoding="utf-8")
