"""Posting lists held in memory as numpy arrays, shared by the requests of one process.

SQL can match and rank, but intersecting two lists of 50,000 postings through a
GROUP BY costs SQLite about 100 ms; two sorted numpy arrays do it in about one. The
database stays the source of truth: every query reads the index version (a random
number rewritten on every index write) and, when it changed, the cache catches up
before answering, so every process answers from what is committed.

Catching up does not mean starting over. Each publish, edit or unpublish logs one
``IndexChange`` per index write: the previous and the new version, the article, and
the terms whose postings gained or lost it. The cache follows that chain from its own
version to the current one and, for the changed articles only, patches the cached
lists of those terms (one query for the articles' postings) and marks the filter id
sets to be patched on their next use. Lists of every other term stay as they are.
If the chain does not lead back to the cached version (a rebuild, a long gap, a
rolled-back write), everything is dropped as before. Idf needs no care here: term and
article counts are read from the database by every query.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
from django.db import connection

from warta.apps.search.models import IndexChange, SearchPosting

#: Upper bound on cached postings per process (~16 bytes each): 200 MB.
MAX_CACHED_POSTINGS = 12_000_000
#: How many logged index writes a process replays at most; further behind, it reloads.
MAX_REPLAYED_CHANGES = 200

#: Loads a filter's arrays (ids first), for every article or only for the given ids.
ArrayLoader = Callable[[list[int] | None], tuple[np.ndarray, ...]]


@dataclass(frozen=True)
class PostingList:
    """The articles containing one term, ascending by id, with their impacts."""

    entry_ids: np.ndarray
    impacts: np.ndarray

    def __len__(self) -> int:
        return int(self.entry_ids.size)

    def replaced(
        self, pages: np.ndarray, entry_ids: np.ndarray, impacts: np.ndarray
    ) -> PostingList:
        """Return this list with the postings of ``pages`` replaced by the given ones.

        ``entry_ids`` (ascending, all in ``pages``) and ``impacts`` are the current
        postings of this term among ``pages``; an empty pair removes the pages.
        """
        keep = ~np.isin(self.entry_ids, pages)
        ids, weights = self.entry_ids[keep], self.impacts[keep]
        at = np.searchsorted(ids, entry_ids)
        return PostingList(
            entry_ids=np.insert(ids, at, entry_ids), impacts=np.insert(weights, at, impacts)
        )


@dataclass
class _Arrays:
    """A filter's cached arrays and the articles changed since they were loaded."""

    value: tuple[np.ndarray, ...]
    stale: set[int] = field(default_factory=set)


@dataclass(frozen=True)
class _Step:
    page_id: int
    term_ids: frozenset[int]


class PostingCache:
    """Per-process cache of posting lists and filter arrays, kept at the index version."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._version: int | None = None
        self._lists: dict[int, PostingList] = {}
        self._size = 0
        self._arrays: dict[object, _Arrays] = {}

    def get(self, version: int, term_ids: list[int]) -> dict[int, PostingList]:
        """Return the posting lists of ``term_ids`` as of index ``version``."""
        with self._lock:
            self._catch_up(version)
            found = {t: self._lists[t] for t in term_ids if t in self._lists}
        missing = [t for t in term_ids if t not in found]
        if missing:
            loaded = _load(missing)
            with self._lock:
                if version == self._version:
                    if self._size + sum(len(p) for p in loaded.values()) > MAX_CACHED_POSTINGS:
                        self._lists, self._size = {}, 0
                    self._lists.update(loaded)
                    self._size += sum(len(p) for p in loaded.values())
            found.update(loaded)
        return found

    def memo(self, version: int, key: object, load: ArrayLoader) -> tuple[np.ndarray, ...]:
        """Return ``load(None)`` kept at index ``version`` (filter id sets, dates).

        The first array holds article ids. After index writes only the rows of the
        changed articles are reloaded, with ``load(their ids)``.
        """
        with self._lock:
            self._catch_up(version)
            cached = self._arrays.get(key)
            if cached is not None and not cached.stale:
                return cached.value
            if cached is not None:
                changed = sorted(cached.stale)
                fresh = load(changed)
                keep = ~np.isin(cached.value[0], changed)
                cached.value = tuple(
                    np.concatenate([old[keep], new])
                    for old, new in zip(cached.value, fresh, strict=True)
                )
                cached.stale = set()
                return cached.value
        value = load(None)
        with self._lock:
            if version == self._version:
                self._arrays[key] = _Arrays(value=value)
        return value

    def cached_lists(self) -> dict[int, PostingList]:
        """Return a snapshot of the cached posting lists by term id (for tests)."""
        with self._lock:
            return dict(self._lists)

    def _catch_up(self, version: int) -> None:
        if version == self._version:
            return
        steps = _steps_between(self._version, version) if self._version else None
        if steps is None:
            self._lists, self._size, self._arrays, self._version = {}, 0, {}, version
            return
        pages = sorted({step.page_id for step in steps})
        terms = frozenset().union(*(step.term_ids for step in steps)) & self._lists.keys()
        if terms:
            rows = _postings_of(pages)
            page_array = np.array(pages, dtype=np.int64)
            for term_id in terms:
                mine = rows[rows[:, 0] == term_id]
                before = self._lists[term_id]
                after = before.replaced(page_array, mine[:, 1], mine[:, 2])
                self._lists[term_id] = after
                self._size += len(after) - len(before)
        for arrays in self._arrays.values():
            arrays.stale.update(pages)
        self._version = version

    def clear(self) -> None:
        with self._lock:
            self._lists, self._size, self._arrays, self._version = {}, 0, {}, None


def _steps_between(cached: int, current: int) -> list[_Step] | None:
    """Return the logged writes leading from version ``cached`` to ``current``, or None.

    Reads the newest few log rows first and more only when the chain is longer.
    """
    for window in (16, MAX_REPLAYED_CHANGES):
        rows = list(
            IndexChange.objects.order_by("-pk").values_list(
                "version", "previous", "page_id", "term_ids"
            )[:window]
        )
        by_version = {version: (previous, page, terms) for version, previous, page, terms in rows}
        steps: list[_Step] = []
        at = current
        while at != cached and at in by_version:
            previous, page, terms = by_version.pop(at)  # pop: a cycle cannot loop
            steps.append(_Step(page, frozenset(int(t) for t in terms.split())))
            at = previous
        if at == cached:
            return steps
        if len(rows) < window:
            return None  # the whole log is read and the chain is broken
    return None


def _postings_of(page_ids: list[int]) -> np.ndarray:
    """Return ``(term_id, entry_id, impact)`` rows of the given articles, by entry id."""
    table = connection.ops.quote_name(SearchPosting._meta.db_table)
    placeholders = ", ".join("%s" for _ in page_ids)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT term_id, entry_id, impact FROM {table} WHERE entry_id IN ({placeholders})"  # noqa: S608
            " ORDER BY entry_id",
            page_ids,
        )
        return np.array(cursor.fetchall(), dtype=np.int64).reshape(-1, 3)


def _load(term_ids: list[int]) -> dict[int, PostingList]:
    table = connection.ops.quote_name(SearchPosting._meta.db_table)
    placeholders = ", ".join("%s" for _ in term_ids)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT term_id, entry_id, impact FROM {table} WHERE term_id IN ({placeholders})",  # noqa: S608
            term_ids,
        )
        rows = np.array(cursor.fetchall(), dtype=np.int64).reshape(-1, 3)
    lists: dict[int, PostingList] = {}
    for term_id in term_ids:
        chosen = rows[rows[:, 0] == term_id] if len(term_ids) > 1 else rows
        order = np.argsort(chosen[:, 1], kind="stable")
        lists[term_id] = PostingList(
            entry_ids=np.ascontiguousarray(chosen[order, 1]),
            impacts=np.ascontiguousarray(chosen[order, 2]),
        )
    return lists


CACHE = PostingCache()
