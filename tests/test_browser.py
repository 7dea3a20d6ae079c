"""The dashboard in a real browser: Debian's headless Chromium driven by Playwright, over the
real app served by uvicorn on 127.0.0.1 (the web store of tests/web_helpers.py: demo
articles, near-copy reports, a hostile story).

Every test fails if any request leaves 127.0.0.1 (each one is routed, and one for another
host is aborted and recorded), if the page logs a console error or throws, or if a dialog
opens (the hostile story's `alert`s). Screenshots of each page go to build/screenshots/.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from web_helpers import HOSTILE_DOC_ID, HOSTILE_SCRIPT, REPORTED_STORY

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="Playwright for Python is not installed (pip install -e .[test])"
)
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="no chromium on PATH (Debian: apt-get install chromium; .ci/run does)"
)

SHOTS = Path(__file__).resolve().parents[1] / "build" / "screenshots"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(web_db):
    """The app over the web store, served by uvicorn in a thread; its base URL."""
    import uvicorn

    from eventmill.web.app import create_app

    port = free_port()
    config = uvicorn.Config(
        create_app(web_db), host="127.0.0.1", port=port, log_level="warning", lifespan="on"
    )
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not srv.started:
        assert thread.is_alive(), "uvicorn stopped before it started"
        assert time.monotonic() < deadline, "uvicorn did not start within 60 s"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield b
        b.close()


class Watch:
    """What a page did that it must not: requests off this machine, console errors, uncaught
    exceptions, dialogs."""

    def __init__(self) -> None:
        self.outside: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []

    def route(self, route) -> None:
        host = urlsplit(route.request.url).hostname
        if host != "127.0.0.1":
            self.outside.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    def console(self, msg) -> None:
        if msg.type == "error":
            self.errors.append(f"console: {msg.text}")

    def dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()


@pytest.fixture()
def page(browser, server):
    """A fresh page whose base URL is the server, watched (see Watch) for the whole test."""
    context = browser.new_context(base_url=server, viewport={"width": 1360, "height": 900})
    watch = Watch()
    context.route("**/*", watch.route)
    pg = context.new_page()
    pg.on("console", watch.console)
    pg.on("pageerror", lambda exc: watch.errors.append(f"page error: {exc}"))
    pg.on("dialog", watch.dialog)
    pg.set_default_timeout(30_000)
    yield pg
    context.close()
    assert not watch.outside, f"requests left 127.0.0.1: {watch.outside}"
    assert not watch.errors, watch.errors
    assert not watch.dialogs, f"a dialog opened (a script ran): {watch.dialogs}"


def shot(pg, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_overview_shows_the_counts(page):
    page.goto("/")
    stories = int(page.inner_text("#count-stories").replace(",", ""))
    events = int(page.inner_text("#count-events").replace(",", ""))
    assert stories >= 15 and events > 0
    assert page.locator("table.dyads tbody tr").count() > 0
    shot(page, "overview")


def test_dyad_explorer_draws_russia_azerbaijan_and_lists_a_points_events(page):
    page.goto("/dyads")
    # each picker submits its form on change: the page comes back with the new pair
    with page.expect_navigation():
        page.select_option("#pick-a", "RUS")
    with page.expect_navigation():
        page.select_option("#pick-b", "AZE")
    assert "a=RUS" in page.url and "b=AZE" in page.url
    page.wait_for_selector("#chart[data-ready]")
    points = page.locator("#chart svg .mark-symbol.role-mark path")
    assert points.count() > 0
    bars = page.locator("#chart svg .mark-rect.role-mark path")
    assert bars.count() == points.count()  # a point at the tip of each bar
    points.first.hover()  # vega-tooltip's box, styled by our sheet (its own style is inline)
    page.wait_for_selector("#vg-tooltip-element.visible")
    points.first.click()
    page.wait_for_selector("#period-events table tbody tr")
    rows = page.locator("#period-events table tbody tr")
    assert rows.count() > 0
    assert page.inner_text("#period-title").startswith("Events of ")
    listed = page.locator("#period-events table").inner_text()
    assert "Russia" in listed or "Azerbaijan" in listed or "RUS" in listed
    page.mouse.move(0, 0)
    shot(page, "dyads")


def test_event_page_highlights_its_sentence(page):
    page.goto(f"/events?doc_id={REPORTED_STORY}")
    link = page.locator("a.etype").first
    event_id = link.get_attribute("href").rsplit("/", 1)[1]
    link.click()
    page.wait_for_url(f"**/events/{event_id}")
    detail = page.request.get(f"/api/events/{event_id}").json()
    mark = page.locator(".story mark.this")
    assert mark.count() == 1
    assert mark.inner_text() == detail["evidence_text"]
    assert mark.is_visible()
    shot(page, "event")


def test_document_page_and_event_list(page):
    page.goto(f"/documents/{REPORTED_STORY}")
    assert page.locator(".story mark").count() > 0
    shot(page, "document")
    page.goto("/events?quad=material_conflict")
    assert page.locator("table.events tbody tr").count() > 0
    shot(page, "events")


def test_map_draws_outlines_and_markers(page):
    page.goto("/map")
    page.wait_for_selector("#map[data-ready]")
    outlines = page.locator("#map svg .mark-shape.role-mark path").count()
    markers = page.locator("#map svg .mark-symbol.role-mark path").count()
    assert outlines > 150, outlines
    assert markers > 0
    shot(page, "map")
    # a marker opens the event list of its place
    page.locator("#map svg .mark-symbol.role-mark path").first.click()
    page.wait_for_url("**/events?*place=*")
    assert page.locator("table.events tbody tr td.empty").count() == 0
    assert page.locator("table.events tbody tr").count() > 0


def test_network_draws_coloured_edges(page):
    page.goto("/network")
    assert page.locator("svg#network path.edge").count() > 0
    assert page.locator("svg#network circle.node").count() > 1
    shot(page, "network")


def test_hostile_story_shows_script_as_text_and_runs_nothing(page):
    page.goto(f"/documents/{HOSTILE_DOC_ID}")
    story = page.inner_text(".story")
    assert HOSTILE_SCRIPT in story  # shown as text
    assert "<img src=x onerror=alert(1)>" in story
    assert page.evaluate("document.querySelectorAll('main script, main img, main b').length") == 0
    assert page.locator("a[href^='javascript:' i]").count() == 0
    assert page.inner_text(".source-url").strip().endswith("javascript:alert(3)")
    event_link = page.locator(".doc-events a").first
    event_link.click()
    page.wait_for_selector(".story mark.this")
    assert HOSTILE_SCRIPT in page.inner_text(".story")
    assert page.locator("a[href^='javascript:' i]").count() == 0
    page.hover(".story mark.this")  # the bold text's onmouseover must not run either
    page.hover(".story")
    shot(page, "hostile")
