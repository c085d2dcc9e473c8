"""The frame around every page, kept per content version, never shows another reader's page.

``base.html`` and ``reader_base.html`` render their head links, header, section bar and footer
once per content version, site, script prefix and language (``{% remembered_frame %}``), plus
what a part lists (the page type for the section bar, the path for the language switch). Each
test warms the frame with one request and checks that the next request, which differs in one
of those, gets its own. Messages and everything about a signed-in person stay outside.
"""

from __future__ import annotations

import pytest
from django.contrib import messages
from django.contrib.messages.storage.base import Message
from django.contrib.messages.storage.cookie import CookieStorage
from django.http import HttpRequest
from django.template import Context, Template, TemplateSyntaxError
from django.test.utils import override_script_prefix
from wagtail.models import Site

from warta.apps.core.models import PublicationSettings
from warta.apps.newsroom import versioning
from warta.apps.newsroom.models import HomePage, SectionPage
from warta.apps.newsroom.tests.factories import make_article, make_user
from warta.apps.newsroom.tests.html import fetch, texts

pytestmark = pytest.mark.django_db


def hrefs(doc, selector: str) -> list[str]:
    return [node.get("href") or node.get("action") for node in doc.cssselect(selector)]


def test_each_language_gets_its_own_frame(client):
    page = make_article()
    doc = fetch(client, page.url)
    assert texts(doc, ".skip") == ["Langsung ke isi"]
    assert texts(doc, ".section-nav .tab")[0] == "Beranda"
    assert texts(doc, ".language-switch strong") == ["Bahasa Indonesia"]
    english = fetch(client, page.url, HTTP_ACCEPT_LANGUAGE="en")
    assert texts(english, ".skip") == ["Skip to content"]
    assert texts(english, ".section-nav .tab")[0] == "Home"
    assert texts(english, ".user-nav a") == ["Write"]
    assert texts(english, ".language-switch strong") == ["English"]
    assert english.cssselect(".language-switch a")[0].get("href").startswith("/bahasa/id/")


def test_the_home_tab_is_marked_on_the_home_page_only(client):
    page = make_article()
    assert fetch(client, page.url).cssselect(".section-nav a.active") == []
    doc = fetch(client, "/")
    assert texts(doc, ".section-nav a.active") == ["Beranda"]
    assert fetch(client, page.url).cssselect(".section-nav a.active") == []


def test_the_language_switch_returns_to_the_page_asked_for(client):
    page = make_article()
    switch = ".language-switch a"
    doc = fetch(client, page.url)
    assert doc.cssselect(switch)[0].get("href") == f"/bahasa/en/?next={page.url}"
    doc = fetch(client, f"{page.url}?halaman=2")
    assert doc.cssselect(switch)[0].get("href") == f"/bahasa/en/?next={page.url}%3Fhalaman%3D2"
    doc = fetch(client, "/berita/")
    assert doc.cssselect(switch)[0].get("href") == "/bahasa/en/?next=/berita/"


def test_a_renamed_publication_shows_in_the_frame_at_once(client):
    page = make_article()
    fetch(client, page.url)
    settings = PublicationSettings.for_site(Site.objects.get(is_default_site=True))
    settings.publication_name = "Kabar Pesisir"
    settings.tagline = "Dari pesisir"
    settings.save()
    doc = fetch(client, page.url)
    assert texts(doc, ".logo") == ["Kabar Pesisir"]
    assert texts(doc, ".site-footer p") == ["© Kabar Pesisir — Dari pesisir"]
    assert "Kabar Pesisir" in texts(doc, ".install-prompt__text")[0]


def test_a_renamed_section_shows_in_the_section_bar_at_once(client):
    page = make_article()
    assert "Berita" in texts(fetch(client, page.url), ".section-nav a")
    section = SectionPage.objects.get(slug="berita")
    section.title = "Kabar"
    section.save_revision().publish()
    names = texts(fetch(client, page.url), ".section-nav a")
    assert "Kabar" in names
    assert "Berita" not in names


def test_each_site_gets_its_own_frame(client):
    # The default site is localhost; "testserver" falls back to it until it has its own.
    page = make_article()
    fetch(client, page.url)
    other = Site.objects.create(hostname="testserver", port=80, root_page=HomePage.objects.get())
    try:
        settings = PublicationSettings.for_site(other)
        settings.publication_name = "Warta Lain"
        settings.save()
        assert texts(fetch(client, page.url), ".logo") == ["Warta Lain"]
        assert texts(fetch(client, page.url, HTTP_HOST="localhost"), ".logo") == ["Warta"]
    finally:
        other.delete()  # clears Wagtail's cached site root paths, which no rollback reaches


def test_a_site_on_another_port_of_the_same_host_gets_its_own_parts(client):
    # The Host header is the same ("localhost"); only the port the request arrived on
    # tells the sites apart, so the kept parts must follow the site, not just the host.
    page = make_article()
    url = page.url
    fetch(client, url, HTTP_HOST="localhost")
    other = Site.objects.create(hostname="localhost", port=8080, root_page=HomePage.objects.get())
    try:
        settings = PublicationSettings.for_site(other)
        settings.publication_name = "Warta Delapan"
        settings.save()
        doc = fetch(client, url, HTTP_HOST="localhost", SERVER_PORT="8080")
        assert texts(doc, ".logo") == ["Warta Delapan"]
        assert texts(doc, ".dateline") == ["Jakarta, Warta Delapan -"]
        assert "Warta Delapan" in doc.cssselect("title")[0].text
        doc = fetch(client, url, HTTP_HOST="localhost")
        assert texts(doc, ".logo") == ["Warta"]
        assert texts(doc, ".dateline") == ["Jakarta, Warta -"]
    finally:
        other.delete()


def test_links_follow_the_script_prefix(client):
    make_article()  # so the rail beside the page lists one and links to the section
    page = make_article()
    url = page.url
    fetch(client, url)
    with override_script_prefix("/warta/"):
        doc = fetch(client, url)
    assert hrefs(doc, ".search-box") == ["/warta/cari/"]
    assert hrefs(doc, ".section-nav a")[1] == "/warta/untuk-anda/"
    assert "/warta/berita/" in hrefs(doc, ".section-nav a")
    assert doc.cssselect(".language-switch a")[0].get("href").startswith("/warta/bahasa/")
    assert hrefs(doc, ".kicker a") == ["/warta/berita/"]
    assert hrefs(doc, ".latest .see-more") == ["/warta/berita/"]
    doc = fetch(client, url)
    assert hrefs(doc, ".search-box") == ["/cari/"]
    assert hrefs(doc, ".kicker a") == ["/berita/"]


def message_cookie(text: str) -> str:
    return CookieStorage(HttpRequest())._encode([Message(messages.SUCCESS, text)])


def test_a_message_shows_once_on_a_warm_page(client):
    page = make_article()
    assert fetch(client, page.url).cssselect(".messages") == []
    client.cookies["messages"] = message_cookie("Anda telah keluar.")
    assert texts(fetch(client, page.url), ".messages li") == ["Anda telah keluar."]
    assert fetch(client, page.url).cssselect(".messages") == []


def test_a_signed_in_reader_leaves_nothing_in_the_frame(client):
    writer = make_user("ayu", first_name="Ayu", last_name="Lestari")
    page = make_article(author=writer)
    client.force_login(writer)
    profile = fetch(client, "/akun/profil/ayu/")
    assert "Ayu Lestari" in texts(profile, ".user-nav a")
    assert profile.cssselect(".user-nav input[name=csrfmiddlewaretoken]")
    assert texts(fetch(client, page.url), ".user-nav a") == ["Menulis"]
    client.logout()
    for url in (page.url, "/akun/profil/ayu/"):
        doc = fetch(client, url)
        assert "Ayu Lestari" not in texts(doc, ".user-nav a")
        assert doc.cssselect("input[name=csrfmiddlewaretoken]") == []


def test_the_search_box_in_the_header_carries_no_query(client):
    # The search box is part of the header frame, which is kept per site and language: if it
    # ever shows the query it must move out of the frame (or list the query in its key).
    fetch(client, "/cari/?q=banjir")
    doc = fetch(client, "/cari/?q=rob")
    boxes = doc.cssselect(".site-header .search-box input[name=q]")
    assert [box.get("value") for box in boxes] == [None]


def test_a_frame_without_a_request_is_rendered_each_time():
    template = Template(
        '{% load newsroom_tags %}{% remembered_frame "x" %}{{ name }}{% endremembered_frame %}'
    )
    assert template.render(Context({"name": "satu"})) == "satu"
    assert template.render(Context({"name": "dua"})) == "dua"


def test_a_frame_cannot_hold_a_block():
    with pytest.raises(TemplateSyntaxError):
        Template(
            "{% load newsroom_tags %}{% remembered_frame 'x' %}{% block a %}{% endblock %}"
            "{% endremembered_frame %}"
        )


def test_the_frame_is_the_same_for_a_page_outside_wagtail(client):
    # Search and account pages extend the same base; they share its frame but not the
    # section bar's page type.
    page = make_article()
    fetch(client, page.url)
    doc = fetch(client, "/cari/")
    assert texts(doc, ".logo") == ["Warta"]
    assert doc.cssselect(".section-nav a.active") == []


def test_query_strings_add_nothing_to_what_the_process_remembers(client):
    # Links shared with utm_*/fbclid parameters are endless; were each remembered, they would
    # fill the memo until it empties itself, taking the pages and parts with it.
    page = make_article()
    fetch(client, page.url)
    remembered = len(versioning._memory.values)
    for n in range(5):
        doc = fetch(client, f"{page.url}?fbclid={n}")
        assert doc.cssselect(".language-switch a")[0].get("href").endswith(f"%3Ffbclid%3D{n}")
    assert len(versioning._memory.values) == remembered
