"""The index follows publishing: publish, edit, unpublish, delete, rebuild."""

from __future__ import annotations

import pytest

from warta.apps.newsroom.models import ArticlePage
from warta.apps.search.indexing import indexed_documents, rebuild_index
from warta.apps.search.models import SearchEntry, SearchPosting, SearchTerm
from warta.apps.search.parsing import parse_query
from warta.apps.search.retrieval import search
from warta.apps.search.tests.factories import make_story

pytestmark = pytest.mark.django_db


def found(text: str) -> list[int]:
    return [hit.page_id for hit in search(parse_query(text)).hits]


def document_count(term: str) -> int:
    return SearchTerm.objects.get(text=term).document_count


def test_publishing_indexes_title_and_body():
    page = make_story("Banjir rob di pesisir", "Warga menetapkan posko darurat.")
    assert found("banjir") == [page.pk]
    assert found("ditetapkan") == [page.pk]
    assert indexed_documents() == 1
    assert document_count("banjir") == 1


def test_drafts_are_not_indexed():
    make_story("Banjir rob di pesisir", publish=False)
    assert found("banjir") == []
    assert not SearchEntry.objects.exists()


def test_editing_and_republishing_replaces_the_entry():
    page = make_story("Banjir rob di pesisir")
    page.title = "Longsor di perbukitan"
    page.save_revision().publish()
    assert found("banjir") == []
    assert found("longsor") == [page.pk]
    assert document_count("banjir") == 0
    assert SearchPosting.objects.filter(entry_id=page.pk, term__text="banjir").count() == 0


def test_a_saved_draft_does_not_change_what_readers_find():
    page = make_story("Banjir rob di pesisir")
    page.title = "Longsor di perbukitan"
    page.save_revision()  # not published
    assert found("banjir") == [page.pk]
    assert found("longsor") == []


def test_unpublishing_removes_the_article():
    page = make_story("Banjir rob di pesisir")
    page.unpublish()
    assert found("banjir") == []
    assert indexed_documents() == 0
    assert document_count("banjir") == 0


def test_deleting_removes_the_article_and_its_counts():
    keep = make_story("Banjir di kota")
    gone = make_story("Banjir di desa")
    ArticlePage.objects.get(pk=gone.pk).delete()
    assert found("banjir") == [keep.pk]
    assert document_count("banjir") == 1
    assert indexed_documents() == 1


def test_rebuild_matches_incremental_indexing():
    make_story("Banjir rob di pesisir", "Tanggul darurat dibangun warga.")
    make_story("Harga cabai naik", "Pedagang pasar mengeluh, cabai mahal.")
    before = sorted(SearchPosting.objects.values_list("term__text", "entry_id"))
    counts = dict(SearchTerm.objects.values_list("text", "document_count"))
    progress = []
    assert rebuild_index(progress=lambda done, total: progress.append((done, total))) == 2
    assert sorted(SearchPosting.objects.values_list("term__text", "entry_id")) == before
    assert dict(SearchTerm.objects.values_list("text", "document_count")) == counts
    assert progress[-1] == (2, 2)
    assert indexed_documents() == 2
