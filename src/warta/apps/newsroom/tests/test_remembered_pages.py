"""What a warm process remembers for reader pages never outlives a change to what they show.

The site, the routed page (with its author, editor, hero image, key points and topics), its
view restrictions, the publication settings and the rendered parts of an article are kept in
memory under the newsroom content version (``versioning.remember``). Each test renders once
to warm that memory, changes one input the way an editor or a reader would, and checks the
next response.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from lxml import html as lxml_html
from wagtail.models import PageViewRestriction, Site

from warta.apps.core.models import PublicationSettings
from warta.apps.newsroom.models import ArticleKeyPoint, ArticlePage, SectionPage
from warta.apps.newsroom.tests.factories import make_article, make_image, make_topic, make_user
from warta.apps.newsroom.tests.html import fetch, texts

pytestmark = pytest.mark.django_db


def republish(page: ArticlePage, **fields: object) -> ArticlePage:
    page = ArticlePage.objects.get(pk=page.pk)
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return ArticlePage.objects.get(pk=page.pk)


def test_a_warm_article_page_reads_no_row(client, clock):
    page = make_article(
        topics=[make_topic("Banjir")],
        hero_image=make_image(),
        hero_credit="Warta",
        author=make_user("ayu", first_name="Ayu"),
        editor=make_user("dimas", first_name="Dimas"),
    )
    client.get(page.url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(page.url)
    assert response.status_code == 200
    # Without a shared cache the content version is a database row, read again once a second
    # (``test_content_version.py``); the clock is stopped here.
    assert len(queries) == 0, "\n".join(q["sql"][:120] for q in queries.captured_queries)


def test_an_edited_headline_shows_at_once(client):
    page = make_article(title="Judul lama")
    assert texts(fetch(client, page.url), "h1.headline") == ["Judul lama"]
    republish(page, title="Judul baru")
    doc = fetch(client, page.url)
    assert texts(doc, "h1.headline") == ["Judul baru"]
    assert doc.cssselect('meta[property="og:title"]')[0].get("content") == "Judul baru"


def test_an_unpublished_article_is_gone_at_once(client):
    page = make_article()
    fetch(client, page.url)
    ArticlePage.objects.get(pk=page.pk).unpublish()
    assert client.get(page.url).status_code == 404


def test_a_renamed_slug_moves_the_article_at_once(client):
    page = make_article()
    old_url = page.url
    fetch(client, old_url)
    moved = republish(page, slug="alamat-baru")
    assert client.get(old_url).status_code == 404
    doc = fetch(client, moved.url)
    assert doc.cssselect(".share-copy")[0].get("data-copy-url").endswith("/alamat-baru/")
    assert doc.cssselect('link[rel="canonical"]')[0].get("href").endswith("/alamat-baru/")


def test_a_renamed_section_shows_in_the_kicker_at_once(client):
    page = make_article()
    assert texts(fetch(client, page.url), ".kicker a") == ["Berita"]
    section = SectionPage.objects.get(slug="berita")
    section.title = "Kabar"
    section.save_revision().publish()
    assert texts(fetch(client, page.url), ".kicker a") == ["Kabar"]


def test_an_article_put_behind_a_login_asks_for_it_at_once(client):
    page = make_article()
    fetch(client, page.url)
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )
    response = client.get(page.url)
    assert response.status_code == 302
    assert "login" in response["Location"]
    restriction.delete()
    assert client.get(page.url).status_code == 200


def test_a_section_put_behind_a_login_restricts_its_articles_at_once(client):
    page = make_article()
    fetch(client, page.url)
    PageViewRestriction.objects.create(
        page=SectionPage.objects.get(slug="berita"),
        restriction_type=PageViewRestriction.LOGIN,
    )
    assert client.get(page.url).status_code == 302


def test_a_new_site_for_the_host_is_used_at_once(client):
    page = make_article(title="Artikel di rubrik")
    old_url = page.url
    fetch(client, "/")
    site = Site.objects.create(
        hostname="testserver", port=80, root_page=SectionPage.objects.get(slug="berita")
    )
    try:
        doc = fetch(client, "/")
        assert "Artikel di rubrik" in texts(doc, ".item-title")
        assert client.get(old_url).status_code == 404  # the old path went with the old root
    finally:
        site.delete()  # clears Wagtail's cached site root paths, which no rollback reaches


def test_a_renamed_author_and_editor_show_at_once(client):
    author = make_user("ayu", first_name="Ayu", last_name="Lestari")
    editor = make_user("dimas", first_name="Dimas")
    page = make_article(author=author, editor=editor)
    assert texts(fetch(client, page.url), ".byline .author") == ["Ayu Lestari"]
    author.last_name = "Wulandari"
    author.save()
    editor.first_name = "Dimas Arya"
    editor.save(update_fields=["first_name"])
    doc = fetch(client, page.url)
    assert texts(doc, ".byline .author") == ["Ayu Wulandari"]
    assert texts(doc, ".editor-name") == ["Dimas Arya"]
    assert '"name":"Ayu Wulandari"' in doc.cssselect('script[type="application/ld+json"]')[0].text


def test_a_deleted_author_leaves_the_byline_at_once(client):
    author = make_user("ayu", first_name="Ayu")
    page = make_article(author=author)
    assert texts(fetch(client, page.url), ".byline .author") == ["Ayu"]
    author.delete()
    assert texts(fetch(client, page.url), ".byline .author") == []


def test_changed_publication_settings_show_at_once(client):
    page = make_article(is_community=True)
    fetch(client, page.url)
    settings = PublicationSettings.for_site(Site.objects.get(is_default_site=True))
    settings.publication_name = "Kabar Pesisir"
    settings.community_notice = "Catatan baru."
    settings.x_url = "https://x.com/kabarpesisir"
    settings.save()
    doc = fetch(client, page.url)
    assert texts(doc, ".dateline") == ["Jakarta, Kabar Pesisir -"]
    assert texts(doc, ".community-notice") == ["Catatan baru."]
    assert doc.cssselect('meta[name="twitter:site"]')[0].get("content") == "@kabarpesisir"
    assert [a.get("href") for a in doc.cssselect(".follow a")] == ["https://x.com/kabarpesisir"]
    assert "Kabar Pesisir" in doc.cssselect("title")[0].text


def test_a_renamed_topic_shows_at_once(client):
    topic = make_topic("Banjir")
    page = make_article(topics=[topic])
    assert texts(fetch(client, page.url), ".topics a") == ["Banjir"]
    topic.name = "Banjir Rob"
    topic.save()
    doc = fetch(client, page.url)
    assert texts(doc, ".topics a") == ["Banjir Rob"]
    assert doc.cssselect('meta[property="article:tag"]')[0].get("content") == "Banjir Rob"


def test_edited_key_points_show_at_once(client):
    page = make_article(key_points=["Poin lama satu", "Poin lama dua"])
    assert texts(fetch(client, page.url), ".key-points li") == ["Poin lama satu", "Poin lama dua"]
    page = ArticlePage.objects.get(pk=page.pk)
    page.key_points.set([ArticleKeyPoint(sort_order=0, text="Poin baru", generated_text="x")])
    page.save_revision().publish()
    doc = fetch(client, page.url)
    assert texts(doc, ".key-points li") == ["Poin baru"]
    assert "disunting" in texts(doc, ".key-points .disclosure")[0]  # edited, not generated
    republish(page, key_points_approved=False)
    assert texts(fetch(client, page.url), ".key-points li") == []


def test_an_edited_body_shows_at_once(client):
    page = make_article()
    fetch(client, page.url)
    body = [{"type": "paragraph", "value": "<p>Isi yang sudah diperbaiki.</p>"}]
    republish(page, body=body)
    assert "Isi yang sudah diperbaiki." in texts(fetch(client, page.url), ".article-body p")[0]


def test_a_moved_focal_point_changes_the_hero_picture_at_once(client):
    image = make_image(width=1600, height=900)
    page = make_article(hero_image=image, hero_credit="Warta")
    before = fetch(client, page.url).cssselect(".hero img")[0].get("srcset")
    image.focal_point_x, image.focal_point_y = 100, 100
    image.focal_point_width, image.focal_point_height = 50, 50
    image.save()
    after = fetch(client, page.url).cssselect(".hero img")[0].get("srcset")
    assert after != before


def test_a_replaced_hero_image_shows_at_once(client):
    page = make_article(hero_image=make_image(), hero_credit="Warta")
    og_image = 'meta[property="og:image"]'
    doc = fetch(client, page.url)
    before = doc.cssselect(".hero img")[0].get("src"), doc.cssselect(og_image)[0].get("content")
    page = republish(page, hero_image=make_image())
    doc = fetch(client, page.url)
    after = doc.cssselect(".hero img")[0].get("src"), doc.cssselect(og_image)[0].get("content")
    assert after[0] != before[0]
    assert after[1] != before[1]


def test_the_metadata_follows_the_host_the_reader_asked(client):
    page = make_article()
    canonical = 'link[rel="canonical"]'
    assert (
        fetch(client, page.url).cssselect(canonical)[0].get("href").startswith("http://testserver/")
    )
    doc = lxml_html.fromstring(client.get(page.url, HTTP_HOST="localhost", secure=True).content)
    assert doc.cssselect(canonical)[0].get("href").startswith("https://localhost/")


def test_a_preview_shows_the_draft_not_the_remembered_page(admin_client, client):
    page = make_article(title="Judul terbit")
    draft = ArticlePage.objects.get(pk=page.pk)
    draft.title = "Judul draf"
    draft.body = [{"type": "paragraph", "value": "<p>Isi draf.</p>"}]
    draft.save_revision()
    # Remember the live page's parts under this version, for the host previews are made on.
    fetch(client, page.url, HTTP_HOST="localhost")
    response = admin_client.get(f"/admin/pages/{page.pk}/view_draft/")
    assert response.status_code == 200
    assert b"Isi draf." in response.content
    assert b"Judul draf" in response.content
    doc = fetch(client, page.url, HTTP_HOST="localhost")
    assert texts(doc, "h1.headline") == ["Judul terbit"]
    assert "Isi draf." not in " ".join(texts(doc, ".article-body p"))


def test_each_language_gets_its_own_rendered_parts(client):
    page = make_article()
    assert texts(fetch(client, page.url), "#intinya") == ["Intinya sih..."]
    english = lxml_html.fromstring(client.get(page.url, HTTP_ACCEPT_LANGUAGE="en").content)
    assert texts(english, "#intinya") == ["In short..."]
    assert texts(english, "#redaksi-judul") == ["Editorial Team"]
    doc = fetch(client, page.url)
    assert texts(doc, "#intinya") == ["Intinya sih..."]
    assert texts(doc, "#redaksi-judul") == ["Tim Redaksi"]
