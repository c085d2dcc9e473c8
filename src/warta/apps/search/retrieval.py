"""Run a parsed query against the index: match, filter, rank, count.

Every query term must match (stems, so "kebanjiran" matches "banjir"); phrases must
appear in order in the title or in the body. The score of an article is
``sum(idf(term) * impact(term, article))`` in integers, ties broken by newest id.
Matching and ranking run in Python over the same rows on either database, so SQLite
and PostgreSQL return the same articles in the same order.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

import numpy as np
from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page

from warta.apps.newsroom.models import ArticlePage
from warta.apps.search.indexing import IMPACT_SCALE, index_state, padded
from warta.apps.search.models import SearchEntry, SearchPosting, SearchTerm
from warta.apps.search.parsing import ParsedQuery
from warta.apps.search.postings import CACHE


@dataclass(frozen=True)
class SearchFilters:
    """Restrictions a reader can add to a query; ``None`` means "any"."""

    section_id: int | None = None
    topic_id: int | None = None
    date_from: date | None = None
    date_to: date | None = None

    @property
    def is_empty(self) -> bool:
        return not (self.section_id or self.topic_id or self.date_from or self.date_to)


@dataclass(frozen=True)
class Hit:
    page_id: int
    score: int


@dataclass(frozen=True)
class SearchResult:
    """One page of ranked hits and the number of matching articles."""

    hits: tuple[Hit, ...]
    total: int


EMPTY = SearchResult(hits=(), total=0)


def idf(document_count: int, total_documents: int) -> int:
    """Return the BM25 idf of a term, scaled to thousandths (always positive)."""
    n = max(total_documents, document_count)
    return max(
        1, round(IMPACT_SCALE * math.log(1 + (n - document_count + 0.5) / (document_count + 0.5)))
    )


def _local_midnight(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def filtered_page_ids(filters: SearchFilters, candidates: np.ndarray, version: int) -> np.ndarray:
    """Return the ids among ``candidates`` of live articles that pass ``filters``.

    The id sets behind each filter are loaded once and kept with the posting lists;
    after an index write only the changed articles' rows are reloaded (see
    ``postings``): sections and topics only change when an article is (re)published or
    moved, which writes the index. A section's articles are kept under the section's id,
    not its tree path: moving or reordering sections rewrites the paths of them and their
    articles without writing the index, and a path may then name another section, but no
    article changes section. Publication times are kept the same way, so a
    ``first_published_at`` edited outside Wagtail's publishing shows in date filters
    after the article's next publish or ``warta search reindex``. Public-ness is not
    re-checked: only public articles are indexed, and shown results are loaded through
    ``published()`` again.
    """
    keep = np.ones(candidates.size, dtype=bool)
    if filters.section_id:
        section_id = filters.section_id

        def section_ids(only: list[int] | None) -> tuple[np.ndarray, ...]:
            # The section's path as of now: it may have moved since the ids were first loaded.
            path = Page.objects.filter(pk=section_id).values_list("path", flat=True).first()
            if path is None:
                return (np.empty(0, dtype=np.int64),)
            return (_ids(_only(Page.objects.filter(live=True, path__startswith=path), only)),)

        (ids,) = CACHE.memo(version, ("section", section_id), section_ids)
        keep &= np.isin(candidates, ids)
    if filters.topic_id:
        topic_id = filters.topic_id

        def topic_ids(only: list[int] | None) -> tuple[np.ndarray, ...]:
            tagged = ArticlePage.topics.through.objects.filter(topic_id=topic_id)
            if only is not None:
                tagged = tagged.filter(articlepage_id__in=only)
            return (_ids(tagged, "articlepage_id"),)

        (ids,) = CACHE.memo(version, ("topic", topic_id), topic_ids)
        keep &= np.isin(candidates, ids)
    if filters.date_from or filters.date_to:
        ids, stamps = CACHE.memo(version, "published", _publication_times)
        lower = _local_midnight(filters.date_from).timestamp() if filters.date_from else -np.inf
        upper = (
            _local_midnight(filters.date_to + timedelta(days=1)).timestamp()
            if filters.date_to
            else np.inf
        )
        in_range = ids[(stamps >= lower) & (stamps < upper)]
        keep &= np.isin(candidates, in_range)
    return candidates[keep]


def _only(queryset: Any, only: list[int] | None) -> Any:
    return queryset if only is None else queryset.filter(pk__in=only)


def _ids(queryset: Any, field: str = "pk") -> np.ndarray:
    return np.fromiter(queryset.order_by().values_list(field, flat=True), dtype=np.int64)


def _publication_times(only: list[int] | None) -> tuple[np.ndarray, ...]:
    rows = _only(Page.objects.filter(live=True, first_published_at__isnull=False), only)
    pairs = list(rows.order_by().values_list("pk", "first_published_at"))
    ids = np.array([pk for pk, _ in pairs], dtype=np.int64)
    stamps = np.array([when.timestamp() for _, when in pairs], dtype=np.float64)
    return ids, stamps


#: A phrase is verified against the stored term sequence of at most this many of the
#: best-scoring articles that contain all its words (a LIKE over each, ~2 KB apiece);
#: deeper results of a very common phrase are not listed.
MAX_PHRASE_CANDIDATES = 500


def search(
    query: ParsedQuery,
    filters: SearchFilters | None = None,
    *,
    limit: int = 10,
    offset: int = 0,
) -> SearchResult:
    """Return the ``limit`` best hits after ``offset`` and the total number of matches."""
    if query.is_empty:
        return EMPTY
    filters = filters or SearchFilters()
    terms = {
        text: (term_id, count)
        for text, term_id, count in SearchTerm.objects.filter(text__in=query.terms).values_list(
            "text", "id", "document_count"
        )
    }
    if len(terms) < len(query.terms) or any(count <= 0 for _, count in terms.values()):
        return EMPTY  # a term no article contains: nothing can match every term
    total_documents, version = index_state()
    weights = {term_id: idf(count, total_documents) for term_id, count in terms.values()}
    if len(weights) == 1 and filters.is_empty:
        [(term_id, count)] = terms.values()
        return _search_one_term(term_id, weights[term_id], count, limit, offset)

    lists = CACHE.get(version, list(weights))
    ordered = sorted(weights, key=lambda t: len(lists[t]))
    first = lists[ordered[0]]
    ids, scores = first.entry_ids, first.impacts * weights[ordered[0]]
    for term_id in ordered[1:]:
        other = lists[term_id]
        keep = np.isin(ids, other.entry_ids, assume_unique=True)
        ids, scores = ids[keep], scores[keep]
        scores = scores + other.impacts[np.searchsorted(other.entry_ids, ids)] * weights[term_id]
        if not ids.size:
            return EMPTY
    if not filters.is_empty:
        keep = np.isin(ids, filtered_page_ids(filters, ids, version), assume_unique=True)
        ids, scores = ids[keep], scores[keep]
    ranked = _rank(ids, scores)
    if query.phrases:
        ranked = _with_phrases(ranked[:MAX_PHRASE_CANDIDATES], query.phrases)
    window = ranked[offset : offset + limit]
    return SearchResult(
        hits=tuple(Hit(page_id=int(page_id), score=int(score)) for page_id, score in window),
        total=len(ranked),
    )


def _rank(ids: np.ndarray, scores: np.ndarray) -> list[tuple[int, int]]:
    """Return (id, score) best first; ties go to the newer (higher) id."""
    order = np.lexsort((-ids, -scores))
    return list(zip(ids[order].tolist(), scores[order].tolist(), strict=True))


def _with_phrases(
    ranked: list[tuple[int, int]], phrases: tuple[tuple[str, ...], ...]
) -> list[tuple[int, int]]:
    """Keep the candidates whose title or body holds every phrase, in the same order."""
    if not ranked:
        return ranked
    entries = SearchEntry.objects.filter(pk__in=[page_id for page_id, _ in ranked])
    for phrase in phrases:
        needle = padded(phrase)
        entries = entries.filter(Q(title_terms__contains=needle) | Q(body_terms__contains=needle))
    matching = set(entries.values_list("pk", flat=True))
    return [(page_id, score) for page_id, score in ranked if page_id in matching]


def _search_one_term(
    term_id: int, term_idf: int, document_count: int, limit: int, offset: int
) -> SearchResult:
    """Read the top of one term's best-first index; its document count is the total."""
    rows = (
        SearchPosting.objects.filter(term_id=term_id)
        .order_by("-impact", "-entry_id")
        .values_list("entry_id", "impact")[offset : offset + limit]
    )
    return SearchResult(
        hits=tuple(Hit(page_id=entry_id, score=impact * term_idf) for entry_id, impact in rows),
        total=document_count,
    )
