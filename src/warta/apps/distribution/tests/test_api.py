import pytest

from warta.apps.distribution.tests.factories import make_user, publish_article
from warta.apps.distribution.views import api

pytestmark = pytest.mark.django_db


def get_json(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"] == "application/json"
    return response.json()


def test_list_is_paginated_newest_first(client, monkeypatch):
    monkeypatch.setattr(api, "PAGE_SIZE", 2)
    for number in range(3):
        publish_article(f"Artikel {number}", with_image=False)
    first = get_json(client, "/api/v1/artikel/")
    assert (first["count"], first["page"], first["pages"]) == (3, 1, 2)
    assert [a["title"] for a in first["results"]] == ["Artikel 2", "Artikel 1"]
    assert first["next"] == "http://testserver/api/v1/artikel/?halaman=2"
    assert first["previous"] is None
    second = get_json(client, "/api/v1/artikel/?halaman=2")
    assert [a["title"] for a in second["results"]] == ["Artikel 0"]


def test_list_item_fields(client):
    article = publish_article(author=make_user("sari"), topics=("Banjir",))
    [item] = get_json(client, "/api/v1/artikel/")["results"]
    assert item["id"] == article.pk
    assert item["url"] == f"http://testserver{article.url}"
    assert item["api_url"] == f"http://testserver/api/v1/artikel/{article.pk}/"
    assert item["section"] == {"slug": "berita", "title": "Berita"}
    assert item["topics"] == [{"slug": "banjir", "name": "Banjir"}]
    assert item["author"]["name"] == "Sari Wulandari"
    assert item["first_published_at"].endswith("+07:00")
    assert item["image"]["width"] / item["image"]["height"] == pytest.approx(16 / 9, abs=0.01)
    assert item["image"]["credit"] == "Warta/Sari"
    assert "body" not in item


def test_filter_by_section_and_topic(client):
    publish_article("Banjir", section="berita", topics=("Banjir",), with_image=False)
    publish_article("Cabai", section="bisnis", topics=("Pasar",), with_image=False)
    by_section = get_json(client, "/api/v1/artikel/?rubrik=bisnis")["results"]
    assert [a["title"] for a in by_section] == ["Cabai"]
    by_topic = get_json(client, "/api/v1/artikel/?topik=banjir")["results"]
    assert [a["title"] for a in by_topic] == ["Banjir"]


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("halaman=0", 400),
        ("halaman=abc", 400),
        ("halaman=-1", 400),
        ("rubrik=tidak-ada", 400),
        ("topik=tidak-ada", 400),
        ("halaman=9", 404),
    ],
)
def test_bad_parameters_are_json_errors_in_indonesian(client, query, status):
    data = get_json(client, f"/api/v1/artikel/?{query}", status=status)
    assert set(data) == {"galat"}
    assert data["galat"]


def test_detail_has_body_blocks_and_key_points_with_provenance(client):
    article = publish_article()
    article.body.append(
        ("quote", {"text": "Airnya setinggi lutut.", "speaker": "Budi", "role": "Warga"})
    )
    article.key_points.first().__class__.objects.filter(page=article, sort_order=0).update(
        text="Banjir rob merendam tiga kelurahan di Semarang."
    )
    article.save_revision().publish()
    data = get_json(client, f"/api/v1/artikel/{article.pk}/")
    types = [block["type"] for block in data["body"]]
    assert types == ["paragraph", "subheading", "paragraph", "quote"]
    assert data["body"][0]["html"] == "<p>Air laut pasang merendam permukiman warga sejak pagi.</p>"
    assert data["body"][1] == {
        "id": data["body"][1]["id"],
        "type": "subheading",
        "text": "Warga mengungsi",
        "number": 1,
    }
    assert data["body"][3]["speaker"] == "Budi"
    points = data["key_points"]
    assert len(points["items"]) == 3
    assert points["items"][0]["source_sentences"] == [0]
    assert {item["origin"] for item in points["items"]} == {"generated"}
    assert points["provenance"] == "generated"
    assert "AI" in points["disclosure"]


def test_unapproved_key_points_are_not_served(client):
    article = publish_article(approved=False)
    data = get_json(client, f"/api/v1/artikel/{article.pk}/")
    assert data["key_points"] == {"provenance": "", "disclosure": "", "items": []}


def test_unknown_or_unpublished_article_is_404(client):
    draft = publish_article(with_image=False)
    draft.unpublish()
    for url in (f"/api/v1/artikel/{draft.pk}/", "/api/v1/artikel/999999/"):
        assert get_json(client, url, status=404) == {"galat": "Artikel tidak ditemukan"}
    assert "galat" in get_json(client, "/api/v1/tidak-ada/", status=404)


def test_sections_topics_and_latest(client):
    publish_article(topics=("Banjir",), with_image=False)
    sections = get_json(client, "/api/v1/rubrik/")["results"]
    assert [s["slug"] for s in sections][:2] == ["berita", "bisnis"]
    assert sections[0]["feeds"]["rss"] == "http://testserver/feed/rubrik/berita/rss/"
    topics = get_json(client, "/api/v1/topik/")["results"]
    assert topics[0]["slug"] == "banjir" and topics[0]["article_count"] == 1
    assert len(get_json(client, "/api/v1/terbaru/")["results"]) == 1


def test_caching_headers_and_conditional_get(client):
    publish_article(with_image=False)
    response = client.get("/api/v1/artikel/")
    assert response["Cache-Control"] in {"public, max-age=60", "max-age=60, public"}
    etag = response["ETag"]
    assert client.get("/api/v1/artikel/", headers={"if-none-match": etag}).status_code == 304


def test_read_only(client):
    response = client.post("/api/v1/artikel/")
    assert response.status_code == 405
    assert response.json() == {"galat": "Metode tidak diizinkan."}


@pytest.mark.parametrize("url", ["/api/v1/artikel/", "/api/v1/terbaru/"])
def test_list_query_count_is_fixed(client, django_assert_max_num_queries, url):
    for number in range(4):
        publish_article(f"Artikel {number}", topics=("Banjir", f"T{number}"))
    client.get("/api/v1/terbaru/")  # renditions exist on a warm server
    with django_assert_max_num_queries(9):
        client.get(url)
