"""Browser fixtures: Debian's Chromium driven by Playwright against pytest-django's live server.

No browser is ever downloaded: Playwright launches ``/usr/bin/chromium``. Without
it (or without the ``playwright`` package) the tests are skipped on a developer's
machine, and fail when ``SACHE_E2E_REQUIRED=1`` (set by ``.ci/run``), so CI cannot
pass silently without them. A failing test leaves a full-page screenshot in
``artifacts/e2e/``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.db import connections
from django.test import Client

from sache.matching import index

CHROMIUM = Path(os.environ.get("SACHE_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts" / "e2e"
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
# A loaded two-core CI machine renders slowly: wait generously, never sleep.
TIMEOUT_MS = 30_000


def _unavailable(reason: str) -> None:
    if os.environ.get("SACHE_E2E_REQUIRED") == "1":
        pytest.fail(f"browser tests are required here but cannot run: {reason}")
    pytest.skip(reason)


@pytest.fixture(autouse=True)
def fresh_matching_index() -> Iterator[None]:
    # The live server fills the process-wide matching index from this test's rows (and in
    # the language of its requests); later tests must not inherit it.
    index.reset()
    yield
    index.reset()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture
def browser(monkeypatch) -> Iterator:
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} is not installed (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright  # slow import, only for browser tests
    except ImportError:
        _unavailable("the playwright package is not installed (pip install -e '.[dev]')")
    # Playwright's synchronous API keeps an event loop in this thread; the test's own
    # ORM calls (arranging data, checking results) are still plain synchronous code.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
        # ORM calls made while Playwright's loop runs get connections of their own; close them
        # here, or PostgreSQL keeps a session open on the test database past the run.
        connections.close_all()


class Browsing:
    """Opens pages for one test and photographs them all if the test fails."""

    def __init__(self, browser, base_url: str) -> None:
        self.browser = browser
        self.base_url = base_url
        self.pages: list = []

    def page(self, *, user=None, locale: str = "en-GB", bypass_csp: bool = False):
        context = self.browser.new_context(
            base_url=self.base_url, locale=locale, bypass_csp=bypass_csp, accept_downloads=True
        )
        context.set_default_timeout(TIMEOUT_MS)
        if user is not None:
            client = Client()
            client.force_login(user)
            context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": self.base_url}])
        page = context.new_page()
        self.pages.append(page)
        return page


@pytest.fixture
def browsing(browser, live_server, request) -> Iterator[Browsing]:
    session = Browsing(browser, live_server.url)
    yield session
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.nodeid)
        for number, page in enumerate(session.pages):
            page.screenshot(path=str(ARTIFACTS / f"{name}-{number}.png"), full_page=True)
    for page in session.pages:
        page.context.close()


def log_in(page, email: str, password: str) -> None:
    """Log in through the real form, as a person would."""
    page.goto("/accounts/login/")
    page.locator("#id_username").fill(email)
    page.locator("#id_password").fill(password)
    page.locator("main button[type=submit]").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
