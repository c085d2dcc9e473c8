import json
from datetime import timedelta

import feedparser
import pytest
from django.utils import timezone

from warta.apps.distribution.tests.factories import make_user, publish_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    author = make_user("sari")
    return publish_article(author=author, topics=("Banjir", "Semarang"))


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    return response, feedparser.parse(response.content)


@pytest.mark.parametrize(
    "url", ["/feed/rss/", "/feed/rubrik/berita/rss/", "/feed/topik/banjir/rss/"]
)
def test_rss_entry_carries_key_points_author_image_and_wib_times(client, article, url):
    response, feed = parse(client, url)
    assert response["Content-Type"].startswith("application/rss+xml")
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "rss20"
    assert feed.feed.language == "id"
    [entry] = feed.entries
    assert entry.title == article.title
    assert entry.link == f"http://testserver{article.url}"
    assert entry.author == "Sari Wulandari"
    for point in ("Banjir rob merendam tiga kelurahan.", "Ratusan warga mengungsi."):
        assert f"<li>{point}</li>" in entry.summary
    assert entry.published.endswith("+0700")
    assert entry.enclosures[0].href.startswith("http://testserver/media/images/")
    assert entry.enclosures[0].type == "image/png"
    assert int(entry.enclosures[0].length) > 0
    assert {tag.term for tag in entry.tags} >= {"Berita", "Banjir", "Semarang"}


def test_atom_entry_has_author_link_and_offset(client, article):
    response, feed = parse(client, "/feed/atom/")
    assert response["Content-Type"].startswith("application/atom+xml")
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    [entry] = feed.entries
    assert entry.author_detail.name == "Sari Wulandari"
    assert entry.published.endswith("+07:00")
    assert entry.updated.endswith("+07:00")
    assert "Pemkot menyiagakan pompa air." in entry.summary
    assert [link.href for link in entry.links if link.rel == "enclosure"]


def test_json_feed_follows_version_1_1(client, article):
    response = client.get("/feed/json/")
    assert response["Content-Type"].startswith("application/feed+json")
    feed = json.loads(response.content)
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["feed_url"] == "http://testserver/feed/json/"
    assert feed["language"] == "id"
    [item] = feed["items"]
    assert item["id"] and item["url"] == f"http://testserver{article.url}"
    assert item["authors"][0]["name"] == "Sari Wulandari"
    assert item["date_published"].endswith("+07:00")
    assert item["date_modified"].endswith("+07:00")
    assert item["image"].startswith("http://testserver/media/images/")
    assert item["tags"] == ["Banjir", "Semarang"]
    assert item["_warta"]["key_points"][0] == "Banjir rob merendam tiga kelurahan."
    assert item["_warta"]["key_points_provenance"] == "generated"
    assert item["_warta"]["dateline"] == "Semarang"
    assert "content_html" in item


def test_unapproved_key_points_never_reach_a_feed(client):
    publish_article(approved=False, key_points=("Poin rahasia belum disetujui.",))
    for fmt in ("rss", "atom", "json"):
        body = client.get(f"/feed/{fmt}/").content.decode()
        assert "Poin rahasia" not in body, fmt
        assert "Intinya sih" not in body, fmt


def test_drafts_and_other_sections_are_left_out(client, article):
    publish_article("Harga cabai naik", section="bisnis", topics=("Pasar",))
    draft = publish_article("Draf tersembunyi")
    draft.unpublish()
    site_titles = [e.title for e in feedparser.parse(client.get("/feed/rss/").content).entries]
    assert site_titles == ["Harga cabai naik", article.title]
    section = feedparser.parse(client.get("/feed/rubrik/bisnis/rss/").content)
    assert [e.title for e in section.entries] == ["Harga cabai naik"]


def test_newest_first(client):
    old = publish_article("Lama", first_published_at=timezone.now() - timedelta(days=3))
    new = publish_article("Baru")
    titles = [e.title for e in feedparser.parse(client.get("/feed/atom/").content).entries]
    assert titles == [new.title, old.title]


@pytest.mark.parametrize(
    "url", ["/feed/rubrik/tidak-ada/rss/", "/feed/topik/tidak-ada/json/", "/feed/xml/"]
)
def test_unknown_channel_is_404(client, url):
    assert client.get(url).status_code == 404


def test_feed_is_cacheable_and_conditional(client, article):
    response = client.get("/feed/rss/")
    assert "public" in response["Cache-Control"]
    assert response["ETag"]
    again = client.get("/feed/rss/", headers={"if-none-match": response["ETag"]})
    assert again.status_code == 304


def test_feed_query_count_does_not_grow_with_entries(client, django_assert_max_num_queries):
    for number in range(4):
        publish_article(f"Artikel {number}")
    client.get("/feed/json/")  # generate renditions once, as a warm server would have
    with django_assert_max_num_queries(9):
        client.get("/feed/rss/")
