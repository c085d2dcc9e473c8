"""End to end in Chromium: the beacon records a read, the fragments load, DNT sends nothing."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pytest

from warta.apps.newsroom.setup import ensure_newsroom
from warta.apps.newsroom.tests.factories import make_article, make_topic
from warta.apps.recommendations.models import ReadingEvent
from warta.apps.recommendations.tests.helpers import distinct_body

# Plain transactional tests: the site tree is (re)created below rather than restored by
# serialized_rollback, which collides with post_migrate's Locale on PostgreSQL.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LONG_BODY = [
    {"type": "paragraph", "value": "<p>" + "Warga membangun tanggul darurat. " * 40 + "</p>"}
] * 8


@pytest.fixture(autouse=True)
def site_tree(transactional_db: Any) -> None:
    ensure_newsroom()


@pytest.fixture
def browser(chromium: Any) -> Any:
    return chromium


def wait_for(predicate: Callable[[], bool], seconds: float = 5.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return predicate()


def test_reading_related_popular_and_for_you_in_a_browser(browser, live_server):
    flood = make_topic("Banjir")
    article = make_article(title="Banjir rendam pesisir", topics=[flood], body=LONG_BODY)
    near = make_article(title="Banjir kembali datang", topics=[flood], body=distinct_body(3))
    make_article(title="Harga cabai naik", body=distinct_body(9))

    # An Indonesian reader (Chromium would otherwise ask for English).
    page = browser.new_page(viewport={"width": 1200, "height": 700}, locale="id-ID")
    page.goto(live_server.url + article.url)
    assert wait_for(lambda: ReadingEvent.objects.filter(article=article).exists())
    event = ReadingEvent.objects.get()
    assert event.user is None and event.visitor

    page.wait_for_selector(".rail .related .item-title")
    assert near.title in page.inner_text(".rail .related")
    assert page.inner_text(".rail .related .reason").strip() == "Juga tentang Banjir"
    assert page.locator(".rail .related .fragment-link").count() == 0

    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_timeout(300)
    # Leaving the page sends the final depth; fire the event itself so the test does not
    # depend on when Chromium flushes beacons during a navigation.
    page.evaluate("window.dispatchEvent(new PageTransitionEvent('pagehide'))")
    assert wait_for(lambda: ReadingEvent.objects.get(pk=event.pk).depth > 50), (
        ReadingEvent.objects.get(pk=event.pk).depth
    )

    page.goto(live_server.url + "/")
    page.wait_for_selector(".rail .popular .item-title")
    assert article.title in page.inner_text(".rail .popular")
    page.click("#tab-untuk-anda-btn")
    page.wait_for_selector("#tab-untuk-anda .item-title")
    feed = page.inner_text("#tab-untuk-anda")
    assert near.title in feed
    assert article.title not in feed  # already read
    assert "Karena Anda membaca tentang Banjir" in feed


def test_do_not_track_browser_sends_nothing(browser, live_server):
    article = make_article(title="Dibaca diam-diam")
    context = browser.new_context()
    context.add_init_script(
        "Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', {get: () => true});"
    )
    beacons: list[str] = []
    context.on("request", lambda r: beacons.append(r.url) if "/untuk-anda/baca/" in r.url else 0)
    page = context.new_page()
    page.goto(live_server.url + article.url)
    page.wait_for_timeout(500)
    page.goto(live_server.url + "/")
    page.wait_for_timeout(300)
    assert beacons == []
    assert not ReadingEvent.objects.exists()
    context.close()


def test_switching_to_english_in_the_footer(browser, live_server):
    article = make_article(title="Banjir rendam pesisir", topics=[make_topic("Banjir")])
    context = browser.new_context(locale="id-ID")
    page = context.new_page()
    page.goto(live_server.url + article.url)
    assert page.text_content("#redaksi-judul") == "Tim Redaksi"
    # The Indonesian copy is fresh in the browser cache (max-age=60): Vary: Cookie makes the
    # browser fetch the page again once the language cookie changed.
    page.click(".language-switch a[lang=en]")
    page.wait_for_url(live_server.url + article.url)
    assert page.text_content("#redaksi-judul") == "Editorial Team"
    assert page.get_attribute("html", "lang") == "en"
    page.click(".language-switch a[lang=id]")
    page.wait_for_url(live_server.url + article.url)
    assert page.text_content("#redaksi-judul") == "Tim Redaksi"
    context.close()
