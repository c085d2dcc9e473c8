"""Matching, ranking, phrases, filters and snippets."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from warta.apps.newsroom.models import SectionPage
from warta.apps.newsroom.tests.factories import make_topic
from warta.apps.search.parsing import parse_query
from warta.apps.search.results import find_articles
from warta.apps.search.retrieval import SearchFilters, search
from warta.apps.search.snippets import highlight, snippet
from warta.apps.search.tests.factories import make_story

pytestmark = pytest.mark.django_db


def titles(text: str, filters: SearchFilters | None = None) -> list[str]:
    return [item.article.title for item in find_articles(parse_query(text), filters).items]


@pytest.mark.parametrize("query", ["menetapkan", "ditetapkan", "penetapan", "tetapkan"])
def test_every_affixed_form_finds_every_other(query):
    make_story("Bupati menetapkan status darurat")
    make_story("UMK ditetapkan naik")
    make_story("Penetapan desa wisata")
    make_story("Musyawarah tetapkan anggaran")
    make_story("Harga cabai naik")
    assert sorted(titles(query)) == [
        "Bupati menetapkan status darurat",
        "Musyawarah tetapkan anggaran",
        "Penetapan desa wisata",
        "UMK ditetapkan naik",
    ]


def test_kebanjiran_finds_banjir_and_back():
    make_story("Ratusan rumah kebanjiran")
    make_story("Banjir rob rendam pesisir")
    assert (
        sorted(titles("banjir"))
        == sorted(titles("kebanjiran"))
        == [
            "Banjir rob rendam pesisir",
            "Ratusan rumah kebanjiran",
        ]
    )


def test_title_outranks_body():
    in_body = make_story("Kabar dari kampung", "Warga bicara soal banjir di sana.")
    in_title = make_story("Banjir di kampung", "Warga bicara soal air di sana.")
    assert [hit.page_id for hit in search(parse_query("banjir")).hits] == [in_title.pk, in_body.pk]


def test_every_word_must_match():
    make_story("Harga cabai naik")
    make_story("Harga beras turun")
    assert titles("harga cabai") == ["Harga cabai naik"]
    assert titles("harga cabai durian") == []


def test_phrase_needs_the_words_in_order():
    make_story("Bank sampah tumbuh", "Nasabah menabung di bank sampah.")
    make_story("Sampah di bank", "Sampah menumpuk di depan bank daerah.")
    assert sorted(titles("bank sampah")) == ["Bank sampah tumbuh", "Sampah di bank"]
    assert titles('"bank sampah"') == ["Bank sampah tumbuh"]


def test_filter_by_section():
    make_story("Banjir di Semarang", section="berita")
    make_story("Banjir harga cabai", section="bisnis")
    bisnis = SectionPage.objects.get(slug="bisnis")
    assert titles("banjir", SearchFilters(section_id=bisnis.pk)) == ["Banjir harga cabai"]


def test_filter_by_topic():
    flood = make_topic("Banjir")
    make_story("Banjir di Semarang", topics=[flood])
    make_story("Banjir promo di pasar")
    assert titles("banjir", SearchFilters(topic_id=flood.pk)) == ["Banjir di Semarang"]


def test_filter_by_date_range_in_jakarta_days():
    # 2026-03-01 17:30 UTC is already 2 March in Jakarta (UTC+7).
    make_story("Banjir Maret", published_at=datetime(2026, 3, 1, 17, 30, tzinfo=UTC))
    make_story("Banjir Januari", published_at=datetime(2026, 1, 10, 3, 0, tzinfo=UTC))
    march = SearchFilters(date_from=date(2026, 3, 2), date_to=date(2026, 3, 2))
    assert titles("banjir", march) == ["Banjir Maret"]
    assert titles("banjir", SearchFilters(date_to=date(2026, 3, 1))) == ["Banjir Januari"]
    assert titles("banjir", SearchFilters(date_from=date(2026, 4, 1))) == []


def test_pages_and_total():
    for n in range(12):
        make_story(f"Banjir kabar {n}")
    first = find_articles(parse_query("banjir"), number=1, per_page=5)
    last = find_articles(parse_query("banjir"), number=99, per_page=5)
    assert (first.total, first.num_pages, len(first.items)) == (12, 3, 5)
    assert (last.number, len(last.items)) == (3, 2)


def test_snippet_marks_every_form_of_the_word():
    text = "Pemerintah menetapkan status. Penetapan itu ditetapkan kemarin, kata warga."
    html = str(snippet(text, frozenset({"tetap"})))
    assert html.count("<mark>") == 3
    assert "<mark>menetapkan</mark>" in html and "<mark>Penetapan</mark>" in html


def test_snippet_starts_near_the_match_in_a_long_text():
    text = "Kalimat pembuka yang panjang. " * 40 + "Lalu banjir datang. " + "Penutup. " * 40
    html = str(snippet(text, frozenset({"banjir"})))
    assert "<mark>banjir</mark>" in html
    assert html.startswith("…") and html.endswith("…")


def test_article_text_is_escaped_around_marks():
    html = str(highlight('<script>alert("banjir")</script> & banjir', frozenset({"banjir"})))
    assert "<script>" not in html
    assert "&lt;script&gt;" in html and "&amp;" in html
    assert html.count("<mark>banjir</mark>") == 2
