"""The /cari/ page, its JSON twin and suggestions, including hostile input."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from lxml import html as lxml_html

from warta.apps.newsroom.tests.factories import make_image, make_topic
from warta.apps.search.tests.factories import make_story

pytestmark = pytest.mark.django_db


def result_titles(response) -> list[str]:
    doc = lxml_html.fromstring(response.content)
    return [a.text_content() for a in doc.cssselect(".search-result .item-title")]


def test_search_page_lists_highlighted_results(client):
    make_story("Ratusan rumah kebanjiran", "Air sungai meluap, banjir setinggi lutut.")
    response = client.get("/cari/", {"q": "banjir"})
    assert response.status_code == 200
    assert result_titles(response) == ["Ratusan rumah kebanjiran"]
    content = response.content.decode()
    assert "<mark>kebanjiran</mark>" in content and "<mark>banjir</mark>" in content
    assert "1 artikel untuk “banjir”" in content


def test_empty_query_asks_for_keywords(client):
    response = client.get("/cari/")
    assert response.status_code == 200
    assert "Masukkan kata kunci" in response.content.decode()


def test_stopword_only_query_says_so(client):
    make_story("Banjir di kota")
    response = client.get("/cari/", {"q": "yang dan di"})
    assert response.status_code == 200
    assert "terlalu umum" in response.content.decode()
    assert result_titles(response) == []


def test_no_results_message(client):
    response = client.get("/cari/", {"q": "durian"})
    assert response.status_code == 200
    assert "Tidak ada hasil untuk “durian”" in response.content.decode()


@pytest.mark.parametrize(
    "q",
    [
        '"',
        '"banjir',
        "banjir*",
        "-banjir",
        "banjir NEAR longsor",
        "banjir OR",
        "'; DROP TABLE search_searchentry; --",
        "100% banjir_",
        "((banjir))",
        "banjir\\",
        "\x00",
    ],
)
def test_operator_characters_never_break_the_page(client, q):
    make_story("Banjir di kota")
    assert client.get("/cari/", {"q": q}).status_code == 200
    api = client.get("/cari/api/", {"q": q})
    assert api.status_code == 200
    assert client.get("/cari/saran/", {"q": q}).status_code == 200


def test_a_10000_character_query_is_truncated(client):
    make_story("Banjir di kota")
    response = client.get("/cari/", {"q": "banjir " * 1430})
    assert response.status_code == 200
    assert "terlalu panjang" in response.content.decode()
    assert result_titles(response) == ["Banjir di kota"]
    data = client.get("/cari/api/", {"q": "x" * 10_000}).json()
    assert data["truncated"] is True and data["total"] == 0


def test_query_is_escaped_in_the_page(client):
    make_story("Script di sekolah", "Belajar menulis script di kelas.")
    response = client.get("/cari/", {"q": "<script>alert(1)</script>"})
    content = response.content.decode()
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content


def test_bad_filters_give_indonesian_messages(client):
    response = client.get("/cari/", {"q": "banjir", "dari": "kemarin", "rubrik": "tidak-ada"})
    content = response.content.decode()
    assert response.status_code == 200
    assert "Tanggal harus berformat TTTT-BB-HH" in content
    assert "Rubrik “tidak-ada” tidak ditemukan." in content


def test_api_returns_400_for_bad_filters(client):
    for params in (
        {"q": "banjir", "dari": "2026-13-45"},
        {"q": "banjir", "sampai": "26/11/2026"},
        {"q": "banjir", "topik": "tidak-ada"},
        {"q": "banjir", "dari": "2026-05-01", "sampai": "2026-04-01"},
        {"q": "banjir", "rubrik": "<b>"},
    ):
        response = client.get("/cari/api/", params)
        assert response.status_code == 400, params
        assert response.json()["errors"]


def test_api_results_and_filters(client):
    flood = make_topic("Banjir")
    make_story("Banjir di Semarang", "Warga mengungsi.", topics=[flood])
    make_story("Banjir harga cabai", section="bisnis")
    data = client.get("/cari/api/", {"q": "kebanjiran", "topik": "banjir"}).json()
    assert data["total"] == 1
    [result] = data["results"]
    assert result["title"] == "Banjir di Semarang"
    assert result["title_html"] == "<mark>Banjir</mark> di Semarang"
    assert result["url"].endswith("/")
    assert result["section"] == "Berita"
    assert result["published_at"].endswith("+07:00")
    assert client.get("/cari/api/", {"q": "banjir", "rubrik": "bisnis"}).json()["total"] == 1


def test_suggestions_complete_the_last_word(client):
    make_story("Harga cabai rawit tembus Rp90 ribu")
    make_story("Harga beras turun")
    make_story("Cabai busuk di gudang")
    data = client.get("/cari/saran/", {"q": "harga cab"}).json()
    assert [s["title"] for s in data["suggestions"]] == ["Harga cabai rawit tembus Rp90 ribu"]
    titles = {s["title"] for s in client.get("/cari/saran/", {"q": "cab"}).json()["suggestions"]}
    assert titles == {"Harga cabai rawit tembus Rp90 ribu", "Cabai busuk di gudang"}
    assert client.get("/cari/saran/", {"q": "c"}).json()["suggestions"] == []
    assert client.get("/cari/saran/").json()["suggestions"] == []


@pytest.mark.parametrize("typed", ["ab\U0010ffff", "ab\x00", "\x00\x00", "cab\x00ai"])
def test_suggestions_survive_edge_characters(client, typed):
    make_story("Harga cabai rawit tembus Rp90 ribu")
    response = client.get("/cari/saran/", {"q": typed})
    assert response.status_code == 200
    assert isinstance(response.json()["suggestions"], list)
    assert client.get("/cari/", {"q": typed}).status_code == 200


def test_pagination_links_keep_the_filters(client):
    for n in range(12):
        make_story(f"Banjir kabar {n}", section="bisnis")
    response = client.get("/cari/", {"q": "banjir", "rubrik": "bisnis"})
    doc = lxml_html.fromstring(response.content)
    [next_link] = doc.cssselect(".pagination a[rel=next]")
    assert "rubrik=bisnis" in next_link.get("href") and "halaman=2" in next_link.get("href")
    second = client.get("/cari/", {"q": "banjir", "rubrik": "bisnis", "halaman": "2"})
    assert len(result_titles(second)) == 2
    assert client.get("/cari/", {"q": "banjir", "halaman": "abc"}).status_code == 200


def count_queries(client, params) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get("/cari/", params)
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("params", [{"q": "banjir"}, {"q": "banjir kabar", "rubrik": "berita"}])
def test_search_page_query_count_does_not_grow_with_results(client, params):
    image = make_image()
    for n in range(3):
        make_story(f"Banjir kabar {n}", hero_image=image, hero_credit="Warta")
    client.get("/cari/", params)  # renditions are created on the first view
    few = count_queries(client, params)
    for n in range(7):
        make_story(f"Banjir kabar lagi {n}", hero_image=image, hero_credit="Warta")
    client.get("/cari/", params)
    many = count_queries(client, params)
    assert many == few
    assert few <= 15


def test_search_box_include_renders(client):
    from django.template.loader import render_to_string

    html = render_to_string("search/includes/search_box.html")
    assert 'action="/cari/"' in html and 'name="q"' in html
    assert 'data-suggest-url="/cari/saran/"' in html


def test_a_reordered_section_still_filters_to_its_own_articles(client):
    from warta.apps.newsroom.models import SectionPage

    make_story("Banjir harga cabai", section="bisnis")
    make_story("Banjir di lapangan bola", section="sport")

    def in_section(slug: str) -> list[str]:
        return result_titles(client.get("/cari/", {"q": "banjir", "rubrik": slug}))

    assert in_section("bisnis") == ["Banjir harga cabai"]
    assert in_section("sport") == ["Banjir di lapangan bola"]
    bisnis, sport = SectionPage.objects.get(slug="bisnis"), SectionPage.objects.get(slug="sport")
    before = {"bisnis": bisnis.path, "sport": sport.path}
    # An editor drags Sport above Bisnis: the two sections (and their articles) swap tree paths.
    sport.move(bisnis, pos="left")
    moved = {s.slug: s.path for s in SectionPage.objects.filter(slug__in=["bisnis", "sport"])}
    assert moved == {"bisnis": before["sport"], "sport": before["bisnis"]}

    assert in_section("bisnis") == ["Banjir harga cabai"]
    assert in_section("sport") == ["Banjir di lapangan bola"]
    response = client.get("/cari/api/", {"q": "banjir", "rubrik": "sport"})
    assert response.json()["total"] == 1
    # A new article after the move is added to the kept ids by the section's new path.
    make_story("Banjir susulan di lapangan", section="sport")
    assert sorted(in_section("sport")) == ["Banjir di lapangan bola", "Banjir susulan di lapangan"]
    assert in_section("bisnis") == ["Banjir harga cabai"]
