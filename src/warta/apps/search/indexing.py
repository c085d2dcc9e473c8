"""Write the search index: analyse an article, weigh its terms, store entry and postings.

Weights are BM25F: a term's title frequency (times ``TITLE_BOOST``) and body frequency
are each normalised by field length and summed into ``tf'``; the stored ``impact`` is
``1000 * tf' / (k1 + tf')``. The query side multiplies by idf.

Length normalisation uses fixed typical lengths of a news article (``FieldAverages()``)
rather than the running corpus average: an article's weights then never depend on
when it was indexed, so incremental updates and a full rebuild agree exactly, and the
first articles of a young site are not weighed against a mean of two.
"""

from __future__ import annotations

import math
import secrets
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from django.db import connection, transaction
from django.db.models import F

from warta.apps.newsroom.models import ArticlePage
from warta.apps.search.analysis import index_terms
from warta.apps.search.models import (
    IndexChange,
    IndexStatistics,
    SearchEntry,
    SearchPosting,
    SearchTerm,
)

K1 = 1.2
B = 0.75
TITLE_BOOST = 3.0
IMPACT_SCALE = 1000
#: Typical title and body length in terms (after stopwords) of a Warta article; the
#: demo articles average 8 and 170.
DEFAULT_TITLE_LENGTH = 8.0
DEFAULT_BODY_LENGTH = 180.0
BATCH_SIZE = 500


@dataclass(frozen=True)
class EntryDraft:
    """An analysed article, ready to be weighed and written."""

    page_id: int
    title: str
    text: str
    title_terms: tuple[str, ...]
    body_terms: tuple[str, ...]


@dataclass(frozen=True)
class FieldAverages:
    """Title and body lengths, in terms, that count as "normal" for normalisation."""

    title: float = DEFAULT_TITLE_LENGTH
    body: float = DEFAULT_BODY_LENGTH


def article_text(page: ArticlePage) -> str:
    """Return the plain text of an article body: paragraphs, sub-headings, quotes, sources."""
    pieces = page.body.stream_block.get_searchable_content(page.body)
    return "\n".join(str(piece).strip() for piece in pieces if str(piece).strip())


def draft_entry(page_id: int, title: str, text: str) -> EntryDraft:
    """Return the analysed form of one article."""
    return EntryDraft(
        page_id=page_id,
        title=title,
        text=text,
        title_terms=tuple(index_terms(title)),
        body_terms=tuple(index_terms(text)),
    )


def term_impacts(draft: EntryDraft, averages: FieldAverages) -> dict[str, tuple[int, bool]]:
    """Return ``{term: (impact, in_title)}`` for every distinct term of ``draft``."""
    title_tf = Counter(draft.title_terms)
    body_tf = Counter(draft.body_terms)
    title_norm = 1 - B + B * len(draft.title_terms) / averages.title
    body_norm = 1 - B + B * len(draft.body_terms) / averages.body
    impacts: dict[str, tuple[int, bool]] = {}
    for term in title_tf.keys() | body_tf.keys():
        tf = TITLE_BOOST * title_tf[term] / title_norm + body_tf[term] / body_norm
        impacts[term] = (max(1, math.floor(IMPACT_SCALE * tf / (K1 + tf) + 0.5)), term in title_tf)
    return impacts


def padded(terms: Iterable[str]) -> str:
    """Return terms as stored for phrase matching: space-separated, a space at each end."""
    return " " + " ".join(terms) + " "


STATISTICS_ID = 1


def indexed_documents() -> int:
    """Return how many articles the index holds (one primary-key read)."""
    return index_state()[0]


def index_state() -> tuple[int, int]:
    """Return (number of indexed articles, version) in one primary-key read."""
    row = (
        IndexStatistics.objects.filter(pk=STATISTICS_ID).values_list("documents", "version").first()
    )
    return (row[0], row[1]) if row else (0, 0)


#: Change rows kept for processes catching up (see ``postings.PostingCache``).
CHANGES_KEPT = 1000


@dataclass(frozen=True)
class ArticleChange:
    """What one index write did to one article: the terms whose postings changed."""

    page_id: int
    term_ids: frozenset[int]


def adjust_statistics(
    documents: int, title_length: int, body_length: int, change: ArticleChange | None = None
) -> None:
    """Add to the index totals (negative numbers remove); creates the row on first use.

    Every call gives the index a new random version. With ``change``, the step from the
    previous version to the new one is logged, so processes can update their cached
    posting lists for that one article; without it (a rebuild) they reload everything.
    """
    IndexStatistics.objects.get_or_create(pk=STATISTICS_ID)
    # Locked, so concurrent writers log an unbroken chain of versions (PostgreSQL; on
    # SQLite this transaction already holds the write lock).
    previous = (
        IndexStatistics.objects.select_for_update()
        .values_list("version", flat=True)
        .get(pk=STATISTICS_ID)
    )
    version = secrets.randbits(62)
    IndexStatistics.objects.filter(pk=STATISTICS_ID).update(
        version=version,
        documents=F("documents") + documents,
        title_length_total=F("title_length_total") + title_length,
        body_length_total=F("body_length_total") + body_length,
    )
    if change is not None:
        logged = IndexChange.objects.create(
            version=version,
            previous=previous,
            page_id=change.page_id,
            term_ids=" ".join(map(str, sorted(change.term_ids))),
        )
        IndexChange.objects.filter(pk__lte=logged.pk - CHANGES_KEPT).delete()


def term_ids(terms: Iterable[str]) -> dict[str, int]:
    """Return the ids of ``terms``, creating the ones the index has not seen yet."""
    wanted = sorted(set(terms))
    found: dict[str, int] = {}
    for start in range(0, len(wanted), BATCH_SIZE):
        chunk = wanted[start : start + BATCH_SIZE]
        found.update(SearchTerm.objects.filter(text__in=chunk).values_list("text", "id"))
    missing = [SearchTerm(text=t) for t in wanted if t not in found]
    if missing:
        SearchTerm.objects.bulk_create(missing, ignore_conflicts=True, batch_size=BATCH_SIZE)
        for start in range(0, len(missing), BATCH_SIZE):
            chunk = [t.text for t in missing[start : start + BATCH_SIZE]]
            found.update(SearchTerm.objects.filter(text__in=chunk).values_list("text", "id"))
    return found


def write_entries(drafts: list[EntryDraft], averages: FieldAverages, *, log: bool = False) -> None:
    """Store entries and postings for ``drafts`` (none of which may be indexed yet).

    ``log`` records the write as one ``IndexChange`` (a single draft only).
    """
    impacts = [term_impacts(d, averages) for d in drafts]
    ids = term_ids(t for per_draft in impacts for t in per_draft)
    SearchEntry.objects.bulk_create(
        [
            SearchEntry(
                page_id=d.page_id,
                title=d.title[:255],
                text=d.text,
                title_terms=padded(d.title_terms),
                body_terms=padded(d.body_terms),
                title_length=len(d.title_terms),
                body_length=len(d.body_terms),
            )
            for d in drafts
        ],
        batch_size=BATCH_SIZE,
    )
    SearchPosting.objects.bulk_create(
        (
            SearchPosting(term_id=ids[t], entry_id=d.page_id, impact=imp, in_title=in_title)
            for d, per_draft in zip(drafts, impacts, strict=True)
            for t, (imp, in_title) in per_draft.items()
        ),
        batch_size=2000,
    )
    document_counts = Counter(ids[t] for per_draft in impacts for t in per_draft)
    adjust_document_counts(document_counts, +1)
    change = None
    if log:
        [draft] = drafts
        change = ArticleChange(draft.page_id, frozenset(document_counts))
    adjust_statistics(
        len(drafts),
        sum(len(d.title_terms) for d in drafts),
        sum(len(d.body_terms) for d in drafts),
        change,
    )


def adjust_document_counts(counts: Counter[int], sign: int) -> None:
    """Add ``sign * n`` to each term's document count, grouped so few queries run."""
    by_amount: dict[int, list[int]] = {}
    for term_id, n in counts.items():
        by_amount.setdefault(n, []).append(term_id)
    for n, term_id_list in by_amount.items():
        for start in range(0, len(term_id_list), BATCH_SIZE):
            chunk = term_id_list[start : start + BATCH_SIZE]
            SearchTerm.objects.filter(pk__in=chunk).update(
                document_count=F("document_count") + sign * n
            )


def is_searchable(page: ArticlePage) -> bool:
    """Return whether readers may find ``page``: live and not behind a view restriction."""
    return ArticlePage.objects.published().filter(pk=page.pk).exists()


@transaction.atomic
def index_article(page: ArticlePage) -> bool:
    """Bring the index up to date for one article; return whether it is now indexed."""
    remove_article(page.pk)
    if not is_searchable(page):
        return False
    live = ArticlePage.objects.get(pk=page.pk)  # the published state, not a draft in memory
    draft = draft_entry(live.pk, live.title, article_text(live))
    write_entries([draft], FieldAverages(), log=True)
    return True


@transaction.atomic
def remove_article(page_id: int) -> None:
    """Drop one article from the index; a no-op when it is not (or no longer) indexed.

    Safe to call twice for the same page (Wagtail unpublishes a live page while
    deleting it, and the deletion then cascades to the entry): only the call that
    actually deletes the entry row lowers the counts.
    """
    lengths = SearchEntry.objects.filter(pk=page_id).values_list("title_length", "body_length")
    row = lengths.first()
    if row is None:
        return
    term_counts = Counter(
        SearchPosting.objects.filter(entry_id=page_id).values_list("term_id", flat=True)
    )
    with connection.cursor() as cursor:
        # Raw deletes: no signals, so no recursion through the pre_delete handler.
        cursor.execute(f"DELETE FROM {_table(SearchEntry)} WHERE page_id = %s", [page_id])  # noqa: S608
        if cursor.rowcount != 1:
            return  # another transaction removed it first
        cursor.execute(f"DELETE FROM {_table(SearchPosting)} WHERE entry_id = %s", [page_id])  # noqa: S608
    adjust_document_counts(term_counts, -1)
    adjust_statistics(-1, -row[0], -row[1], ArticleChange(page_id, frozenset(term_counts)))


def _table(model: type) -> str:
    return connection.ops.quote_name(model._meta.db_table)  # type: ignore[attr-defined]


def published_drafts(batch_size: int = BATCH_SIZE) -> Iterator[EntryDraft]:
    """Yield the analysed form of every published article, in id order."""
    pages = ArticlePage.objects.published().order_by("pk")
    last = 0
    while True:
        batch = list(pages.filter(pk__gt=last)[:batch_size])
        if not batch:
            return
        for page in batch:
            yield draft_entry(page.pk, page.title, article_text(page))
        last = batch[-1].pk


def clear_index() -> None:
    """Delete every entry, posting and term in bulk (no per-row signals)."""
    with connection.cursor() as cursor:
        for model in (SearchPosting, SearchEntry, SearchTerm, IndexStatistics, IndexChange):
            cursor.execute(f"DELETE FROM {_table(model)}")  # noqa: S608


@transaction.atomic
def rebuild_index(progress: Callable[[int, int], None] | None = None) -> int:
    """Rebuild the whole index from the published articles; return how many were indexed.

    Analyses every article first, then swaps the index in one transaction: readers keep
    seeing the old index until it commits.
    """
    total = ArticlePage.objects.published().count()
    drafts: list[EntryDraft] = []
    for draft in published_drafts():
        drafts.append(draft)
        if progress and len(drafts) % 100 == 0:
            progress(len(drafts), total)
    clear_index()
    for start in range(0, len(drafts), BATCH_SIZE):
        write_entries(drafts[start : start + BATCH_SIZE], FieldAverages())
    if progress:
        progress(len(drafts), total)
    refresh_planner_statistics()
    return len(drafts)


def refresh_planner_statistics() -> None:
    """Let the database planner see the index's new shape (same statement on both)."""
    with connection.cursor() as cursor:
        for model in (SearchPosting, SearchEntry, SearchTerm):
            cursor.execute(f"ANALYZE {_table(model)}")
