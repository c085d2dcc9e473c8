"""For You, Terkait and Populer sekarang through the site: fragments, pages, fallbacks, cost."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.messages import constants
from django.contrib.messages.storage.cookie import CookieStorage
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.utils import timezone
from lxml import html as lxml_html

from warta.apps.newsroom.tests.factories import make_article, make_image, make_topic, make_user
from warta.apps.recommendations import feeds, indexing
from warta.apps.recommendations.tests.helpers import beacon, distinct_body, listed, reasons

pytestmark = pytest.mark.django_db

FOR_YOU = "/untuk-anda/?fragmen=1"
POPULAR = "/untuk-anda/populer/?fragmen=1"


def related_url(article, fragment: bool = True) -> str:
    return f"/untuk-anda/terkait/{article.pk}/" + ("?fragmen=1" if fragment else "")


def read_by(article, readers: int) -> None:
    """Have ``readers`` different anonymous browsers read ``article``."""
    for _ in range(readers):
        beacon(Client(), article.pk, 60)


def test_cold_start_shows_popular_and_editors_picks_with_reasons(client):
    popular = make_article(title="Paling banyak dibaca")
    pick = make_article(title="Pilihan redaksi minggu ini", editors_pick=True)
    make_article(title="Biasa saja")
    read_by(popular, 3)
    response = client.get(FOR_YOU)
    assert response.status_code == 200
    shown = dict(zip(listed(response), reasons(response), strict=True))
    assert shown[popular.title] == "Sedang populer"
    assert shown[pick.title] == "Pilihan editor"
    assert listed(response)[0] == popular.title
    assert "Belum ada riwayat baca" in response.content.decode()


def test_for_you_follows_what_the_logged_in_reader_read():
    flood, market = make_topic("Banjir"), make_topic("Pasar")
    read = make_article(title="Banjir rendam Bekasi", topics=[flood])
    near = make_article(title="Banjir kembali melanda Jakarta", topics=[flood])
    for i in range(4):
        make_article(title=f"Harga cabai naik {i}", topics=[market])
    client = Client()
    client.force_login(make_user())
    beacon(client, read.pk, 100)
    response = client.get(FOR_YOU)
    titles = listed(response)
    assert read.title not in titles  # already read
    assert titles[0] == near.title
    assert reasons(response)[0] == "Karena Anda membaca tentang Banjir"
    assert "Dipilih dari artikel yang Anda baca" in response.content.decode()
    assert "private" in response["Cache-Control"]
    assert "Cookie" in response["Vary"]


def test_for_you_uses_the_anonymous_cookie_history(client):
    flood = make_topic("Banjir")
    read = make_article(title="Banjir rendam Bekasi", topics=[flood])
    make_article(title="Banjir kembali melanda Jakarta", topics=[flood])
    make_article(title="Pemilu kepala desa")
    beacon(client, read.pk, 80)  # sets the visitor cookie on this client
    response = client.get(FOR_YOU)
    assert read.title not in listed(response)
    assert "Karena Anda membaca tentang Banjir" in reasons(response)


def test_note_does_not_claim_a_history_that_was_not_used(client):
    gone = make_article(title="Ditarik redaksi")
    make_article(title="Masih tayang")
    beacon(client, gone.pk, 80)
    gone.unpublish()  # the only article this reader read
    html = client.get(FOR_YOU).content.decode()
    assert "Dipilih dari artikel yang Anda baca" not in html
    assert "Artikel yang Anda baca sudah tidak tersedia" in html


def test_old_articles_are_not_called_the_latest_news(client, monkeypatch):
    month_ago = timezone.now() - timedelta(days=30)
    old = make_article(title="Bulan lalu", published_at=month_ago, body=distinct_body(1))
    new = make_article(title="Hari ini", body=distinct_body(2))
    shown = dict(zip(listed(response := client.get(FOR_YOU)), reasons(response), strict=True))
    assert shown == {new.title: "Berita terbaru", old.title: "Dari arsip"}  # cold start

    monkeypatch.setattr(feeds, "recommend", lambda *args, **kwargs: [])
    response = client.get(FOR_YOU)
    shown = dict(zip(listed(response), reasons(response), strict=True))
    assert shown == {new.title: "Berita terbaru", old.title: "Dari arsip"}  # fallback


def test_for_you_full_page_without_js_links_to_history(client):
    make_article(title="Satu")
    response = client.get("/untuk-anda/")
    assert response.status_code == 200
    doc = lxml_html.fromstring(response.content)
    assert doc.cssselect("h1")[0].text == "Untuk Anda"
    assert doc.cssselect('a[href="/untuk-anda/riwayat/"]')
    assert "Satu" in listed(response)


def test_related_lists_articles_about_the_same_thing(client):
    flood = make_topic("Banjir")
    article = make_article(title="Banjir rendam Bekasi", topics=[flood])
    near = make_article(title="Banjir kembali melanda Bekasi", topics=[flood])
    make_article(title="Harga cabai naik")
    response = client.get(related_url(article))
    assert response.status_code == 200
    titles = listed(response)
    assert titles[0] == near.title
    assert article.title not in titles
    assert reasons(response)[0] == "Juga tentang Banjir"
    # the same for every reader of a language: cacheable, no cookie, no session read (Vary
    # names Cookie only for the language cookie: core/language.py)
    assert "public" in response["Cache-Control"]
    assert not response.cookies
    assert not response.wsgi_request.session.accessed


def test_related_full_page_and_unknown_article(client):
    article = make_article(title="Sumber")
    make_article(title="Lainnya")
    page = client.get(related_url(article, fragment=False))
    assert page.status_code == 200
    assert "Terkait dengan “Sumber”" in page.content.decode()
    assert client.get("/untuk-anda/terkait/999999/").status_code == 404
    draft = make_article(publish=False)
    assert client.get(related_url(draft)).status_code == 404


@pytest.mark.parametrize("article_id", [2**31, 2**63, 99999999999999999999999])
def test_related_with_an_id_too_large_for_any_article_is_404(client, article_id):
    make_article(title="Ada")
    assert client.get(f"/untuk-anda/terkait/{article_id}/").status_code == 404
    assert client.get(f"/untuk-anda/terkait/{article_id}/?fragmen=1").status_code == 404


def pending_message_cookie(text: str) -> str:
    """Return the ``messages`` cookie a browser carries after a view queued ``text``."""
    storage = CookieStorage(RequestFactory().get("/"))
    storage.add(constants.INFO, text)
    response = HttpResponse()
    storage.update(response)
    return response.cookies["messages"].value


@pytest.mark.parametrize("page", ["related", "popular"])
def test_full_pages_showing_a_flash_message_are_kept_from_shared_caches(client, page):
    article = make_article(title="Sumber")
    make_article(title="Lainnya")
    url = related_url(article, fragment=False) if page == "related" else "/untuk-anda/populer/"
    assert "public" in client.get(url)["Cache-Control"]  # nothing personal: shareable

    client.cookies["messages"] = pending_message_cookie("Pesan untuk pembaca ini saja.")
    response = client.get(url)
    assert "Pesan untuk pembaca ini saja." in response.content.decode()  # the page shows it
    assert "public" not in response["Cache-Control"]  # so no shared cache may keep it
    assert "private" in response["Cache-Control"]


def test_logged_in_readers_terkait_and_populer_are_not_shared():
    article = make_article(title="Sumber")
    client = Client()
    client.force_login(make_user())
    for url in (related_url(article, fragment=False), "/untuk-anda/populer/?fragmen=1"):
        assert "public" not in client.get(url)["Cache-Control"], url


def test_popular_counts_readers_in_the_window(client):
    most = make_article(title="Dibaca tiga orang")
    some = make_article(title="Dibaca satu orang")
    make_article(title="Belum dibaca")
    read_by(most, 3)
    read_by(some, 1)
    response = client.get(POPULAR)
    assert listed(response) == [most.title, some.title]
    assert set(reasons(response)) == {"Sedang populer"}
    assert "public" in response["Cache-Control"]
    assert not response.cookies


def test_popular_without_reads_falls_back_to_picks_and_latest(client):
    pick = make_article(title="Pilihan", editors_pick=True)
    latest = make_article(title="Terbaru")
    response = client.get(POPULAR)
    shown = dict(zip(listed(response), reasons(response), strict=True))
    assert shown == {pick.title: "Pilihan editor", latest.title: "Berita terbaru"}
    assert client.get("/untuk-anda/populer/").status_code == 200


def test_for_you_falls_back_when_the_engine_returns_nothing(client, monkeypatch):
    monkeypatch.setattr(feeds, "recommend", lambda *args, **kwargs: [])
    pick = make_article(title="Pilihan", editors_pick=True)
    latest = make_article(title="Terbaru")
    response = client.get(FOR_YOU)
    shown = dict(zip(listed(response), reasons(response), strict=True))
    assert shown == {pick.title: "Pilihan editor", latest.title: "Berita terbaru"}
    doc = lxml_html.fromstring(response.content)
    assert doc.cssselect(".for-you-feed.is-fallback")


def test_related_falls_back_when_the_engine_returns_nothing(client, monkeypatch):
    monkeypatch.setattr(feeds, "related", lambda *args, **kwargs: [])
    article = make_article(title="Sumber")
    other = make_article(title="Lainnya", editors_pick=True)
    response = client.get(related_url(article))
    assert listed(response) == [other.title]
    assert reasons(response) == ["Pilihan editor"]


def test_empty_site_renders_empty_lists(client):
    for url in (FOR_YOU, POPULAR, "/untuk-anda/", "/untuk-anda/populer/"):
        response = client.get(url)
        assert response.status_code == 200
        assert listed(response) == []


def test_home_and_article_pages_carry_placeholders_and_set_no_cookie(client):
    article = make_article(title="Artikel")
    home = client.get("/")
    doc = lxml_html.fromstring(home.content)
    assert doc.cssselect('#tab-untuk-anda[data-for-you-url="/untuk-anda/?fragmen=1"]')
    assert doc.cssselect('.rail .popular[data-fragment-url="/untuk-anda/populer/?fragmen=1"]')
    assert doc.cssselect('.rail .popular a[href="/untuk-anda/populer/"]')  # no-JS link
    assert not home.cookies
    page = client.get(article.url)
    doc = lxml_html.fromstring(page.content)
    section = doc.cssselect(".rail section.related")[0]
    assert section.get("data-fragment-url") == related_url(article)
    assert section.cssselect(f'a[href="{related_url(article, fragment=False)}"]')
    assert not page.cookies


@pytest.mark.parametrize(
    ("url", "queries"),
    [(FOR_YOU, 7), (POPULAR, 6), ("related", 8)],
    ids=["for-you", "popular", "related"],
)
def test_fragment_query_count_is_fixed(client, django_assert_max_num_queries, url, queries):
    topic = make_topic("Banjir")
    image = make_image()
    articles = [
        make_article(
            topics=[topic],
            editors_pick=i % 3 == 0,
            body=distinct_body(i),
            hero_image=image if i % 2 else None,
            hero_credit="Warta/Uji",
        )
        for i in range(12)
    ]
    for article in articles[:4]:
        beacon(client, article.pk, 50)
    if url == "related":
        url = related_url(articles[0])
    client.get(url)  # warm: build the index once, render the thumbnails once
    # session, history, reader counts, view restrictions, articles, renditions, site
    with django_assert_max_num_queries(queries):
        response = client.get(url)
    assert len(listed(response)) >= 4


def test_index_is_built_once_and_rebuilt_when_the_pool_changes(client, monkeypatch):
    builds = []
    real = indexing.load_pool

    def counting():
        builds.append(1)
        return real()

    monkeypatch.setattr(indexing, "load_pool", counting)
    first = make_article(title="Pertama")
    client.get(FOR_YOU)
    client.get(POPULAR)
    client.get(related_url(first))
    assert len(builds) == 1

    second = make_article(title="Kedua")  # publishing bumps the pool version
    assert second.title in listed(client.get(FOR_YOU))
    assert len(builds) == 2

    second.unpublish()
    assert second.title not in listed(client.get(FOR_YOU))
    assert len(builds) == 3
