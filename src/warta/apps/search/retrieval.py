"""Run a parsed query against the index: match, filter, rank, count.

Every query term must match (stems, so "kebanjiran" matches "banjir"); phrases must
appear in order in the title or in the body. The score of an article is
``sum(idf(term) * impact(term, article))`` in integers, ties broken by newest id, so
SQLite and PostgreSQL return the same articles in the same order.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db import connection
from django.utils import timezone

from warta.apps.newsroom.models import ArticlePage
from warta.apps.search.indexing import IMPACT_SCALE, indexed_documents, padded
from warta.apps.search.models import SearchEntry, SearchPosting, SearchTerm
from warta.apps.search.parsing import ParsedQuery


@dataclass(frozen=True)
class SearchFilters:
    """Restrictions a reader can add to a query; ``None`` means "any"."""

    section_path: str | None = None
    topic_id: int | None = None
    date_from: date | None = None
    date_to: date | None = None

    @property
    def is_empty(self) -> bool:
        return not (self.section_path or self.topic_id or self.date_from or self.date_to)


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


def _quote(model: type) -> str:
    return connection.ops.quote_name(model._meta.db_table)  # type: ignore[attr-defined]


def _local_midnight(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def filtered_pages_sql(filters: SearchFilters) -> tuple[str, list[object]]:
    """Return SQL (and params) selecting the ids of published articles that pass ``filters``."""
    pages = ArticlePage.objects.live().public()
    if filters.section_path:
        pages = pages.filter(path__startswith=filters.section_path)
    if filters.topic_id:
        pages = pages.filter(topics=filters.topic_id)
    if filters.date_from:
        pages = pages.filter(first_published_at__gte=_local_midnight(filters.date_from))
    if filters.date_to:
        end = _local_midnight(filters.date_to + timedelta(days=1))
        pages = pages.filter(first_published_at__lt=end)
    sql, params = pages.order_by().values("pk").query.sql_with_params()
    return sql, list(params)


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
    total_documents = indexed_documents()
    weights = [(term_id, idf(count, total_documents)) for term_id, count in terms.values()]
    if len(weights) == 1 and filters.is_empty:
        return _search_one_term(weights[0], terms[query.terms[0]][1], limit, offset)

    posting, entry = _quote(SearchPosting), _quote(SearchEntry)
    params: list[object] = []
    case = " ".join("WHEN %s THEN %s" for _ in weights)
    for term_id, weight in weights:
        params += [term_id, weight]
    placeholders = ", ".join("%s" for _ in weights)
    params += [term_id for term_id, _ in weights]
    where = [f"p.term_id IN ({placeholders})"]
    if not filters.is_empty:
        sub_sql, sub_params = filtered_pages_sql(filters)
        where.append(f"p.entry_id IN ({sub_sql})")
        params += sub_params
    params.append(len(weights))
    matched = (
        f"SELECT p.entry_id AS entry_id, SUM(p.impact * CASE p.term_id {case} ELSE 0 END) AS score "  # noqa: S608
        f"FROM {posting} p WHERE {' AND '.join(where)} "
        f"GROUP BY p.entry_id HAVING COUNT(*) = %s"
    )
    if query.phrases:
        clauses = []
        for phrase in query.phrases:
            pattern = (
                "%"
                + padded(phrase).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                + "%"
            )
            clauses.append(
                "(e.title_terms LIKE %s ESCAPE '\\' OR e.body_terms LIKE %s ESCAPE '\\')"
            )
            params += [pattern, pattern]
        matched = (
            f"SELECT m.entry_id AS entry_id, m.score AS score FROM ({matched}) m "  # noqa: S608
            f"JOIN {entry} e ON e.page_id = m.entry_id WHERE {' AND '.join(clauses)}"
        )
    sql = (
        f"SELECT r.entry_id, r.score, COUNT(*) OVER () FROM ({matched}) r "  # noqa: S608
        f"ORDER BY r.score DESC, r.entry_id DESC LIMIT %s OFFSET %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, limit, offset])
        rows = cursor.fetchall()
        if not rows and offset:
            cursor.execute(f"SELECT COUNT(*) FROM ({matched}) r", params)  # noqa: S608
            return SearchResult(hits=(), total=int(cursor.fetchone()[0]))
    return SearchResult(
        hits=tuple(Hit(page_id=int(r[0]), score=int(r[1])) for r in rows),
        total=int(rows[0][2]) if rows else 0,
    )


def _search_one_term(
    weight: tuple[int, int], document_count: int, limit: int, offset: int
) -> SearchResult:
    """Read the top of one term's best-first index; its document count is the total."""
    term_id, term_idf = weight
    rows = (
        SearchPosting.objects.filter(term_id=term_id)
        .order_by("-impact", "-entry_id")
        .values_list("entry_id", "impact")[offset : offset + limit]
    )
    return SearchResult(
        hits=tuple(Hit(page_id=entry_id, score=impact * term_idf) for entry_id, impact in rows),
        total=document_count,
    )
