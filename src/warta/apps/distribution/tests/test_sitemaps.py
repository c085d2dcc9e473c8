from datetime import datetime, timedelta
from unittest import mock

import pytest
from django.utils import timezone
from lxml import etree

from warta.apps.distribution import sitemaps
from warta.apps.distribution.tests.factories import publish_article

pytestmark = pytest.mark.django_db

NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}


def xml(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    assert "xml" in response["Content-Type"]
    return etree.fromstring(response.content)


def test_robots_txt_keeps_crawlers_out_of_private_areas(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    for path in ("/admin/", "/menulis/", "/akun/"):
        assert f"Disallow: {path}" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_index_lists_every_sitemap(client):
    publish_article()
    root = xml(client, "/sitemap.xml")
    assert root.tag == f"{{{NS['sm']}}}sitemapindex"
    locations = root.xpath("//sm:sitemap/sm:loc/text()", namespaces=NS)
    assert locations == [
        "http://testserver/sitemap-halaman.xml",
        "http://testserver/sitemap-topik.xml",
        "http://testserver/sitemap-artikel.xml",
        "http://testserver/sitemap-google-news.xml",
    ]


def test_page_and_article_sitemaps(client):
    article = publish_article(topics=("Banjir",))
    pages = xml(client, "/sitemap-halaman.xml").xpath("//sm:loc/text()", namespaces=NS)
    assert "http://testserver/" in pages
    assert "http://testserver/berita/" in pages
    topics = xml(client, "/sitemap-topik.xml").xpath("//sm:loc/text()", namespaces=NS)
    assert topics == ["http://testserver/topik/banjir/"]
    root = xml(client, "/sitemap-artikel.xml")
    [url] = root.xpath("//sm:url", namespaces=NS)
    assert url.findtext("sm:loc", namespaces=NS) == f"http://testserver{article.url}"
    assert url.findtext("sm:lastmod", namespaces=NS).endswith("+07:00")


def test_news_sitemap_has_only_the_last_48_hours(client):
    now = timezone.now()
    fresh = publish_article("Segar", first_published_at=now - timedelta(hours=47))
    publish_article("Basi", first_published_at=now - timedelta(hours=49))
    root = xml(client, "/sitemap-google-news.xml")
    assert root.nsmap == {None: NS["sm"], "news": NS["news"]}
    urls = root.xpath("//sm:url", namespaces=NS)
    assert len(urls) == 1
    [url] = urls
    assert url.findtext("sm:loc", namespaces=NS) == f"http://testserver{fresh.url}"
    news = url.find("news:news", namespaces=NS)
    assert news.findtext("news:publication/news:name", namespaces=NS) == "Warta"
    assert news.findtext("news:publication/news:language", namespaces=NS) == "id"
    assert news.findtext("news:title", namespaces=NS) == "Segar"
    published = news.findtext("news:publication_date", namespaces=NS)
    assert published.endswith("+07:00")
    parsed = datetime.fromisoformat(published)
    assert abs(parsed - fresh.first_published_at) < timedelta(seconds=1)


def test_news_sitemap_splits_at_the_file_limit(client):
    for number in range(3):
        publish_article(f"Artikel {number}", with_image=False)
    with mock.patch.object(sitemaps.NewsSitemap, "limit", 2):
        index = xml(client, "/sitemap.xml").xpath("//sm:loc/text()", namespaces=NS)
        assert "http://testserver/sitemap-google-news.xml?p=2" in index
        first = xml(client, "/sitemap-google-news.xml").xpath("//sm:url", namespaces=NS)
        second = xml(client, "/sitemap-google-news.xml?p=2").xpath("//sm:url", namespaces=NS)
    assert (len(first), len(second)) == (2, 1)
    assert sitemaps.NEWS_URLS_PER_FILE == 1000


def test_empty_news_sitemap_is_valid(client):
    root = xml(client, "/sitemap-google-news.xml")
    assert root.xpath("//sm:url", namespaces=NS) == []


def test_unknown_sitemap_is_404(client):
    assert client.get("/sitemap-rahasia.xml").status_code == 404


def test_article_sitemap_query_count(client, django_assert_max_num_queries):
    for number in range(4):
        publish_article(f"Artikel {number}", with_image=False)
    # 10: one is the newsroom content version, a database row without a shared cache
    with django_assert_max_num_queries(10):
        client.get("/sitemap-artikel.xml")
