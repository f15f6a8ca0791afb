"""The journal offline: right after a visit it opens, logs, and syncs later.

The service worker stands in its offline journal for /journal: it holds no
journal data, lists only what this device logged and has not sent, and
sends it when the connection is back.
"""

from __future__ import annotations

import re

from tests.web.e2e.test_e2e import (
    CHROMIUM,  # noqa: F401  (the browser fixture needs it)
    BrowserContext,
    Page,
    api_json,
    browser,  # noqa: F401  (fixture)
    context,  # noqa: F401  (fixture)
    expect,
    page,  # noqa: F401  (fixture)
    server,  # noqa: F401  (fixture)
    wait_until,
)

OUTBOX = "JSON.parse(localStorage.getItem('knotwork.pendingSessions') || '[]')"


def log_calf_online(page: Page, server: str) -> None:  # noqa: F811
    """Open the journal online (installing the worker) and log a private note."""
    page.goto(server + "/journal")
    wait_until(page, "navigator.serviceWorker.controller !== null")
    page.get_by_label("Where").select_option("calf")
    page.get_by_label("Pain, 0 (none) to 10 (worst)").fill("6")
    page.get_by_label("Note (optional)").fill("private note")
    page.get_by_role("button", name="Log it").click()
    expect(page.locator("[data-trend=calf]")).to_be_visible()


def test_the_journal_opens_offline_and_syncs_when_back(
    context: BrowserContext,  # noqa: F811
    page: Page,  # noqa: F811
    server: str,  # noqa: F811
) -> None:
    log_calf_online(page, server)

    context.set_offline(True)
    page.goto(server + "/journal")
    main = page.locator("main")
    expect(main).to_contain_text("You are offline")
    expect(main).not_to_contain_text("has not been opened")
    # Nothing from the journal itself was kept for offline use.
    expect(main.locator("[data-trend]")).to_have_count(0)
    expect(main.locator("[data-nothing-queued]")).to_be_visible()

    page.get_by_label("Where").select_option("upper_trapezius")
    page.get_by_label("Pain, 0 (none) to 10 (worst)").fill("7")
    page.get_by_label("left").check()
    page.get_by_role("button", name="Log it").click()
    expect(main.locator("[data-logged]")).to_contain_text("Kept on this device")
    expect(main.locator("[data-queued] li")).to_have_text(
        [re.compile(r"Pain 7/10 · Upper trapezius.* \(left\)")]
    )
    assert len(page.evaluate(OUTBOX)) == 1
    page.reload()  # still offline: the entry is still waiting, and listed
    expect(main.locator("[data-queued] li")).to_have_count(1)

    context.set_offline(False)
    wait_until(page, OUTBOX + ".length === 0")
    expect(main.locator("[data-nothing-queued]")).to_be_visible()
    history = api_json(page, server + "/api/v1/journal/history")
    assert isinstance(history, dict)
    pain = [(p["spot"], p["pain"], p["side"]) for p in history["pain"]]
    assert pain == [("calf", 6, None), ("upper_trapezius", 7, "left")]
    page.goto(server + "/journal")
    expect(page.locator("main")).to_contain_text("Upper trapezius")


def test_the_offline_journal_caches_no_journal_data(
    context: BrowserContext,  # noqa: F811
    page: Page,  # noqa: F811
    server: str,  # noqa: F811
) -> None:
    log_calf_online(page, server)
    cached = page.evaluate(
        """async () => {
            const out = {};
            for (const key of await caches.keys()) {
                const cache = await caches.open(key);
                for (const request of await cache.keys()) {
                    const response = await cache.match(request);
                    out[new URL(request.url).pathname] = await response.text();
                }
            }
            return out;
        }"""
    )
    assert "/journal/offline" in cached and "/journal" not in cached
    assert not [path for path, body in cached.items() if "data-trend" in body]


def test_a_form_sent_after_the_connection_drops_is_kept_not_lost(
    context: BrowserContext,  # noqa: F811
    page: Page,  # noqa: F811
    server: str,  # noqa: F811
) -> None:
    page.goto(server + "/journal")
    context.set_offline(True)  # the page stays open; only the network goes
    page.get_by_label("Where").select_option("soleus")
    page.get_by_label("Pain, 0 (none) to 10 (worst)").fill("3")
    page.get_by_role("button", name="Log it").click()
    expect(page.locator("[data-logged]")).to_contain_text("Kept on this device")
    assert len(page.evaluate(OUTBOX)) == 1

    context.set_offline(False)
    # Sent when the connection is back; the page reloads to show it.
    expect(page.locator("[data-trend=soleus]")).to_be_visible()
    assert page.evaluate(OUTBOX) == []
