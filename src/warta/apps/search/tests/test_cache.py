"""The per-process posting cache follows publishing article by article, without reloading."""

from __future__ import annotations

from datetime import UTC, date, datetime

import numpy as np
import pytest

from warta.apps.newsroom.models import ArticlePage, SectionPage
from warta.apps.newsroom.tests.factories import make_topic
from warta.apps.search import postings
from warta.apps.search.indexing import rebuild_index
from warta.apps.search.models import IndexChange, SearchTerm
from warta.apps.search.parsing import parse_query
from warta.apps.search.postings import CACHE
from warta.apps.search.retrieval import SearchFilters, search
from warta.apps.search.tests.factories import make_story

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    CACHE.clear()
    yield
    CACHE.clear()


@pytest.fixture
def loads(monkeypatch):
    """Record the term ids of every posting list loaded in full from the database."""
    calls: list[int] = []
    real = postings._load

    def recording(term_ids):
        calls.extend(term_ids)
        return real(term_ids)

    monkeypatch.setattr(postings, "_load", recording)
    return calls


def found(text: str, filters: SearchFilters | None = None) -> list[int]:
    # Two or more words, or a filter: these go through the cached lists.
    return sorted(hit.page_id for hit in search(parse_query(text), filters).hits)


def term_id(text: str) -> int:
    return SearchTerm.objects.get(text=text).pk


def assert_cache_matches_database() -> None:
    cached = CACHE.cached_lists()
    assert cached
    fresh = postings._load(list(cached))
    for term, plist in cached.items():
        assert np.array_equal(plist.entry_ids, fresh[term].entry_ids), term
        assert np.array_equal(plist.impacts, fresh[term].impacts), term


def test_a_query_right_after_publishing_finds_the_new_article(loads):
    old = make_story("Banjir sungai di kota")
    assert found("banjir sungai") == [old.pk]
    loads.clear()
    new = make_story("Sungai meluap, banjir di desa")
    assert found("banjir sungai") == [old.pk, new.pk]
    assert loads == []  # patched in place, not reloaded
    assert_cache_matches_database()


def test_a_query_right_after_unpublishing_no_longer_finds_it(loads):
    keep = make_story("Banjir sungai di kota")
    gone = make_story("Sungai meluap, banjir di desa")
    assert found("banjir sungai") == [keep.pk, gone.pk]
    loads.clear()
    gone.unpublish()
    assert found("banjir sungai") == [keep.pk]
    assert loads == []
    assert_cache_matches_database()


def test_an_edit_moves_the_article_between_cached_lists(loads):
    page = make_story("Banjir sungai di kota", "Warga mengungsi.")
    other = make_story("Longsor bukit di desa", "Warga mengungsi.")
    assert found("banjir warga") == [page.pk]
    assert found("longsor warga") == [other.pk]
    loads.clear()
    page.title = "Longsor bukit di kota"
    page.save_revision().publish()
    assert found("banjir warga") == []
    assert found("longsor warga") == [page.pk, other.pk]
    assert loads == []
    assert_cache_matches_database()


def test_lists_of_unrelated_terms_survive_a_publish(loads):
    make_story("Harga cabai naik", "Pedagang pasar mengeluh.")
    make_story("Banjir sungai di kota", "Warga mengungsi.")
    assert found("harga cabai")
    assert found("banjir sungai")
    before = CACHE.cached_lists()
    loads.clear()
    make_story("Sungai meluap, banjir di desa", "Warga mengungsi lagi.")
    assert found("harga cabai")
    assert found("banjir sungai")
    after = CACHE.cached_lists()
    assert loads == []
    for word in ("harga", "cabai"):
        assert after[term_id(word)] is before[term_id(word)]  # the very same arrays
    for word in ("banjir", "sungai"):
        assert after[term_id(word)] is not before[term_id(word)]  # patched


def test_many_changes_in_a_row_leave_the_cache_equal_to_the_database(loads):
    pages = [make_story(f"Banjir sungai kabar {n}", "Warga mengungsi.") for n in range(4)]
    assert found("banjir sungai") == sorted(p.pk for p in pages)
    assert found("warga mengungsi") == sorted(p.pk for p in pages)
    loads.clear()
    pages[0].unpublish()
    pages[1].title = "Kemarau panjang"
    pages[1].save_revision().publish()
    added = make_story("Sungai banjir lagi", "Warga mengungsi ke masjid.")
    pages[2].unpublish()
    assert found("banjir sungai") == sorted([pages[3].pk, added.pk])
    assert found("warga mengungsi") == sorted([pages[1].pk, pages[3].pk, added.pk])
    assert loads == []
    assert_cache_matches_database()


def test_filters_right_after_publishing():
    flood = make_topic("Banjir")
    make_story("Banjir sungai di kota", section="berita", topics=[flood])
    bisnis = SectionPage.objects.get(slug="bisnis")
    in_bisnis = SearchFilters(section_id=bisnis.pk)
    on_topic = SearchFilters(topic_id=flood.pk)
    june = SearchFilters(date_from=date(2026, 6, 1), date_to=date(2026, 6, 30))
    assert found("banjir", in_bisnis) == []
    assert len(found("banjir", on_topic)) == 1
    assert found("banjir", june) == []
    late = make_story(
        "Banjir harga di pasar",
        section="bisnis",
        topics=[flood],
        published_at=datetime(2026, 6, 1, 3, 0, tzinfo=UTC),
    )
    # The factory sets first_published_at after publishing; publish again to index it.
    ArticlePage.objects.get(pk=late.pk).save_revision().publish()
    assert found("banjir", in_bisnis) == [late.pk]
    assert late.pk in found("banjir", on_topic)
    assert late.pk in found("banjir", june)
    ArticlePage.objects.get(pk=late.pk).unpublish()
    assert found("banjir", in_bisnis) == []
    assert late.pk not in found("banjir", on_topic)
    assert late.pk not in found("banjir", june)


def test_a_rebuild_drops_the_cache(loads):
    make_story("Banjir sungai di kota")
    assert found("banjir sungai")
    loads.clear()
    rebuild_index()
    assert found("banjir sungai")
    assert sorted(loads) == sorted([term_id("banjir"), term_id("sungai")])


def test_a_gap_in_the_change_log_drops_the_cache(loads):
    make_story("Banjir sungai di kota")
    assert found("banjir sungai")
    IndexChange.objects.all().delete()  # as if the process had been idle for too long
    new = make_story("Sungai meluap, banjir di desa")
    IndexChange.objects.filter(page_id=new.pk).delete()
    loads.clear()
    assert new.pk in found("banjir sungai")
    assert sorted(loads) == sorted([term_id("banjir"), term_id("sungai")])


def test_old_change_rows_are_pruned(monkeypatch):
    monkeypatch.setattr("warta.apps.search.indexing.CHANGES_KEPT", 3)
    for n in range(4):
        make_story(f"Banjir kabar {n}")
    assert IndexChange.objects.count() == 3
