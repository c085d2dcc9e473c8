"""Contract tests over generated pools: safe, bounded, no repeats, exclude always wins."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from warta.engines.foryou import (
    EditorialSignal,
    ForYouConfig,
    Reader,
    build_index,
    reasons,
    recommend,
)
from warta.engines.foryou.synthetic import synthetic_articles

from .conftest import NOW


@settings(max_examples=30, deadline=None)
@given(
    n=st.integers(0, 40),
    history=st.lists(st.integers(0, 60), max_size=10),
    excluded=st.lists(st.integers(0, 40), max_size=5),
    pins=st.lists(st.tuples(st.integers(0, 40), st.integers(0, 12)), max_size=3),
    limit=st.integers(0, 12),
    seed=st.integers(0, 3),
)
def test_recommend_contract(
    n: int,
    history: list[int],
    excluded: list[int],
    pins: list[tuple[int, int]],
    limit: int,
    seed: int,
) -> None:
    articles = synthetic_articles(n, now=NOW, seed=seed)
    index = build_index(articles)
    signals = [EditorialSignal(f"s{i}", exclude=True) for i in excluded] + [
        EditorialSignal(f"s{i}", pin_slot=slot) for i, slot in pins
    ]
    reader = Reader(tuple(f"s{i}" for i in history))
    feed = recommend(reader, index, now=NOW, limit=limit, seed=seed, signals=signals)
    chosen = [r.article_id for r in feed]
    assert len(chosen) <= limit
    assert len(set(chosen)) == len(chosen)
    assert not {f"s{i}" for i in excluded} & set(chosen)
    assert all(r.reason for r in feed)
    assert feed == recommend(reader, index, now=NOW, limit=limit, seed=seed, signals=signals)


@settings(max_examples=30, deadline=None)
@given(
    n=st.integers(1, 40),
    hours=st.sampled_from([24.0, 24.0 * 30, 24.0 * 400]),
    unread=st.booleans(),
    history=st.lists(st.integers(0, 40), max_size=6),
    seed=st.integers(0, 3),
)
def test_general_reasons_are_true_of_the_article(
    n: int, hours: float, unread: bool, history: list[int], seed: int
) -> None:
    """ "Berita terbaru" only for a fresh article, "Sedang populer" only for a read one."""
    articles = synthetic_articles(n, now=NOW, seed=seed, hours=hours)
    if unread:
        articles = [replace(a, views=0) for a in articles]
    index = build_index(articles)
    config = ForYouConfig()
    reader = Reader(tuple(f"s{i}" for i in history))
    by_id = {a.id: a for a in articles}
    for r in recommend(reader, index, now=NOW, limit=10, seed=seed):
        article = by_id[r.article_id]
        if r.reason == reasons.FRESH:
            assert NOW - article.published_at <= config.fresh_window_hours * 3600.0
        if r.reason == reasons.POPULAR:
            assert article.views > 0
        if r.reason == reasons.PICK:
            assert article.is_pick
