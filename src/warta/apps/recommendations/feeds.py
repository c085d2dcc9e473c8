"""The three lists readers see — For You, Terkait, Populer sekarang — each with a fallback.

The engine ranks ids; this module turns them into article pages in one query, drops anything
the database says is no longer published or is excluded (exclude wins everywhere, even over
a stale index), and falls back to editor's picks and the latest articles when the engine has
nothing to say.
"""

from __future__ import annotations

import time
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

from warta.apps.newsroom.models import ArticlePage, ArticleQuerySet, thumbnail_prefetch
from warta.apps.recommendations import conf
from warta.apps.recommendations.indexing import Pool, current_pool
from warta.apps.recommendations.readers import ReaderKey
from warta.apps.recommendations.reasons import translate_reason
from warta.engines.foryou import (
    ForYouConfig,
    Reader,
    Recommendation,
    UnknownArticleError,
    popular,
    recommend,
    related,
)
from warta.engines.foryou import reasons as engine_reasons

DEFAULT_CONFIG = ForYouConfig()
FOR_YOU_LIMIT = 10
RELATED_LIMIT = 5
POPULAR_LIMIT = 5
HISTORY_LIMIT = 200


@dataclass(frozen=True, slots=True)
class Item:
    """One article to show, with the reason it is shown (in the active language)."""

    article: ArticlePage
    reason: str


@dataclass(frozen=True, slots=True)
class Feed:
    """A list to render; ``is_fallback`` says the engine had no answer.

    ``has_history``: the reader has reading events in the retention window; ``uses_history``:
    some of them are of published articles, so the engine actually ranked by them.
    """

    items: list[Item]
    is_fallback: bool = False
    has_history: bool = False
    uses_history: bool = False


def listable() -> ArticleQuerySet:
    """Return published, not excluded articles with what a list item shows prefetched."""
    return (
        ArticlePage.objects.published()
        .filter(recommendation_exclude=False)
        .select_related("hero_image")
        .prefetch_related(thumbnail_prefetch())
    )


def _items(recommendations: Sequence[Recommendation], limit: int) -> list[Item]:
    """Return the recommended articles in order, one query, skipping what is gone."""
    ids = [int(r.article_id) for r in recommendations]
    pages = listable().in_bulk(ids) if ids else {}
    items = [
        Item(pages[i], translate_reason(r.reason))
        for i, r in zip(ids, recommendations, strict=True)
        if i in pages
    ]
    return items[:limit]


def fallback(exclude: Collection[int], limit: int) -> list[Item]:
    """Return editor's picks, then the latest articles, leaving out ``exclude``."""
    articles = list(listable().exclude(pk__in=list(exclude))[: limit * 2])
    picks = [a for a in articles if a.editors_pick]
    rest = [a for a in articles if not a.editors_pick]
    items = [Item(a, _("Pilihan editor")) for a in picks[: max(limit // 2, 1)]]
    chosen = {item.article.pk for item in items}
    items += [Item(a, _latest_reason(a)) for a in rest + picks if a.pk not in chosen]
    return items[:limit]


def _latest_reason(article: ArticlePage) -> str:
    """Return "Berita terbaru" for an article inside the engine's fresh window, else "Dari arsip".

    The fallback lists the latest articles, which on a quiet site can be weeks old.
    """
    published = article.first_published_at
    fresh_since = timezone.now() - timedelta(hours=DEFAULT_CONFIG.fresh_window_hours)
    if published is not None and published >= fresh_since:
        return translate_reason(engine_reasons.FRESH)
    return translate_reason(engine_reasons.ARCHIVE)


def reading_history(reader: ReaderKey | None) -> list[int]:
    """Return the ids the reader read within the retention window, most recent last."""
    if reader is None:
        return []
    since = timezone.now() - conf.reading_history_window()
    recent = reader.events().recent(since).order_by("-read_at", "-pk")
    return list(recent.values_list("article_id", flat=True)[:HISTORY_LIMIT])[::-1]


def for_you(reader: ReaderKey | None, *, limit: int = FOR_YOU_LIMIT) -> Feed:
    """Return the reader's For You list (cold start: what is popular and what editors pick)."""
    history = reading_history(reader)
    pool = current_pool()
    recommendations = recommend(
        Reader(history=tuple(str(i) for i in history)),
        pool.index,
        signals=pool.signals,
        now=time.time(),
        limit=limit,
    )
    # Events of articles since unpublished are not in the index: the engine ignores them.
    uses_history = bool(pool.index.rows([str(i) for i in history]).size)
    items = _items(recommendations, limit)
    if items:
        return Feed(items, has_history=bool(history), uses_history=uses_history)
    return Feed(
        fallback(set(history), limit),
        is_fallback=True,
        has_history=bool(history),
        uses_history=uses_history,
    )


def related_to(article_id: int, *, limit: int = RELATED_LIMIT) -> Feed:
    """Return articles about the same thing as ``article_id`` ("Terkait")."""
    pool = current_pool()
    try:
        recommendations = related(
            str(article_id), pool.index, limit=limit, signals=pool.signals, now=time.time()
        )
    except UnknownArticleError:  # not published, or published after this process's index
        recommendations = []
    items = [item for item in _items(recommendations, limit) if item.article.pk != article_id]
    if items:
        return Feed(items)
    return Feed(fallback({article_id}, limit), is_fallback=True)


def popular_now(*, limit: int = POPULAR_LIMIT) -> Feed:
    """Return what most readers opened in the last ``WARTA_POPULAR_DAYS`` ("Populer sekarang")."""
    pool: Pool = current_pool()
    recommendations = [
        r
        for r in popular(pool.index, now=time.time(), limit=limit, signals=pool.signals)
        if pool.readers.get(int(r.article_id))  # nobody read it: not popular, just listed
    ]
    items = _items(recommendations, limit)
    if items:
        return Feed(items)
    return Feed(fallback((), limit), is_fallback=True)
