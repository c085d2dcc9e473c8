"""Contract tests over generated pools: safe, bounded, no repeats, exclude always wins."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from warta.engines.foryou import EditorialSignal, Reader, build_index, recommend
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
