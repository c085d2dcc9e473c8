"""End to end: an article the reader opened once can be read again offline.

Drives Debian's Chromium through Playwright against pytest-django's live server.
CI installs /usr/bin/chromium and treats this skip as a failure.
"""

from __future__ import annotations

import os

import pytest

# Playwright's sync API runs an event loop in this thread; the ORM calls made by the
# test itself (creating the article) are still synchronous and safe.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

TIMEOUT_MS = 20_000

# The live-server test flushes the database afterwards; post_migrate then recreates the
# site tree and Wagtail's default locale (see newsroom/setup.py) for the next tests.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def chromium_page(chromium):
    context = chromium.new_context(service_workers="allow", locale="id-ID")
    context.set_default_timeout(TIMEOUT_MS)
    try:
        yield context, context.new_page()
    finally:
        context.close()


def test_article_opened_once_reads_offline(live_server, settings, tmp_path, chromium_page):
    from warta.apps.distribution.tests.factories import publish_article

    settings.MEDIA_ROOT = tmp_path / "media"
    article = publish_article("Banjir rob rendam pesisir, warga bertahan", with_image=False)
    context, page = chromium_page

    page.goto(f"{live_server.url}/")
    assert page.evaluate("window.isSecureContext"), f"{live_server.url} is not a secure context"
    page.wait_for_function("navigator.serviceWorker.controller !== null")

    # Personal pages and the API pass through the worker but are never stored.
    page.goto(f"{live_server.url}/untuk-anda/")
    page.evaluate("fetch('/api/v1/terbaru/').then(response => response.text())")

    article_url = f"{live_server.url}{article.url}"
    page.goto(article_url)
    assert page.locator("h1").first.inner_text() == article.title
    # The copy is written in the background; wait until it is on the device.
    page.wait_for_function(
        "url => caches.match(url).then(response => response !== undefined)", arg=article_url
    )
    stored = page.evaluate(
        "() => caches.keys().then(names => Promise.all(names.map(name => caches.open(name)"
        ".then(cache => cache.keys())))).then(lists => lists.flat().map(r => r.url))"
    )
    assert f"{live_server.url}/" in stored
    assert not [url for url in stored if "/untuk-anda/" in url or "/api/" in url], stored

    context.set_offline(True)
    page.reload()
    assert page.locator("h1").first.inner_text() == article.title

    # A page never opened is not on the device: the offline page says so.
    page.goto(f"{live_server.url}/bisnis/")
    assert "Anda sedang offline" in page.locator("h1").first.inner_text()


def test_install_prompt_appears_only_when_the_browser_offers_it(live_server, chromium_page):
    _, page = chromium_page
    page.goto(f"{live_server.url}/")
    banner = page.locator("[data-install-prompt]")
    assert banner.count() == 1, "base.html should render {% install_prompt %}"
    assert banner.is_hidden()

    # Chromium only fires beforeinstallprompt after engagement heuristics; simulate it.
    page.evaluate(
        """() => {
            const event = new Event("beforeinstallprompt", { cancelable: true });
            event.prompt = () => { window.__prompted = true; };
            event.userChoice = Promise.resolve({ outcome: "accepted" });
            window.dispatchEvent(event);
        }"""
    )
    assert banner.is_visible()
    assert "Baca lebih nyaman di aplikasi Warta" in banner.inner_text()
    assert page.locator("[data-install-ios]").is_hidden()
    page.locator("[data-install-accept]").click()
    assert page.evaluate("window.__prompted === true")
    page.wait_for_function("document.querySelector('[data-install-prompt]').hidden")
