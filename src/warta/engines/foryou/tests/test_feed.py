"""For You, related and popular: cold start, editorial signals, diversity, determinism."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np
import pytest

from warta.engines.foryou import (
    Article,
    EditorialSignal,
    ForYouConfig,
    ForYouError,
    ForYouIndex,
    Reader,
    Recommendation,
    UnknownArticleError,
    build_index,
    popular,
    reasons,
    recommend,
    related,
)
from warta.engines.foryou.index import article_text

from .conftest import HOUR, NOW, make_articles

PERU_READER = Reader(("peru-1", "peru-2"))


def ids(recommendations: list[Recommendation]) -> list[str]:
    return [r.article_id for r in recommendations]


def test_cold_start_is_popular_and_picks(index: ForYouIndex) -> None:
    feed = recommend(Reader(()), index, now=NOW, limit=6)
    assert len(feed) == 6
    assert {"film-1", "wisata-1"} <= set(ids(feed))  # editor's picks
    most_viewed = max(index.articles, key=lambda a: a.views).id
    assert most_viewed in ids(feed)
    assert {r.reason for r in feed} <= {reasons.POPULAR, reasons.FRESH, reasons.PICK}


def test_cold_start_calls_only_new_articles_new() -> None:
    day = 24 * HOUR
    pool = [
        Article("baru", "Gempa di Cianjur", "gempa", "berita", (), NOW - 2 * HOUR),
        Article("bulan-lalu", "Harga cabai naik", "cabai", "bisnis", (), NOW - 30 * day),
        Article("tahun-lalu", "Banjir di Demak", "banjir", "metro", (), NOW - 400 * day),
        Article("dibaca", "Laga timnas", "timnas", "olahraga", (), NOW - 30 * day, views=3),
        Article("pilihan", "Soto Surabaya", "soto", "gaya-hidup", (), NOW - 30 * day, is_pick=True),
    ]
    reason_of = {r.article_id: r.reason for r in recommend(Reader(()), pool, now=NOW, limit=5)}
    assert reason_of == {
        "baru": reasons.FRESH,
        "bulan-lalu": reasons.ARCHIVE,  # a month old and unread: not "Berita terbaru"
        "tahun-lalu": reasons.ARCHIVE,  # every score 0: not "Sedang populer" either
        "dibaca": reasons.POPULAR,
        "pilihan": reasons.PICK,
    }


def test_unknown_history_is_cold_start(index: ForYouIndex) -> None:
    assert recommend(Reader(("gone",)), index, now=NOW) == recommend(Reader(()), index, now=NOW)


def test_personal_feed_follows_history_with_indonesian_reason(index: ForYouIndex) -> None:
    feed = recommend(PERU_READER, index, now=NOW, limit=5)
    assert feed[0].article_id == "peru-3"
    assert feed[0].reason == "Karena Anda membaca tentang Peru"
    assert not {"peru-1", "peru-2"} & set(ids(feed))  # already read


def test_pin_puts_article_in_its_slot(index: ForYouIndex) -> None:
    signals = [EditorialSignal("kuliner-1", pin_slot=2)]
    for reader in (PERU_READER, Reader(())):
        feed = recommend(reader, index, now=NOW, limit=5, signals=signals)
        assert ids(feed)[2] == "kuliner-1"
        assert feed[2].reason == reasons.PINNED
        assert ids(feed).count("kuliner-1") == 1


def test_exclude_removes_everywhere_and_wins_over_pin_and_boost(index: ForYouIndex) -> None:
    signals = [
        EditorialSignal("peru-3", exclude=True, pin_slot=0, boost=10.0),
        EditorialSignal("bola-1", exclude=True),
    ]
    for reader in (PERU_READER, Reader(())):
        feed = recommend(reader, index, now=NOW, limit=20, signals=signals)
        assert not {"peru-3", "bola-1"} & set(ids(feed))
    assert "peru-3" not in ids(related("peru-1", index, limit=20, signals=signals))
    assert "bola-1" not in ids(related("bola-2", index, limit=20, signals=signals))
    assert not {"peru-3", "bola-1"} & set(ids(popular(index, now=NOW, limit=20, signals=signals)))


def test_boost_raises_and_bury_sinks(index: ForYouIndex) -> None:
    config = ForYouConfig(explore_every=0, max_topic_share=1.0)
    plain = ids(recommend(PERU_READER, index, now=NOW, limit=20, config=config))
    boosted = ids(
        recommend(
            PERU_READER, index, now=NOW, limit=20, config=config,
            signals=[EditorialSignal("pemilu-1", boost=5.0)],
        )
    )  # fmt: skip
    assert boosted[0] == "pemilu-1"
    buried = ids(
        recommend(
            PERU_READER, index, now=NOW, limit=20, config=config,
            signals=[EditorialSignal("peru-3", bury=True)],
        )
    )  # fmt: skip
    assert plain[0] == "peru-3"
    assert buried[-1] == "peru-3"


def test_never_recommends_unpublished(articles: list[Article]) -> None:
    future = replace(articles[0], id="besok", published_at=NOW + HOUR, views=10**6)
    index = build_index([*articles, future])
    for reader in (PERU_READER, Reader(())):
        assert "besok" not in ids(recommend(reader, index, now=NOW, limit=20))
    assert "besok" not in ids(popular(index, now=NOW, limit=20))
    assert "besok" not in ids(related("peru-1", index, now=NOW, limit=20))


def test_deterministic_for_same_state_and_seed(articles: list[Article]) -> None:
    first = recommend(PERU_READER, build_index(articles), now=NOW, limit=10, seed=7)
    again = recommend(PERU_READER, build_index(list(articles)), now=NOW, limit=10, seed=7)
    from_list = recommend(PERU_READER, articles, now=NOW, limit=10, seed=7)
    assert first == again == from_list


def test_feed_is_diverse(articles: list[Article]) -> None:
    many_peru = [
        Article(f"peru-x{i}", f"Kabar Peru nomor {i}: {w}", f"Peru {w} laporan {i}", "dunia",
                ("Peru",), NOW - i * 60, views=1000)
        for i, w in enumerate(["tembaga", "pemilu", "gempa", "wisata", "sepak bola", "kopi"])
    ]  # fmt: skip
    index = build_index([*articles, *many_peru])
    feed = recommend(PERU_READER, index, now=NOW, limit=10, config=ForYouConfig(explore_every=0))
    peru = [i for i in ids(feed) if i.startswith("peru")]
    assert len(feed) == 10
    assert len(peru) <= int(ForYouConfig().max_topic_share * 10)


def test_near_duplicates_of_one_event_are_dropped(articles: list[Article]) -> None:
    copy = replace(articles[2], id="peru-3-copy", views=articles[2].views + 1)
    feed = recommend(PERU_READER, build_index([*articles, copy]), now=NOW, limit=10)
    assert len({"peru-3", "peru-3-copy"} & set(ids(feed))) == 1


def test_exploration_shows_an_unread_topic(index: ForYouIndex) -> None:
    feed = recommend(PERU_READER, index, now=NOW, limit=10, seed=3)
    assert any(r.reason.startswith("Coba yang lain") for r in feed)
    assert len(set(ids(feed))) == len(feed)


def test_related_finds_the_same_story(index: ForYouIndex) -> None:
    result = related("banjir-1", index, limit=3)
    assert result[0].article_id == "banjir-2"
    assert result[0].reason == "Juga tentang Banjir"
    assert "banjir-1" not in ids(result)
    with pytest.raises(UnknownArticleError):
        related("tidak-ada", index)


def test_popular_decays_with_age() -> None:
    old = Article("lama", "Berita lama", "isi", "berita", (), NOW - 72 * HOUR, views=1000)
    new = Article("baru", "Berita baru", "isi", "berita", (), NOW - 1 * HOUR, views=200)
    assert ids(popular([old, new], now=NOW, limit=2)) == ["baru", "lama"]


def test_empty_inputs_are_safe() -> None:
    assert recommend(PERU_READER, [], now=NOW) == []
    assert popular([], now=NOW) == []
    assert recommend(PERU_READER, make_articles(), now=NOW, limit=0) == []


def test_stored_vectors_replace_the_embedder(articles: list[Article]) -> None:
    def embed(texts: Sequence[str]) -> np.ndarray:
        return np.asarray([[len(t), 1.0, 0.0] for t in texts], dtype=np.float32)

    stored = {a.id: embed([article_text(a)])[0] for a in articles[:5]}
    calls: list[int] = []

    def counting(texts: Sequence[str]) -> np.ndarray:
        calls.append(len(texts))
        return embed(texts)

    mixed = build_index(articles, embedder=counting, vectors=stored)
    full = build_index(articles, embedder=embed)
    assert calls == [len(articles) - 5]
    assert mixed.embeddings is not None and full.embeddings is not None
    assert np.allclose(mixed.embeddings, full.embeddings)
    with pytest.raises(ForYouError):
        build_index(articles, vectors=stored)  # some articles have no vector, no embedder


def test_with_views_refreshes_popularity(index: ForYouIndex) -> None:
    refreshed = index.with_views({"pemilu-1": 10**6})
    assert popular(refreshed, now=NOW, limit=1)[0].article_id == "pemilu-1"
    assert popular(index, now=NOW, limit=1)[0].article_id != "pemilu-1"


def test_no_near_duplicate_of_a_pinned_article(articles: list[Article]) -> None:
    copy = replace(articles[2], id="peru-3-copy", views=articles[2].views + 1)
    index = build_index([*articles, copy])
    feed = recommend(
        PERU_READER, index, now=NOW, limit=10, signals=[EditorialSignal("peru-3", pin_slot=4)]
    )
    assert ids(feed)[4] == "peru-3"
    assert "peru-3-copy" not in ids(feed)
