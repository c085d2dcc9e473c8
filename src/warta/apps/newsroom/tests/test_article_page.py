"""The article page carries every element of the reference page."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from lxml import html as lxml_html

from warta.apps.core.models import PublicationSettings
from warta.apps.newsroom.tests.factories import make_article, make_image, make_topic, make_user

pytestmark = pytest.mark.django_db


def fetch(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return lxml_html.fromstring(response.content)


def text_of(doc, selector: str) -> str:
    nodes = doc.cssselect(selector)
    assert nodes, f"{selector} missing"
    return " ".join(" ".join(n.itertext()) for n in nodes)


def test_every_element_of_the_reference_page_is_rendered(client):
    from wagtail.models import Site

    settings = PublicationSettings.for_site(Site.objects.get(is_default_site=True))
    settings.facebook_url = "https://facebook.com/warta"
    settings.save()
    writer = make_user("ayu", first_name="Ayu", last_name="Lestari")
    editor = make_user("dimas", first_name="Dimas", last_name="Prakoso")
    pick = make_article(title="Pilihan redaksi hari ini", editors_pick=True)
    page = make_article(
        title="Peru Setuju Militer AS Masuk pada 2026",
        hero_image=make_image(),
        hero_caption="ilustrasi bendera Peru",
        hero_credit="unsplash.com/saz26",
        author=writer,
        editor=editor,
        is_community=True,
        topics=[make_topic("Peru"), make_topic("Militer")],
        published_at=datetime(2025, 12, 17, 0, 59, tzinfo=UTC),
    )
    doc = fetch(client, page)

    assert text_of(doc, "h1.headline") == "Peru Setuju Militer AS Masuk pada 2026"
    assert "ilustrasi bendera Peru" in text_of(doc, ".hero figcaption")
    assert "(unsplash.com/saz26)" in text_of(doc, ".hero figcaption")
    assert text_of(doc, ".key-points h2") == "Intinya sih..."
    assert [li.text for li in doc.cssselect(".key-points li")] == [
        "Poin satu",
        "Poin dua",
        "Poin tiga",
    ]
    assert "kecerdasan buatan (AI)" in text_of(doc, ".key-points .disclosure")
    lead = doc.cssselect(".article-body p")[0]
    assert "".join(lead.itertext()).startswith("Jakarta, Warta - Parlemen menyetujui")
    assert [" ".join("".join(h.itertext()).split()) for h in doc.cssselect("h2.subheading")] == [
        "1. Peru ditetapkan sebagai sekutu",
        "2. Keadaan darurat di perbatasan",
    ]
    assert "Hugo Rahman" in text_of(doc, ".quote .speaker")
    assert "Menteri" in text_of(doc, ".quote .role")
    assert "dikutip dari Kantor Berita Contoh" in text_of(doc, ".source")
    assert "penulis komunitas" in text_of(doc, ".community-notice")
    share = {a.get("class") for a in doc.cssselect(".share a")}
    assert share == {
        "share-whatsapp",
        "share-x",
        "share-facebook",
        "share-telegram",
        "share-linkedin",
    }
    assert doc.cssselect(".share .share-copy") and doc.cssselect(".share .share-native")
    assert {a.text for a in doc.cssselect(".topics a")} >= {"Peru", "Militer"}
    assert "Dimas Prakoso" in text_of(doc, ".editorial-team .editor-name")
    assert "Facebook" in text_of(doc, ".follow")
    assert pick.title in text_of(doc, ".picks")
    assert pick.title in text_of(doc, ".latest")
    assert doc.cssselect(".latest a.see-more")
    assert "17 Des 2025, 07:59 WIB" in text_of(doc, ".byline time")


def test_key_points_hidden_until_an_editor_approves(client):
    page = make_article(approved=False)
    doc = fetch(client, page)
    assert not doc.cssselect(".key-points")


@pytest.mark.parametrize(
    ("generated", "edit", "expected"),
    [
        (True, False, "dibuat dengan kecerdasan buatan (AI) dan telah diperiksa"),
        (True, True, "disunting dan diperiksa oleh editor"),
        (False, False, "Ringkasan ini ditulis oleh editor."),
    ],
)
def test_disclosure_follows_provenance(client, generated, edit, expected):
    page = make_article(generated=generated)
    if edit:
        point = page.key_points.first()
        point.text = "Poin yang disunting editor"
        point.save()
    doc = fetch(client, page)
    assert expected in text_of(doc, ".key-points .disclosure")


def test_non_community_article_has_no_community_notice(client):
    doc = fetch(client, make_article(is_community=False))
    assert not doc.cssselect(".community-notice")


def test_unpublished_article_is_not_served(client):
    page = make_article(publish=False)
    assert client.get(f"/berita/{page.slug}/").status_code == 404


def test_article_page_query_count_is_bounded(client, django_assert_max_num_queries):
    for _ in range(6):
        make_article(topics=[make_topic("Ekonomi")], hero_image=make_image(), hero_credit="Warta")
    page = make_article(topics=[make_topic("Ekonomi")])
    client.get(page.url)  # warm renditions and site caches
    with django_assert_max_num_queries(30):
        client.get(page.url)


def test_unknown_slugs_are_not_found(client):
    page = make_article()
    assert client.get(f"/berita/{page.slug}-tidak-ada/").status_code == 404
    assert client.get("/tidak-ada-rubrik/").status_code == 404
    assert client.get(f"/berita/{page.slug}/lebih-dalam/").status_code == 404


def test_article_is_routed_with_its_section(client):
    page = make_article(title="Di rubrik berita")
    response = client.get(f"/berita/{page.slug}/")
    assert response.status_code == 200
    assert response.context["page"].pk == page.pk
    assert response.context["section"].slug == "berita"
