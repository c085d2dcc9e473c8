"""The article page's cached parts (rails, section bar) never outlive a newsroom change."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from lxml import html as lxml_html
from wagtail.models import PageViewRestriction

from warta.apps.newsroom.models import ArticlePage, HomePage, SectionPage
from warta.apps.newsroom.tests.factories import (
    make_article,
    make_image,
    make_topic,
    make_user,
)

pytestmark = pytest.mark.django_db


def rail_titles(client, page: ArticlePage, rail: str) -> list[str]:
    response = client.get(page.url)
    assert response.status_code == 200
    doc = lxml_html.fromstring(response.content)
    return [a.text for a in doc.cssselect(f".rail .{rail} .item-title")]


def section_bar(client, page: ArticlePage) -> list[str]:
    doc = lxml_html.fromstring(client.get(page.url).content)
    return [a.text for a in doc.cssselect(".section-nav a")]


def republish(page: ArticlePage, **fields: object) -> None:
    page = ArticlePage.objects.get(pk=page.pk)
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()


def test_latest_in_section_shows_a_new_article_at_once(client):
    reader = make_article(title="Dibaca")
    assert "Baru terbit" not in rail_titles(client, reader, "latest")
    make_article(title="Baru terbit")
    assert rail_titles(client, reader, "latest")[0] == "Baru terbit"


def test_latest_in_section_drops_an_unpublished_article_at_once(client):
    gone = make_article(title="Akan ditarik")
    reader = make_article(title="Dibaca")
    assert "Akan ditarik" in rail_titles(client, reader, "latest")
    ArticlePage.objects.get(pk=gone.pk).unpublish()
    assert "Akan ditarik" not in rail_titles(client, reader, "latest")


def test_rails_show_an_edited_title_at_once(client):
    other = make_article(title="Judul lama", editors_pick=True)
    reader = make_article(title="Dibaca")
    assert "Judul lama" in rail_titles(client, reader, "picks")
    republish(other, title="Judul baru")
    assert "Judul baru" in rail_titles(client, reader, "picks")
    assert "Judul baru" in rail_titles(client, reader, "latest")
    assert "Judul lama" not in rail_titles(client, reader, "latest")


def test_picks_follow_the_editors_pick_flag_at_once(client):
    other = make_article(title="Calon pilihan")
    reader = make_article(title="Dibaca")
    assert "Calon pilihan" not in rail_titles(client, reader, "picks")
    republish(other, editors_pick=True)
    assert "Calon pilihan" in rail_titles(client, reader, "picks")
    republish(other, editors_pick=False)
    assert "Calon pilihan" not in rail_titles(client, reader, "picks")


def test_latest_in_section_drops_an_article_put_behind_a_login(client):
    hidden = make_article(title="Khusus anggota")
    reader = make_article(title="Dibaca")
    assert "Khusus anggota" in rail_titles(client, reader, "latest")
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.LOGIN)
    assert "Khusus anggota" not in rail_titles(client, reader, "latest")


def test_section_bar_shows_a_new_section_at_once(client):
    reader = make_article(title="Dibaca")
    assert "Olahraga" not in section_bar(client, reader)
    home = HomePage.objects.get()
    home.add_child(instance=SectionPage(title="Olahraga", slug="olahraga"))
    assert "Olahraga" in section_bar(client, reader)


def test_article_page_costs_a_fixed_number_of_queries_with_a_warm_cache(client):
    for _ in range(6):
        make_article(topics=[make_topic("Ekonomi")], hero_image=make_image(), hero_credit="Warta")
    page = make_article(
        topics=[make_topic("Ekonomi"), make_topic("Banjir")],
        hero_image=make_image(),
        hero_credit="Warta",
        editors_pick=True,
        author=make_user("ayu", first_name="Ayu"),
        editor=make_user("dimas", first_name="Dimas"),
    )
    client.get(page.url)  # warm renditions, site caches and the cached rails
    with CaptureQueriesContext(connection) as queries:
        response = client.get(page.url)
    assert response.status_code == 200
    # Site, routing (author, editor and hero image joined to the article), view restrictions,
    # key points, topics, publication settings; rails and section bar come from the cache.
    assert len(queries) <= 9, "\n".join(q["sql"][:120] for q in queries.captured_queries)
