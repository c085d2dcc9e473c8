"""Home, section and topic listings (For You: warta.apps.recommendations.tests)."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from warta.apps.newsroom.models import LIST_PAGE_SIZE, SectionPage
from warta.apps.newsroom.tests.factories import make_article, make_topic

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    doc = lxml_html.fromstring(response.content)
    return [a.text for a in doc.cssselect(".article-item .item-title")]


def test_home_shows_latest_picks_topics_and_for_you_tab(client):
    old = make_article(title="Berita lama")
    new = make_article(title="Berita baru", editors_pick=True, topics=[make_topic("Banjir")])
    response = client.get("/")
    assert response.status_code == 200
    doc = lxml_html.fromstring(response.content)
    latest = [a.text for a in doc.cssselect("#tab-terbaru .item-title")]
    assert latest.index(new.title) < latest.index(old.title)
    assert new.title in [a.text for a in doc.cssselect(".picks .item-title")]
    assert "Banjir" in [a.text for a in doc.cssselect(".topics a")]
    assert doc.cssselect("#tab-untuk-anda[data-for-you-url]")


def test_section_listing_paginates(client):
    for _ in range(LIST_PAGE_SIZE + 2):
        make_article(section="bisnis")
    section = SectionPage.objects.get(slug="bisnis")
    first = client.get(section.url)
    second = client.get(section.url + "?halaman=2")
    assert len(titles(first)) == LIST_PAGE_SIZE
    assert len(titles(second)) == 2
    assert "Halaman 2 dari 2" in second.content.decode()


def test_section_listing_query_count(client, django_assert_max_num_queries):
    for _ in range(8):
        make_article(section="sport", topics=[make_topic("Voli")])
    section = SectionPage.objects.get(slug="sport")
    client.get(section.url)
    with django_assert_max_num_queries(15):
        client.get(section.url)


def test_topic_page_lists_only_its_articles(client):
    flood = make_topic("Banjir")
    inside = make_article(title="Banjir di pesisir", topics=[flood])
    make_article(title="Harga cabai naik")
    response = client.get(flood.get_absolute_url())
    assert titles(response) == [inside.title]


def test_unknown_topic_gives_indonesian_404(client):
    response = client.get("/topik/tidak-ada/")
    assert response.status_code == 404
    assert "Halaman tidak ditemukan" in response.content.decode()
