"""The engine's index of published articles: built once per process, shared by requests.

A version counter in the shared cache says when the pool changed (an article published,
unpublished, moved or deleted, on any app server); each process rebuilds its index the first
time it sees a new version. Reader counts for popularity change all the time, so they are
not part of the index build: they are counted at most every ``WARTA_POPULAR_CACHE_SECONDS``
and laid over the index (a cheap array swap, no re-indexing).
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, replace

import numpy as np
from django.core.cache import cache
from django.db.models import Count
from django.utils import timezone

from warta.apps.recommendations import conf, embeddings
from warta.apps.recommendations.articles import load_pool
from warta.apps.recommendations.models import ReadingEvent
from warta.engines.foryou import EditorialSignal, ForYouIndex, build_index

VERSION_KEY = "warta:recommendations:pool-version"
READERS_KEY = "warta:recommendations:readers"


@dataclass(frozen=True, slots=True, eq=False)
class Pool:
    """The index with current reader counts, the editors' signals, and what they excluded."""

    index: ForYouIndex
    signals: tuple[EditorialSignal, ...]
    excluded: frozenset[int]
    readers: dict[int, int]  # article id -> readers in the popular window
    version: int


@dataclass(slots=True)
class _ProcessState:
    version: int | None = None
    index: ForYouIndex | None = None
    signals: tuple[EditorialSignal, ...] = ()
    readers_stamp: float | None = None
    pool: Pool | None = None


_state = _ProcessState()
_lock = threading.Lock()


def pool_version() -> int:
    """Return the shared pool version (created on first use, so every process agrees)."""
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, time.time_ns(), timeout=None)
        version = cache.get(VERSION_KEY, 0)
    return int(version)


def bump_pool_version() -> None:
    """Tell every process that the set of published articles changed."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not in the cache (evicted or never read): any new value will do
        cache.set(VERSION_KEY, time.time_ns(), timeout=None)


def reader_counts() -> tuple[float, dict[int, int]]:
    """Return (when counted, readers per article in the popular window), cached briefly."""
    cached = cache.get(READERS_KEY)
    if cached is not None:
        return cached
    since = timezone.now() - conf.popular_window()
    counts = dict(
        ReadingEvent.objects.recent(since)
        .values("article_id")
        .annotate(n=Count("id"))
        .values_list("article_id", "n")
    )
    value = (time.time(), counts)
    seconds = conf.popular_cache_seconds()
    if seconds:
        cache.set(READERS_KEY, value, timeout=seconds)
    return value


def _build(version: int) -> None:
    articles, signals = load_pool()
    vectors = None
    if conf.use_embeddings():
        # Stored vectors only: embedding happens in the worker, never in a request.
        stored = embeddings.stored_vectors(articles)
        missing = [int(article.id) for article in articles if article.id not in stored]
        embeddings.queue_missing(missing, version)
        vectors = embeddings.complete(articles, stored)
    _state.index = build_index(articles, vectors=vectors)
    _state.signals = tuple(signals)
    _state.version = version
    _state.readers_stamp = None
    _state.pool = None


def current_pool() -> Pool:
    """Return the pool for this request, rebuilding only when it changed since last time."""
    version = pool_version()
    stamp, counts = reader_counts()
    pool = _state.pool
    if pool is not None and _state.version == version and _state.readers_stamp == stamp:
        return pool
    with _lock:
        if _state.version != version or _state.index is None:
            _build(version)
        index = _state.index
        assert index is not None
        views = np.asarray([counts.get(int(a.id), 0) for a in index.articles], dtype=np.float64)
        pool = Pool(
            index=replace(index, views=views),
            signals=_state.signals,
            excluded=frozenset(int(s.article_id) for s in _state.signals if s.exclude),
            readers=counts,
            version=version,
        )
        _state.pool = pool
        _state.readers_stamp = stamp
        return pool


def reset() -> None:
    """Forget this process's index (tests; a publisher's shell after a bulk import)."""
    with _lock:
        _state.version = None
        _state.index = None
        _state.signals = ()
        _state.readers_stamp = None
        _state.pool = None
