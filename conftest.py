"""Fixtures shared by every test package: Debian's Chromium for browser tests."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture
def chromium():
    """Yield a Playwright Browser running Debian's Chromium; skip loudly when it is missing."""
    if not CHROMIUM.exists():
        pytest.skip(f"BROWSER TEST SKIPPED: {CHROMIUM} is missing (apt-get install chromium)")
    # Playwright's sync API runs an event loop in this thread; the ORM calls the test makes
    # itself are still synchronous and safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(autouse=True)
def fresh_cache():
    """Start every test with an empty cache and so a new newsroom content version.

    The database is rolled back after each test, but the cache and what a process remembers
    for reader pages (``newsroom/versioning.py``) are not: a test could otherwise be shown pages
    built from an earlier test's rows, or lose keys mid-test to the in-memory cache's culling.
    A shared cache (``WARTA_REDIS_URL`` set while testing) is not emptied, only versioned.
    """
    from django.core.cache import caches
    from django.core.cache.backends.locmem import LocMemCache

    from warta.apps.newsroom import versioning

    if isinstance(caches["default"], LocMemCache):
        caches["default"].clear()
    # Without Redis the version is also a database row, read again by the first page of the
    # test; bump only what this process sees (a test need not have database access).
    versioning.forget_stored_version()
    versioning.bump_now()
