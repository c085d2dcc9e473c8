"""Turn ranked hits into what the page and the API show: article, highlighted title, snippet."""

from __future__ import annotations

import math
from dataclasses import dataclass

from django.db.models import Prefetch
from django.utils.safestring import SafeString
from wagtail.images.models import Image

from warta.apps.newsroom.models import ArticlePage, SectionPage
from warta.apps.search.models import SearchEntry
from warta.apps.search.parsing import ParsedQuery
from warta.apps.search.retrieval import SearchFilters, search
from warta.apps.search.snippets import highlight, snippet

RESULTS_PER_PAGE = 10
THUMBNAIL_SPEC = "fill-320x180"


@dataclass(frozen=True)
class ResultItem:
    article: ArticlePage
    title: SafeString
    snippet: SafeString
    section: SectionPage | None


@dataclass(frozen=True)
class ResultPage:
    """One page of search results, with what pagination needs."""

    query: ParsedQuery
    items: tuple[ResultItem, ...]
    total: int
    number: int
    per_page: int = RESULTS_PER_PAGE

    @property
    def num_pages(self) -> int:
        return max(1, math.ceil(self.total / self.per_page))

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.num_pages

    @property
    def start_index(self) -> int:
        return (self.number - 1) * self.per_page + 1 if self.items else 0


def live_sections() -> list[SectionPage]:
    """Return the live sections in tree order.

    Two small queries on purpose: joined in one, SQLite without planner statistics
    walks all 100k pages of a large site to find the seven sections.
    """
    ids = list(SectionPage.objects.order_by().values_list("pk", flat=True))
    return sorted(SectionPage.objects.live().filter(pk__in=ids).order_by(), key=lambda s: s.path)


def find_articles(
    query: ParsedQuery,
    filters: SearchFilters | None = None,
    number: int = 1,
    per_page: int = RESULTS_PER_PAGE,
    sections: list[SectionPage] | None = None,
) -> ResultPage:
    """Return page ``number`` of the results; a page past the end shows the last page."""
    result = search(query, filters, limit=per_page, offset=(number - 1) * per_page)
    if not result.hits and result.total:
        number = max(1, math.ceil(result.total / per_page))
        result = search(query, filters, limit=per_page, offset=(number - 1) * per_page)
    if not result.hits:
        return ResultPage(query=query, items=(), total=result.total, number=1, per_page=per_page)
    ids = [hit.page_id for hit in result.hits]
    articles = {
        a.pk: a
        for a in ArticlePage.objects.published()
        .filter(pk__in=ids)
        .defer("body")  # parsing StreamField JSON costs more than the rest of the page
        .prefetch_related(
            Prefetch("hero_image", queryset=Image.objects.prefetch_renditions(THUMBNAIL_SPEC))
        )
    }
    texts = dict(SearchEntry.objects.filter(pk__in=ids).values_list("pk", "text"))
    if sections is None:
        parents = {articles[i].path[: -ArticlePage.steplen] for i in ids if i in articles}
        sections = list(SectionPage.objects.filter(path__in=parents))
    by_path = {s.path: s for s in sections}
    terms = frozenset(query.terms)
    items = []
    for page_id in ids:
        article, text = articles.get(page_id), texts.get(page_id)
        if article is None or text is None:
            continue  # unpublished or restricted since it was indexed
        items.append(
            ResultItem(
                article=article,
                title=highlight(article.title, terms),
                snippet=snippet(text, terms),
                section=by_path.get(article.path[: -ArticlePage.steplen]),
            )
        )
    return ResultPage(
        query=query, items=tuple(items), total=result.total, number=number, per_page=per_page
    )
